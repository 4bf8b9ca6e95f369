import { initTRPC, TRPCError } from '@trpc/server';
import { ClaimHeldError } from '../services/claims.ts';
import { UNAVAILABLE_MESSAGE } from '../db/availability.ts';
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

/**
 * While the database is known to be away, a call is refused at once (SERVICE_UNAVAILABLE, 503)
 * instead of waiting on a connection that cannot be made; one that meets the outage on its way
 * is answered the same by publicError.
 */
const databaseAvailable = t.middleware(({ ctx, next }) => {
  if (!ctx.deps.store.availability.isUp)
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE.before });
  return next();
});

/** Every call takes its share of its connection's rate (server/limits): no database read. */
const connectionRate = t.middleware(({ ctx, next }) => {
  const refused = ctx.admit?.call();
  if (refused) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: refused });
  return next();
});

export const publicProcedure = t.procedure
  .use(publicErrors)
  .use(connectionRate)
  .use(databaseAvailable);

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
  const refused = ctx.admit?.signedIn(ctx.token!, caller.role);
  if (refused) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: refused });
  return next({ ctx: { ...ctx, caller } });
});
