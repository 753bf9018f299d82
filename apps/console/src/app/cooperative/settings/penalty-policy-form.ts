import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { PenaltyPolicyRequest, PenaltyPolicyResponse } from '@kotizo/contracts';
import { MAX_PENALTY_BASIS_POINTS, type PenaltyPeriod } from '@kotizo/domain';
import { parseAmount, formatAmountInput } from '../../core/money/parse-amount';
import { basisPointsToPercent, percentToBasisPoints } from '../../loans/rate';

export type CapKind = 'none' | 'amount' | 'rate';

/**
 * The policy as the form holds it: amounts and percentages as typed (text), so
 * that "1 500" or "2,5" come back to the user as written; both kinds' values
 * are kept, the one not chosen simply unused.
 */
export interface PenaltyPolicyFormValue {
  enabled: boolean;
  charge: { kind: 'fixed' | 'rate'; amount: string; rate: string };
  period: PenaltyPeriod;
  graceDays: number;
  cap: { kind: CapKind; amount: string; rate: string };
}

export type PenaltyRateProblem = 'required' | 'invalid' | 'decimals' | 'zero' | 'tooHigh';

/** A penalty rate as typed ("2", "2,5 %") in basis points, from 0,01 % to 100 %. */
export function penaltyRate(
  text: string,
): { ok: true; basisPoints: number } | { ok: false; problem: PenaltyRateProblem } {
  const parsed = percentToBasisPoints(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (parsed.basisPoints === 0) return { ok: false, problem: 'zero' };
  if (parsed.basisPoints > MAX_PENALTY_BASIS_POINTS) return { ok: false, problem: 'tooHigh' };
  return parsed;
}

/** `{ penaltyRate: problem }` when the text is not a rate a penalty may have; empty is left to `required`. */
export function penaltyRateValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = penaltyRate(value);
  return parsed.ok ? null : { penaltyRate: parsed.problem };
}

/** The API's policy as the form shows it, in the interface language. */
export function toPolicyForm(policy: PenaltyPolicyResponse, lang: string): PenaltyPolicyFormValue {
  const amount = (minor: number) => formatAmountInput(minor, policy.currency, lang);
  const rate = (basisPoints: number) => basisPointsToPercent(basisPoints, lang);
  return {
    enabled: policy.enabled,
    charge: {
      kind: policy.charge.kind,
      amount: policy.charge.kind === 'fixed' ? amount(policy.charge.amount) : '',
      rate: policy.charge.kind === 'rate' ? rate(policy.charge.basisPoints) : '',
    },
    period: policy.period,
    graceDays: policy.graceDays,
    cap: {
      kind: policy.cap?.kind ?? 'none',
      amount: policy.cap?.kind === 'amount' ? amount(policy.cap.amount) : '',
      rate: policy.cap?.kind === 'rate' ? rate(policy.cap.basisPoints) : '',
    },
  };
}

/** What the API is sent; null while a value in use does not read (the form shows why). */
export function toPolicyRequest(value: PenaltyPolicyFormValue, currency: string): PenaltyPolicyRequest | null {
  const amount = (text: string) => {
    const parsed = parseAmount(text, currency);
    return parsed.ok ? parsed.minor : null;
  };
  const rate = (text: string) => {
    const parsed = penaltyRate(text);
    return parsed.ok ? parsed.basisPoints : null;
  };
  let charge: PenaltyPolicyRequest['charge'];
  if (value.charge.kind === 'fixed') {
    const minor = amount(value.charge.amount);
    if (minor === null) return null;
    charge = { kind: 'fixed', amount: minor };
  } else {
    const basisPoints = rate(value.charge.rate);
    if (basisPoints === null) return null;
    charge = { kind: 'rate', basisPoints };
  }
  let cap: PenaltyPolicyRequest['cap'] = null;
  if (value.cap.kind === 'amount') {
    const minor = amount(value.cap.amount);
    if (minor === null) return null;
    cap = { kind: 'amount', amount: minor };
  } else if (value.cap.kind === 'rate') {
    const basisPoints = rate(value.cap.rate);
    if (basisPoints === null) return null;
    cap = { kind: 'rate', basisPoints };
  }
  return { enabled: value.enabled, charge, period: value.period, graceDays: value.graceDays, cap };
}

/**
 * The API names fields by the request's shape (`charge.basisPoints`); the form
 * keeps a percentage as typed under `rate`.
 */
export function formFieldOf(apiField: string): string {
  return apiField.replace(/\.basisPoints$/, '.rate');
}
