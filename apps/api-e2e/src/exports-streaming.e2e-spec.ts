import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ImportCommitResponse, ImportUploadResponse } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { BooksWriter } from './books-fixture.js';

const ROWS = 100_000;

/**
 * A 100,000-row export streams: the test reads it as it comes, keeping
 * nothing, while sampling the live heap of this process (which runs the API
 * too). Streamed, it stays within a couple of MB; read in one batch instead,
 * it measured +43 MB and its first byte came after 80 % of the time, so both
 * bounds below fail for a file built in memory. A second download is parsed
 * back and added up.
 */
describe('a 100,000-row export', () => {
  let api: ApiHarness;
  let writer: BooksWriter;
  let expectedSum = 0;

  beforeAll(async () => {
    api = await ApiHarness.start('export-stream');
    ({ writer } = await BooksWriter.provision(api, (await api.loginFederationAdmin()).accessToken, 'big-export'));
    for (let i = 1; i <= 20; i++) await writer.member(`Membre ${i}`, `+2250700${String(i).padStart(6, '0')}`);
    const lines = ['date;member_number;kind;amount;channel;reference;memo'];
    for (let i = 0; i < ROWS; i++) {
      const amount = 500 + (i % 97) * 25;
      expectedSum += amount;
      lines.push(
        `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')};${1 + (i % 20)};contribution;${amount};cash;BIG-${i};=cmd|' /C calc'!A0`,
      );
    }
    const upload = await api.request<ImportUploadResponse>('POST', `/api/v1/coops/big-export/imports`, {
      token: writer.treasurerToken,
      rawBody: lines.join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    const committed = await api.request<ImportCommitResponse>(
      'POST',
      `/api/v1/coops/big-export/imports/${upload.body.id}/commit`,
      { token: writer.treasurerToken, body: { mapping: upload.body.suggestedMapping } },
    );
    if (committed.body.imported !== ROWS) throw new Error(`import: ${JSON.stringify(committed.body)}`);
  }, 180_000);
  afterAll(async () => {
    await api.stop();
  });

  const download = () =>
    fetch(`${api.baseUrl}/api/v1/coops/big-export/exports/movements?from=2025-01-01&to=2025-12-31`, {
      headers: { authorization: `Bearer ${writer.treasurerToken}` },
    });

  it('streams with a small, bounded heap, the first bytes long before the last', async () => {
    // The heap that survives a full collection, sampled while the file streams: garbage the export leaves
    // behind does not count, rows it would hold (a file built in memory) would.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 3_000);
    let bytes = 0;
    let lines = 0;
    let firstChunkMs = 0;
    const started = performance.now();
    try {
      const res = await download();
      expect(res.status).toBe(200);
      // Read as it comes and keep nothing: only the export's own memory shows.
      for await (const chunk of res.body! as AsyncIterable<Uint8Array>) {
        if (bytes === 0) firstChunkMs = performance.now() - started;
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      }
    } finally {
      clearInterval(sampler);
    }
    const totalMs = performance.now() - started;
    const growthMb = (peak - baseline) / 1_048_576;
    console.log(
      `100k-row export: ${(bytes / 1_048_576).toFixed(1)} MB in ${totalMs.toFixed(0)} ms, first bytes after ` +
        `${firstChunkMs.toFixed(0)} ms, heap +${growthMb.toFixed(1)} MB at most`,
    );
    expect(lines).toBe(ROWS + 1);
    expect(growthMb).toBeLessThan(16);
    expect(firstChunkMs).toBeLessThan(totalMs / 4);
  }, 300_000);

  it('parses back to every row, amounts intact and formulas neutralised', async () => {
    let rows = 0;
    let sum = 0;
    let neutralised = 0;
    const res = await download();
    const parser = Readable.fromWeb(res.body! as Parameters<typeof Readable.fromWeb>[0]).pipe(
      parse({ bom: true, delimiter: ';', from_line: 2 }),
    );
    for await (const row of parser as AsyncIterable<string[]>) {
      rows += 1;
      sum += Number(row[12]);
      if (row[10]!.startsWith(`'=cmd`)) neutralised += 1;
    }
    expect(rows).toBe(ROWS);
    expect(sum).toBe(expectedSum);
    expect(neutralised).toBe(ROWS);
  }, 300_000);
});
