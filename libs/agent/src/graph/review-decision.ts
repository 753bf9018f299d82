import { z } from 'zod';

/** What the auditor answers when the run pauses on its report. */
export const reviewDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('confirm'),
    note: z.string().trim().max(2000).optional(),
    by: z.string().trim().min(1).max(80).optional(),
  }),
  z.strictObject({
    decision: z.literal('dismiss'),
    note: z.string().trim().max(2000).optional(),
    by: z.string().trim().min(1).max(80).optional(),
  }),
  z.strictObject({
    decision: z.literal('ask'),
    question: z.string().trim().min(3, 'ask a question (3 characters or more)').max(1000),
    by: z.string().trim().min(1).max(80).optional(),
  }),
]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** The payload of the pause, as `interrupt()` hands it to the caller. */
export interface ReviewRequest {
  kind: 'review';
  caseId: string;
  round: number;
}
