import { request as httpRequest } from 'node:http';
import type {
  ImportCommitResponse,
  ImportMapping,
  ImportPreviewResponse,
  ImportUploadResponse,
  LedgerVerification,
  Problem,
} from '@kotizo/contracts';
import { addDays, localDate } from '@kotizo/domain';
import { FederationDatabase } from '../../api/src/platform/database/federation-database.js';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

const HEADER = 'date;member_number;kind;amount;channel;reference;memo';

/**
 * Imports as streams: a file larger than any JSON body, sent without a length
 * and never held whole; uploads that stop half-way; a commit that fails
 * half-way; staging that the database lost.
 */
describe('CSV imports, streamed and interrupted', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let treasurer: string;
  const yesterday = addDays(localDate(new Date(), 'Africa/Abidjan'), -1);
  const base = () => `/api/v1/coops/${coop.slug}/imports`;
  const sql = <T = unknown>(query: string, params: unknown[] = []) =>
    api.app.get(FederationDatabase).em().execute<T[]>(query, params);
  const count = async (table: string, importId?: string) =>
    Number(
      (
        await sql<{ n: string }>(
          `select count(*) as n from coop_korhogo.${table}${importId ? ' where import_id = ?' : ''}`,
          importId ? [importId] : [],
        )
      )[0]!.n,
    );
  const head = async () =>
    (await sql<{ seq: string; hash: string }>('select seq, hash from coop_korhogo.ledger_head'))[0];

  /** Lines of our template, `rows` of them from `from` on (one reference each). */
  function* lines(from: number, rows: number, prefix = 'S'): Generator<string> {
    for (let i = from; i < from + rows; i++)
      yield `${yesterday};${(i % 2) + 1};contribution;${100 + (i % 50)};cash;${prefix}-${i};Réunion ${i}\n`;
  }
  const file = (from: number, rows: number, prefix?: string) => HEADER + '\n' + [...lines(from, rows, prefix)].join('');

  const upload = (body: string | Buffer) =>
    api.request<ImportUploadResponse>('POST', base(), {
      token: treasurer,
      rawBody: body,
      headers: { 'content-type': 'text/csv' },
    });
  const preview = (id: string, mapping: ImportMapping) =>
    api.request<ImportPreviewResponse>('POST', `${base()}/${id}/preview`, { token: treasurer, body: { mapping } });
  const commit = (id: string, mapping: ImportMapping) =>
    api.request<ImportCommitResponse>('POST', `${base()}/${id}/commit`, { token: treasurer, body: { mapping } });
  const verify = () =>
    api.request<LedgerVerification>('GET', `/api/v1/coops/${coop.slug}/ledger/verification`, {
      token: coop.users.auditor.accessToken,
    });

  beforeAll(async () => {
    api = await ApiHarness.start('imports_stream');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'korhogo');
    treasurer = coop.users.treasurer.accessToken;
    await api.request('POST', `/api/v1/coops/${coop.slug}/members`, {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Awa Coulibaly', phone: '+2250707070708', joinedOn: '2025-01-01' },
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('takes a file sent as a stream without a length, larger than any JSON body, and imports it whole', async () => {
    const rows = 60_000;
    let sent = 0;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(HEADER + '\n');
      let block: string[] = [];
      for (const line of lines(0, rows, 'STREAM')) {
        block.push(line);
        if (block.length === 5_000) {
          const bytes = Buffer.from(block.join(''));
          sent += bytes.length;
          yield bytes;
          block = [];
        }
      }
    }
    const response = await fetch(api.baseUrl + base(), {
      method: 'POST',
      headers: { authorization: `Bearer ${treasurer}`, 'content-type': 'text/csv', 'x-file-name': 'stream.csv' },
      body: ReadableStreamFrom(chunks()),
      duplex: 'half',
    } as RequestInit);
    const up = (await response.json()) as ImportUploadResponse;
    expect(response.status).toBe(201);
    expect(sent).toBeGreaterThan(2 * 1_048_576);
    expect(up).toMatchObject({ fileName: 'stream.csv', rows, encoding: 'utf-8', delimiter: ';' });
    expect(up.sample).toHaveLength(5);

    const before = await count('transactions');
    const seen = await preview(up.id, up.suggestedMapping!);
    expect(seen.body).toMatchObject({ rows, valid: rows, duplicates: 0, rejected: [], committable: true });
    const done = await commit(up.id, up.suggestedMapping!);
    expect(done.body).toEqual({ id: up.id, imported: rows, skippedDuplicates: 0 });
    expect(await count('transactions')).toBe(before + rows);
    expect((await verify()).body).toMatchObject({ ok: true, checked: before + rows });
    // Once committed, nothing of the file is kept in staging.
    expect(await count('import_records', up.id)).toBe(0);
    expect(await count('import_entries', up.id)).toBe(0);
  });

  it('keeps nothing of an upload that stops half-way', async () => {
    const [imports, records] = [await count('imports'), await count('import_records')];
    const status = await new Promise<string>((resolve) => {
      const url = new URL(api.baseUrl + base());
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { authorization: `Bearer ${treasurer}`, 'content-type': 'text/csv' },
        },
        (res) => resolve(String(res.statusCode)),
      );
      req.on('error', () => resolve('connection closed'));
      req.on('close', () => resolve('connection closed'));
      req.write(file(0, 20_000, 'HALF'));
      setTimeout(() => req.destroy(), 300);
    });
    expect(status).toBe('connection closed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count('imports')).toBe(imports);
    expect(await count('import_records')).toBe(records);
  });

  it('refuses a file that changes encoding half-way, with where', async () => {
    // UTF-8 first (an "É" well before the next accent, so the file reads as UTF-8), then Windows-1252.
    const mixed = Buffer.concat([
      Buffer.from(
        `${HEADER}\n${yesterday};1;contribution;100;cash;M-1;Épargne\n${file(0, 10, 'M').slice(HEADER.length + 1)}`,
      ),
      Buffer.from(`${yesterday};1;contribution;100;cash;M-2;Numéro\n`, 'latin1'),
    ]);
    const refused = await upload(mixed);
    expect(refused.status).toBe(422);
    expect((refused.body as unknown as Problem).code).toBe('invalid_csv');
    expect((refused.body as unknown as Problem).detail).toMatch(/UTF-8/);
  });

  it('records nothing when the commit fails half-way, and commits whole when tried again', async () => {
    const rows = 45_000;
    const up = await upload(file(100_000, rows, 'CRASH'));
    const mapping = up.body.suggestedMapping!;
    expect((await preview(up.body.id, mapping)).body.committable).toBe(true);
    const [transactions, before, summaries] = [
      await count('transactions'),
      await head(),
      await count('daily_summaries'),
    ];
    // The database refuses a row in the middle of the third batch, as a crash there would.
    await sql(`create function coop_korhogo.fail_mid_import() returns trigger language plpgsql as $$
      begin
        if new.external_ref = 'CRASH-${100_000 + 41_000}' then raise exception 'simulated failure'; end if;
        return new;
      end $$`);
    await sql(`create trigger fail_mid_import before insert on coop_korhogo.transactions
      for each row execute function coop_korhogo.fail_mid_import()`);
    try {
      const failed = await commit(up.body.id, mapping);
      expect(failed.status).toBe(500);
    } finally {
      await sql('drop trigger fail_mid_import on coop_korhogo.transactions');
      await sql('drop function coop_korhogo.fail_mid_import()');
    }
    expect(await count('transactions')).toBe(transactions);
    expect(await head()).toEqual(before);
    expect(await count('daily_summaries')).toBe(summaries);
    const [{ status }] = await sql<{ status: string }>('select status from coop_korhogo.imports where id = ?', [
      up.body.id,
    ]);
    expect(status).toBe('uploaded');

    const done = await commit(up.body.id, mapping);
    expect(done.body).toEqual({ id: up.body.id, imported: rows, skippedDuplicates: 0 });
    expect((await verify()).body).toMatchObject({ ok: true, checked: transactions + rows });
  });

  it('commits with another mapping than the preview read, reading the file again', async () => {
    const up = await upload(file(300_000, 50, 'MAP'));
    const mapping = up.body.suggestedMapping!;
    expect((await preview(up.body.id, mapping)).body.valid).toBe(50);
    // Income for every row, whatever the file says: no member needed, and none recorded.
    const asIncome: ImportMapping = {
      columns: { date: 'date', amount: 'amount', channel: 'channel', reference: 'reference' },
      defaults: { kind: 'income' },
    };
    const before = await count('transactions');
    expect((await commit(up.body.id, asIncome)).body).toMatchObject({ imported: 50 });
    const [{ kinds }] = await sql<{ kinds: string[] }>(
      `select array_agg(distinct kind) as kinds from coop_korhogo.transactions where external_ref like 'MAP-%'`,
    );
    expect(kinds).toEqual(['income']);
    expect(await count('transactions')).toBe(before + 50);
  });

  it('says the file must be sent again when the database lost its staging (a crash empties unlogged tables)', async () => {
    const up = await upload(file(400_000, 10, 'LOST'));
    const mapping = up.body.suggestedMapping!;
    expect((await preview(up.body.id, mapping)).body.valid).toBe(10);
    await sql('truncate coop_korhogo.import_records, coop_korhogo.import_entries');
    for (const answer of [await preview(up.body.id, mapping), await commit(up.body.id, mapping)]) {
      expect(answer.status).toBe(409);
      expect((answer.body as unknown as Problem).code).toBe('import_content_gone');
    }
  });

  it('lists the first 1,000 rejected rows in file order, repeated references among them', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 3_000; i++) {
      // Every third row repeats the reference of the row before it; every fifth has no amount (and a
      // rejected row's reference does not count as seen).
      const reference = i % 3 === 2 ? `REP-${i - 1}` : `REP-${i}`;
      rows.push(`${yesterday};1;contribution;${i % 5 === 4 ? '' : 100};cash;${reference};`);
    }
    const up = await upload(rows.join('\n'));
    const seen = await preview(up.body.id, up.body.suggestedMapping!);
    expect(seen.body.committable).toBe(false);
    expect(seen.body.rejected).toHaveLength(1_000);
    const lines = seen.body.rejected.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(seen.body.rejected.slice(0, 3)).toEqual([
      {
        line: 4,
        errors: [
          {
            field: 'reference',
            code: 'reference_repeated',
            params: { line: 3 },
            message: 'already on line 3 of this file',
          },
        ],
      },
      {
        line: 6,
        errors: [
          {
            field: 'amount',
            code: 'not_a_positive_amount',
            message: 'is not a positive amount in the cooperative’s currency',
          },
        ],
      },
      {
        line: 10,
        errors: [
          {
            field: 'reference',
            code: 'reference_repeated',
            params: { line: 9 },
            message: 'already on line 9 of this file',
          },
        ],
      },
    ]);
  });
});

/** A web ReadableStream over an async generator (what fetch sends as a chunked body). */
function ReadableStreamFrom(source: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}
