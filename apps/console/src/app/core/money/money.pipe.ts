import { Pipe, type PipeTransform } from '@angular/core';
import { formatMoney } from '@kotizo/domain';

/** `{{ amount | kzMoney: currency : lang() }}`: minor units shown in the interface language. */
@Pipe({ name: 'kzMoney' })
export class KzMoneyPipe implements PipeTransform {
  transform(amount: number | null | undefined, currency: string | null | undefined, lang: string): string {
    if (amount === null || amount === undefined || !currency) return '';
    try {
      return formatMoney(amount, currency, lang);
    } catch {
      return `${amount} ${currency}`;
    }
  }
}
