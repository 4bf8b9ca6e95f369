import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { classifyDatabaseError } from '../db/errors.ts';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../db/availability.ts';

/**
 * What a caller is told when a call fails. Refusals of our own (FORBIDDEN, CONFLICT, …) go out as
 * they are; a database refusal (a unique constraint, a value it would not store) becomes CONFLICT
 * or BAD_REQUEST in our words; anything else is a fault of the server: logged here with its
 * cause, answered with one generic INTERNAL_SERVER_ERROR. No error carries the database's text.
 */
export const INTERNAL_MESSAGE = 'the server failed to do this; the fault is logged on the server';

const logged = new WeakSet<object>();
let internalErrors = 0;

/** How many internal errors this process has answered (the trust tests hold it at zero). */
export function internalErrorCount(): number {
  return internalErrors;
}

export function publicError(error: TRPCError, path: string | undefined): TRPCError {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  if (logged.has(error)) return error;
  // The database away is no fault of the server's: 503, saying so, and that a retry is safe.
  if (isDatabaseUnavailable(error.cause))
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE.during });
  const refused = classifyDatabaseError(error.cause);
  if (refused) return new TRPCError({ code: refused.code, message: refused.message });
  internalErrors++;
  console.error(`internal error in ${path ?? 'a request'}:`, error.cause ?? error);
  const answer = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE });
  logged.add(answer);
  return answer;
}

interface Shape {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path?: string; stack?: string };
}

/** The error shape of every failed call over HTTP and WebSocket, from publicError's answer. */
export function publicShape<S extends Shape>(shape: S, error: TRPCError, path?: string): S {
  const safe = publicError(error, path);
  return {
    ...shape,
    message: safe.message,
    code: TRPC_ERROR_CODES_BY_KEY[safe.code],
    data: {
      ...shape.data,
      code: safe.code,
      httpStatus: getHTTPStatusCodeFromError(safe),
      stack: undefined,
    },
  };
}
