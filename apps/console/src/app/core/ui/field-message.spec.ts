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

  it('falls back to a generic message for an unknown error', () => {
    const control = new FormControl('x');
    control.setErrors({ somethingNew: true });
    expect(fieldMessage(control)).toEqual({ key: 'validation.invalid' });
  });
});
