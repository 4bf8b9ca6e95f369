import { memberProcedure, router } from '../init.ts';
import {
  zAcquireInput,
  zFencedInput,
  zOverrideInput,
  zRenewInput,
} from '../../../shared/domain/schemas/index.ts';
import { acquireClaim, overrideClaim, releaseClaim, renewClaim } from '../../services/claims.ts';

export const claimsRouter = router({
  acquire: memberProcedure
    .input(zAcquireInput)
    .mutation(({ ctx, input }) => acquireClaim(ctx.deps, ctx.caller, input)),
  renew: memberProcedure
    .input(zRenewInput)
    .mutation(({ ctx, input }) => renewClaim(ctx.deps, ctx.caller, input)),
  release: memberProcedure
    .input(zFencedInput)
    .mutation(({ ctx, input }) => releaseClaim(ctx.deps, ctx.caller, input)),
  /** Leads of the post's department (checked in the service, which knows the department). */
  override: memberProcedure
    .input(zOverrideInput)
    .mutation(({ ctx, input }) => overrideClaim(ctx.deps, ctx.caller, input)),
});
