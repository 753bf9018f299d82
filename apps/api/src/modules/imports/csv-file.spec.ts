import { csvRecords, decodeCsv } from './csv-file.js';

async function all(bytes: Buffer) {
  const out: { line: number; values: string[] }[] = [];
  for await (const record of csvRecords(decodeCsv(bytes))) out.push(record);
  return out;
}

describe('decodeCsv', () => {
  it('strips a UTF-8 BOM and guesses the separator from the header', () => {
    const file = decodeCsv(Buffer.from('\ufeffdate;montant;libellé\n2026-11-01;500;Épargne\n'));
    expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(file.text.startsWith('date')).toBe(true);
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const file = decodeCsv(Buffer.from('Date,Numéro,Libellé\n', 'latin1'));
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(file.text).toContain('Numéro');
  });

  it('yields records with their line numbers, quoted separators and newlines kept', async () => {
    const records = await all(Buffer.from('a;b\n1;"x;y"\n\n2;"multi\nline"\n3;z\n'));
    expect(records).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', 'x;y'] },
      { line: 5, values: ['2', 'multi\nline'] },
      { line: 6, values: ['3', 'z'] },
    ]);
  });

  it('fails on an unclosed quote (a truncated file)', async () => {
    await expect(all(Buffer.from('a;b\n1;"unfinished\n'))).rejects.toThrow(/quote/i);
  });
});
