import { FormControl, Validators } from '@angular/forms';
import { fieldMessage } from './field-message';

describe('fieldMessage', () => {
  it('is null for a valid control', () => {
    expect(fieldMessage(new FormControl('x', Validators.required))).toBeNull();
  });

  it('prefers the server’s words for the field over local rules', () => {
    const control = new FormControl('', Validators.required);
    control.setErrors({ required: true, server: 'is already used' });
    expect(fieldMessage(control)).toEqual({ key: 'validation.server', text: 'is already used' });
  });

  it('names the slug problem and length limits', () => {
    const slug = new FormControl('admin');
    slug.setErrors({ slug: 'reserved' });
    expect(fieldMessage(slug)).toEqual({ key: 'slug.reserved' });
    const name = new FormControl('a', Validators.minLength(2));
    expect(fieldMessage(name)).toEqual({ key: 'validation.minLength', params: { min: 2 } });
  });

  it('names the amount, rate and range problems', () => {
    const amount = new FormControl('15,5');
    amount.setErrors({ amount: { problem: 'decimals', digits: 0 } });
    expect(fieldMessage(amount)).toEqual({ key: 'money.noDecimals', params: { digits: 0 } });
    amount.setErrors({ amount: { problem: 'decimals', digits: 2 } });
    expect(fieldMessage(amount)).toEqual({ key: 'money.decimals', params: { digits: 2 } });
    const rate = new FormControl('1,234');
    rate.setErrors({ rate: 'decimals' });
    expect(fieldMessage(rate)).toEqual({ key: 'loans.form.rate_decimals' });
    expect(fieldMessage(new FormControl(0, Validators.min(1)))).toEqual({
      key: 'validation.min',
      params: { min: 1 },
    });
  });

  it('falls back to a generic message for an unknown error', () => {
    const control = new FormControl('x');
    control.setErrors({ somethingNew: true });
    expect(fieldMessage(control)).toEqual({ key: 'validation.invalid' });
  });
});
