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

const BOM = '\ufeff';

/** Windows-1252 bytes for text that only uses Latin-1 letters (what French Excel writes). */
function cp1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

describe('CSV imports', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let treasurer: string;
  const today = localDate(new Date(), 'Africa/Abidjan');
  const yesterday = addDays(today, -1);
  const base = () => `/api/v1/coops/${coop.slug}/imports`;
  const ledgerCount = async () =>
    Number(
      (
        await api.app
          .get(FederationDatabase)
          .em()
          .execute<{ n: string }[]>(`select count(*) as n from coop_gagnoa.transactions`)
      )[0]!.n,
    );

  beforeAll(async () => {
    api = await ApiHarness.start('imports');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'gagnoa');
    treasurer = coop.users.treasurer.accessToken;
    await api.request('POST', `/api/v1/coops/${coop.slug}/members`, {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Djeneba Sanogo', phone: '+2250707070707', joinedOn: '2025-01-01' },
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  const upload = (file: string | Buffer, name = 'import.csv') =>
    api.request<ImportUploadResponse>('POST', base(), {
      token: treasurer,
      rawBody: file,
      headers: { 'content-type': 'text/csv', 'x-file-name': name },
    });
  const preview = (id: string, mapping: ImportMapping) =>
    api.request<ImportPreviewResponse>('POST', `${base()}/${id}/preview`, { token: treasurer, body: { mapping } });
  const commit = (id: string, mapping: ImportMapping) =>
    api.request<ImportCommitResponse>('POST', `${base()}/${id}/commit`, { token: treasurer, body: { mapping } });

  const template = [
    'date;member_number;kind;amount;channel;reference;memo',
    `${yesterday};1;contribution;5 000;cash;R-001;Réunion du mardi`,
    `${yesterday};2;cotisation;5000;mobile money;R-002;`,
    `${today};1;pénalité;500;espèces;R-003;Retard`,
  ].join('\r\n');

  it('imports our template (UTF-8 with BOM) in full, and the same file again adds nothing', async () => {
    const before = await ledgerCount();
    const up = await upload(BOM + template);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ encoding: 'utf-8', delimiter: ';', rows: 3, alreadyImported: false });
    const mapping = up.body.suggestedMapping!;
    expect(mapping).not.toBeNull();
    const seen = await preview(up.body.id, mapping);
    expect(seen.body).toMatchObject({ rows: 3, valid: 3, duplicates: 0, rejected: [], committable: true });
    expect(seen.body.totals).toEqual({
      contribution: { count: 2, amount: 10_000 },
      penalty: { count: 1, amount: 500 },
    });
    const done = await commit(up.body.id, mapping);
    expect(done.body).toEqual({ id: up.body.id, imported: 3, skippedDuplicates: 0 });
    expect(await ledgerCount()).toBe(before + 3);

    const again = await upload(BOM + template);
    expect(again.body.alreadyImported).toBe(true);
    expect((await preview(again.body.id, mapping)).body).toMatchObject({ valid: 0, duplicates: 3 });
    expect((await commit(again.body.id, mapping)).body).toMatchObject({ imported: 0, skippedDuplicates: 3 });
    expect(await ledgerCount()).toBe(before + 3);
  });

  it('lists every rejected row with why, and then commits nothing', async () => {
    const before = await ledgerCount();
    const file = [
      'date;member_number;kind;amount;channel;reference;memo',
      `${yesterday};1;contribution;2000;cash;X-1;`,
      `31/02/2026;1;contribution;2000;cash;X-2;`,
      `${yesterday};1;contribution;douze;cash;X-3;`,
      `${yesterday};99;contribution;2000;cash;X-4;`,
      `${yesterday};1;gift;2000;pigeon;X-5;`,
      `${yesterday};1;contribution;2000;cash;X-1;`,
      `${addDays(today, 3)};1;contribution;2000;cash;X-7;`,
    ].join('\n');
    const up = await upload(file);
    const seen = await preview(up.body.id, up.body.suggestedMapping!);
    expect(seen.body.valid).toBe(1);
    expect(seen.body.committable).toBe(false);
    expect(seen.body.rejected.map((r) => [r.line, r.errors.map((e) => [e.field, e.code])])).toEqual([
      [3, [['date', 'not_a_date_as']]],
      [4, [['amount', 'not_a_positive_amount']]],
      [5, [['memberNumber', 'no_member_number']]],
      [
        6,
        [
          ['kind', 'not_an_import_kind'],
          ['channel', 'not_an_import_channel'],
        ],
      ],
      [7, [['reference', 'reference_repeated']]],
      [8, [['date', 'in_future']]],
    ]);
    expect(seen.body.rejected[4]!.errors[0]!.message).toBe('already on line 2 of this file');
    const refused = await commit(up.body.id, up.body.suggestedMapping!);
    expect(refused.status).toBe(422);
    expect((refused.body as unknown as Problem).code).toBe('import_has_rejected_rows');
    expect(await ledgerCount()).toBe(before);
  });

  it('imports a mobile-money statement in Windows-1252 with a chosen mapping; an overlapping statement adds only what is new', async () => {
    const [y, m, d] = yesterday.split('-');
    const statement = (rows: string[]) =>
      cp1252(['Date,Numéro,Type,Montant,ID Transaction,Libellé', ...rows].join('\r\n'));
    const mapping: ImportMapping = {
      columns: { date: 'Date', phone: 'Numéro', amount: 'Montant', reference: 'ID Transaction', memo: 'Libellé' },
      defaults: { kind: 'contribution', channel: 'mobile_money' },
      dateFormat: 'DD/MM/YYYY',
    };
    const first = await upload(
      statement([
        `${d}/${m}/${y},0707070707,Dépôt,"15 000",MP2411.0001,Cotisation novembre`,
        `${d}/${m}/${y},+225 07 07 07 07 07,Dépôt,2500,MP2411.0002,Épargne`,
      ]),
    );
    expect(first.body).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ',',
      headers: ['Date', 'Numéro', 'Type', 'Montant', 'ID Transaction', 'Libellé'],
    });
    expect(first.body.suggestedMapping).toBeNull();
    expect((await preview(first.body.id, mapping)).body).toMatchObject({ valid: 2, rejected: [] });
    expect((await commit(first.body.id, mapping)).body).toMatchObject({ imported: 2 });

    const second = await upload(
      statement([
        `${d}/${m}/${y},0707070707,Dépôt,2500,MP2411.0002,Épargne`,
        `${d}/${m}/${y},0707070707,Dépôt,1000,MP2411.0003,Épargne`,
      ]),
    );
    expect((await commit(second.body.id, mapping)).body).toMatchObject({ imported: 1, skippedDuplicates: 1 });
    const journal = await api.request<{ items: { externalRef: string; memo: string; amount: number }[] }>(
      'GET',
      `/api/v1/coops/${coop.slug}/transactions?limit=3`,
      { token: treasurer },
    );
    expect(journal.body.items.map((t) => [t.externalRef, t.amount, t.memo])).toEqual([
      ['MP2411.0003', 1000, 'Épargne'],
      ['MP2411.0002', 2500, 'Épargne'],
      ['MP2411.0001', 15000, 'Cotisation novembre'],
    ]);
    const third = await upload(statement([`${d}/${m}/${y},0707070707,Dépôt,700,MP2411.0004,Épargne`]));
    const missing = await preview(third.body.id, { ...mapping, columns: { ...mapping.columns, phone: 'Téléphone' } });
    expect(missing.status).toBe(422);
    expect((missing.body as unknown as Problem).errors).toEqual([
      { field: 'mapping.columns.phone', code: 'not_a_column', message: 'is not a column of this file' },
    ]);
    const committed = await preview(first.body.id, mapping);
    expect((committed.body as unknown as Problem).code).toBe('import_content_gone');
  });

  it('rejects a truncated file and an empty one', async () => {
    const truncated = await upload(
      `date;member_number;kind;amount;channel;reference;memo\n${yesterday};1;contribution;100;cash;T-1;"unfinished`,
    );
    expect(truncated.status).toBe(422);
    expect((truncated.body as unknown as Problem).code).toBe('invalid_csv');
    const empty = await upload('');
    expect(empty.status).toBe(400);
    const notCsv = await api.request('POST', base(), { token: treasurer, body: { rows: [] } });
    expect(notCsv.status).toBe(400);
  });

  it('imports 10,000 rows in one commit and the chain still verifies', async () => {
    const lines = ['date;member_number;kind;amount;channel;reference;memo'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`${yesterday};${(i % 2) + 1};contribution;${100 + (i % 50)};cash;BULK-${i};`);
    const before = await ledgerCount();
    const up = await upload(lines.join('\n'));
    expect(up.body.rows).toBe(10_000);
    const done = await commit(up.body.id, up.body.suggestedMapping!);
    expect(done.body.imported).toBe(10_000);
    expect(await ledgerCount()).toBe(before + 10_000);
    const verification = await api.request<LedgerVerification>(
      'GET',
      `/api/v1/coops/${coop.slug}/ledger/verification`,
      {
        token: coop.users.auditor.accessToken,
      },
    );
    expect(verification.body).toMatchObject({ ok: true, checked: before + 10_000 });
  });

  it('lets only the book-keeping roles import', async () => {
    const res = await api.request('POST', base(), {
      token: coop.users.secretary.accessToken,
      rawBody: template,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(403);
  });
});
