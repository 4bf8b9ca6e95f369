import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { listDepartments } from '../departments.ts';
import { getMember } from '../members.ts';
import { getOrg } from '../orgs.ts';

/** auth.whoami: the member this token signs in, their organisation and departments. */
export async function whoami({ deps, caller }: Call) {
  authorize(caller, 'auth.whoami');
  const { db } = deps.store;
  const member = await getMember(db, caller.orgId, caller.id);
  const org = await getOrg(db, caller.orgId);
  const departments = (await listDepartments(db, caller.orgId)).filter((d) =>
    member.departmentIds.includes(d.id),
  );
  return { member, org, departments };
}
