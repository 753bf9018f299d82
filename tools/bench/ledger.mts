// Benchmarks of the ledger (issue 5), against the local PostgreSQL and Redis in a throwaway database:
//   npx nx run api:build && node tools/bench/ledger.mts [--rows 1000000] [--clients 50] [--requests 5000]
//     [--api-node-options="--max-old-space-size=1024 --max-semi-space-size=32"]
// 1. Import of N transactions from one CSV file through the HTTP API (upload, preview, commit),
//    then the same file again (must add 0 rows). Reports wall time and the API process's peak RSS.
// 2. Recording single contributions through the API with C concurrent clients.
import { percentile, startBenchApi } from './bench-support.mts';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '50' },
    requests: { type: 'string', default: '5000' },
    // The API's V8 heap, as it should run in production (docs/imports.md); "" for V8's defaults, which let
    // garbage grow to a few times the live heap before a full collection on a machine with lots of memory.
    'api-node-options': { type: 'string', default: '--max-old-space-size=1024 --max-semi-space-size=32' },
  },
});
const rows = Number(values.rows);
const clients = Number(values.clients);
const requests = Number(values.requests);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

// The API runs in its own process: its peak memory is read apart from this load generator's.
const apiNodeOptions = values['api-node-options'];
process.env['NODE_OPTIONS'] = apiNodeOptions;
const api = await startBenchApi({}, { separateProcess: true });
const { call } = api;

try {
  const fed = { accessToken: api.fedToken };
  await call('POST', '/coops', fed.accessToken, {
    name: 'Bench',
    slug: 'bench',
    country: 'CI',
    admin: { name: 'A', email: 'a@bench.test' },
  });
  const coop = await call<{ id: string; accessToken: string }>('POST', '/coops/bench/users', fed.accessToken, {
    name: 'Trésorière',
    email: 'treasurer@bench.test',
    role: 'treasurer',
    password: 'Bench-treasurer-1',
  });
  void coop;
  const { accessToken: token } = await call<{ accessToken: string }>('POST', '/auth/login', null, {
    email: 'treasurer@bench.test',
    password: 'Bench-treasurer-1',
  });
  for (let i = 0; i < 100; i++) {
    await call('POST', '/coops/bench/members', fed.accessToken, {
      fullName: `Membre ${i}`,
      phone: `+2250700${String(i).padStart(6, '0')}`,
      joinedOn: '2025-01-01',
    });
  }

  // 1. Import.
  const lines = ['date;member_number;kind;amount;channel;reference;memo'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')};${1 + (i % 100)};contribution;${500 + (i % 97) * 25};mobile_money;BENCH-${i};`,
    );
  }
  const file = Buffer.from(lines.join('\n'));
  lines.length = 0;
  const importOnce = async () => {
    const t0 = performance.now();
    const up = await call<{ id: string; suggestedMapping: unknown }>(
      'POST',
      '/coops/bench/imports',
      token,
      undefined,
      file,
    );
    const t1 = performance.now();
    const preview = await call<{ valid: number; duplicates: number }>(
      'POST',
      `/coops/bench/imports/${up.id}/preview`,
      token,
      { mapping: up.suggestedMapping },
    );
    const t2 = performance.now();
    const done = await call<{ imported: number; skippedDuplicates: number }>(
      'POST',
      `/coops/bench/imports/${up.id}/commit`,
      token,
      { mapping: up.suggestedMapping },
    );
    const t3 = performance.now();
    return {
      upload_s: (t1 - t0) / 1000,
      preview_s: (t2 - t1) / 1000,
      commit_s: (t3 - t2) / 1000,
      total_s: (t3 - t0) / 1000,
      preview,
      done,
    };
  };
  peakRss = 0;
  const first = await importOnce();
  const importPeakRssMb = Math.round(peakRss / 1_048_576);
  const second = await importOnce();
  // Read before the single movements below, so this peak is the imports' (and the start's) alone.
  const apiImportPeakRssMb = api.apiPeakRssMb();

  // 2. Single movements, C clients in parallel.
  const member = (await call<{ items: { id: string }[] }>('GET', '/coops/bench/members?limit=1', token)).items[0]!.id;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        await call('POST', '/coops/bench/transactions', token, {
          kind: 'contribution',
          memberId: member,
          amount: 1000,
          channel: 'cash',
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        import: {
          rows,
          bytes: file.length,
          first,
          second,
          api_node_options: apiNodeOptions,
          api_process_peak_rss_mb: apiImportPeakRssMb,
          load_generator_peak_rss_mb: importPeakRssMb,
        },
        record: {
          api_process_peak_rss_mb: api.apiPeakRssMb(),
          clients,
          requests,
          per_second: Math.round(requests / elapsed),
          p50_ms: Math.round(percentile(sorted, 50)),
          p99_ms: Math.round(percentile(sorted, 99)),
        },
      },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  await api.stop();
}
