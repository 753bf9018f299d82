import { Migration } from '@mikro-orm/migrations';

/**
 * Imports read the uploaded file once, as it arrives, into staging tables, and
 * work from there (docs/imports.md): the file is no longer kept as one bytea
 * and parsed again at each step.
 *
 * - `import_records`: the file's records as read (JSON, a thousand a row).
 * - `import_entries`: the rows a preview (or a commit) read with a mapping,
 *   one a row, so duplicates are found in SQL and the commit appends from here.
 *
 * Both are UNLOGGED: they hold nothing that is not in the file, writing them
 * costs no WAL, and the commit that turns them into ledger rows is logged as
 * usual. After a crash of the database server they are empty: an upload not
 * yet committed must then be sent again (the API says so). An upload waiting
 * when this migration runs must be sent again too: its bytes go with `content`.
 */
export class TenantImportStaging20261207000000 extends Migration {
  override up(): void {
    this.addSql(`alter table imports drop column content`);
    this.addSql(`
      alter table imports
        add column rows integer,
        add column encoding text,
        add column delimiter text,
        add column headers jsonb,
        add column prepared_mapping jsonb,
        add column prepared_on date,
        add column prepared_entries integer,
        add column prepared_rejected integer`);
    this.addSql(`
      create unlogged table import_records (
        import_id uuid not null,
        first_line integer not null,
        records text not null,
        primary key (import_id, first_line)
      )`);
    // Stored as written: compressing text that is read once and dropped costs more than it saves.
    this.addSql(`alter table import_records alter column records set storage external`);
    this.addSql(`
      create unlogged table import_entries (
        import_id uuid not null,
        line integer not null,
        kind text not null,
        amount bigint not null,
        member_id uuid,
        category text,
        channel text not null,
        reference text,
        memo text,
        occurred_on date not null,
        primary key (import_id, line)
      )`);
  }
}
