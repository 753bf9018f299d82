import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Mirrors the API's rule (libs/contracts passwordField): 10+ characters, a letter and a digit. */
export const passwordStrength: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.length === 0) return null;
  if (value.length < 10) return { passwordLength: true };
  if (!/\p{L}/u.test(value) || !/\p{N}/u.test(value)) return { passwordMix: true };
  return null;
};

/** On the group: the confirmation must repeat the new password. */
export const passwordsMatch: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const next: unknown = group.get('newPassword')?.value;
  const confirm: unknown = group.get('confirmPassword')?.value;
  return confirm && next !== confirm ? { mismatch: true } : null;
};
