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

export const router = t.router;
/** Calls procedures in-process (tests, scripts): `createCallerFactory(appRouter)(context)`. */
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure's one step before its input (a step of tRPC's costs a few copies of the call's
 * options, on every call): the call takes its share of its connection's rate (server/limits, no
 * database read); while the database is known to be away it is refused at once
 * (SERVICE_UNAVAILABLE, 503) instead of waiting on a connection that cannot be made; a member's
 * procedure resolves the signed-in member. A failure leaves as publicError says (a database
 * refusal in our words, a fault logged and answered generically, one that meets the outage on
 * its way answered as unavailable), for in-process callers too.
 */
async function gated<R extends { ok: boolean }>(path: string, step: () => Promise<R>): Promise<R> {
  const result = await step().catch((e: unknown) => {
    throw publicError(e instanceof TRPCError ? e : internal(e), path);
  });
  if (!result.ok) {
    const error = (result as unknown as { error: TRPCError }).error;
    const safe = publicError(error, path);
    if (safe !== error) throw safe;
  }
  return result;
}

const internal = (cause: unknown) => new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause });

async function admitted(ctx: Context, member: boolean) {
  const rated = ctx.admit?.call();
  if (rated) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: rated });
  if (!ctx.deps.store.availability.isUp)
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE.before });
  if (!member) return null;
  // Authentication only: what a member may do is the permission table's to say, checked in the
  // services (shared/domain/permissions.ts).
  const caller = await ctx.resolveCaller();
  if (!caller)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.token ? 'this sign-in token is unknown or revoked' : 'sign in with a token',
    });
  const refused = ctx.admit?.signedIn(ctx.token!, caller.role);
  if (refused) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: refused });
  return caller;
}

export const publicProcedure = t.procedure.use(({ ctx, next, path }) =>
  gated(path, async () => {
    await admitted(ctx, false);
    return next();
  }),
);

/** Narrows ctx to a signed-in member of one organisation (see gated). */
export const memberProcedure = t.procedure.use(({ ctx, next, path }) =>
  gated(path, async () => {
    const caller = (await admitted(ctx, true))!;
    return next({ ctx: { ...ctx, caller } });
  }),
);
