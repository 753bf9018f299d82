import { z } from 'zod';
import type { Localized } from '@kotizo/rules-engine';

const localeField = z.enum(['fr', 'en']);

/** Which model writes, so the console can say it. */
export interface AiStatusResponse {
  mode: 'openai' | 'offline';
  model: string;
  describe: Localized;
  budget: { month: string; usedTokens: number; limitTokens: number | null };
}

export const startInvestigationRequest = z.strictObject({ locale: localeField.optional() });
export type StartInvestigationRequest = z.infer<typeof startInvestigationRequest>;

export const investigationDecisionRequest = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('confirm'), note: z.string().trim().max(2000).optional() }),
    z.strictObject({ decision: z.literal('dismiss'), note: z.string().trim().max(2000).optional() }),
    z.strictObject({
      decision: z.literal('ask'),
      question: z.string().trim().min(3, 'ask a question (3 characters or more)').max(1000),
    }),
  ],
  { message: 'decision must be confirm, dismiss or ask' },
);
export type InvestigationDecisionRequest = z.infer<typeof investigationDecisionRequest>;

export const INVESTIGATION_STATUSES = [
  'queued',
  'running',
  'awaiting_review',
  'confirmed',
  'dismissed',
  'degraded',
] as const;
export type InvestigationStatusName = (typeof INVESTIGATION_STATUSES)[number];

export interface InvestigationStep {
  node: string;
  at: string;
  durationMs: number;
  detail: string;
  model?: string;
  toolCalls: { name: string; args: Record<string, unknown>; status: string }[];
}

export interface InvestigationClaim {
  text: string;
  citations: { id: string; kind: string }[];
}

export interface InvestigationReportView {
  locale: 'fr' | 'en';
  summary: string;
  riskLevel: 'low' | 'medium' | 'high' | 'critical';
  claims: InvestigationClaim[];
  recommendedActions: string[];
  removedClaims: number;
  figures: { key: string; value: number; unit: string; label: Localized; sources: string[] }[];
  author: { mode: 'openai' | 'offline'; model: string };
  round: number;
}

export interface InvestigationResponse {
  id: string;
  caseId: string;
  status: InvestigationStatusName;
  locale: 'fr' | 'en';
  requestedBy: string;
  mode: 'openai' | 'offline';
  model: string;
  steps: InvestigationStep[];
  report: InvestigationReportView | null;
  decision: { decision: 'confirm' | 'dismiss' | 'ask'; note?: string; question?: string; by?: string } | null;
  followUps: { question: string; at: string }[];
  usage: { inputTokens: number; outputTokens: number };
  durationMs: number;
  error: { code: string; message: Localized; retryable: boolean } | null;
  createdAt: string;
  updatedAt: string;
}

export const monthlyReportQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
  locale: localeField.optional(),
  delimiter: z.enum([';', ',']).optional(),
});
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>;

export const explainRequest = z.strictObject({
  subject: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('movement'), transactionId: z.uuid({ message: 'must be a movement id' }) }),
      z.strictObject({ kind: z.literal('member-balance'), memberId: z.uuid({ message: 'must be a member id' }) }),
      z.strictObject({ kind: z.literal('cash'), asOf: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }) }),
    ],
    { message: 'kind must be movement, member-balance or cash' },
  ),
  question: z.string().trim().max(1000).optional(),
  locale: localeField.optional(),
});
export type ExplainRequest = z.infer<typeof explainRequest>;

/** A text whose `[n]` footnotes point at records the answer read. */
export interface CitedTextView {
  text: string;
  citations: { n: number; id: string; kind: string }[];
  author: { mode: 'openai' | 'offline'; model: string };
}

export interface ExplanationResponse {
  found: boolean;
  answer: CitedTextView;
}

export const createAssistantThreadRequest = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(120).optional(),
});
export type CreateAssistantThreadRequest = z.infer<typeof createAssistantThreadRequest>;

export interface AssistantThreadResponse {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** One question on a thread: an explanation, or the monthly report of a month. */
export const askRequest = z.strictObject({
  request: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('explain'),
        subject: explainRequest.shape.subject,
        question: z.string().trim().max(1000).optional(),
      }),
      z.strictObject({
        kind: z.literal('monthly-report'),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
      }),
    ],
    { message: 'kind must be explain or monthly-report' },
  ),
  locale: localeField.optional(),
});
export type AskRequest = z.infer<typeof askRequest>;

/** A turn of a thread as the console shows it. */
export interface AssistantTurnResponse {
  at: string;
  request: AskRequest['request'];
  locale: 'fr' | 'en';
  found: boolean;
  answer: CitedTextView;
}

/**
 * The answer to a question streams as newline-delimited JSON: `token` lines
 * while it is written, then one `turn` line with the checked text (or an
 * `error` line: a stable code, as `Problem.code`, and its words in the
 * language of the request's `Accept-Language`).
 */
export type AssistantStreamLine =
  | { type: 'token'; token: string }
  | { type: 'turn'; turn: AssistantTurnResponse }
  | { type: 'error'; code: string; message: string };
