// Benchmark of the audit on every write (issue 6), against the local PostgreSQL and Redis in a throwaway database:
//   npx nx run api:build && node tools/bench/audit.mts [--rate 100] [--seconds 30] [--members 200]
// Contributions, expenses and repayments-like traffic at a fixed arrival rate (open loop: a request leaves every
// 1/rate s whatever the previous ones do). The verdict is stored before the API answers, so the time from
// sending the write to its answer is the time from write to stored verdict. Reports p50/p99 and checks that
// every movement has its verdict.
import { parseArgs } from 'node:util';
import { percentile, startBenchApi } from './bench-support.mts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    members: { type: 'string', default: '200' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const memberCount = Number(values.members);

const api = await startBenchApi();
try {
  const { call, fedToken } = api;
  await call('POST', '/coops', fedToken, {
    name: 'Bench',
    slug: 'bench',
    country: 'CI',
    admin: { name: 'A', email: 'a@bench.test' },
  });
  await call('POST', '/coops/bench/users', fedToken, {
    name: 'Trésorière',
    email: 'treasurer@bench.test',
    role: 'treasurer',
    password: 'Bench-treasurer-1',
  });
  const token = await api.login('treasurer@bench.test', 'Bench-treasurer-1');
  const members: string[] = [];
  for (let i = 0; i < memberCount; i++) {
    const m = await call<{ id: string }>('POST', '/coops/bench/members', fedToken, {
      fullName: `Membre ${i}`,
      phone: `+2250700${String(i).padStart(6, '0')}`,
      joinedOn: '2025-01-01',
    });
    members.push(m.id);
  }
  // Some history first, so the rolling statistics have rows to read.
  for (let i = 0; i < memberCount * 5; i++) {
    await call('POST', '/coops/bench/transactions', token, {
      kind: 'contribution',
      memberId: members[i % memberCount],
      amount: 1000 + (i % 7) * 500,
      channel: i % 2 ? 'cash' : 'mobile_money',
    });
  }

  const total = rate * seconds;
  const latencies: number[] = [];
  const ids: string[] = [];
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body =
      i % 10 === 9
        ? { kind: 'expense', category: 'supplies', amount: 2_000 + (i % 13) * 1_000, channel: 'cash' }
        : { kind: 'contribution', memberId: members[i % memberCount], amount: 1000 + (i % 11) * 250, channel: 'cash' };
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        const created = await call<{ id: string }>('POST', '/coops/bench/transactions', token, body);
        latencies.push(performance.now() - t0);
        ids.push(created.id);
      })(),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;

  // Every movement answered has its verdict stored (the endpoint answers 404 otherwise).
  let judged = 0;
  for (const id of ids) {
    await call('GET', `/coops/bench/transactions/${id}/verdict`, fedToken);
    judged += 1;
  }
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        rate_per_second: rate,
        achieved_per_second: Math.round(total / elapsed),
        movements: total,
        write_to_verdict_ms: {
          p50: Math.round(percentile(sorted, 50)),
          p95: Math.round(percentile(sorted, 95)),
          p99: Math.round(percentile(sorted, 99)),
          max: Math.round(sorted[sorted.length - 1]!),
        },
        movements_with_verdict: judged,
      },
      null,
      2,
    ),
  );
} finally {
  await api.stop();
}
