import { parse } from 'csv-parse/sync';
import type { MemberSummaryResponse, Page, TransactionResponse } from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { TenantDatabase } from '../../api/src/platform/database/tenant-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import { type Books, eurBooks, xofBooks } from './books-fixture.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

const HEADER =
  'date;seq;kind;category;reverses_seq;loan_number;channel;reference;memo;reason;money_in;money_out;' +
  'savings_balance;currency;recorded_at';

interface Statement {
  status: number;
  type: string | null;
  disposition: string | null;
  text: string;
  rows: Record<string, string>[];
}

/** A member's statement as CSV, parsed back and checked against the journal and the member's savings. */
describe('member statement (CSV)', () => {
  let api: ApiHarness;
  let xof: Books;
  let eur: Awaited<ReturnType<typeof eurBooks>>;
  let roles: CoopFixture;
  const today = localDate(new Date(), 'Africa/Abidjan');

  beforeAll(async () => {
    api = await ApiHarness.start('statement');
    const fed = (await api.loginFederationAdmin()).accessToken;
    xof = await xofBooks(api, fed, 'rel-xof');
    eur = await eurBooks(api, fed, 'rel-eur');
    roles = await cooperativeWithEveryRole(api, fed, 'rel-roles');
  }, 120_000);
  afterAll(async () => {
    await api.stop();
  });

  async function statement(slug: string, memberId: string, token: string, query = ''): Promise<Statement> {
    const res = await fetch(`${api.baseUrl}/api/v1/coops/${slug}/members/${memberId}/statement.csv${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const ok = res.status === 200;
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      text,
      rows: ok ? parse(text, { bom: true, columns: true, delimiter: ';', relax_column_count: false }) : [],
    };
  }

  const pick = (rows: Record<string, string>[], ...columns: string[]) =>
    rows.map((r) => columns.map((c) => r[c]).join(' '));

  it('lists every movement of the member with the savings after it, between the opening and closing balances', async () => {
    const res = await statement(xof.slug, xof.members.awa, xof.treasurer);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect(res.disposition).toBe(`attachment; filename="rel-xof-statement-1-2024-12-01-${today}.csv"`);
    expect(res.text.startsWith('\ufeff')).toBe(true);
    expect(res.text.slice(1).split('\r\n')[0]).toBe(HEADER);
    // From the day Awa joined: nothing before, then contributions, her loan and its repayments, today's corrections.
    expect(pick(res.rows, 'date', 'kind', 'money_in', 'money_out', 'savings_balance')).toEqual([
      '2024-12-01 opening_balance   0',
      '2025-01-06 contribution 5000  5000',
      '2025-01-10 loan_disbursement  60000 5000',
      '2025-02-03 contribution 5000  10000',
      '2025-02-10 repayment 10600  10000',
      '2025-03-12 repayment 4000  10000',
      '2025-03-20 repayment 2000  10000',
      `${today} reversal  5000 5000`,
      `${today} reversal  2000 5000`,
      `${today} contribution 3000  8000`,
      `${today} closing_balance   8000`,
    ]);
    expect(res.rows.every((r) => r.currency === 'XOF')).toBe(true);

    // Each line is the journal's, reversals naming what they reverse.
    const journal = await api.request<Page<TransactionResponse>>(
      'GET',
      `/api/v1/coops/${xof.slug}/transactions?memberId=${xof.members.awa}&limit=100&from=2024-01-01`,
      { token: xof.treasurer },
    );
    const bySeq = new Map(journal.body.items.map((e) => [String(e.seq), e]));
    const seqOf = new Map(journal.body.items.map((e) => [e.id, String(e.seq)]));
    const movements = res.rows.slice(1, -1);
    expect(movements.map((r) => r.seq).sort()).toEqual([...bySeq.keys()].sort());
    for (const r of movements) {
      const entry = bySeq.get(r.seq)!;
      expect(r.reverses_seq).toBe(entry.reversesId ? seqOf.get(entry.reversesId) : '');
      expect(r.reason).toBe(entry.reason ?? '');
      expect(r.recorded_at).toBe(entry.recordedAt.slice(0, 19).replace('T', ' '));
    }
    const reversals = movements.filter((r) => r.kind === 'reversal');
    expect(reversals.map((r) => bySeq.get(r.reverses_seq)!.kind)).toEqual(['contribution', 'repayment']);
    expect(reversals.every((r) => r.reason === 'saisie en double')).toBe(true);
    expect(movements.find((r) => r.kind === 'repayment')!.loan_number).toBe('1');

    // The closing balance is the member's savings.
    const summary = await api.request<MemberSummaryResponse>(
      'GET',
      `/api/v1/coops/${xof.slug}/members/${xof.members.awa}/summary`,
      { token: xof.treasurer },
    );
    expect(summary.body.savings).toBe(8_000);
  });

  it('opens a period with the savings before it, and closes it with the savings at its end', async () => {
    const res = await statement(xof.slug, xof.members.awa, xof.treasurer, '?from=2025-02-01&to=2025-03-31');
    expect(res.disposition).toBe('attachment; filename="rel-xof-statement-1-2025-02-01-2025-03-31.csv"');
    expect(pick(res.rows, 'date', 'kind', 'savings_balance')).toEqual([
      '2025-02-01 opening_balance 5000',
      '2025-02-03 contribution 10000',
      '2025-02-10 repayment 10000',
      '2025-03-12 repayment 10000',
      '2025-03-20 repayment 10000',
      '2025-03-31 closing_balance 10000',
    ]);
    const empty = await statement(xof.slug, xof.members.awa, xof.treasurer, '?from=2025-04-01&to=2025-04-30');
    expect(pick(empty.rows, 'kind', 'savings_balance')).toEqual(['opening_balance 10000', 'closing_balance 10000']);
  });

  it('writes cents with the decimal comma of a French euro cooperative, formulas neutralised', async () => {
    const members = await api.request<Page<{ id: string }>>('GET', `/api/v1/coops/${eur.slug}/members`, {
      token: eur.admin,
    });
    const res = await statement(eur.slug, members.body.items[0]!.id, eur.treasurer);
    expect(pick(res.rows, 'kind', 'money_in', 'money_out', 'savings_balance')).toEqual([
      'opening_balance   0,00',
      'contribution 12,50  12,50',
      'contribution 19,99  32,49',
      'reversal  19,99 12,50',
      'closing_balance   12,50',
    ]);
    const koffi = await statement(xof.slug, xof.members.formula, xof.treasurer);
    expect(koffi.rows.find((r) => r.kind === 'contribution')!.memo).toBe("'+33 rappel");
  });

  it('lets a member account export its own statement only', async () => {
    const tenant = await api.app.get(TenantJobs).context({ tenant: { cooperativeId: roles.id, slug: roles.slug } });
    const other = await api.request<{ id: string }>('POST', `/api/v1/coops/${roles.slug}/members`, {
      token: roles.users.secretary.accessToken,
      body: { fullName: 'Fatou Diallo', phone: '+22507000002', joinedOn: '2026-01-02' },
    });
    const member = roles.users.member.accessToken;
    // Not linked to a member record yet: the account reads no member at all.
    expect((await statement(roles.slug, roles.memberId, member)).status).toBe(403);
    await api.app
      .get(TenantDatabase)
      .transactional(tenant, (tx) =>
        tx.execute('update members set user_id = ? where id = ?', [roles.users.member.id, roles.memberId]),
      );
    const own = await statement(roles.slug, roles.memberId, member);
    expect(own.status).toBe(200);
    expect(pick(own.rows, 'kind', 'savings_balance')).toEqual([
      'opening_balance 0',
      'contribution 5000',
      'contribution 10000',
      'closing_balance 10000',
    ]);
    const notOwn = await statement(roles.slug, other.body.id, member);
    expect(notOwn.status).toBe(404);
    expect(notOwn.type).toContain('application/problem+json');
    expect(notOwn.text).not.toContain('Fatou');
    // Staff who read members read any member's statement; the secretary too.
    expect((await statement(roles.slug, other.body.id, roles.users.secretary.accessToken)).status).toBe(200);
    expect((await statement(roles.slug, other.body.id, roles.users.auditor.accessToken)).status).toBe(200);
  });

  it('does not find a member of another cooperative, nor a malformed id, and checks its dates', async () => {
    const foreign = await statement(xof.slug, roles.memberId, xof.admin);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain('rel-roles');
    expect((await statement(xof.slug, 'not-a-uuid', xof.admin)).status).toBe(404);
    const backwards = await statement(xof.slug, xof.members.awa, xof.admin, '?from=2025-03-01&to=2025-02-01');
    expect(backwards.status).toBe(422);
    expect(JSON.parse(backwards.text).errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const badDate = await statement(xof.slug, xof.members.awa, xof.admin, '?from=2025-02-30');
    expect(JSON.parse(badDate.text).errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });
});
