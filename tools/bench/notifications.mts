// Benchmark of real-time notifications (issue 8), against the local PostgreSQL and Redis in a throwaway database:
//   npx nx run api:build && node tools/bench/notifications.mts [--rate 100] [--seconds 30] [--members 50]
// The API and the worker each run in their own process, as in production; this process runs the load and one
// socket.io client per member. The secretary answers in each member's thread at a fixed rate (open loop: a write
// leaves every 1/rate s whatever the earlier ones do). Each answer is a committed write (the message and its outbox
// row, one transaction) that the worker turns into a stored notification for the member and pushes through the
// socket.io Redis adapter to the API process the member's socket is on. Measured per write: from the API's answer
// (the write is committed) to the member's socket receiving the notification, and from sending the write.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { percentile, startBenchApi } from './bench-support.mts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    members: { type: 'string', default: '50' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const memberCount = Number(values.members);
const PASSWORD = 'Bench-member-2026';
const log = (line: string) => console.error(`[bench] ${line}`);

const api = await startBenchApi({}, { separateProcess: true });
const origin = api.baseUrl.replace(/\/api\/v1$/, '');
const worker = spawn(process.execPath, ['apps/api/dist/worker.js'], {
  env: { ...process.env, ...api.env },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const sockets: Socket[] = [];
try {
  const { call, fedToken } = api;
  await call('POST', '/coops', fedToken, {
    name: 'Bench',
    slug: 'bench',
    country: 'CI',
    admin: { name: 'A', email: 'a@bench.test' },
  });
  await call('POST', '/coops/bench/users', fedToken, {
    name: 'Secrétaire',
    email: 'secretary@bench.test',
    role: 'secretary',
    password: 'Bench-secretary-1',
  });
  const secretary = await api.login('secretary@bench.test', 'Bench-secretary-1');

  // One member account per thread, each listening on its own socket.
  const threads: string[] = [];
  const sentAt = new Map<string, { sent: number; answered: number }>();
  const received = new Map<string, number>();
  for (let i = 0; i < memberCount; i++) {
    const email = `member${i}@bench.test`;
    const user = await call<{ id: string }>('POST', '/coops/bench/users', fedToken, {
      name: `Membre ${i}`,
      email,
      role: 'member',
      password: PASSWORD,
    });
    const token = await api.login(email, PASSWORD);
    const socket = io(origin, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.on('notification', (n: { data: { messageId?: string } }) => {
      if (n.data.messageId && !received.has(n.data.messageId)) received.set(n.data.messageId, performance.now());
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
    const thread = await call<{ id: string }>('POST', '/coops/bench/message-threads', secretary, {
      subject: `Suivi ${i}`,
      body: 'Bonjour',
      recipientIds: [user.id],
    });
    threads.push(thread.id);
  }
  log(`${memberCount} members connected; warming up`);
  for (let i = 0; i < 50; i++) {
    await call('POST', `/coops/bench/message-threads/${threads[i % memberCount]}/messages`, secretary, {
      body: 'Échauffement',
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  log(`${rate} writes/s for ${seconds} s`);
  const total = rate * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      (async () => {
        const sent = performance.now();
        const message = await call<{ id: string }>(
          'POST',
          `/coops/bench/message-threads/${threads[i % memberCount]}/messages`,
          secretary,
          { body: `Réponse ${i}` },
        );
        sentAt.set(message.id, { sent, answered: performance.now() });
      })(),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const deadline = performance.now() + 10_000;
  while ([...sentAt.keys()].some((id) => !received.has(id)) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const fromCommit: number[] = [];
  const fromSend: number[] = [];
  const answers: number[] = [];
  for (const [id, t] of sentAt) {
    answers.push(t.answered - t.sent);
    const at = received.get(id);
    if (at === undefined) continue;
    fromCommit.push(Math.max(0, at - t.answered));
    fromSend.push(at - t.sent);
  }
  const summary = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    };
  };
  console.log(
    JSON.stringify(
      {
        rate_per_second: rate,
        achieved_per_second: Math.round(total / elapsed),
        writes: total,
        notifications_received: fromCommit.length,
        sockets: memberCount,
        write_answer_ms: summary(answers),
        committed_write_to_socket_ms: summary(fromCommit),
        sent_write_to_socket_ms: summary(fromSend),
      },
      null,
      2,
    ),
  );
} finally {
  for (const socket of sockets) socket.close();
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  await api.stop();
}
