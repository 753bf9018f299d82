import { minorUnitDigits } from '@kotizo/domain';
import type { RecordKind } from '../evidence/evidence.js';
import type { Figure } from '../evidence/figures.js';
import type { CheckedClaim, DraftProblem, ReportClaim, ReportDraft } from './report-schema.js';
import { sanitizeText } from './sanitize.js';

/**
 * The check every draft goes through, in code:
 * - each claim cites at least one record, and only records the run read;
 * - each number of three digits or more in the text is one the records or
 *   the computed figures hold (as minor units, or in major units for
 *   currencies with cents) - a model never brings its own figures.
 * Smaller numbers (days, counts, member numbers) are not checked: they are
 * too common in ordinary words to tell apart from figures.
 */
export interface CheckContext {
  citable: ReadonlyMap<string, RecordKind>;
  numbers: ReadonlySet<number>;
}

export const MIN_CHECKED_NUMBER = 100;

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const NUMBER = /(?<![\d])\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?!\d)|\d+/g;

/** Numbers written in a text: "150 000 F CFA" is 150000, "1.500,00" is 1500 and 0. */
export function numbersIn(text: string): number[] {
  const withoutIds = text.replace(UUID, ' ');
  return [...withoutIds.matchAll(NUMBER)].map((m) => Number(m[0].replace(/\D/g, ''))).filter(Number.isSafeInteger);
}

/** Every number the evidence and the figures hold, as written in minor and in major units. */
export function knownNumbers(evidence: unknown, figures: readonly Figure[], currency: string): Set<number> {
  const known = new Set<number>();
  const digits = minorUnitDigits(currency);
  const addNumber = (n: number) => {
    known.add(Math.abs(n));
    const whole = Math.trunc(Math.abs(n));
    known.add(whole);
    if (digits > 0) known.add(Math.trunc(whole / 10 ** digits));
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'number') addNumber(v);
    else if (typeof v === 'string') numbersIn(v).forEach(addNumber);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(evidence);
  for (const f of figures) {
    addNumber(f.value);
    // a ratio of 3.25 may be written "325 %"
    if (f.unit === 'ratio') addNumber(Math.round(f.value * 100));
  }
  return known;
}

function unbackedNumbers(text: string, ctx: CheckContext): number[] {
  return numbersIn(text).filter((n) => n >= MIN_CHECKED_NUMBER && !ctx.numbers.has(n));
}

export function checkClaim(claim: ReportClaim, where: string, ctx: CheckContext): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (claim.citedIds.length === 0) problems.push({ where, kind: 'no-citation', detail: 'the claim cites no record' });
  const unknown = claim.citedIds.filter((id) => !ctx.citable.has(id));
  if (unknown.length > 0) {
    problems.push({
      where,
      kind: 'unknown-id',
      detail: `cites ids the investigation never read: ${unknown.join(', ')}`,
    });
  }
  const numbers = unbackedNumbers(claim.text, ctx);
  if (numbers.length > 0) {
    problems.push({
      where,
      kind: 'unbacked-number',
      detail: `numbers found in no record or figure: ${numbers.join(', ')}`,
    });
  }
  return problems;
}

/** All problems of a draft (after sanitising its text). */
export function checkDraft(draft: ReportDraft, ctx: CheckContext): DraftProblem[] {
  const clean = sanitizeDraft(draft);
  const problems: DraftProblem[] = [];
  const numbersProblem = (text: string, where: string) => {
    const numbers = unbackedNumbers(text, ctx);
    if (numbers.length > 0) {
      problems.push({
        where,
        kind: 'unbacked-number',
        detail: `numbers found in no record or figure: ${numbers.join(', ')}`,
      });
    }
  };
  numbersProblem(clean.summary, 'summary');
  clean.claims.forEach((c, i) => problems.push(...checkClaim(c, `claims.${i}`, ctx)));
  clean.recommendedActions.forEach((a, i) => numbersProblem(a, `recommendedActions.${i}`));
  return problems;
}

export function sanitizeDraft(draft: ReportDraft): ReportDraft {
  return {
    summary: sanitizeText(draft.summary),
    riskLevel: draft.riskLevel,
    claims: draft.claims
      .map((c) => ({ text: sanitizeText(c.text), citedIds: [...new Set(c.citedIds.map((id) => id.trim()))] }))
      .filter((c) => c.text.length > 0),
    recommendedActions: draft.recommendedActions.map(sanitizeText).filter((a) => a.length > 0),
  };
}

export interface SettledDraft {
  summary: string;
  riskLevel: ReportDraft['riskLevel'];
  claims: CheckedClaim[];
  recommendedActions: string[];
  removedClaims: { claim: ReportClaim; problems: DraftProblem[] }[];
  warnings: DraftProblem[];
}

/**
 * What is left of a draft once the repair round is spent: claims with a
 * problem are taken out (and listed), unbacked numbers elsewhere are masked.
 */
export function settleDraft(draft: ReportDraft, ctx: CheckContext): SettledDraft {
  const clean = sanitizeDraft(draft);
  const claims: CheckedClaim[] = [];
  const removedClaims: SettledDraft['removedClaims'] = [];
  clean.claims.forEach((claim, i) => {
    const problems = checkClaim(claim, `claims.${i}`, ctx);
    if (problems.length > 0) removedClaims.push({ claim, problems });
    else
      claims.push({
        ...claim,
        citations: claim.citedIds.map((id) => ({ id, kind: ctx.citable.get(id) as RecordKind })),
      });
  });
  const warnings: DraftProblem[] = [];
  const mask = (text: string, where: string) => {
    const bad = new Set(unbackedNumbers(text, ctx));
    if (bad.size === 0) return text;
    warnings.push({
      where,
      kind: 'unbacked-number',
      detail: `masked numbers found in no record or figure: ${[...bad].join(', ')}`,
    });
    return text.replace(NUMBER, (m) => (bad.has(Number(m.replace(/\D/g, ''))) ? '[…]' : m));
  };
  return {
    summary: mask(clean.summary, 'summary'),
    riskLevel: clean.riskLevel,
    claims,
    recommendedActions: clean.recommendedActions.map((a, i) => mask(a, `recommendedActions.${i}`)),
    removedClaims,
    warnings,
  };
}
