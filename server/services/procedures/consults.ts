import { TRPCError } from '@trpc/server';
import type { ThreadView } from '../../../shared/domain/schemas/index.ts';
import { consultRefusal, nextConsultStatus } from '../../../shared/domain/consult-state.ts';
import type { ConsultMove } from '../../../shared/domain/consult-state.ts';
import { authorize } from '../authorize.ts';
import { currentClaim } from '../claims.ts';
import { refreshThread, toConsult } from '../consults.ts';
import type { Call, Trx } from '../deps.ts';
import { getDepartment } from '../departments.ts';
import { noteMentions, recordNote } from '../notes.ts';
import { threadRow } from '../thread-access.ts';
import { loadView, toThread } from '../views.ts';
import { callerScope, runWrite } from '../write.ts';

/** consults.*: ask another department about a post, answer, withdraw (open -> answered | withdrawn). */

interface OpenInput {
  postKey: string;
  departmentId: string;
  text: string;
  clientMutationId?: string;
}

/** Asks a department; the owner keeps the claim, the department and the assignee. */
export async function open({ deps, caller }: Call, input: OpenInput): Promise<ThreadView> {
  return runWrite(deps, callerScope(caller, 'consults.open', input.clientMutationId), async (w) => {
    const t = await threadRow(w.trx, caller.orgId, input.postKey);
    authorize(caller, 'consults.open', { departmentId: t.department_id });
    const department = await getDepartment(w.trx, caller.orgId, input.departmentId);
    const refused = consultRefusal(toThread(t), department.id, department.name);
    if (refused)
      throw new TRPCError({
        code: refused.reason === 'own-department' ? 'BAD_REQUEST' : 'CONFLICT',
        message: refused.message,
      });
    const mentions = await noteMentions(w.trx, caller.orgId, input.text);
    return recordNote(w, caller, t, {
      text: input.text,
      mentions: {
        ...mentions,
        departmentIds: [...new Set([department.id, ...mentions.departmentIds])],
      },
      ask: [department.id],
      answers: null,
    });
  });
}

async function consultToMove(
  trx: Trx,
  orgId: string,
  postKey: string,
  consultId: string,
  move: ConsultMove,
) {
  const row = await trx
    .selectFrom('consults')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', consultId)
    .where('post_key', '=', postKey)
    .executeTakeFirst();
  if (!row)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no consult ${consultId} on this post` });
  const next = nextConsultStatus(row.status, move);
  return { consult: toConsult(row), refusal: next.ok ? null : next.error };
}

interface AnswerInput {
  postKey: string;
  consultId: string;
  text: string;
  clientMutationId?: string;
}

/** A member of the department asked answers: the wait ends, the owner is told. */
export async function answer({ deps, caller }: Call, input: AnswerInput): Promise<ThreadView> {
  return runWrite(
    deps,
    callerScope(caller, 'consults.answer', input.clientMutationId),
    async (w) => {
      const t = await threadRow(w.trx, caller.orgId, input.postKey);
      const { consult, refusal } = await consultToMove(
        w.trx,
        caller.orgId,
        t.post_key,
        input.consultId,
        'answer',
      );
      authorize(caller, 'consults.answer', { departmentId: consult.departmentId });
      if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
      const mentions = await noteMentions(w.trx, caller.orgId, input.text);
      return recordNote(w, caller, t, {
        text: input.text,
        mentions,
        ask: [],
        answers: {
          consultId: consult.id,
          departmentId: consult.departmentId,
          askedBy: consult.openedBy,
        },
      });
    },
  );
}

/** The owner (or whoever asked) takes the question back: the wait ends without an answer. */
export async function withdraw(
  { deps, caller }: Call,
  input: { postKey: string; consultId: string; clientMutationId?: string },
): Promise<ThreadView> {
  return runWrite(
    deps,
    callerScope(caller, 'consults.withdraw', input.clientMutationId),
    async ({ trx, now, emit }) => {
      const t = await threadRow(trx, caller.orgId, input.postKey);
      const { consult, refusal } = await consultToMove(
        trx,
        caller.orgId,
        t.post_key,
        input.consultId,
        'withdraw',
      );
      const { live } = await currentClaim(trx, caller.orgId, t.post_key, now);
      authorize(caller, 'consults.withdraw', {
        thread: { departmentId: t.department_id, assigneeId: t.assignee_id },
        holderId: live?.holderId ?? null,
        openedBy: consult.openedBy,
      });
      if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
      await trx
        .updateTable('consults')
        .set({ status: 'withdrawn', closed_by: caller.id, closed_at: now })
        .where('org_id', '=', caller.orgId)
        .where('id', '=', consult.id)
        .execute();
      await refreshThread(trx, caller.orgId, t, 0);
      const view = (await loadView(trx, caller.orgId, t.post_key, now))!;
      await emit({
        postKey: t.post_key,
        type: 'consult.withdrawn',
        thread: view.thread,
        claim: view.claim,
        data: {
          consultId: consult.id,
          departmentId: consult.departmentId,
          askedBy: consult.openedBy,
        },
      });
      return view;
    },
  );
}
