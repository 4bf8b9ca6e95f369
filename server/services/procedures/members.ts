import type { Member, Role } from '../../../shared/domain/schemas/index.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { createMember, getMember, listMembers, removeMember, updateMember } from '../members.ts';
import type { MemberFields } from '../members.ts';
import { issueToken as makeToken, listTokens, revokeToken as endToken } from '../tokens.ts';
import type { EventFields } from '../event-log.ts';
import { callerScope, runWrite } from '../write.ts';

/** members.*: the org's people and their sign-in tokens; everything but the list is for admins. */

type Mutation = { clientMutationId?: string };

/** Everyone sees the org's people: the overlay assigns to them by name. */
export function list({ deps, caller }: Call): Promise<Member[]> {
  authorize(caller, 'members.list');
  return listMembers(deps.store.db, caller.orgId);
}

// Not replayable: the stored result would hold the new token in the clear.
export function create({ deps, caller }: Call, input: MemberFields & Mutation) {
  authorize(caller, 'members.create');
  const { clientMutationId: _notReplayable, ...fields } = input;
  return runWrite(deps, callerScope(caller, 'members.create', undefined), ({ trx, now }) =>
    createMember(trx, caller.orgId, fields, now),
  );
}

/*
 * A change to who someone is (role, departments, removal, a revoked token) is an event in the
 * log, `member.changed`: every open stream of theirs, on every instance, meets it in order and
 * re-reads their access there, or ends (services/stream-viewer.ts).
 */

export function update(
  { deps, caller }: Call,
  input: { id: string; name?: string; role?: Role; departmentIds?: string[] } & Mutation,
) {
  authorize(caller, 'members.update');
  const { id, clientMutationId, ...patch } = input;
  const scope = callerScope(caller, 'members.update', clientMutationId);
  return runWrite(deps, scope, async ({ trx, emit }) => {
    const member = await updateMember(trx, caller.orgId, id, patch);
    await emit(memberChanged(id, 'updated', member));
    return member;
  });
}

export function remove({ deps, caller }: Call, input: { id: string } & Mutation) {
  authorize(caller, 'members.remove');
  const scope = callerScope(caller, 'members.remove', input.clientMutationId);
  return runWrite(deps, scope, async ({ trx, now, emit }) => {
    await removeMember(trx, caller.orgId, input.id, now);
    await emit(memberChanged(input.id, 'removed'));
    return { removed: input.id };
  });
}

function memberChanged(
  memberId: string,
  change: 'updated' | 'removed' | 'token-revoked',
  member?: Member,
): EventFields {
  return { type: 'member.changed', postKey: null, data: { memberId, change, member } };
}

export function tokens({ deps, caller }: Call, input: { memberId?: string }) {
  authorize(caller, 'members.tokens');
  return listTokens(deps.store.db, caller.orgId, input.memberId);
}

/** A new sign-in token for a member, shown once (so not replayable either). */
export function issueToken({ deps, caller }: Call, input: { memberId: string }) {
  authorize(caller, 'members.issueToken');
  return runWrite(
    deps,
    callerScope(caller, 'members.issueToken', undefined),
    async ({ trx, now }) => {
      await getMember(trx, caller.orgId, input.memberId);
      return { token: await makeToken(trx, caller.orgId, input.memberId, now) };
    },
  );
}

export function revokeToken({ deps, caller }: Call, input: { id: string } & Mutation) {
  authorize(caller, 'members.revokeToken');
  const scope = callerScope(caller, 'members.revokeToken', input.clientMutationId);
  return runWrite(deps, scope, async ({ trx, now, emit }) => {
    const { memberId } = await endToken(trx, caller.orgId, input.id, now);
    await emit(memberChanged(memberId, 'token-revoked'));
    return { revoked: input.id };
  });
}
