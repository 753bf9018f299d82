import { z } from 'zod';
import type { Locale } from '@kotizo/rules-engine';
import type { RecordKind, SeenIds } from '../evidence/evidence.js';
import type { Figure } from '../evidence/figures.js';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const reportClaimSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  citedIds: z.array(z.string().trim().min(1).max(80)).max(50),
});
export type ReportClaim = z.infer<typeof reportClaimSchema>;

/** What an analyst (model or offline) writes; checked in code before anyone sees it. */
export const reportDraftSchema = z.object({
  summary: z.string().trim().min(1).max(2000),
  riskLevel: z.enum(RISK_LEVELS),
  claims: z.array(reportClaimSchema).max(30),
  recommendedActions: z.array(z.string().trim().min(1).max(500)).max(10),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export type DraftProblemKind = 'unknown-id' | 'no-citation' | 'unbacked-number';

export interface DraftProblem {
  /** `summary`, `claims.2`, `recommendedActions.0`. */
  where: string;
  kind: DraftProblemKind;
  detail: string;
}

export interface CheckedClaim extends ReportClaim {
  citations: { id: string; kind: RecordKind }[];
}

/** The report an auditor reads: every claim cites records the run actually read. */
export interface InvestigationReport {
  locale: Locale;
  summary: string;
  riskLevel: RiskLevel;
  claims: CheckedClaim[];
  recommendedActions: string[];
  /** Claims the check took out (after the repair round), with why. */
  removedClaims: { claim: ReportClaim; problems: DraftProblem[] }[];
  /** Other problems left after the repair round (masked numbers in the summary or actions). */
  warnings: DraftProblem[];
  figures: Figure[];
  evidenceIds: SeenIds;
  author: { mode: 'openai' | 'offline'; model: string };
  /** Which draft of the run this is: 1, then one more per follow-up question. */
  round: number;
}
