import type { AbstractControl } from '@angular/forms';

/** What a field's <mat-error> says: a translation key, or the server's own words. */
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
  /** Set for errors the API reported on this field (shown as sent). */
  text?: string;
}

const KEYS: Record<string, string> = {
  required: 'validation.required',
  email: 'validation.email',
  pattern: 'validation.pattern',
  passwordLength: 'password.tooShort',
  passwordMix: 'password.needsMix',
  wrongPassword: 'password.wrongCurrent',
  slugTaken: 'cooperatives.form.slugTaken',
  phone: 'members.form.phoneFormat',
  future: 'validation.future',
  tooMuch: 'loans.repay.tooMuchField',
};

/** The first error of a control, as a message; null when it is valid. */
export function fieldMessage(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (!errors) return null;
  const server: unknown = errors['server'];
  if (typeof server === 'string') return { key: 'validation.server', text: server };
  const slug: unknown = errors['slug'];
  if (typeof slug === 'string') return { key: `slug.${slug}` };
  const amount = errors['amount'] as { problem: string; digits: number } | undefined;
  if (amount) {
    const key = amount.problem === 'decimals' && amount.digits === 0 ? 'money.noDecimals' : `money.${amount.problem}`;
    return { key, params: { digits: amount.digits } };
  }
  const rate: unknown = errors['rate'];
  if (typeof rate === 'string') return { key: `loans.form.rate_${rate}` };
  const min = errors['min'] as { min: number } | undefined;
  if (min) return { key: 'validation.min', params: { min: min.min } };
  const max = errors['max'] as { max: number } | undefined;
  if (max) return { key: 'validation.max', params: { max: max.max } };
  const minLength = errors['minlength'] as { requiredLength: number } | undefined;
  if (minLength) return { key: 'validation.minLength', params: { min: minLength.requiredLength } };
  const maxLength = errors['maxlength'] as { requiredLength: number } | undefined;
  if (maxLength) return { key: 'validation.maxLength', params: { max: maxLength.requiredLength } };
  const known = Object.keys(errors).find((name) => KEYS[name]);
  return { key: known ? (KEYS[known] ?? 'validation.invalid') : 'validation.invalid' };
}
