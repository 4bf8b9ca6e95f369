import { TRPCError } from '@trpc/server';
import { adminProcedure, memberProcedure, router } from '../init.ts';
import { zDepartmentInput, zDepartmentUpdate } from '../../../shared/domain/schemas/index.ts';
import { canLead } from '../../../shared/domain/permissions.ts';
import { createDepartment, listDepartments, updateDepartment } from '../../services/departments.ts';
import { runWrite } from '../../services/write.ts';

export const departmentsRouter = router({
  list: memberProcedure.query(({ ctx }) => listDepartments(ctx.deps.store.db, ctx.caller.orgId)),
  create: adminProcedure.input(zDepartmentInput).mutation(({ ctx, input }) =>
    runWrite(
      ctx.deps,
      {
        orgId: ctx.caller.orgId,
        memberId: ctx.caller.id,
        clientMutationId: input.clientMutationId,
        procedure: 'departments.create',
      },
      ({ trx, now }) => createDepartment(trx, ctx.caller.orgId, input, now),
    ),
  ),
  /** Leads edit their own departments' colour, SLA and guidelines; renaming is for admins. */
  update: memberProcedure.input(zDepartmentUpdate).mutation(({ ctx, input }) => {
    const { id, clientMutationId, ...patch } = input;
    if (!canLead(ctx.caller, id) || (patch.name !== undefined && ctx.caller.role !== 'admin'))
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'only this department’s lead or an admin can change it',
      });
    return runWrite(
      ctx.deps,
      {
        orgId: ctx.caller.orgId,
        memberId: ctx.caller.id,
        clientMutationId,
        procedure: 'departments.update',
      },
      ({ trx }) => updateDepartment(trx, ctx.caller.orgId, id, patch),
    );
  }),
});
