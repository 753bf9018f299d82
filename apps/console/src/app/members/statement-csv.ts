import type { MemberResponse, TransactionResponse } from '@kotizo/contracts';
import { minorUnitDigits } from '@kotizo/domain';
import { type CsvValue, buildCsv } from '../core/export/csv';

/** Translates a key (the caller's Transloco, so the file is in the interface language). */
export type Translate = (key: string, params?: Record<string, string>) => string;

/**
 * An amount without grouping or currency, with the language's decimal mark ("1500,50" in
 * French), so a spreadsheet opened in that language reads it as a number.
 */
export function plainAmount(minor: number, currency: string, lang: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  const mark = lang.startsWith('fr') ? ',' : '.';
  return `${text.slice(0, -digits)}${mark}${text.slice(-digits)}`;
}

/**
 * A member's statement as CSV: one line per entry, oldest first, money in and out in separate
 * columns (a signed "-4000" would be a formula to neutralise, and not sum in every spreadsheet).
 */
export function statementCsv(
  member: MemberResponse,
  entries: readonly TransactionResponse[],
  lang: string,
  t: Translate,
): string {
  const header = ['date', 'number', 'kind', 'in', 'out', 'currency', 'channel', 'reference', 'memo', 'reversal'].map(
    (column) => t(`statement.csv.${column}`),
  );
  const rows: CsvValue[][] = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const amount = plainAmount(e.amount, e.currency, lang);
      const kind = t(`ledger.kind.${e.kind}`);
      return [
        e.occurredOn,
        e.seq,
        e.category ? `${kind} (${t(`ledger.category.${e.category}`)})` : kind,
        e.direction === 1 ? amount : '',
        e.direction === -1 ? amount : '',
        e.currency,
        t(`ledger.channel.${e.channel}`),
        e.externalRef,
        e.memo ?? e.reason,
        reversalNote(e, t),
      ];
    });
  const title = [t('statement.csv.title', { name: member.fullName, number: String(member.number) })];
  return buildCsv([title, header, ...rows]);
}

function reversalNote(entry: TransactionResponse, t: Translate): string {
  if (entry.reversedById) return t('statement.csv.reversed');
  if (entry.reversesId) return t('statement.csv.reverses');
  return '';
}
