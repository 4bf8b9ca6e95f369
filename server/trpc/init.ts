import { initTRPC, TRPCError } from '@trpc/server';
import { ClaimHeldError } from '../services/claims.ts';
import type { Context } from './context.ts';
import { publicError, publicShape } from './errors.ts';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path }) {
    const claim = error instanceof ClaimHeldError ? error.holder : undefined;
    // Validation errors get one readable line instead of zod's JSON dump.
    const issues =
      error.code === 'BAD_REQUEST' && error.cause && 'issues' in error.cause
        ? (error.cause.issues as { path: PropertyKey[]; message: string }[])
        : null;
    const safe = publicShape(shape, error, path);
    const message = issues
      ? 'invalid input: ' +
        issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ')
      : safe.message;
    return { ...safe, message, data: { ...safe.data, ...(claim !== undefined && { claim }) } };
  },
});

/**
 * Every procedure's first step: a failure leaves it as publicError says (a database refusal in
 * our words, a fault logged and answered generically), for in-process callers too.
 */
const publicErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const safe = publicError(result.error, path);
    if (safe !== result.error) throw safe;
  }
  return result;
});

export const router = t.router;
/** Calls procedures in-process (tests, scripts): `createCallerFactory(appRouter)(context)`. */
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(publicErrors);

/**
 * Narrows ctx to a signed-in member of one organisation. Authentication only: what a member may
 * do is the permission table's to say, checked in the services (shared/domain/permissions.ts).
 */
export const memberProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = await ctx.resolveCaller();
  if (!caller)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.token ? 'this sign-in token is unknown or revoked' : 'sign in with a token',
    });
  return next({ ctx: { ...ctx, caller } });
});
