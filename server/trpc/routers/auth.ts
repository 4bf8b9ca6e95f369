import { router, memberProcedure } from '../init.ts';
import { getMember } from '../../services/members.ts';
import { listDepartments } from '../../services/departments.ts';

export const authRouter = router({
  /** Who this token signs in: the member, their departments and organisation. */
  whoami: memberProcedure.query(async ({ ctx }) => {
    const { db } = ctx.deps.store;
    const member = await getMember(db, ctx.caller.orgId, ctx.caller.id);
    const org = await db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', '=', ctx.caller.orgId)
      .executeTakeFirstOrThrow();
    const departments = (await listDepartments(db, ctx.caller.orgId)).filter((d) =>
      member.departmentIds.includes(d.id),
    );
    return { member, org, departments };
  }),
});
