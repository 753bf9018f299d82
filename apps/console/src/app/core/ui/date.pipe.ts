import { Pipe, type PipeTransform } from '@angular/core';

/** `{{ iso | kzDate: lang() }}`: a date in the interface language, without locale data files. */
@Pipe({ name: 'kzDate' })
export class KzDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  }
}
