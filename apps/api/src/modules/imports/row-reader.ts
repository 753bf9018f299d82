import type { ImportMappingParsed } from '@kotizo/contracts';
import { EXPENSE_CATEGORIES } from '@kotizo/contracts';
import { MAX_AMOUNT_MINOR, parseAmountText } from '@kotizo/domain';
import type { FieldCode, MessageParams } from '../../platform/errors/messages/catalog.js';

export interface ImportedRow {
  line: number;
  occurredOn: string;
  amount: number;
  kind: 'contribution' | 'penalty' | 'income' | 'expense';
  memberId: string | null;
  channel: 'cash' | 'mobile_money' | 'bank';
  reference: string | null;
  memo: string | null;
  category: string | null;
}

/** Why one field of a row cannot be imported: a field code of the catalog and its params, worded later. */
export interface RowError {
  field: string;
  code: FieldCode;
  params?: MessageParams;
}

/** A row that cannot be imported, and why (the preview words it in the request's language). */
export interface RejectedLine {
  line: number;
  errors: RowError[];
}

export interface MemberIndex {
  byNumber: Map<string, { id: string; status: string }>;
  byPhone: Map<string, { id: string; status: string }>;
}

const KIND_WORDS = new Map<string, ImportedRow['kind']>(
  Object.entries({
    contribution: 'contribution',
    cotisation: 'contribution',
    epargne: 'contribution',
    penalty: 'penalty',
    penalite: 'penalty',
    amende: 'penalty',
    income: 'income',
    recette: 'income',
    expense: 'expense',
    depense: 'expense',
  } as const),
);
// Maps, not objects: a cell reading "constructor" must not find Object's.
const CHANNEL_WORDS = new Map<string, ImportedRow['channel']>(
  Object.entries({
    cash: 'cash',
    especes: 'cash',
    mobile_money: 'mobile_money',
    'mobile money': 'mobile_money',
    momo: 'mobile_money',
    om: 'mobile_money',
    'orange money': 'mobile_money',
    wave: 'mobile_money',
    bank: 'bank',
    banque: 'bank',
    virement: 'bank',
  } as const),
);

function word(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

/** Phones are matched on their last ten digits: exports write +225..., 00225... or 07... */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}

/** The longest reference and memo a movement keeps. */
const MAX_REFERENCE = 80;
const MAX_MEMO = 500;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoFromFormat(text: string, format: ImportMappingParsed['dateFormat']): string | null {
  const match =
    format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(text);
  if (!match) return null;
  const [y, m, d] = format === 'YYYY-MM-DD' ? [match[1]!, match[2]!, match[3]!] : [match[3]!, match[2]!, match[1]!];
  // Checked by arithmetic, not with a Date: a million rows make it worth it.
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1 || day > days) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Plain digits (most files) skip the general reading of "1 500,50" and its BigInts. */
function amountOf(text: string, digits: number): number | null {
  if (/^\d{1,12}$/.test(text)) {
    const minor = Number(text) * 10 ** digits;
    return minor > 0 && minor <= MAX_AMOUNT_MINOR ? minor : null;
  }
  return parseAmountText(text, digits);
}

/**
 * Reads one CSV record into a ledger entry with the mapping, or says, field
 * by field, why it cannot be imported.
 */
export class RowReader {
  private readonly index: Map<string, number>;
  /** Kinds and channels are a handful of words repeated on every row: each is normalised once. */
  private readonly words = new Map<string, string>();

  constructor(
    headers: string[],
    private readonly mapping: ImportMappingParsed,
    private readonly members: MemberIndex,
    private readonly currencyDigits: number,
    private readonly today: string,
  ) {
    this.index = new Map(headers.map((h, i) => [h.trim(), i]));
  }

  /** Mapped columns missing from the file's header. */
  missingColumns(): string[] {
    return Object.entries(this.mapping.columns)
      .filter(([, column]) => column !== undefined && !this.index.has(column))
      .map(([field]) => field);
  }

  private word(text: string): string {
    let normalized = this.words.get(text);
    if (normalized === undefined) {
      normalized = word(text);
      if (this.words.size < 1_000) this.words.set(text, normalized);
    }
    return normalized;
  }

  read(line: number, values: string[]): ImportedRow | RejectedLine {
    const errors: RowError[] = [];
    const cell = (field: keyof ImportMappingParsed['columns']): string | undefined => {
      const column = this.mapping.columns[field];
      if (column === undefined) return undefined;
      return values[this.index.get(column)!]?.trim() ?? '';
    };

    const occurredOn = isoFromFormat(cell('date') ?? '', this.mapping.dateFormat);
    if (!occurredOn) errors.push({ field: 'date', code: 'not_a_date_as', params: { format: this.mapping.dateFormat } });
    else if (occurredOn > this.today) errors.push({ field: 'date', code: 'in_future' });

    const amount = amountOf(cell('amount') ?? '', this.currencyDigits);
    if (amount === null) errors.push({ field: 'amount', code: 'not_a_positive_amount' });

    const kindText = cell('kind');
    const kind = kindText !== undefined ? KIND_WORDS.get(this.word(kindText)) : this.mapping.defaults.kind;
    if (!kind) errors.push({ field: 'kind', code: 'not_an_import_kind', params: { value: kindText ?? '' } });

    const channelText = cell('channel');
    const channel =
      channelText !== undefined && channelText !== ''
        ? CHANNEL_WORDS.get(this.word(channelText))
        : this.mapping.defaults.channel;
    if (!channel)
      errors.push({ field: 'channel', code: 'not_an_import_channel', params: { value: channelText ?? '' } });

    let memberId: string | null = null;
    const number = cell('memberNumber');
    const phone = cell('phone');
    if (number) {
      const member = this.members.byNumber.get(number.replace(/^#/, ''));
      if (!member) errors.push({ field: 'memberNumber', code: 'no_member_number', params: { number } });
      else memberId = member.id;
    } else if (phone) {
      const member = this.members.byPhone.get(phoneKey(phone));
      if (!member) errors.push({ field: 'phone', code: 'no_member_with_phone', params: { phone } });
      else memberId = member.id;
    }
    if (
      (kind === 'contribution' || kind === 'penalty') &&
      !memberId &&
      !errors.some((e) => e.field === 'memberNumber' || e.field === 'phone')
    ) {
      errors.push({ field: 'member', code: 'needs_member', params: { kind } });
    }

    const categoryText =
      cell('category') || this.mapping.defaults.category || (kind === 'expense' ? 'other' : undefined);
    const category = kind === 'expense' ? (categoryText ?? null) : null;
    if (category !== null && !(EXPENSE_CATEGORIES as readonly string[]).includes(category)) {
      errors.push({ field: 'category', code: 'not_an_expense_category', params: { value: category } });
    }

    const reference = cell('reference') || null;
    if (reference !== null && reference.length > MAX_REFERENCE)
      errors.push({ field: 'reference', code: 'too_long', params: { max: MAX_REFERENCE } });
    const memo = cell('memo') || null;
    if (memo !== null && memo.length > MAX_MEMO)
      errors.push({ field: 'memo', code: 'too_long', params: { max: MAX_MEMO } });

    if (errors.length > 0) return { line, errors };
    return {
      line,
      occurredOn: occurredOn!,
      amount: amount!,
      kind: kind!,
      memberId,
      channel: channel!,
      reference,
      memo,
      category,
    };
  }
}

export function isRejected(row: ImportedRow | RejectedLine): row is RejectedLine {
  return 'errors' in row;
}
