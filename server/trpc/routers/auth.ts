import { router, memberProcedure } from '../init.ts';
import * as auth from '../../services/procedures/auth.ts';

export const authRouter = router({
  /** Who this token signs in: the member, their departments and organisation. */
  whoami: memberProcedure.query(({ ctx }) => auth.whoami(ctx)),
});
