import { Logger } from '@nestjs/common';
import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  channels: readonly string[];
  /** Called for every NOTIFY on the channels. */
  onNotify: (channel: string, payload: string) => void;
  /** Called after each (re)connection: notifications sent while away are lost, so look for what was missed. */
  onConnect: () => void;
  name: string;
}

const RETRY_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * One dedicated PostgreSQL connection that LISTENs (a pooled connection
 * cannot: LISTEN belongs to the session). Reconnects by itself, with back-off,
 * for as long as it is not stopped.
 */
export class PgListener {
  private readonly logger: Logger;
  private client: pg.Client | null = null;
  private stopped = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgListenerOptions) {
    this.logger = new Logger(options.name);
  }

  /** Resolves once listening (or once the first attempt failed: retries continue in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => this.options.onNotify(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'listening connection lost');
      this.retry(client);
    });
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`listen "${channel}"`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.attempts = 0;
      this.options.onConnect();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not listen; retrying');
      this.retry(client);
    }
  }

  private retry(failed: pg.Client): void {
    if (this.stopped || this.retryTimer || (this.client !== null && this.client !== failed)) return;
    this.client = null;
    failed.removeAllListeners('notification');
    void failed.end().catch(() => undefined);
    const delay = RETRY_MS[Math.min(this.attempts, RETRY_MS.length - 1)]!;
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}
