import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local server speaking enough of OpenAI's chat-completions API for
 * ChatOpenAI (`configuration.baseURL`): `POST /v1/chat/completions`, plain
 * or streamed (SSE), with tool calls and `usage`. Replies are scripted in
 * order; faults are scriptable too: an HTTP status (429 with Retry-After,
 * 500, 503), a delay longer than the client's timeout, a dropped
 * connection, a tool call whose arguments are not JSON, a body that is not
 * JSON. Every request is recorded for assertions.
 */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type FakeReply =
  | { text: string; usage?: FakeUsage }
  | { toolCalls: { name: string; arguments: unknown; id?: string }[]; usage?: FakeUsage }
  | {
      status: number;
      error?: { message: string; type?: string; code?: string | null };
      headers?: Record<string, string>;
    }
  | { delayMs: number; then: FakeReply }
  | { disconnect: true }
  | { rawBody: string };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: unknown; tool_calls?: unknown }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  [key: string]: unknown;
}

export type FakeResponder = (request: RecordedRequest) => FakeReply;

/** A tool call whose arguments are a JSON object. */
export const toolCall = (name: string, args: Record<string, unknown>, id?: string) => ({
  name,
  arguments: args,
  ...(id ? { id } : {}),
});

/** Arguments cut off mid-JSON, as a model sometimes sends them. */
export const malformedToolCall = (name: string): FakeReply => ({
  toolCalls: [{ name, arguments: '{"transactionIds": ["a0' }],
});

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  private readonly script: FakeReply[] = [];
  private fallback: FakeResponder | null = null;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private port = 0;

  /** The base URL to give ChatOpenAI (`…/v1`). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Completions answered so far (faults included). */
  get completions(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())) ?? resolve());
  }

  /** Replies for the next requests, in order. */
  enqueue(...replies: FakeReply[]): this {
    this.script.push(...replies);
    return this;
  }

  /** What to answer once the script is used up (default: a 500 saying so). */
  otherwise(responder: FakeResponder): this {
    this.fallback = responder;
    return this;
  }

  get pending(): number {
    return this.script.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: ChatRequestBody = {};
    try {
      body = raw ? (JSON.parse(raw) as ChatRequestBody) : {};
    } catch {
      return sendJson(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body };
    this.requests.push(recorded);
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, {
        error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' },
      });
    }
    const reply = this.script.shift() ??
      this.fallback?.(recorded) ?? { status: 500, error: { message: 'fake server: script exhausted' } };
    await this.reply(res, reply, recorded);
  }

  private async reply(res: ServerResponse, reply: FakeReply, req: RecordedRequest): Promise<void> {
    if ('delayMs' in reply) {
      await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed || res.socket?.destroyed) return;
      return this.reply(res, reply.then, req);
    }
    if ('disconnect' in reply) {
      res.socket?.destroy();
      return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify({
          error: { type: 'server_error', code: null, ...(reply.error ?? { message: `fake status ${reply.status}` }) },
        }),
      );
      return;
    }
    if ('rawBody' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply.rawBody);
      return;
    }
    const message =
      'text' in reply
        ? { role: 'assistant', content: reply.text }
        : {
            role: 'assistant',
            content: null,
            tool_calls: reply.toolCalls.map((c, i) => ({
              id: c.id ?? `call_${this.completions.length}_${i}`,
              type: 'function',
              function: {
                name: c.name,
                arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
              },
            })),
          };
    const usage = reply.usage ?? defaultUsage(req.body, message);
    const finish = 'text' in reply ? 'stop' : 'tool_calls';
    const model = req.body.model ?? 'fake-model';
    if (req.body.stream)
      return streamReply(res, message, finish, model, req.body.stream_options?.include_usage ? usage : null);
    sendJson(res, 200, {
      id: `chatcmpl-${this.completions.length}`,
      object: 'chat.completion',
      created: 1_764_000_000,
      model,
      choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }
}

/** Tokens as a quarter of the characters: deterministic, roughly right. */
function defaultUsage(body: ChatRequestBody, message: unknown): FakeUsage {
  return {
    prompt_tokens: Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
    completion_tokens: Math.ceil(JSON.stringify(message).length / 4),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

interface ReplyMessage {
  role: string;
  content: string | null;
  tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
}

function streamReply(
  res: ServerResponse,
  message: ReplyMessage,
  finish: string,
  model: string,
  usage: FakeUsage | null,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: unknown, finishReason: string | null, extra: Record<string, unknown> = {}) =>
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: 1_764_000_000, model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`,
    );
  chunk({ role: 'assistant', content: '' }, null);
  if (message.content) {
    for (const piece of message.content.match(/\S+\s*|\s+/g) ?? []) chunk({ content: piece }, null);
  }
  message.tool_calls?.forEach((call, index) => chunk({ tool_calls: [{ index, ...call }] }, null));
  chunk({}, finish);
  if (usage) {
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: 1_764_000_000, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
}
