import { memberProcedure, router } from '../init.ts';
import {
  zIdInput,
  zIssueTokenInput,
  zMemberInput,
  zMemberUpdate,
  zTokensInput,
} from '../../../shared/domain/schemas/index.ts';
import * as members from '../../services/procedures/members.ts';

export const membersRouter = router({
  list: memberProcedure.query(({ ctx }) => members.list(ctx)),
  create: memberProcedure
    .input(zMemberInput)
    .mutation(({ ctx, input }) => members.create(ctx, input)),
  update: memberProcedure
    .input(zMemberUpdate)
    .mutation(({ ctx, input }) => members.update(ctx, input)),
  remove: memberProcedure.input(zIdInput).mutation(({ ctx, input }) => members.remove(ctx, input)),
  tokens: memberProcedure.input(zTokensInput).query(({ ctx, input }) => members.tokens(ctx, input)),
  /** A new sign-in token for a member, shown once. */
  issueToken: memberProcedure
    .input(zIssueTokenInput)
    .mutation(({ ctx, input }) => members.issueToken(ctx, input)),
  revokeToken: memberProcedure
    .input(zIdInput)
    .mutation(({ ctx, input }) => members.revokeToken(ctx, input)),
});
