import type { ThreadView } from '../../../shared/domain/schemas/index.ts';
import { statusAfterReply } from '../../../shared/domain/thread-state.ts';
import { authorize } from '../authorize.ts';
import { dropClaim } from '../claims.ts';
import type { Call } from '../deps.ts';
import { postState } from '../thread-access.ts';
import { loadView } from '../views.ts';
import { callerScope, runWrite } from '../write.ts';

/** threads.recordReply: a reply sent from the site's own reply box (Switchboard never sends one). */

interface ReplyInput {
  postKey: string;
  text: string;
  sentMsAgo: number;
  clientMutationId?: string;
}

/**
 * Records the reply in the log and answers the thread at the moment it was sent: the first
 * response's time is the send (a reply an offline outbox sends late keeps its moment, never
 * before the post was first seen). Sent without holding the claim (someone typed past the bar,
 * or nobody had claimed it), it is still recorded, and flagged for leads.
 */
export async function recordReply({ deps, caller }: Call, input: ReplyInput): Promise<ThreadView> {
  return runWrite(
    deps,
    callerScope(caller, 'threads.recordReply', input.clientMutationId),
    async ({ trx, now, emit }) => {
      authorize(caller, 'threads.recordReply');
      const { thread: t, claim } = await postState(trx, caller.orgId, input.postKey);
      const sentAt = Math.max(now - input.sentMsAgo, t.first_seen_at);
      // Held: the last grant was the caller's (a lease that ran out unseen by anyone still counts;
      // one the sweeper freed, or that someone else took, does not).
      const withClaim = claim?.holder_id === caller.id;
      const liveHolder = claim?.holder_id && claim.expires_at > now ? claim.holder_id : null;
      const status = statusAfterReply(t.status);
      await trx
        .updateTable('threads')
        .set({
          status,
          version: t.version + 1,
          // The first response is the first answer; later replies keep it.
          answered_at: t.answered_at ?? sentAt,
          answered_by: t.answered_by ?? caller.id,
          ...(!withClaim && { answered_without_claim: 1 }),
        })
        .where('org_id', '=', caller.orgId)
        .where('post_key', '=', input.postKey)
        .execute();
      await dropClaim(trx, caller.orgId, input.postKey, now);
      const view = (await loadView(trx, caller.orgId, input.postKey, now))!;
      await emit({
        postKey: input.postKey,
        type: 'thread.replied',
        thread: view.thread,
        claim: view.claim,
        data: {
          text: input.text,
          sentAt,
          withoutClaim: !withClaim,
          claimHolderId: liveHolder === caller.id ? null : liveHolder,
          from: t.status,
        },
      });
      return view;
    },
  );
}
