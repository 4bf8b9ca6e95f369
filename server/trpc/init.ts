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
export const publicProcedure = t.procedure;

/** Narrows ctx to a signed-in member of one organisation. */
export const memberProcedure = t.procedure.use(async ({ ctx, next }) => {
  const caller = await ctx.resolveCaller();
  if (!caller)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.token ? 'this sign-in token is unknown or revoked' : 'sign in with a token',
    });
  return next({ ctx: { ...ctx, caller } });
});

export const leadProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role === 'member')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'only team leads and admins can do this' });
  return next();
});

export const adminProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'only admins can do this' });
  return next();
});
