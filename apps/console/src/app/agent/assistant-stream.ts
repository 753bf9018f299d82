import { Injectable, InjectionToken, inject } from '@angular/core';
import type { AskRequest, AssistantStreamLine } from '@kotizo/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import { Session } from '../core/auth/session';
import { TokenStore } from '../core/auth/token-store';
import { threadMessagesUrl } from './assistant-api';

/** `fetch`, replaceable in tests: HttpClient cannot hand out a body as it arrives. */
export const FETCH = new InjectionToken<typeof fetch>('fetch', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

/**
 * A failed ask: the HTTP status (0 for the network, -1 unexpected), or (200) the `error` line's
 * message, already in the interface language, and its code.
 */
export class AssistantStreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Reads newline-delimited JSON as it arrives: a line may be split across chunks (and a
 * character across bytes), so text is kept until its newline. Blank lines are skipped.
 */
export async function readNdjson(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onLine: (line: AssistantStreamLine) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let pending = '';
  const emit = (raw: string) => {
    const trimmed = raw.trim();
    if (trimmed) onLine(JSON.parse(trimmed) as AssistantStreamLine);
  };
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      emit(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
    if (done) break;
  }
  emit(pending);
}

/**
 * Asks on a conversation and streams the answer (`POST …/threads/:id/messages`). As the HTTP
 * layer does: the bearer token is the one it sends (`TokenStore`), refreshed once on a 401
 * (authInterceptor), and `Accept-Language` is the interface language, so a refusal or an
 * `error` line comes in it (languageInterceptor). Unsubscribing aborts the request.
 */
@Injectable({ providedIn: 'root' })
export class AssistantStream {
  private readonly fetch = inject(FETCH);
  private readonly tokens = inject(TokenStore);
  private readonly session = inject(Session);
  private readonly transloco = inject(TranslocoService);

  ask(slug: string, threadId: string, body: AskRequest): Observable<AssistantStreamLine> {
    return new Observable<AssistantStreamLine>((subscriber) => {
      const abort = new AbortController();
      const run = async () => {
        let response = await this.post(slug, threadId, body, this.tokens.accessToken(), abort.signal);
        if (response.status === 401 && this.tokens.hasSession()) {
          const token = await firstValueFrom(this.session.refreshAccessToken()).catch(() => null);
          if (token) response = await this.post(slug, threadId, body, token, abort.signal);
          if (!token || response.status === 401) this.session.expire();
        }
        if (!response.ok || !response.body) throw new AssistantStreamError(response.status, response.statusText);
        await readNdjson(response.body.getReader(), (line) => {
          if (line.type === 'error') throw new AssistantStreamError(200, line.message, line.code);
          subscriber.next(line);
        });
        subscriber.complete();
      };
      run().catch((error: unknown) => {
        if (abort.signal.aborted) return;
        // fetch fails with a TypeError when the network does; anything else is unexpected.
        const status = error instanceof TypeError ? 0 : -1;
        subscriber.error(
          error instanceof AssistantStreamError ? error : new AssistantStreamError(status, String(error)),
        );
      });
      return () => abort.abort();
    });
  }

  private post(slug: string, threadId: string, body: AskRequest, token: string | null, signal: AbortSignal) {
    return this.fetch(threadMessagesUrl(slug, threadId), {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        'accept-language': this.transloco.getActiveLang(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  }
}
