import { z } from 'zod';
import { adminProcedure, memberProcedure, router } from '../init.ts';
import {
  zId,
  zIdInput,
  zMemberInput,
  zMemberUpdate,
} from '../../../shared/domain/schemas/index.ts';
import { createMember, listMembers, removeMember, updateMember } from '../../services/members.ts';
import { issueToken, listTokens, revokeToken } from '../../services/tokens.ts';
import { getMember } from '../../services/members.ts';
import { runWrite } from '../../services/write.ts';
import type { Context } from '../context.ts';
import type { Caller } from '../../services/deps.ts';

type Ctx = Context & { caller: Caller };
const scope = (ctx: Ctx, procedure: string, clientMutationId?: string) => ({
  orgId: ctx.caller.orgId,
  memberId: ctx.caller.id,
  clientMutationId,
  procedure,
});

export const membersRouter = router({
  /** Everyone sees the org's people: the overlay assigns to them by name. */
  list: memberProcedure.query(({ ctx }) => listMembers(ctx.deps.store.db, ctx.caller.orgId)),
  // Not replayable: the stored result would hold the new token in the clear.
  create: adminProcedure
    .input(zMemberInput)
    .mutation(({ ctx, input }) =>
      runWrite(ctx.deps, scope(ctx, 'members.create'), ({ trx, now }) =>
        createMember(trx, ctx.caller.orgId, input, now),
      ),
    ),
  update: adminProcedure.input(zMemberUpdate).mutation(({ ctx, input }) => {
    const { id, clientMutationId, ...patch } = input;
    return runWrite(ctx.deps, scope(ctx, 'members.update', clientMutationId), ({ trx }) =>
      updateMember(trx, ctx.caller.orgId, id, patch),
    );
  }),
  remove: adminProcedure.input(zIdInput).mutation(({ ctx, input }) =>
    runWrite(
      ctx.deps,
      scope(ctx, 'members.remove', input.clientMutationId),
      async ({ trx, now }) => {
        await removeMember(trx, ctx.caller.orgId, input.id, now);
        return { removed: input.id };
      },
    ),
  ),
  tokens: adminProcedure
    .input(z.object({ memberId: zId.optional() }))
    .query(({ ctx, input }) => listTokens(ctx.deps.store.db, ctx.caller.orgId, input.memberId)),
  /** A new sign-in token for a member, shown once. */
  issueToken: adminProcedure.input(z.object({ memberId: zId })).mutation(({ ctx, input }) =>
    runWrite(ctx.deps, scope(ctx, 'members.issueToken'), async ({ trx, now }) => {
      await getMember(trx, ctx.caller.orgId, input.memberId);
      return { token: await issueToken(trx, ctx.caller.orgId, input.memberId, now) };
    }),
  ),
  revokeToken: adminProcedure.input(zIdInput).mutation(({ ctx, input }) =>
    runWrite(
      ctx.deps,
      scope(ctx, 'members.revokeToken', input.clientMutationId),
      async ({ trx, now }) => {
        await revokeToken(trx, ctx.caller.orgId, input.id, now);
        return { revoked: input.id };
      },
    ),
  ),
});
