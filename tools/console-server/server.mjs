#!/usr/bin/env node
// Serves the built console (dist/apps/console/browser) with a fallback to index.html for the
// SPA's routes, and proxies /api, /health and /socket.io to the API, so the browser sees one
// origin (no CORS, and the console calls relative URLs). Used by `npm start` and the e2e stack.
//
//   API_URL       the API to proxy to            (default http://127.0.0.1:3000)
//   CONSOLE_PORT  port to listen on              (default 4200)
//   CONSOLE_HOST  address to listen on           (default 127.0.0.1)
//   CONSOLE_DIST  folder of the built console    (default dist/apps/console/browser)
import proxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.env.CONSOLE_DIST ?? join(workspace, 'dist/apps/console/browser'));
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const port = Number(process.env.CONSOLE_PORT ?? 4200);
const host = process.env.CONSOLE_HOST ?? '127.0.0.1';
const PROXIED = ['/api', '/health', '/socket.io'];

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`console-server: no build in ${dist}; run \`npx nx run console:build\` first`);
  process.exit(1);
}

// The API applies per-client limits (login attempts): tell it who the client is.
function forwardedHeaders(request, headers) {
  const prior = request.headers['x-forwarded-for'];
  return {
    ...headers,
    'x-forwarded-for': prior ? `${prior}, ${request.ip}` : request.ip,
    'x-forwarded-proto': request.protocol,
    'x-forwarded-host': request.headers.host ?? '',
  };
}

// Same-origin only; Material needs inline styles. Index and translations are revalidated,
// hashed bundles cached for good.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
    "form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css)$/;
const isProxied = (url) => PROXIED.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));

// Requests are logged by the API; here warnings and errors only.
const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' }, trustProxy: true });

/** The API is down or restarting: answer like the API would, as a problem document. */
function apiUnreachable(reply, { error }) {
  reply.log.error(`API unreachable at ${apiUrl}: ${error?.message ?? error}`);
  reply.code(502).type('application/problem+json').send({
    type: 'about:blank',
    title: 'Bad Gateway',
    status: 502,
    code: 'api_unreachable',
    detail: 'The API is not reachable.',
  });
}

for (const prefix of PROXIED) {
  await app.register(proxy, {
    upstream: apiUrl,
    prefix,
    rewritePrefix: prefix,
    websocket: prefix === '/socket.io',
    // reply-from warns with a stack per failed call; apiUnreachable logs one line instead.
    logLevel: 'error',
    replyOptions: { rewriteRequestHeaders: forwardedHeaders, onError: apiUnreachable },
  });
}

await app.register(fastifyStatic, {
  root: dist,
  // Look files up per request (not a route list made at start), so a rebuild needs no restart;
  // unknown paths fall through to the not-found handler below.
  wildcard: true,
  index: ['index.html'],
  cacheControl: false,
  setHeaders: (reply, path) => {
    reply.header('cache-control', HASHED.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

app.addHook('onSend', async (request, reply) => {
  if (isProxied(request.url)) return;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
});

// Deep links (/c/femmes-bouake/users) get the app; a missing file (/chunk-old.js) a real 404.
app.setNotFoundHandler((request, reply) => {
  const path = request.url.split('?')[0];
  const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !isProxied(path);
  if (wantsPage && !basename(path).includes('.')) {
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
  return reply.code(404).type('text/plain').send('Not found');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

try {
  await app.listen({ port, host });
  console.log(`console-server: http://${host}:${port} (API at ${apiUrl})`);
} catch (error) {
  app.log.error(error);
  process.exit(1);
}
