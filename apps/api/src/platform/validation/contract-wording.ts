import type { z } from 'zod';
import { RECORDABLE_KINDS } from '@kotizo/contracts';
import { MAX_AMOUNT_MINOR, SLUG_MAX_LENGTH } from '@kotizo/domain';
import { type FieldCode, type MessageParams, translate } from '../errors/messages/catalog.js';

/** A message libs/contracts writes in English, and its code in our catalog. */
export interface ContractWording {
  /** The zod issue the message is given for. */
  readonly issue: z.core.$ZodIssue['code'];
  readonly code: FieldCode;
  /** Values the schema writes into its text (a custom issue carries none itself). */
  readonly params?: MessageParams;
}

/**
 * The schemas of libs/contracts word some problems themselves, in English (`.min(3, 'say why
 * (3 characters or more)')`): zod hands us only that text. Each is listed here with the code of
 * the same words in the catalog, so it is said in the caller's language; a text is recognised
 * when the catalog's English, filled with the issue's own values (`{min}` from `.min(3)`),
 * gives it back. contract-wording.spec.ts walks every exported schema and fails on a text
 * missing here: add it, with its French in messages/fr.ts.
 */
export const CONTRACT_WORDING: readonly ContractWording[] = [
  // Sized checks (the issue gives {min} or {max}).
  { issue: 'too_small', code: 'required' },
  { issue: 'too_small', code: 'not_empty' },
  { issue: 'too_small', code: 'not_negative' },
  { issue: 'too_small', code: 'reason_required' },
  { issue: 'too_small', code: 'say_why' },
  { issue: 'too_small', code: 'question_required' },
  { issue: 'too_small', code: 'loan_purpose' },
  { issue: 'too_small', code: 'explain_adjustment' },
  { issue: 'too_big', code: 'max_people' },
  { issue: 'too_small', code: 'at_least_one_basis_point' },
  { issue: 'too_big', code: 'at_most_all_basis_points' },
  // Integer checks.
  { issue: 'invalid_type', code: 'whole_basis_points' },
  { issue: 'invalid_type', code: 'whole_days' },
  // Formats.
  { issue: 'invalid_format', code: 'date_format' },
  { issue: 'invalid_format', code: 'month_format' },
  { issue: 'invalid_format', code: 'time_format' },
  { issue: 'invalid_format', code: 'email_format' },
  { issue: 'invalid_format', code: 'phone_format' },
  { issue: 'invalid_format', code: 'country_code' },
  { issue: 'invalid_format', code: 'member_id' },
  { issue: 'invalid_format', code: 'user_id' },
  { issue: 'invalid_format', code: 'movement_id' },
  { issue: 'invalid_format', code: 'must_be_integer' },
  // Closed lists.
  { issue: 'invalid_value', code: 'csv_delimiter' },
  { issue: 'invalid_value', code: 'week_or_month' },
  { issue: 'invalid_value', code: 'risk_or_name' },
  { issue: 'invalid_value', code: 'day_week_or_month' },
  { issue: 'invalid_union', code: 'kind_one_of', params: { kinds: RECORDABLE_KINDS.join(', ') } },
  { issue: 'invalid_union', code: 'fixed_or_rate' },
  { issue: 'invalid_union', code: 'amount_or_rate' },
  { issue: 'invalid_union', code: 'decision_kind' },
  { issue: 'invalid_union', code: 'explain_kind' },
  { issue: 'invalid_union', code: 'assistant_kind' },
  // Refinements (custom issues).
  { issue: 'custom', code: 'whole_minor_units' },
  { issue: 'custom', code: 'more_than_zero' },
  { issue: 'custom', code: 'too_big', params: { max: MAX_AMOUNT_MINOR } },
  { issue: 'custom', code: 'too_short', params: { min: 3 } },
  { issue: 'custom', code: 'too_long', params: { max: SLUG_MAX_LENGTH } },
  { issue: 'custom', code: 'slug_format' },
  { issue: 'custom', code: 'reserved_word' },
  { issue: 'custom', code: 'letter_and_digit' },
  { issue: 'custom', code: 'currency_code' },
  { issue: 'custom', code: 'time_zone' },
  { issue: 'custom', code: 'on_or_before_to' },
  { issue: 'custom', code: 'not_after_to' },
  { issue: 'custom', code: 'not_with_after' },
  { issue: 'custom', code: 'nothing_to_change' },
  { issue: 'custom', code: 'status_reason_required' },
  { issue: 'custom', code: 'member_account_only' },
  { issue: 'custom', code: 'role_or_active' },
  { issue: 'custom', code: 'weekday_due_day' },
  { issue: 'custom', code: 'guarantor_is_borrower' },
  { issue: 'custom', code: 'guarantor_twice' },
  { issue: 'custom', code: 'closing_note_required' },
  { issue: 'custom', code: 'import_kind_column' },
  { issue: 'custom', code: 'import_channel_column' },
];

const byIssue = new Map<string, ContractWording[]>();
for (const wording of CONTRACT_WORDING) byIssue.set(wording.issue, [...(byIssue.get(wording.issue) ?? []), wording]);

/**
 * The catalog's words for a contracts text given for an issue, with the values of its
 * placeholders; undefined when the text is not one of ours (zod's own, or one to add above).
 */
export function contractWording(
  issue: z.core.$ZodIssue['code'],
  text: string,
  issueParams: MessageParams,
): { code: FieldCode; params: MessageParams } | undefined {
  for (const wording of byIssue.get(issue) ?? []) {
    const params = { ...issueParams, ...wording.params };
    if (translate('en', 'field', wording.code, params) === text) return { code: wording.code, params };
  }
  return undefined;
}
