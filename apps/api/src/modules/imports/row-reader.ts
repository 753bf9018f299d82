import type { ImportMappingParsed, RejectedRow } from '@kotizo/contracts';
import { EXPENSE_CATEGORIES } from '@kotizo/contracts';
import { parseAmountText } from '@kotizo/domain';

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

export interface MemberIndex {
  byNumber: Map<string, { id: string; status: string }>;
  byPhone: Map<string, { id: string; status: string }>;
}

const KIND_WORDS: Record<string, ImportedRow['kind']> = {
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
};
const CHANNEL_WORDS: Record<string, ImportedRow['channel']> = {
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
};

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

function isoFromFormat(text: string, format: ImportMappingParsed['dateFormat']): string | null {
  const match =
    format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(text);
  if (!match) return null;
  const [y, m, d] = format === 'YYYY-MM-DD' ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Reads one CSV record into a ledger entry with the mapping, or says, field
 * by field, why it cannot be imported.
 */
export class RowReader {
  private readonly index: Map<string, number>;

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

  read(line: number, values: string[]): ImportedRow | RejectedRow {
    const errors: RejectedRow['errors'] = [];
    const cell = (field: keyof ImportMappingParsed['columns']): string | undefined => {
      const column = this.mapping.columns[field];
      if (column === undefined) return undefined;
      return values[this.index.get(column)!]?.trim() ?? '';
    };

    const occurredOn = isoFromFormat(cell('date') ?? '', this.mapping.dateFormat);
    if (!occurredOn) errors.push({ field: 'date', message: `is not a date as ${this.mapping.dateFormat}` });
    else if (occurredOn > this.today) errors.push({ field: 'date', message: 'is in the future' });

    const amount = parseAmountText(cell('amount') ?? '', this.currencyDigits);
    if (amount === null)
      errors.push({ field: 'amount', message: 'is not a positive amount in the cooperative’s currency' });

    const kindText = cell('kind');
    const kind = kindText !== undefined ? KIND_WORDS[word(kindText)] : this.mapping.defaults.kind;
    if (!kind) errors.push({ field: 'kind', message: `"${kindText}" is not contribution, penalty, income or expense` });

    const channelText = cell('channel');
    const channel =
      channelText !== undefined && channelText !== ''
        ? CHANNEL_WORDS[word(channelText)]
        : this.mapping.defaults.channel;
    if (!channel) errors.push({ field: 'channel', message: `"${channelText}" is not cash, mobile money or bank` });

    let memberId: string | null = null;
    const number = cell('memberNumber');
    const phone = cell('phone');
    if (number) {
      const member = this.members.byNumber.get(number.replace(/^#/, ''));
      if (!member) errors.push({ field: 'memberNumber', message: `no member number ${number}` });
      else memberId = member.id;
    } else if (phone) {
      const member = this.members.byPhone.get(phoneKey(phone));
      if (!member) errors.push({ field: 'phone', message: `no member with phone ${phone}` });
      else memberId = member.id;
    }
    if (
      (kind === 'contribution' || kind === 'penalty') &&
      !memberId &&
      !errors.some((e) => e.field === 'memberNumber' || e.field === 'phone')
    ) {
      errors.push({ field: 'member', message: `a ${kind} needs a member` });
    }

    const categoryText =
      cell('category') || this.mapping.defaults.category || (kind === 'expense' ? 'other' : undefined);
    const category = kind === 'expense' ? (categoryText ?? null) : null;
    if (category !== null && !(EXPENSE_CATEGORIES as readonly string[]).includes(category)) {
      errors.push({ field: 'category', message: `"${category}" is not an expense category` });
    }

    const reference = cell('reference') || null;
    if (reference !== null && reference.length > 80)
      errors.push({ field: 'reference', message: 'is longer than 80 characters' });
    const memo = cell('memo') || null;
    if (memo !== null && memo.length > 500) errors.push({ field: 'memo', message: 'is longer than 500 characters' });

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

export function isRejected(row: ImportedRow | RejectedRow): row is RejectedRow {
  return 'errors' in row;
}
