import type { ThreadView } from '../../../shared/domain/schemas/index.ts';
import { departmentsToConsult } from '../../../shared/domain/consult-state.ts';
import { refusal } from '../../../shared/domain/permissions.ts';
import { authorize } from '../authorize.ts';
import { threadAudience } from '../consults.ts';
import type { Call } from '../deps.ts';
import { noteMentions, recordNote } from '../notes.ts';
import { threadRow } from '../thread-access.ts';
import { toThread } from '../views.ts';
import { callerScope, runWrite } from '../write.ts';

/**
 * notes.add: the one way to add an internal note (it replaced threads.note). `#Department` in
 * the text asks that department, as consults.open does, when the writer may open consults
 * (the post's own side); otherwise, and for the thread's own department, it only names it.
 */
export async function add(
  { deps, caller }: Call,
  input: { postKey: string; text: string; clientMutationId?: string },
): Promise<ThreadView> {
  return runWrite(deps, callerScope(caller, 'notes.add', input.clientMutationId), async (w) => {
    const t = await threadRow(w.trx, caller.orgId, input.postKey);
    authorize(caller, 'notes.add', { audience: await threadAudience(w.trx, caller.orgId, t) });
    const mentions = await noteMentions(w.trx, caller.orgId, input.text);
    const mayAsk = refusal(caller, 'consults.open', { departmentId: t.department_id }) === null;
    const ask = mayAsk ? departmentsToConsult(toThread(t), mentions.departmentIds) : [];
    return recordNote(w, caller, t, { text: input.text, mentions, ask, answers: null });
  });
}
