import { createHash } from 'node:crypto';
import { CsvMixedEncoding, type CsvRecord, CsvStream, CsvTooLarge } from './csv-file.js';

/** The bytes as an upload delivers them: in pieces of `size` bytes. */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Buffer, size = 65_536, maxBytes?: number) {
  const csv = new CsvStream(pieces(bytes, size), maxBytes);
  const records: CsvRecord[] = [];
  for await (const record of csv.records()) records.push(record);
  return { csv, records };
}

describe('CsvStream', () => {
  it('strips a UTF-8 BOM and guesses the separator from the header', async () => {
    const { csv, records } = await read(Buffer.from('\ufeffdate;montant;libellé\n2026-11-01;500;Épargne\n'));
    expect(csv).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(records.map((r) => r.values)).toEqual([
      ['date', 'montant', 'libellé'],
      ['2026-11-01', '500', 'Épargne'],
    ]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252', async () => {
    const { csv, records } = await read(Buffer.from('Date,Numéro,Libellé\n5/11/2026,07,Dépôt €\n', 'latin1'));
    expect(csv).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(records[0]!.values).toEqual(['Date', 'Numéro', 'Libellé']);
  });

  it('reads the same whatever the pieces the bytes arrive in', async () => {
    const utf8 = Buffer.from('\ufeffa;b\n1;"Épargne ✓"\n2;œuvre\n');
    const cp1252 = Buffer.concat([Buffer.from(`a;b\n${'1;x\n'.repeat(50)}`), Buffer.from('2;Numéro\n', 'latin1')]);
    for (const file of [utf8, cp1252]) {
      const whole = await read(file);
      for (const size of [1, 2, 3, 5, 7]) {
        const split = await read(file, size);
        expect(split.records).toEqual(whole.records);
        expect(split.csv.encoding).toBe(whole.csv.encoding);
      }
    }
    expect((await read(cp1252, 1)).records.at(-1)!.values).toEqual(['2', 'Numéro']);
  });

  it('yields records with their line numbers, quoted separators and newlines kept', async () => {
    const { records } = await read(Buffer.from('a;b\n1;"x;y"\n\n2;"multi\nline"\n3;z\n'));
    expect(records).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', 'x;y'] },
      { line: 5, values: ['2', 'multi\nline'] },
      { line: 6, values: ['3', 'z'] },
    ]);
  });

  it('hashes and counts every byte, the BOM included', async () => {
    const file = Buffer.from('\ufeffa,b\r\n1,2\r\n');
    const { csv } = await read(file, 4);
    expect(csv.bytes).toBe(file.length);
    expect(csv.sha256()).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('fails on an unclosed quote (a truncated file)', async () => {
    await expect(read(Buffer.from('a;b\n1;"unfinished\n'))).rejects.toThrow(/quote/i);
  });

  it('fails on a file that changes encoding half-way', async () => {
    const mixed = Buffer.concat([Buffer.from('a;b\n1;Épargne\n'), Buffer.from('2;Numéro\n', 'latin1')]);
    await expect(read(mixed, 8)).rejects.toBeInstanceOf(CsvMixedEncoding);
  });

  it('stops reading past its size limit', async () => {
    await expect(read(Buffer.from(`a;b\n${'1;2\n'.repeat(100)}`), 16, 100)).rejects.toBeInstanceOf(CsvTooLarge);
  });

  it('reads an empty file as no records', async () => {
    const { csv, records } = await read(Buffer.alloc(0));
    expect(records).toEqual([]);
    expect(csv.bytes).toBe(0);
  });
});
