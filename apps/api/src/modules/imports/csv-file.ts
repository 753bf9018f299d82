import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface CsvRecord {
  line: number;
  values: string[];
}

/** The file is larger than an import may be. */
export class CsvTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${Math.round(limit / 1_048_576)} MB`);
  }
}

/** The file starts as UTF-8 and goes on in another encoding: no reading of it would be right. */
export class CsvMixedEncoding extends Error {
  constructor(readonly offset: number) {
    super(`the file reads as UTF-8 until about byte ${offset}, then not; save it again as UTF-8`);
  }
}

const BOM = [0xef, 0xbb, 0xbf];
const DELIMITERS = [';', ',', '\t'];

/**
 * Reads a CSV file once, as its bytes arrive, into records: the upload is
 * never held whole. It also works out, on the way, what the file was:
 *
 * - its encoding: UTF-8 (with or without a BOM), or, when the bytes are not
 *   UTF-8, Windows-1252 — what Excel writes for a French "CSV (séparateur :
 *   point-virgule)". Both read ASCII alike, so the choice is made at the
 *   first byte above 127, from the bytes there;
 * - its delimiter: whichever of ; , tab appears most in the first line;
 * - its size and SHA-256 (of every byte, a BOM included).
 *
 * `encoding`, `delimiter`, `bytes` and `sha256()` are final once `records()` is done.
 */
export class CsvStream {
  encoding: CsvEncoding = 'utf-8';
  delimiter = ',';
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  /** Records one at a time with the line they end on (a quoted cell may span lines); blank lines are skipped. */
  async *records(): AsyncGenerator<CsvRecord> {
    const text = this.text()[Symbol.asyncIterator]();
    // The delimiter is read from the first line: hold the text until it is whole.
    let head = '';
    let more = true;
    while (more && !/\r?\n/.test(head)) {
      const next = await text.next();
      if (next.done) more = false;
      else head += next.value;
    }
    const firstLine = head.slice(0, head.search(/\r?\n|$/));
    const counts = DELIMITERS.map((d) => [d, firstLine.split(d).length - 1] as const);
    this.delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
    async function* rest(): AsyncGenerator<string> {
      if (head) yield head;
      for (let next = more ? await text.next() : null; next && !next.done; next = await text.next()) yield next.value;
    }
    const parser = parse({
      delimiter: this.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    // pipeline, not pipe: an error while reading the bytes (too large, a dropped upload) must reach the parser.
    pipeline(Readable.from(rest()), parser, () => undefined);
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: record.info.lines, values: record.record };
    }
  }

  /** The bytes as text, decided UTF-8 or Windows-1252 at the first byte that is not ASCII. */
  private async *text(): AsyncGenerator<string> {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const cp1252 = new TextDecoder('windows-1252');
    let decided = false;
    let start = true;
    // Bytes held back: a possible BOM at the start, or the first non-ASCII byte and what follows it.
    let held: Buffer | null = null;
    let heldOffset = 0;
    for await (const piece of this.source) {
      const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      this.bytes += chunk.length;
      if (this.bytes > this.maxBytes) throw new CsvTooLarge(this.maxBytes);
      this.hash.update(chunk);
      let bytes: Buffer = held ? Buffer.concat([held, chunk]) : chunk;
      const offset = held ? heldOffset : this.bytes - chunk.length;
      held = null;
      if (start) {
        if (bytes.length < BOM.length && BOM.slice(0, bytes.length).every((b, i) => bytes[i] === b)) {
          held = bytes;
          heldOffset = offset;
          continue;
        }
        start = false;
        if (BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(BOM.length);
      }
      if (!decided) {
        const firstHigh = isAscii(bytes) ? -1 : bytes.findIndex((b) => b > 0x7f);
        if (firstHigh < 0) {
          yield bytes.toString('latin1');
          continue;
        }
        // A UTF-8 sequence is at most four bytes: wait for them (or the end) before judging.
        if (bytes.length - firstHigh < 4) {
          held = bytes;
          heldOffset = offset;
          continue;
        }
        decided = true;
        this.encoding = isUtf8Prefix(bytes.subarray(firstHigh)) ? 'utf-8' : 'windows-1252';
      }
      yield this.decode(this.encoding === 'utf-8' ? utf8 : cp1252, bytes, offset, true);
    }
    if (held) {
      const firstHigh = held.findIndex((b) => b > 0x7f);
      if (!decided && firstHigh >= 0 && !isUtf8Prefix(held.subarray(firstHigh), true)) this.encoding = 'windows-1252';
      yield this.decode(this.encoding === 'utf-8' ? utf8 : cp1252, held, heldOffset, true);
    }
    const tail = this.decode(this.encoding === 'utf-8' ? utf8 : cp1252, Buffer.alloc(0), this.bytes, false);
    if (tail) yield tail;
  }

  private decode(decoder: TextDecoder, bytes: Buffer, offset: number, stream: boolean): string {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new CsvMixedEncoding(offset);
    }
  }
}

/** Whether the bytes (starting at a byte above 127) read as UTF-8; `whole`: nothing follows them. */
function isUtf8Prefix(bytes: Buffer, whole = false): boolean {
  const sample = bytes.subarray(0, whole ? bytes.length : Math.min(bytes.length, 64));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !whole });
    return true;
  } catch {
    return false;
  }
}
