import type { Department } from '../../../shared/domain/schemas/index.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import {
  createDepartment,
  departmentChanged,
  listDepartments,
  updateDepartment,
} from '../departments.ts';
import type { DepartmentFields } from '../departments.ts';
import { callerScope, runWrite } from '../write.ts';

/** departments.*: the org's departments; admins create them, their leads tune them. */

type Mutation = { clientMutationId?: string };

export function list({ deps, caller }: Call): Promise<Department[]> {
  authorize(caller, 'departments.list');
  return listDepartments(deps.store.db, caller.orgId);
}

export function create({ deps, caller }: Call, input: DepartmentFields & Mutation) {
  authorize(caller, 'departments.create');
  const { clientMutationId, ...fields } = input;
  return runWrite(
    deps,
    callerScope(caller, 'departments.create', clientMutationId),
    async ({ trx, now, emit }) => {
      const department = await createDepartment(trx, caller.orgId, fields, now);
      await emit(departmentChanged(department));
      return department;
    },
  );
}

/** Leads edit their own departments' colour, SLA and guidelines; renaming is for admins. */
export function update(
  { deps, caller }: Call,
  input: Partial<DepartmentFields> & Mutation & { id: string },
) {
  const { id, clientMutationId, ...patch } = input;
  authorize(caller, 'departments.update', {
    departmentId: id,
    renames: patch.name !== undefined,
  });
  return runWrite(
    deps,
    callerScope(caller, 'departments.update', clientMutationId),
    async ({ trx, emit }) => {
      const department = await updateDepartment(trx, caller.orgId, id, patch);
      await emit(departmentChanged(department));
      return department;
    },
  );
}
