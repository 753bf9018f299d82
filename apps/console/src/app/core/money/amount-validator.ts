import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { parseAmount } from './parse-amount';

/**
 * `{ amount: { problem, digits } }` when the text is not an amount of the currency (given as
 * a function: the cooperative's currency may arrive after the form is built). Leaves empty
 * values to Validators.required.
 */
export function amountValidator(currency: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value.trim() === '') return null;
    const parsed = parseAmount(value, currency());
    return parsed.ok ? null : { amount: { problem: parsed.problem, digits: parsed.digits } };
  };
}

/** The amount of a valid field, in minor units (0 when it does not parse). */
export function amountOf(text: string, currency: string): number {
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : 0;
}
