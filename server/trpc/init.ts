import { initTRPC, TRPCError } from '@trpc/server';
import { ClaimHeldError } from '../services/claims.ts';
import type { Context } from './context.ts';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const claim = error instanceof ClaimHeldError ? error.holder : undefined;
    // Validation errors get one readable line instead of zod's JSON dump.
    const issues =
      error.code === 'BAD_REQUEST' && error.cause && 'issues' in error.cause
        ? (error.cause.issues as { path: PropertyKey[]; message: string }[])
        : null;
    const message = issues
      ? 'invalid input: ' +
        issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ')
      : shape.message;
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, ...(claim !== undefined && { claim }) },
    };
  },
});

export const router = t.router;
/** Calls procedures in-process (tests, scripts): `createCallerFactory(appRouter)(context)`. */
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/**
 * Narrows ctx to a signed-in member of one organisation. Authentication only: what a member may
 * do is the permission table's to say, checked in the services (shared/domain/permissions.ts).
 */
export const memberProcedure = t.procedure.use(async ({ ctx, next }) => {
  const caller = await ctx.resolveCaller();
  if (!caller)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.token ? 'this sign-in token is unknown or revoked' : 'sign in with a token',
    });
  return next({ ctx: { ...ctx, caller } });
});
