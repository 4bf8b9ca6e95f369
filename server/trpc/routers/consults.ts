import { memberProcedure, router } from '../init.ts';
import {
  zConsultAnswerInput,
  zConsultOpenInput,
  zConsultWithdrawInput,
} from '../../../shared/domain/schemas/index.ts';
import * as consults from '../../services/procedures/consults.ts';

export const consultsRouter = router({
  open: memberProcedure
    .input(zConsultOpenInput)
    .mutation(({ ctx, input }) => consults.open(ctx, input)),
  answer: memberProcedure
    .input(zConsultAnswerInput)
    .mutation(({ ctx, input }) => consults.answer(ctx, input)),
  withdraw: memberProcedure
    .input(zConsultWithdrawInput)
    .mutation(({ ctx, input }) => consults.withdraw(ctx, input)),
});
