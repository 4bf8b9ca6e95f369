import { memberProcedure, router } from '../init.ts';
import {
  zAcquireInput,
  zFencedInput,
  zOverrideInput,
  zRenewInput,
} from '../../../shared/domain/schemas/index.ts';
import * as claims from '../../services/procedures/claims.ts';

export const claimsRouter = router({
  acquire: memberProcedure
    .input(zAcquireInput)
    .mutation(({ ctx, input }) => claims.acquire(ctx, input)),
  renew: memberProcedure.input(zRenewInput).mutation(({ ctx, input }) => claims.renew(ctx, input)),
  release: memberProcedure
    .input(zFencedInput)
    .mutation(({ ctx, input }) => claims.release(ctx, input)),
  override: memberProcedure
    .input(zOverrideInput)
    .mutation(({ ctx, input }) => claims.override(ctx, input)),
});
