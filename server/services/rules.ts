import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { zRuleInput } from '../../shared/domain/schemas/index.ts';
import type { RoutingRule, RuleInput } from '../../shared/domain/schemas/index.ts';
import { linearRegexError } from '../../shared/domain/linear-regex.ts';
import { toWellFormedText } from '../../shared/domain/well-formed-text.ts';
import { newId } from './ids.ts';
import type { Trx } from './deps.ts';

export async function listRules(db: Kysely<Database>, orgId: string): Promise<RoutingRule[]> {
  const rows = await db
    .selectFrom('rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...ruleBody(r.body), id: r.id, position: r.position }));
}

/**
 * A stored rule. One saved before strings were checked may hold NUL or a lone surrogate (SQLite
 * kept them); it is read with its text made well-formed rather than failing every routing.
 */
function ruleBody(body: string) {
  const parsed = zRuleInput.safeParse(JSON.parse(body));
  if (parsed.success) return parsed.data;
  const repaired = (_: string, v: unknown) => (typeof v === 'string' ? toWellFormedText(v) : v);
  return zRuleInput.parse(JSON.parse(body, repaired));
}

async function checkRule(trx: Trx, orgId: string, rule: RuleInput) {
  const error = rule.regex ? linearRegexError(rule.regex) : null;
  if (error) throw new TRPCError({ code: 'BAD_REQUEST', message: `invalid regex: ${error}` });
  const dept = await trx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', rule.departmentId)
    .executeTakeFirst();
  if (!dept)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `unknown department ${rule.departmentId}`,
    });
}

export async function createRule(trx: Trx, orgId: string, input: RuleInput, now: number) {
  const rule = zRuleInput.parse(input);
  await checkRule(trx, orgId, rule);
  const last = await trx
    .selectFrom('rules')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const position = Number(last?.p ?? -1) + 1;
  const id = newId();
  await trx
    .insertInto('rules')
    .values({ id, org_id: orgId, position, body: JSON.stringify(rule), created_at: now })
    .execute();
  return { ...rule, id, position };
}

export async function getRule(trx: Trx, orgId: string, id: string): Promise<RoutingRule> {
  const found = (await listRules(trx, orgId)).find((r) => r.id === id);
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: `no rule ${id}` });
  return found;
}

export async function updateRule(
  trx: Trx,
  orgId: string,
  rule: RoutingRule,
  patch: Partial<RuleInput>,
) {
  const { id, position, ...current } = rule;
  // A field given as undefined (an in-process caller) is left as it is, not cleared.
  const given = Object.entries(patch).filter(([, v]) => v !== undefined);
  const next = zRuleInput.parse({ ...current, ...Object.fromEntries(given) });
  await checkRule(trx, orgId, next);
  await trx
    .updateTable('rules')
    .set({ body: JSON.stringify(next) })
    .where('id', '=', id)
    .execute();
  return { ...next, id, position };
}

export async function deleteRule(trx: Trx, orgId: string, id: string) {
  await trx.deleteFrom('rules').where('id', '=', id).where('org_id', '=', orgId).execute();
}

/**
 * Sets the order: the ids given first, in that order; any others keep their relative order after.
 * `check` sees the rules that change places before anything is written, and may refuse.
 */
export async function reorderRules(
  trx: Trx,
  orgId: string,
  ids: readonly string[],
  check: (moved: readonly RoutingRule[]) => void,
) {
  const rules = await listRules(trx, orgId);
  const unknown = ids.filter((id) => !rules.some((r) => r.id === id));
  if (unknown.length)
    throw new TRPCError({ code: 'BAD_REQUEST', message: `unknown rule ${unknown.join(', ')}` });
  const order = [...new Set([...ids, ...rules.map((r) => r.id)])];
  const moved = rules.filter((r, position) => order[position] !== r.id);
  check(moved);
  for (const [position, id] of order.entries())
    if (rules[position]?.id !== id || rules[position]?.position !== position)
      await trx.updateTable('rules').set({ position }).where('id', '=', id).execute();
  return listRules(trx, orgId);
}
