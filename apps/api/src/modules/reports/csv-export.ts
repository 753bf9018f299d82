import { Logger } from '@nestjs/common';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { type CastReturnObject, stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { CsvDelimiter } from '@kotizo/contracts';
import { NumericCell } from './csv-cells.js';

export type CsvCell = string | number | null | NumericCell;

export interface CsvFile {
  /** Without extension; the date and the delimiter's dialect are the caller's. */
  filename: string;
  columns: readonly string[];
  rows: AsyncIterable<readonly CsvCell[]>;
  delimiter: CsvDelimiter;
}

const logger = new Logger('CsvExport');

/**
 * A CSV file as a stream: rows are pulled from the source only as fast as
 * the client reads (backpressure through the pipeline), so an export never
 * holds more than a batch of rows. csv-stringify writes it: UTF-8 with a BOM
 * (so Excel reads accents), CRLF line ends and quoting as RFC 4180 says, and
 * cells beginning with = + - @ tab or CR (and their full-width forms)
 * prefixed with ' so a spreadsheet shows them instead of running them.
 */
export function csvStream(file: Omit<CsvFile, 'filename'>, onError: (error: Error) => void): Readable {
  const writer = stringify({
    bom: true,
    header: true,
    columns: [...file.columns],
    delimiter: file.delimiter,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      // Our own numbers go out as they are (see NumericCell); any other object is a bug, not data.
      object: (value) => {
        if (value instanceof NumericCell) return { value: value.text, escape_formulas: false } as CastReturnObject;
        throw new TypeError('a CSV cell is text, a number, empty or a NumericCell');
      },
    },
  });
  return pipeline(Readable.from(file.rows), writer, new Coalesce(), (error) => {
    if (error) onError(error);
  });
}

/**
 * csv-stringify emits one chunk per row; written as they are, 100,000 rows
 * become 100,000 socket writes and HTTP chunks. This gathers them into
 * chunks of about 64 KiB (backpressure still flows through it).
 */
class Coalesce extends Transform {
  private parts: Buffer[] = [];
  private size = 0;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.parts.push(buffer);
    this.size += buffer.length;
    if (this.size >= 65_536) this.release();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.size > 0) this.release();
    done();
  }

  private release(): void {
    this.push(Buffer.concat(this.parts, this.size));
    this.parts = [];
    this.size = 0;
  }
}

/** Sends the file as an attachment. A failure halfway cuts the download short (the status is already sent). */
export function sendCsv(reply: FastifyReply, file: CsvFile, context: Record<string, unknown>): FastifyReply {
  const stream = csvStream(file, (error) => logger.error({ err: error, ...context }, 'CSV export failed halfway'));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}.csv"`)
    .header('cache-control', 'no-store')
    .send(stream);
}
