import type { Claim, ThreadView } from '../domain/schemas/thread.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { OutboxEntry } from './local-db.ts';
import type { ServerClient } from './server-link.ts';
import { MAX_REPLY_AGE_MS } from '../domain/reply-limits.ts';

/**
 * Sends one overlay action to the server with its client-made id (so a replay after a lost
 * answer applies once) and returns the view it leads to. Claim tokens are read when the action
 * runs, not when it was queued: a claim queued offline gets its token only once it is granted.
 * A token an answer is sent with is kept with the entry (`keepToken`) before it is sent: a
 * replay must repeat the same call, whatever the claim looks like by then.
 */
export async function executeAction(
  client: ServerClient,
  entry: OutboxEntry,
  current: ThreadView,
  me: Member,
  keepToken: (token: number) => Promise<void>,
  now: number,
): Promise<ThreadView> {
  const { action, clientMutationId } = entry;
  const { postKey } = action;
  const held = current.claim?.holderId === me.id && current.claim.token > 0 ? current.claim : null;
  const claimed = (c: { token: number; expiresAt: number }): Claim => ({
    postKey,
    holderId: me.id,
    holderName: me.name,
    ...c,
  });
  switch (action.kind) {
    case 'claim': {
      const c = await client.claims.acquire.mutate({ postKey, clientMutationId });
      return { thread: current.thread, claim: claimed(c) };
    }
    case 'release': {
      if (held)
        await client.claims.release.mutate({ postKey, token: held.token, clientMutationId });
      return { thread: current.thread, claim: null };
    }
    case 'markAnswered': {
      // Answering is done as the claimer: claim first when nobody (or an expired lease) holds it.
      let token = entry.token;
      if (token === undefined) {
        token =
          held?.token ??
          (
            await client.claims.acquire.mutate({
              postKey,
              clientMutationId: `${clientMutationId}:c`,
            })
          ).token;
        await keepToken(token);
      }
      return client.threads.markAnswered.mutate({ postKey, token, clientMutationId });
    }
    case 'assign':
      return client.threads.assign.mutate({
        postKey,
        departmentId: action.departmentId,
        assigneeId: action.assigneeId,
        clientMutationId,
      });
    case 'dismiss':
      return client.threads.dismiss.mutate({ postKey, clientMutationId });
    case 'resolve':
      return client.threads.resolve.mutate({ postKey, clientMutationId });
    case 'reopen':
      return client.threads.reopen.mutate({ postKey, clientMutationId });
    case 'override': {
      const { claim } = await client.claims.override.mutate({
        postKey,
        toMemberId: action.toMemberId,
        clientMutationId,
      });
      return { thread: current.thread, claim };
    }
    case 'addNote':
      return client.notes.add.mutate({ postKey, text: required(action.text), clientMutationId });
    case 'consult':
      return client.consults.open.mutate({
        postKey,
        departmentId: required(action.departmentId),
        text: required(action.text),
        clientMutationId,
      });
    case 'answerConsult':
      return client.consults.answer.mutate({
        postKey,
        consultId: required(action.consultId),
        text: required(action.text),
        clientMutationId,
      });
    case 'reply': {
      // Its age on this browser's clock, so the server dates it on its own (see zReplyInput).
      const age = now - (action.sentAt ?? entry.createdAt);
      return client.threads.recordReply.mutate({
        postKey,
        text: required(action.text),
        sentMsAgo: Math.min(Math.max(0, Math.round(age)), MAX_REPLY_AGE_MS),
        clientMutationId,
      });
    }
    case 'withdrawConsult':
      return client.consults.withdraw.mutate({
        postKey,
        consultId: required(action.consultId),
        clientMutationId,
      });
  }
}

/** A note action without its text (or a consult without its department) is a caller's bug. */
function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined || value === '')
    throw new Error('this action is missing its text or its department');
  return value;
}
