import { parse } from 'csv-parse/sync';
import type { LoanResponse, MemberResponse, Page, Problem, TransactionResponse } from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { type Books, eurBooks, xofBooks } from './books-fixture.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

const BOM = '\ufeff';

interface CsvResponse {
  status: number;
  type: string | null;
  disposition: string | null;
  text: string;
  rows: Record<string, string>[];
}

/** CSV exports parsed back with csv-parse and compared with what the JSON API says. */
describe('CSV exports', () => {
  let api: ApiHarness;
  let xof: Books;
  let eur: Awaited<ReturnType<typeof eurBooks>>;
  let roles: CoopFixture;
  const today = localDate(new Date(), 'Africa/Abidjan');

  beforeAll(async () => {
    api = await ApiHarness.start('exports');
    const fed = (await api.loginFederationAdmin()).accessToken;
    xof = await xofBooks(api, fed, 'exp-xof');
    eur = await eurBooks(api, fed, 'exp-eur');
    roles = await cooperativeWithEveryRole(api, fed, 'exp-roles');
  }, 120_000);
  afterAll(async () => {
    await api.stop();
  });

  async function csv(path: string, token: string): Promise<CsvResponse> {
    const res = await fetch(`${api.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const ok = res.status === 200;
    const delimiter = ok && text.split('\r\n')[0]!.includes(';') ? ';' : ',';
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      text,
      rows: ok ? parse(text, { bom: true, columns: true, delimiter, relax_column_count: false }) : [],
    };
  }

  async function journal(slug: string, token: string): Promise<TransactionResponse[]> {
    const page = await api.request<Page<TransactionResponse>>(
      'GET',
      `/api/v1/coops/${slug}/transactions?limit=100&from=2025-01-01`,
      { token },
    );
    return page.body.items.sort((a, b) =>
      a.occurredOn + String(a.seq).padStart(9, '0') < b.occurredOn + String(b.seq).padStart(9, '0') ? -1 : 1,
    );
  }

  it('streams the movements of a period as UTF-8 with a BOM, CRLF and `;` for a French cooperative', async () => {
    const res = await csv(`/coops/${xof.slug}/exports/movements?from=2025-01-01&to=${today}`, xof.treasurer);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect(res.disposition).toBe(`attachment; filename="exp-xof-movements-2025-01-01-${today}.csv"`);
    expect(res.text.startsWith(BOM)).toBe(true);
    expect(res.text.slice(1).split('\r\n')[0]).toBe(
      'seq;date;kind;reverses_seq;member_number;member_name;loan_number;category;channel;reference;memo;reason;' +
        'money_in;money_out;currency;recorded_at',
    );
    expect(res.text.replace(/\r\n/g, '')).not.toContain('\n');

    const entries = await journal(xof.slug, xof.treasurer);
    const members = await api.request<Page<MemberResponse>>('GET', `/api/v1/coops/${xof.slug}/members?limit=100`, {
      token: xof.admin,
    });
    const loans = await api.request<Page<LoanResponse>>('GET', `/api/v1/coops/${xof.slug}/loans?limit=100`, {
      token: xof.admin,
    });
    const number = (id: string | null) => members.body.items.find((m) => m.id === id)?.number;
    const bySeq = new Map(entries.map((e) => [e.id, e.seq]));
    const expected = entries.map((e) => ({
      seq: String(e.seq),
      date: e.occurredOn,
      kind: e.kind,
      reverses_seq: e.reversesId ? String(bySeq.get(e.reversesId)) : '',
      member_number: e.memberId ? String(number(e.memberId)) : '',
      member_name: neutralised(e.memberName ?? ''),
      loan_number: e.loanId ? String(loans.body.items.find((l) => l.id === e.loanId)!.number) : '',
      category: e.category ?? '',
      channel: e.channel,
      reference: e.externalRef ?? '',
      memo: neutralised(e.memo ?? ''),
      reason: e.reason ?? '',
      money_in: e.direction === 1 ? String(e.amount) : '',
      money_out: e.direction === -1 ? String(e.amount) : '',
      currency: 'XOF',
      // Abidjan keeps UTC all year.
      recorded_at: e.recordedAt.slice(0, 19).replace('T', ' '),
    }));
    expect(res.rows).toEqual(expected);
    expect(res.rows).toHaveLength(22);
    // The period filters: the first quarter of 2025 has 17 movements, in date order.
    const quarter = await csv(`/coops/${xof.slug}/exports/movements?from=2025-01-01&to=2025-03-31`, xof.treasurer);
    expect(quarter.rows.map((r) => r.date)).toEqual(expected.filter((r) => r.date <= '2025-03-31').map((r) => r.date));
    expect(quarter.rows).toHaveLength(17);
    const sum = (rows: Record<string, string>[], column: string) =>
      rows.reduce((total, r) => total + Number(r[column] || 0), 0);
    // Money in minus money out is the change in cash: 58,800 over the quarter.
    expect(sum(quarter.rows, 'money_in') - sum(quarter.rows, 'money_out')).toBe(58_800);
  });

  it('neutralises cells a spreadsheet would run, and quotes the rest as RFC 4180 says', async () => {
    const members = await csv(`/coops/${xof.slug}/exports/members`, xof.admin);
    expect(members.rows.map((r) => r.full_name)).toEqual([
      'Awa Koné',
      'Koffi "le grand"; Yao',
      `'=HYPERLINK("http://evil.test","clic")`,
      `'@SUM(1+1)`,
      `'-2+3 Traoré`,
    ]);
    expect(members.text).toContain(';"Koffi ""le grand""; Yao";');
    expect(members.text).toContain(`;"'=HYPERLINK(""http://evil.test"",""clic"")";`);
    // Savings: Awa 5,000 + 5,000 (reversed) + 3,000; Koffi 5,000; the formula member 7,000.
    expect(members.rows.map((r) => [r.number, r.status, r.savings])).toEqual([
      ['1', 'active', '8000'],
      ['2', 'active', '5000'],
      ['3', 'active', '7000'],
      ['4', 'suspended', '0'],
      ['5', 'exited', '0'],
    ]);
    const movements = await csv(`/coops/${xof.slug}/exports/movements?from=2025-01-01&to=2025-03-31`, xof.admin);
    expect(movements.rows.map((r) => r.memo).filter(Boolean)).toEqual([
      'Subvention',
      `'+33 rappel`,
      `'=1+1 écart de caisse`,
    ]);
    // No cell of any export begins with a character that starts a formula.
    for (const file of [members, movements]) {
      for (const row of file.rows) {
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('writes cents with a comma for `;` and a point for `,`, amounts always unsigned numbers', async () => {
    const semicolon = await csv(`/coops/${eur.slug}/exports/movements?from=2025-01-01&to=2025-01-31`, eur.treasurer);
    expect(semicolon.rows.map((r) => [r.kind, r.money_in, r.money_out, r.memo])).toEqual([
      ['contribution', '12,50', '', ''],
      ['contribution', '19,99', '', ''],
      ['expense', '', '3,05', 'Frais; "banque"'],
    ]);
    const comma = await csv(
      `/coops/${eur.slug}/exports/movements?from=2025-01-01&to=${localDate(new Date(), 'Europe/Paris')}&delimiter=,`,
      eur.treasurer,
    );
    expect(comma.text.slice(1).split('\r\n')[0]).toContain('seq,date,kind,');
    expect(comma.rows.map((r) => [r.kind, r.money_in || `-${r.money_out}`])).toEqual([
      ['contribution', '12.50'],
      ['contribution', '19.99'],
      ['expense', '-3.05'],
      ['reversal', '-19.99'],
    ]);
    expect(comma.text).toContain(',"Frais; ""banque""",');
    const members = await csv(`/coops/${eur.slug}/exports/members?delimiter=,`, eur.admin);
    expect(members.rows.map((r) => [r.full_name, r.savings, r.currency])).toEqual([['Élodie Martin', '12.50', 'EUR']]);
  });

  it('exports loans with their state, cases, and dues once there is a plan', async () => {
    const loans = await csv(`/coops/${xof.slug}/exports/loans`, xof.treasurer);
    expect(
      loans.rows.map((r) => [r.number, r.status, r.principal, r.annual_rate_percent, r.outstanding_principal, r.paid]),
    ).toEqual([
      ['1', 'disbursed', '60000', '12,00', '46600', '14600'],
      ['2', 'written_off', '30000', '0,00', '20000', '10000'],
      ['3', 'disbursed', '12000', '0,00', '12000', '0'],
    ]);
    expect(Number(loans.rows[0]!.days_past_due)).toBeGreaterThan(30);
    expect(loans.rows[0]!.member_name).toBe('Awa Koné');

    const cases = await csv(`/coops/${roles.slug}/exports/cases`, roles.users.auditor.accessToken);
    expect(cases.status).toBe(200);
    const opened = cases.rows.find((r) => r.rules!.includes('duplicate-within-24h'))!;
    expect(opened).toMatchObject({ subject_type: 'member', subject: `Membre ${roles.slug}`, status: 'open' });
    expect(Number(opened.findings)).toBeGreaterThanOrEqual(1);

    const noPlan = await api.request<Problem>('GET', `/api/v1/coops/${xof.slug}/exports/dues`, { token: xof.admin });
    expect(noPlan.status).toBe(409);
    expect(noPlan.body.code).toBe('no_contribution_plan');
    await api.request('PUT', `/api/v1/coops/${xof.slug}/contribution-plan`, {
      token: xof.admin,
      body: { amount: 5_000, frequency: 'monthly', dueDay: 5, startDate: '2025-01-01', graceDays: 3 },
    });
    const dues = await csv(`/coops/${xof.slug}/exports/dues`, xof.admin);
    const awa = dues.rows.filter((r) => r.member_number === '1');
    expect(awa[0]).toMatchObject({
      period_start: '2025-01-01',
      due_date: '2025-01-05',
      amount: '5000',
      paid: '5000',
      status: 'paid',
    });
    // Three members are active; each has one period a month since January 2025.
    expect(new Set(dues.rows.map((r) => r.member_number))).toEqual(new Set(['1', '2', '3']));
    expect(awa.filter((r) => r.status === 'paid')).toHaveLength(1);
    expect(awa.at(-1)!.status).not.toBe('paid');
  });

  it('refuses bad parameters with one entry per field, and roles without export rights', async () => {
    const bad = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${xof.slug}/exports/movements?delimiter=|&from=2025-1-1&to=2025-01-31`,
      { token: xof.treasurer },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['delimiter', 'from']);
    const order = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${xof.slug}/exports/movements?from=2025-02-01&to=2025-01-01`,
      { token: xof.treasurer },
    );
    expect(order.body.errors).toEqual([{ field: 'from', code: 'on_or_before_to', message: 'must be on or before to' }]);
    const extra = await api.request<Problem>('GET', `/api/v1/coops/${xof.slug}/exports/members?from=2025-01-01`, {
      token: xof.treasurer,
    });
    expect(extra.body.errors).toEqual([{ field: 'from', code: 'not_allowed', message: 'is not an allowed field' }]);
    for (const kind of ['movements', 'members', 'loans', 'dues', 'cases']) {
      for (const role of ['member', 'secretary'] as const) {
        const res = await api.request<Problem>('GET', `/api/v1/coops/${roles.slug}/exports/${kind}`, {
          token: roles.users[role].accessToken,
        });
        expect({ kind, role, status: res.status }).toEqual({ kind, role, status: 403 });
      }
    }
  });

  it('exports the federation comparison for federation staff', async () => {
    const fed = (await api.loginFederationAdmin()).accessToken;
    const file = await csv('/federation/overview/export?sort=name&q=exp-', fed);
    expect(file.status).toBe(200);
    expect(file.rows.map((r) => [r.slug, r.currency, r.cash, r.contributions])).toEqual([
      ['exp-eur', 'EUR', '9,45', '12,50'],
      ['exp-roles', 'XOF', '10000', '10000'],
      ['exp-xof', 'XOF', '44300', '20000'],
    ]);
    // Standing columns stay empty until the worker has refreshed them.
    expect(file.rows[0]!.par30_percent).toBe('');
  });
});

/** What the export does to a cell that would start a formula. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
