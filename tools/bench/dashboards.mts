// Benchmarks of the dashboards and the federation overview (issue 9), against the local PostgreSQL and Redis in a
// throwaway database:
//   npx nx run api:build && node tools/bench/dashboards.mts [--movements 1000000] [--cooperatives 1000] [--requests 300]
// 1. A cooperative with N movements over three years (1,000 members, 2,000 loans with schedules and repayments,
//    reversals, 300 open cases), loaded with set-based SQL straight into its schema; the ledger's trigger keeps the
//    summaries as the rows go in. Then `rebuild-summaries` (the CLI, in its own process) recomputes them from the
//    journal and the two must be identical.
// 2. Dashboard latency through HTTP (the API in its own process): sequential requests, then 10 clients.
// 3. A 100,000-row CSV export of the journal: time and the API's peak memory.
// 4. The trigger's own cost, timed by EXPLAIN ANALYZE: 100,000 movements in 5,000-row statements (as an import
//    appends them), and 1,000 single-row appends (as the API records a movement).
// 5. The federation overview with C cooperatives, whose summary rows are inserted directly.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { percentile, startBenchApi } from './bench-support.mts';

const { values } = parseArgs({
  options: {
    movements: { type: 'string', default: '1000000' },
    cooperatives: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '300' },
  },
});
const MOVEMENTS = Number(values.movements);
const COOPERATIVES = Number(values.cooperatives);
const REQUESTS = Number(values.requests);
const LOANS = 2_000;
const REVERSALS = 20_000;

const api = await startBenchApi({}, { separateProcess: true });
const db = new pg.Client({ connectionString: api.env['DATABASE_URL'] });
await db.connect();
const results: Record<string, unknown> = {};

const timed = async <T,>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - t0)];
};
const log = (line: string) => console.error(`[bench] ${line}`);

/** Latency of one GET, sequentially (after a warm-up) and with 10 clients in parallel. */
async function latency(path: string, token: string): Promise<Record<string, number>> {
  for (let i = 0; i < 20; i++) await api.call('GET', path, token);
  const sequential: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await api.call('GET', path, token);
    sequential.push(performance.now() - t0);
  }
  const parallel: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next++ < REQUESTS) {
        const t0 = performance.now();
        await api.call('GET', path, token);
        parallel.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  sequential.sort((a, b) => a - b);
  parallel.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    p50_ms: ms(percentile(sequential, 50)),
    p95_ms: ms(percentile(sequential, 95)),
    p99_ms: ms(percentile(sequential, 99)),
    clients10_p95_ms: ms(percentile(parallel, 95)),
    clients10_per_second: Math.round(parallel.length / elapsed),
  };
}

/** N movements of every kind over three years, with seq numbers after `after`, straight into the schema. */
function otherMovements(count: number, after: number): string {
  return `
    insert into transactions (seq, kind, direction, amount, currency, member_id, category, channel, occurred_on,
                              recorded_by, memo, prev_hash, hash)
    select ${after} + g,
           k.kind,
           case when k.kind = 'expense' or (k.kind = 'adjustment' and g % 2 = 0) then -1 else 1 end,
           500 + (g * 7919 % 200) * 25, 'XOF',
           case when k.kind in ('contribution', 'penalty') then m.ids[1 + g % 1000] end,
           case when k.kind = 'expense'
                then (array['transport', 'supplies', 'rent', 'fees', 'social', 'bank_charges', 'other'])[1 + g % 7] end,
           (array['cash', 'mobile_money', 'bank'])[1 + g % 3],
           current_date - (g % 1095), '00000000-0000-4000-8000-000000000001',
           case when g % 50 = 0 then 'Cotisation ' || g end, 'bench', 'bench'
      from generate_series(1, ${count}) g
      cross join lateral (select case when g % 100 < 75 then 'contribution' when g % 100 < 87 then 'expense'
                                      when g % 100 < 92 then 'income' when g % 100 < 97 then 'penalty'
                                      else 'adjustment' end as kind) k
      cross join (select array_agg(id order by number) as ids from members) m`;
}

