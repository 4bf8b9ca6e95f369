import { memberProcedure, router } from '../init.ts';
import { zDepartmentInput, zDepartmentUpdate } from '../../../shared/domain/schemas/index.ts';
import * as departments from '../../services/procedures/departments.ts';

export const departmentsRouter = router({
  list: memberProcedure.query(({ ctx }) => departments.list(ctx)),
  create: memberProcedure
    .input(zDepartmentInput)
    .mutation(({ ctx, input }) => departments.create(ctx, input)),
  update: memberProcedure
    .input(zDepartmentUpdate)
    .mutation(({ ctx, input }) => departments.update(ctx, input)),
});
