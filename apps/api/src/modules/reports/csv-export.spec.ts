import { parse } from 'csv-parse/sync';
import type { CsvDelimiter } from '@kotizo/contracts';
import { NumericCell } from './csv-cells.js';
import { type CsvCell, csvStream } from './csv-export.js';

async function write(rows: CsvCell[][], delimiter: CsvDelimiter = ';'): Promise<string> {
  async function* source() {
    for (const row of rows) yield row;
  }
  const chunks: Buffer[] = [];
  const errors: Error[] = [];
  for await (const chunk of csvStream({ columns: ['a', 'b'], rows: source(), delimiter }, (e) => errors.push(e))) {
    chunks.push(chunk as Buffer);
  }
  expect(errors).toEqual([]);
  return Buffer.concat(chunks).toString('utf8');
}

describe('csvStream', () => {
  it('writes UTF-8 with a BOM, a header, CRLF line ends and the delimiter asked for', async () => {
    expect(await write([['Koné', 1]])).toBe('\ufeffa;b\r\nKoné;1\r\n');
    expect(await write([['x', null]], ',')).toBe('\ufeffa,b\r\nx,\r\n');
  });

  it('quotes as RFC 4180 says and parses back to the same cells', async () => {
    const rows = [
      ['a;b', 'say "hi"'],
      ['line\r\nbreak', 'comma, here'],
      ['', 'plain'],
    ];
    for (const delimiter of [';', ','] as const) {
      const text = await write(rows, delimiter);
      expect(parse(text, { bom: true, delimiter, from_line: 2 })).toEqual(rows);
    }
    expect(await write([['say "hi"', 'a;b']])).toContain('"say ""hi""";"a;b"');
  });

  it('neutralises every cell a spreadsheet would take for a formula', async () => {
    const dangerous = ['=1+1', '+33 6', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '＝1', '＋1', '－1', '＠A1'];
    const text = await write(dangerous.map((d) => [d, 'ok']));
    const cells = parse(text, { bom: true, delimiter: ';', from_line: 2 }) as string[][];
    expect(cells.map((row) => row[0])).toEqual(dangerous.map((d) => `'${d}`));
    expect(text.split('\r\n')[1]).toBe(`'=1+1;ok`);
  });

  it('leaves numbers, and signed amounts it wrote itself, as numbers', async () => {
    const text = await write([
      [-5, new NumericCell('-1,50')],
      [new NumericCell('-7'), 12],
    ]);
    expect(text.split('\r\n').slice(1, 3)).toEqual(['-5;-1,50', '-7;12']);
  });

  it('refuses an object it does not know rather than writing it', async () => {
    const errors: Error[] = [];
    async function* source() {
      yield [{ toString: () => '=cmd' } as unknown as CsvCell, 'x'];
    }
    const stream = csvStream({ columns: ['a', 'b'], rows: source(), delimiter: ';' }, (e) => errors.push(e));
    await expect(async () => {
      for await (const _ of stream) void _;
    }).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });

  it('emits few large chunks rather than one per row', async () => {
    async function* source() {
      for (let i = 0; i < 20_000; i++) yield [`row ${i}`, i];
    }
    let chunks = 0;
    let text = '';
    for await (const chunk of csvStream({ columns: ['a', 'b'], rows: source(), delimiter: ';' }, () => undefined)) {
      chunks += 1;
      text += String(chunk);
    }
    expect(text.split('\r\n')).toHaveLength(20_002);
    expect(chunks).toBeLessThan(10);
  });
});