try {
  const fed = api.fedToken;
  await api.call('POST', '/coops', fed, {
    name: 'Bench',
    slug: 'bench',
    country: 'CI',
    admin: { name: 'A', email: 'a@bench.test' },
  });
  await api.call('POST', '/coops/bench/users', fed, {
    name: 'Trésorière',
    email: 'treasurer@bench.test',
    role: 'treasurer',
    password: 'Bench-treasurer-1',
  });
  const treasurer = await api.login('treasurer@bench.test', 'Bench-treasurer-1');

  // 1. Load the books.
  log(`loading ${MOVEMENTS} movements`);
  await db.query('set search_path to coop_bench');
  const [, loadMs] = await timed(async () => {
    await db.query(`insert into members (full_name, phone, joined_on)
                    select 'Membre ' || g, '+22507' || lpad(g::text, 8, '0'), date '2023-01-01'
                      from generate_series(1, 1000) g`);
    // Loans of 120,000 to 720,000 at 12 % flat over 12 months, paid out over the last two years; one in seven has
    // stopped paying three installments ago, one in ten is fully repaid.
    await db.query(`insert into loans (member_id, principal, currency, annual_rate_bp, method, installments, frequency,
                                       purpose, status, requested_by, decided_by, disbursed_on)
                    select m.ids[1 + g % 1000], 12000 * (10 + g % 51), 'XOF', 1200, 'flat', 12, 'monthly', 'bench',
                           'disbursed', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
                           current_date - (g * 7 % 730)
                      from generate_series(1, ${LOANS}) g cross join (select array_agg(id order by number) as ids from members) m`);
    await db.query(`insert into loan_installments (loan_id, number, due_on, principal, interest)
                    select l.id, n, (l.disbursed_on + make_interval(months => n))::date, l.principal / 12, l.principal / 100
                      from loans l cross join generate_series(1, 12) n`);
    await db.query(`insert into transactions (seq, kind, direction, amount, currency, member_id, loan_id, channel,
                                              occurred_on, recorded_by, prev_hash, hash)
                    select row_number() over (order by l.number), 'loan_disbursement', -1, l.principal, 'XOF', l.member_id,
                           l.id, 'cash', l.disbursed_on, '00000000-0000-4000-8000-000000000001', 'bench', 'bench'
                      from loans l`);
    await db.query(`insert into transactions (seq, kind, direction, amount, currency, member_id, loan_id, channel,
                                              occurred_on, recorded_by, prev_hash, hash)
                    select ${LOANS} + row_number() over (order by l.number, i.number), 'repayment', 1,
                           i.principal + i.interest, 'XOF', l.member_id, l.id, 'mobile_money', i.due_on,
                           '00000000-0000-4000-8000-000000000001', 'bench', 'bench'
                      from loans l join loan_installments i on i.loan_id = l.id
                     where i.due_on <= current_date
                       and (l.number % 7 <> 0 or i.due_on <= current_date - interval '3 months')`);
    await db.query(`update loans set status = 'closed'
                     where not exists (select 1 from loan_installments i where i.loan_id = loans.id and i.due_on > current_date)
                       and number % 7 <> 0`);
    const [{ n }] = (await db.query<{ n: string }>('select count(*) as n from transactions')).rows as [{ n: string }];
    const others = MOVEMENTS - Number(n) - REVERSALS;
    for (let done = 0; done < others; done += 100_000) {
      await db.query(otherMovements(Math.min(100_000, others - done), Number(n) + done));
      log(`  ${Number(n) + Math.min(others, done + 100_000)} movements`);
    }
    await db.query(`insert into transactions (seq, kind, direction, amount, currency, member_id, category, channel,
                                              occurred_on, recorded_by, reverses_id, reason, prev_hash, hash)
                    select (select max(seq) from transactions) + row_number() over (order by t.seq), 'reversal', -t.direction,
                           t.amount, 'XOF', t.member_id, t.category, t.channel, least(t.occurred_on + 3, current_date),
                           t.recorded_by, t.id, 'erreur de saisie', 'bench', 'bench'
                      from transactions t where t.kind in ('contribution', 'expense') and t.seq % 37 = 0
                     order by t.seq limit ${REVERSALS}`);
    await db.query(`update ledger_head set seq = (select max(seq) from transactions),
                                           cash = (select sum(direction * amount) from transactions)`);
    await db.query(`insert into cases (subject_type, subject_id, severity, severity_rank, status)
                    select 'member', m.id, (array['low', 'medium', 'high', 'critical'])[1 + m.number % 4], 1 + m.number % 4,
                           case when m.number % 5 = 0 then 'resolved' else 'open' end
                      from members m where m.number <= 300`);
    await db.query(`insert into findings (case_id, rule_id, rule_version, severity, scope, subject_type, subject_id, period,
                                          rule_name, message, held)
                    select c.id, 'bench-rule', 1, c.severity, 'member', 'member', c.subject_id, '2026-01',
                           '{"fr":"r","en":"r"}', '{"fr":"m","en":"m"}', '[]' from cases c`);
    await db.query(`insert into settings (key, value) values ('contributions.plan',
                      '{"amount":5000,"frequency":"monthly","dueDay":5,"startDate":"2024-01-01","graceDays":3}')
                    on conflict (key) do update set value = excluded.value`);
    await db.query('analyze');
  });
  const [{ count }] = (await db.query<{ count: string }>('select count(*) from transactions')).rows as [
    { count: string },
  ];
  const fingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `select md5(string_agg(concat_ws(',', day, kind, category, amount, cash, entries, reversals), ';'
                                order by day, kind, category)) as f from daily_summaries`,
      )
    ).rows[0]!.f;
  const byTrigger = await fingerprint();
  const [rebuildOutput, rebuildMs] = await timed(
    () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['apps/api/dist/cli/main.js', 'rebuild-summaries', '--slug', 'bench'], {
          env: { ...process.env, ...api.env },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
      }),
  );
  const [{ rows: summaryRows }] = [await db.query<{ n: string }>('select count(*) as n from daily_summaries')];
  results['books'] = {
    movements: Number(count),
    load_s: loadMs / 1000,
    daily_summary_rows: Number(summaryRows[0]!.n),
    rebuild_summaries_s: rebuildMs / 1000,
    rebuild_output: rebuildOutput,
    trigger_equals_rebuild: byTrigger === (await fingerprint()),
  };
  log(JSON.stringify(results['books']));

  // 2. Dashboards.
  const today = new Date().toISOString().slice(0, 10);
  results['dashboard'] = {
    'last 12 months by month (default)': await latency('/coops/bench/dashboard', treasurer),
    'last 12 months by week': await latency('/coops/bench/dashboard?granularity=week', treasurer),
    'three years by month': await latency(
      `/coops/bench/dashboard?from=${new Date(Date.now() - 1095 * 86_400_000).toISOString().slice(0, 10)}&to=${today}`,
      treasurer,
    ),
    'one month': await latency(
      `/coops/bench/dashboard?from=${today.slice(0, 8)}01&to=${today}&granularity=week`,
      treasurer,
    ),
  };
  log(JSON.stringify(results['dashboard']));

  // 3. A 100,000-row export (the last ~110 days hold about that many movements).
  const from = new Date(Date.now() - 109 * 86_400_000).toISOString().slice(0, 10);
  const rssBefore = api.apiPeakRssMb();
  const [bytes, exportMs] = await timed(async () => {
    let total = 0;
    const lines = await fetchLines(
      `/coops/bench/exports/movements?from=${from}&to=${today}`,
      treasurer,
      (n) => (total += n),
    );
    return { total, lines };
  });
  results['export'] = {
    rows: bytes.lines - 1,
    mb: Math.round((bytes.total / 1_048_576) * 10) / 10,
    seconds: exportMs / 1000,
    api_peak_rss_mb_before: rssBefore,
    api_peak_rss_mb_after: api.apiPeakRssMb(),
  };
  log(JSON.stringify(results['export']));

  // 4. The trigger's cost on appends of 5,000 rows (what an import does), in another cooperative.
  await api.call('POST', '/coops', fed, {
    name: 'Trigger',
    slug: 'trigger',
    country: 'CI',
    admin: { name: 'A', email: 'a@trigger.test' },
  });
  await db.query('set search_path to coop_trigger');
  await db.query(
    `insert into members (full_name, phone, joined_on) select 'M' || g, '+22507' || lpad(g::text, 8, '0'), date '2023-01-01' from generate_series(1, 1000) g`,
  );
  // EXPLAIN ANALYZE times the trigger apart from the insert itself, statement by statement.
  const explained = async (sql: string) => {
    const [plan] = (
      await db.query<{
        'QUERY PLAN': [{ 'Execution Time': number; Triggers: { 'Trigger Name': string; Time: number }[] }];
      }>(`explain (analyze, format json) ${sql}`)
    ).rows[0]!['QUERY PLAN'];
    const trigger = plan.Triggers.find((t) => t['Trigger Name'] === 'transactions_summarise')?.Time ?? 0;
    return { total: plan['Execution Time'], trigger };
  };
  const sums = { total: 0, trigger: 0 };
  for (let s = 0; s < 100_000; s += 5_000) {
    const one = await explained(otherMovements(5_000, s));
    sums.total += one.total;
    sums.trigger += one.trigger;
  }
  const single = { total: 0, trigger: 0 };
  for (let s = 0; s < 1_000; s++) {
    const one = await explained(otherMovements(1, 100_000 + s));
    single.total += one.total;
    single.trigger += one.trigger;
  }
  results['trigger'] = {
    'append 100,000 rows in 5,000-row statements: insert ms (trigger included)': Math.round(sums.total),
    'of which the trigger, ms': Math.round(sums.trigger),
    'trigger per 5,000-row statement, ms': Math.round((sums.trigger / 20) * 10) / 10,
    'single-row appends: insert ms each (trigger included)': Math.round((single.total / 1_000) * 1000) / 1000,
    'of which the trigger, ms each': Math.round((single.trigger / 1_000) * 1000) / 1000,
  };
  log(JSON.stringify(results['trigger']));

  // 5. The federation overview with C cooperatives (registry and summary rows inserted directly).
  await db.query('set search_path to federation');
  await db.query(`insert into cooperatives (slug, name, country, currency, time_zone, locale, status, schema_name, provisioned_at)
                  select 'coop-' || g, 'Coopérative ' || g, 'CI', case when g % 10 = 0 then 'XAF' else 'XOF' end,
                         'Africa/Abidjan', 'fr', case when g % 50 = 0 then 'suspended' else 'active' end, 'coop_bench_' || g, now()
                    from generate_series(1, ${COOPERATIVES}) g`);
  await db.query(`insert into cooperative_totals (cooperative_id, contributions, loans_disbursed, repayments, penalties,
                                                  expenses, income, adjustments, cash, movements, last_movement_on)
                  select id, number * 1000, number * 700, number * 500, number * 10, number * 100, number * 50, 0,
                         number * 800, number, current_date
                    from (select id, row_number() over (order by slug) as number from cooperatives where slug like 'coop-%') c`);
  await db.query(`insert into cooperative_standing (cooperative_id, as_of, members_active, members_suspended, members_exited,
                    outstanding, at_risk_30, par30_bp, active_loans, late_loans, open_cases_low, open_cases_medium,
                    open_cases_high, open_cases_critical, late_dues, members_late, late_dues_amount, fingerprint)
                  select id, current_date, 30 + n % 70, n % 5, n % 3, n * 1000, n * 1000 * (n % 13) / 100, (n % 13) * 100,
                         n % 40, n % 7, n % 4, n % 3, n % 2, n % 3, n % 11, n % 9, (n % 11) * 5000, 'bench'
                    from (select id, row_number() over (order by slug) as n from cooperatives where slug like 'coop-%') c`);
  await db.query('analyze');
  results['federation_overview'] = {
    cooperatives: COOPERATIVES + 2,
    'risk order, 100 a page (default)': await latency('/federation/overview', fed),
    'risk order, all 1,000 at once': await latency('/federation/overview?limit=1000', fed),
    'by name, filtered': await latency('/federation/overview?sort=name&q=coop-1', fed),
  };
  const [overviewCsv, overviewCsvMs] = await timed(() =>
    fetchLines('/federation/overview/export', fed, () => undefined),
  );
  results['federation_export'] = { rows: overviewCsv - 1, ms: overviewCsvMs };
  log(JSON.stringify(results['federation_overview']));
  console.log(JSON.stringify(results, null, 2));
} finally {
  await db.end();
  await api.stop();
}

/** Downloads a CSV through the API, counting its lines as they come (keeping nothing); returns the line count. */
async function fetchLines(path: string, token: string, onBytes: (n: number) => void): Promise<number> {
  const res = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  let lines = 0;
  for await (const chunk of res.body! as AsyncIterable<Uint8Array>) {
    onBytes(chunk.length);
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return lines;
}
