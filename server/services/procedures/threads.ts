import { TRPCError } from '@trpc/server';
import type { ThreadStory, ThreadView } from '../../../shared/domain/schemas/index.ts';
import type { EventType } from '../../../shared/domain/schemas/index.ts';
import { canActOn } from '../../../shared/domain/permissions.ts';
import { nextStatus } from '../../../shared/domain/thread-state.ts';
import type { ThreadTransition } from '../../../shared/domain/thread-state.ts';
import { slaDueAt } from '../../../shared/domain/sla.ts';
import { authorize } from '../authorize.ts';
import { dropClaim, requireFence } from '../claims.ts';
import type { Call } from '../deps.ts';
import { getDepartment } from '../departments.ts';
import { getMember } from '../members.ts';
import { threadRow } from '../thread-access.ts';
import { threadStory } from '../thread-story.ts';
import { loadView } from '../views.ts';
import { callerScope, runWrite } from '../write.ts';

/** threads.*: routing, assignment and status of a post's thread, and its story. */

interface AssignInput {
  postKey: string;
  departmentId?: string | null;
  assigneeId?: string | null;
  clientMutationId?: string;
}

/** Routes a thread to a department and/or a person; the 'triage' access says who may do what. */
export async function assign({ deps, caller }: Call, input: AssignInput): Promise<ThreadView> {
  return runWrite(
    deps,
    callerScope(caller, 'threads.assign', input.clientMutationId),
    async ({ trx, now, emit }) => {
      const t = await threadRow(trx, caller.orgId, input.postKey);
      authorize(caller, 'threads.assign', {
        thread: { departmentId: t.department_id, assigneeId: t.assignee_id },
        target: input,
      });
      const departmentId = input.departmentId === undefined ? t.department_id : input.departmentId;
      const department = departmentId ? await getDepartment(trx, caller.orgId, departmentId) : null;
      let assigneeId = input.assigneeId === undefined ? t.assignee_id : input.assigneeId;
      if (assigneeId) {
        const assignee = await getMember(trx, caller.orgId, assigneeId);
        const fits = canActOn(assignee, { departmentId, assigneeId });
        // A department change silently drops an assignee who is not in the new department.
        if (!fits && input.assigneeId)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `${assignee.name} is not in ${department?.name}`,
          });
        if (!fits) assigneeId = null;
      }
      const routed = departmentId !== t.department_id;
      const assigned = assigneeId !== t.assignee_id;
      if (routed || assigned) {
        await trx
          .updateTable('threads')
          .set({
            department_id: departmentId,
            assignee_id: assigneeId,
            suggested_department_id: routed ? null : t.suggested_department_id,
            due_at: routed ? slaDueAt(t.first_seen_at, department?.slaMinutes) : t.due_at,
            version: t.version + 1,
          })
          .where('org_id', '=', caller.orgId)
          .where('post_key', '=', input.postKey)
          .execute();
      }
      const view = (await loadView(trx, caller.orgId, input.postKey, now))!;
      const base = { postKey: input.postKey, thread: view.thread, claim: view.claim };
      if (routed)
        await emit({
          ...base,
          type: 'thread.routed',
          data: { from: t.department_id, to: departmentId },
        });
      if (assigned)
        await emit({
          ...base,
          type: 'thread.assigned',
          data: { from: t.assignee_id, to: assigneeId },
        });
      return view;
    },
  );
}

const moveEvents: Record<ThreadTransition, EventType> = {
  answer: 'thread.answered',
  resolve: 'thread.resolved',
  reopen: 'thread.reopened',
  dismiss: 'thread.dismissed',
};

const moveProcedures = {
  answer: 'threads.markAnswered',
  resolve: 'threads.resolve',
  reopen: 'threads.reopen',
  dismiss: 'threads.dismiss',
} as const satisfies Record<ThreadTransition, string>;

interface MoveInput {
  postKey: string;
  /** The fencing token: required to answer, which is done as the claimer. */
  token?: number;
  clientMutationId?: string;
}

export const markAnswered = (call: Call, input: MoveInput & { token: number }) =>
  moveThread(call, 'answer', input);
export const resolve = (call: Call, input: MoveInput) => moveThread(call, 'resolve', input);
export const reopen = (call: Call, input: MoveInput) => moveThread(call, 'reopen', input);
export const dismiss = (call: Call, input: MoveInput) => moveThread(call, 'dismiss', input);

/** Changes a thread's status; answering needs the live claim's token and ends the claim. */
async function moveThread(
  { deps, caller }: Call,
  move: ThreadTransition,
  input: MoveInput,
): Promise<ThreadView> {
  const procedure = moveProcedures[move];
  return runWrite(
    deps,
    callerScope(caller, procedure, input.clientMutationId),
    async ({ trx, now, emit }) => {
      const t = await threadRow(trx, caller.orgId, input.postKey);
      if (procedure === 'threads.resolve' || procedure === 'threads.reopen')
        authorize(caller, procedure, { departmentIds: [t.department_id] });
      else authorize(caller, procedure, { departmentId: t.department_id });
      if (move === 'answer') await requireFence(trx, caller, input.postKey, input.token ?? -1, now);
      const next = nextStatus(t.status, move);
      if (!next.ok) throw new TRPCError({ code: 'CONFLICT', message: next.error });
      await trx
        .updateTable('threads')
        .set({
          status: next.status,
          version: t.version + 1,
          // First response is the first answer; answering again after a reopen keeps it.
          ...(move === 'answer' && {
            answered_at: t.answered_at ?? now,
            answered_by: t.answered_by ?? caller.id,
          }),
        })
        .where('org_id', '=', caller.orgId)
        .where('post_key', '=', input.postKey)
        .execute();
      if (next.status !== 'open') await dropClaim(trx, caller.orgId, input.postKey, now);
      const view = (await loadView(trx, caller.orgId, input.postKey, now))!;
      await emit({
        postKey: input.postKey,
        type: moveEvents[move],
        thread: view.thread,
        claim: view.claim,
        data: { from: t.status },
      });
      return view;
    },
  );
}

/** threads.story: what the thread panel shows (notes, consults, timeline), read when it opens. */
export function story({ deps, caller }: Call, input: { postKey: string }): Promise<ThreadStory> {
  authorize(caller, 'threads.story');
  return threadStory(deps.store, caller, input.postKey);
}
