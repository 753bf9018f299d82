import { Pipe, type PipeTransform } from '@angular/core';

/**
 * `{{ iso | kzDate: lang() }}`: a date in the interface language, without locale data files;
 * `{{ iso | kzDate: lang() : true }}` adds the time (a case's timeline).
 */
@Pipe({ name: 'kzDate' })
export class KzDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string, withTime = false): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : { dateStyle: 'medium' };
    return new Intl.DateTimeFormat(lang, options).format(date);
  }
}
