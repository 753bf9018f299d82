import type { CreateCooperativeResponse } from '@kotizo/contracts';
import type { ApiHarness } from '../../api/src/testing/api-harness.js';

/**
 * A cooperative with books small enough to add up by hand (see the
 * expectations in dashboards.e2e-spec.ts), written through the HTTP API like
 * a treasurer would: backdated movements in January to March 2025, loans with
 * interest and partial repayments, and today's corrections (reversals, a
 * write-off, a new loan).
 */
export interface Books {
  slug: string;
  id: string;
  admin: string;
  treasurer: string;
  members: Record<'awa' | 'koffi' | 'formula' | 'suspended' | 'exited', string>;
  loans: Record<'l1' | 'l2' | 'l3', string>;
}

const PASSWORD = 'Treasurer-pass-2026';

export class BooksWriter {
  constructor(
    private readonly api: ApiHarness,
    readonly slug: string,
    private readonly tokens: { admin: string; treasurer: string },
  ) {}

  static async provision(
    api: ApiHarness,
    fedToken: string,
    slug: string,
    over: Record<string, unknown> = {},
  ): Promise<{ writer: BooksWriter; id: string }> {
    const created = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fedToken,
      body: {
        name: `Coop ${slug}`,
        slug,
        country: 'CI',
        admin: { name: 'Admin', email: `admin@${slug}.test` },
        ...over,
      },
    });
    if (created.status !== 201) throw new Error(`provision ${slug}: ${JSON.stringify(created.body)}`);
    const admin = (await api.login(`admin@${slug}.test`, created.body.admin.temporaryPassword!)).accessToken;
    const added = await api.request('POST', `/api/v1/coops/${slug}/users`, {
      token: admin,
      body: { name: 'Trésorière', email: `treasurer@${slug}.test`, role: 'treasurer', password: PASSWORD },
    });
    if (added.status !== 201) throw new Error(`treasurer in ${slug}: ${JSON.stringify(added.body)}`);
    const treasurer = (await api.login(`treasurer@${slug}.test`, PASSWORD)).accessToken;
    return { writer: new BooksWriter(api, slug, { admin, treasurer }), id: created.body.id };
  }

  get adminToken(): string {
    return this.tokens.admin;
  }

  get treasurerToken(): string {
    return this.tokens.treasurer;
  }

  async call<T = { id: string }>(
    method: string,
    path: string,
    body: unknown,
    as: 'admin' | 'treasurer' = 'treasurer',
  ): Promise<T> {
    const res = await this.api.request<T>(method, `/api/v1/coops/${this.slug}${path}`, {
      token: this.tokens[as],
      body,
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async member(fullName: string, phone: string): Promise<string> {
    return (await this.call('POST', '/members', { fullName, phone, joinedOn: '2024-12-01' }, 'admin')).id;
  }

  async move(body: Record<string, unknown>): Promise<string> {
    return (await this.call('POST', '/transactions', { channel: 'cash', ...body })).id;
  }

  async reverse(id: string): Promise<string> {
    return (await this.call('POST', `/transactions/${id}/reversal`, { reason: 'saisie en double' })).id;
  }

  /** Requested by the treasurer, approved by the admin, paid out on `on` (today when omitted). */
  async loan(memberId: string, terms: Record<string, unknown>, on?: string): Promise<string> {
    const { id } = await this.call('POST', '/loans', {
      memberId,
      method: 'flat',
      frequency: 'monthly',
      purpose: 'Fonds de commerce',
      ...terms,
    });
    await this.call('POST', `/loans/${id}/decision`, { decision: 'approve' }, 'admin');
    await this.call('POST', `/loans/${id}/disbursement`, { channel: 'cash', ...(on ? { occurredOn: on } : {}) });
    return id;
  }

  async repay(loanId: string, amount: number, occurredOn: string): Promise<string> {
    return (
      await this.call<{ transactionId: string }>('POST', `/loans/${loanId}/repayments`, {
        amount,
        channel: 'mobile_money',
        occurredOn,
      })
    ).transactionId;
  }
}

/**
 * The XOF books (every amount in FCFA). By hand, for January to March 2025:
 * contributions 22,000; loans paid out 90,000; repayments 26,600; expenses
 * 10,000 (transport 4,000, supplies 6,000); penalties 500; income 110,000;
 * adjustments -300; 17 movements; cash 0 -> 58,800. Today: a contribution
 * reversed (-5,000), an expense reversed (-1,500), a repayment reversed
 * (-2,000), a new contribution (3,000), loan L3 paid out (12,000), loan L2
 * written off with 20,000 of principal still owed.
 */
export async function xofBooks(api: ApiHarness, fedToken: string, slug: string): Promise<Books> {
  const { writer: w, id } = await BooksWriter.provision(api, fedToken, slug);
  const members = {
    awa: await w.member('Awa Koné', '+22507000101'),
    koffi: await w.member('Koffi "le grand"; Yao', '+22507000102'),
    formula: await w.member('=HYPERLINK("http://evil.test","clic")', '+22507000103'),
    suspended: await w.member('@SUM(1+1)', '+22507000104'),
    exited: await w.member('-2+3 Traoré', '+22507000105'),
  };
  await w.call('POST', `/members/${members.suspended}/status`, { status: 'suspended', reason: 'absences' }, 'admin');
  await w.call('POST', `/members/${members.exited}/status`, { status: 'exited', reason: 'déménagement' }, 'admin');

  await w.move({ kind: 'income', amount: 100_000, occurredOn: '2025-01-02', memo: 'Subvention' });
  await w.move({ kind: 'contribution', memberId: members.awa, amount: 5_000, occurredOn: '2025-01-06' });
  await w.move({ kind: 'expense', category: 'transport', amount: 2_500, occurredOn: '2025-01-15' });
  await w.move({ kind: 'contribution', memberId: members.koffi, amount: 5_000, occurredOn: '2025-01-20' });
  const twice = await w.move({ kind: 'contribution', memberId: members.awa, amount: 5_000, occurredOn: '2025-02-03' });
  await w.move({
    kind: 'contribution',
    memberId: members.formula,
    amount: 7_000,
    occurredOn: '2025-02-10',
    memo: '+33 rappel',
  });
  await w.move({ kind: 'expense', category: 'supplies', amount: 6_000, occurredOn: '2025-02-15' });
  await w.move({ kind: 'income', amount: 10_000, occurredOn: '2025-02-20' });
  const taxi = await w.move({ kind: 'expense', category: 'transport', amount: 1_500, occurredOn: '2025-03-01' });
  await w.move({ kind: 'penalty', memberId: members.koffi, amount: 500, occurredOn: '2025-03-05' });
  await w.move({
    kind: 'adjustment',
    direction: 'out',
    amount: 300,
    occurredOn: '2025-03-10',
    memo: '=1+1 écart de caisse',
  });

  // L1: 60,000 at 12 % flat over 6 months: 10,000 of principal and 600 of interest a month from 2025-02-10.
  const l1 = await w.loan(
    members.awa,
    { principal: 60_000, annualRateBasisPoints: 1_200, installments: 6 },
    '2025-01-10',
  );
  await w.repay(l1, 10_600, '2025-02-10');
  await w.repay(l1, 4_000, '2025-03-12'); // installment 2: 600 of interest, then 3,400 of principal
  const extra = await w.repay(l1, 2_000, '2025-03-20');
  // L2: 30,000 without interest over 3 months from 2025-03-01; one installment paid, then written off.
  const l2 = await w.loan(
    members.koffi,
    { principal: 30_000, annualRateBasisPoints: 0, installments: 3 },
    '2025-02-01',
  );
  await w.repay(l2, 10_000, '2025-03-01');

  // Today.
  await w.reverse(twice);
  await w.reverse(taxi);
  await w.reverse(extra);
  await w.move({ kind: 'contribution', memberId: members.awa, amount: 3_000 });
  const l3 = await w.loan(members.formula, { principal: 12_000, annualRateBasisPoints: 0, installments: 12 });
  await w.call('POST', `/loans/${l2}/write-off`, { reason: 'parti sans laisser d’adresse' }, 'admin');
  return { slug, id, admin: w.adminToken, treasurer: w.treasurerToken, members, loans: { l1, l2, l3 } };
}

/**
 * The EUR books (cents): in January 2025, contributions 12,50 + 19,99, an
 * expense of 3,05 (fees); today the 19,99 contribution is reversed.
 */
export async function eurBooks(
  api: ApiHarness,
  fedToken: string,
  slug: string,
): Promise<{ slug: string; id: string; treasurer: string; admin: string }> {
  const { writer: w, id } = await BooksWriter.provision(api, fedToken, slug, {
    country: 'FR',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    locale: 'fr',
  });
  const member = await w.member('Élodie Martin', '+33612345678');
  await w.move({ kind: 'contribution', memberId: member, amount: 1_250, occurredOn: '2025-01-05' });
  const second = await w.move({ kind: 'contribution', memberId: member, amount: 1_999, occurredOn: '2025-01-12' });
  await w.move({ kind: 'expense', category: 'fees', amount: 305, occurredOn: '2025-01-20', memo: 'Frais; "banque"' });
  await w.reverse(second);
  return { slug, id, treasurer: w.treasurerToken, admin: w.adminToken };
}
