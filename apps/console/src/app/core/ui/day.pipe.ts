import { Pipe, type PipeTransform } from '@angular/core';

/**
 * `{{ '2026-11-25' | kzDay: lang() }}`: a calendar date (no time, no zone, as the ledger keeps
 * them) in the interface language. Formatted in UTC so that no browser zone moves it a day.
 */
@Pipe({ name: 'kzDay' })
export class KzDayPipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string, style: 'medium' | 'short' = 'medium'): string {
    const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (!match) return value ?? '';
    const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
  }
}
