import type { RoutingRule, RuleInput } from '../../../shared/domain/schemas/index.ts';
import { matchRule } from '../../../shared/domain/routing.ts';
import type { RoutablePost } from '../../../shared/domain/routing.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from '../rules.ts';
import { callerScope, runWrite } from '../write.ts';

/**
 * rules.*: the ordered routing rules. A lead edits only rules that route into departments they
 * lead: a rule's department before and after a change, and in a new order only their own rules
 * may change places (the others keep theirs). Admins edit all.
 */

type Mutation = { clientMutationId?: string };

// Where the departments concerned are known only inside the write, a first check with none
// refuses plain members before anything is read.

export function list({ deps, caller }: Call): Promise<RoutingRule[]> {
  authorize(caller, 'rules.list');
  return listRules(deps.store.db, caller.orgId);
}

export function create({ deps, caller }: Call, input: RuleInput & Mutation) {
  const { clientMutationId, ...rule } = input;
  authorize(caller, 'rules.create', { departmentIds: [rule.departmentId] });
  return runWrite(deps, callerScope(caller, 'rules.create', clientMutationId), ({ trx, now }) =>
    createRule(trx, caller.orgId, rule, now),
  );
}

export function update(
  { deps, caller }: Call,
  input: Partial<RuleInput> & Mutation & { id: string },
) {
  const { id, clientMutationId, ...patch } = input;
  authorize(caller, 'rules.update', { departmentIds: [] });
  return runWrite(deps, callerScope(caller, 'rules.update', clientMutationId), async ({ trx }) => {
    const current = await getRule(trx, caller.orgId, id);
    const departmentIds = [current.departmentId, patch.departmentId ?? current.departmentId];
    authorize(caller, 'rules.update', { departmentIds });
    return updateRule(trx, caller.orgId, current, patch);
  });
}

export function remove({ deps, caller }: Call, input: { id: string } & Mutation) {
  authorize(caller, 'rules.delete', { departmentIds: [] });
  const scope = callerScope(caller, 'rules.delete', input.clientMutationId);
  return runWrite(deps, scope, async ({ trx }) => {
    const rule = await getRule(trx, caller.orgId, input.id);
    authorize(caller, 'rules.delete', { departmentIds: [rule.departmentId] });
    await deleteRule(trx, caller.orgId, rule.id);
    return { deleted: input.id };
  });
}

export function reorder({ deps, caller }: Call, input: { ids: string[] } & Mutation) {
  authorize(caller, 'rules.reorder', { departmentIds: [] });
  const scope = callerScope(caller, 'rules.reorder', input.clientMutationId);
  return runWrite(deps, scope, ({ trx }) =>
    reorderRules(trx, caller.orgId, input.ids, (moved) =>
      authorize(caller, 'rules.reorder', { departmentIds: moved.map((r) => r.departmentId) }),
    ),
  );
}

/** Which rule a sample post hits, for the rules editor's test box. */
export async function test({ deps, caller }: Call, sample: RoutablePost) {
  authorize(caller, 'rules.test');
  return { rule: matchRule(await listRules(deps.store.db, caller.orgId), sample) };
}
