import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Turns the uploaded bytes into text: UTF-8 (with or without a BOM), or, when
 * the bytes are not valid UTF-8, Windows-1252 — what Excel writes for a
 * French "CSV (séparateur : point-virgule)". The delimiter is whichever of
 * ; , tab appears most in the first line.
 */
export function decodeCsv(bytes: Buffer): DecodedFile {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  let text: string;
  let encoding: DecodedFile['encoding'] = 'utf-8';
  try {
    text = utf8.decode(body);
  } catch {
    text = cp1252.decode(body);
    encoding = 'windows-1252';
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  return { text, encoding, delimiter };
}

export interface CsvRecord {
  line: number;
  values: string[];
}

/** Records one at a time (with their line number), so a large file is never held as rows. */
export async function* csvRecords(file: DecodedFile): AsyncGenerator<CsvRecord> {
  const parser = Readable.from([file.text]).pipe(
    parse({ delimiter: file.delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: record.info.lines, values: record.record };
  }
}
