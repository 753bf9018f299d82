import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RecordTransactionRequest, TransactionResponse } from '@kotizo/contracts';
import { SubmissionKey, newIdempotencyKey } from '../core/http/idempotency';
import { LedgerApi } from './ledger-api';

const url = '/api/v1/coops/femmes-bouake/transactions';
const contribution: RecordTransactionRequest = {
  kind: 'contribution',
  memberId: '6f1c2b0e-8d1a-4c55-9a57-3d7f0c1e2a10',
  amount: 5000,
  channel: 'cash',
};
const recorded = { id: 't-1', seq: 1 } as TransactionResponse;
const networkDown = new ProgressEvent('error');

describe('LedgerApi idempotency', () => {
  let api: LedgerApi;
  let backend: HttpTestingController;
  let counter: number;
  let submission: SubmissionKey;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(LedgerApi);
    backend = TestBed.inject(HttpTestingController);
    counter = 0;
    submission = new SubmissionKey(() => `key-${++counter}`);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  const keyOf = (request: { request: { headers: { get(name: string): string | null } } }) =>
    request.request.headers.get('Idempotency-Key');

  it('sends the same key when the user retries a submission that failed', () => {
    const errors: number[] = [];
    api
      .record('femmes-bouake', contribution, submission)
      .subscribe({ error: (e: { status: number }) => errors.push(e.status) });
    const first = backend.expectOne(url);
    expect(first.request.method).toBe('POST');
    expect(keyOf(first)).toBe('key-1');
    first.flush(
      { status: 500, title: 'Server error', type: 'about:blank', code: 'x' },
      { status: 500, statusText: 'Error' },
    );
    expect(errors).toEqual([500]);

    // "Retry": the first request may have been recorded before the server failed.
    api.record('femmes-bouake', { ...contribution }, submission).subscribe();
    const retry = backend.expectOne(url);
    expect(keyOf(retry)).toBe('key-1');
    retry.flush(recorded, { status: 201, statusText: 'Created' });
  });

  it('uses a new key once a submission went through, or when the form changed', () => {
    api.record('femmes-bouake', contribution, submission).subscribe();
    backend.expectOne(url).flush(recorded);

    // The same amount for the same member again is a second contribution, not a replay.
    api.record('femmes-bouake', contribution, submission).subscribe({ error: () => undefined });
    const second = backend.expectOne(url);
    expect(keyOf(second)).toBe('key-2');
    second.flush(
      { type: 'about:blank', title: 'Invalid', status: 422, code: 'member_exited' },
      { status: 422, statusText: 'Unprocessable' },
    );

    api.record('femmes-bouake', { ...contribution, amount: 6000 }, submission).subscribe({ error: () => undefined });
    expect(keyOf(backend.expectOne(url))).toBe('key-3');
  });

  it('re-sends the request itself, with the same key, after a network failure', () => {
    jest.useFakeTimers();
    let result: TransactionResponse | undefined;
    api.record('femmes-bouake', contribution, submission).subscribe((r) => (result = r));
    backend.expectOne(url).error(networkDown, { status: 0 });

    jest.advanceTimersByTime(1000);
    const second = backend.expectOne(url);
    expect(keyOf(second)).toBe('key-1');
    // The first attempt is still being processed on the server.
    second.flush(
      { type: 'about:blank', title: 'Conflict', status: 409, code: 'idempotency_in_flight' },
      { status: 409, statusText: 'Conflict' },
    );

    jest.advanceTimersByTime(2000);
    const third = backend.expectOne(url);
    expect(keyOf(third)).toBe('key-1');
    third.flush(recorded, { status: 201, statusText: 'Created' });
    expect(result).toEqual(recorded);
  });

  it('does not re-send a refused request (the same body would be refused again)', () => {
    jest.useFakeTimers();
    let status: number | undefined;
    api
      .record('femmes-bouake', contribution, submission)
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    backend
      .expectOne(url)
      .flush(
        { type: 'about:blank', title: 'Invalid', status: 422, code: 'validation_failed' },
        { status: 422, statusText: 'Unprocessable' },
      );
    jest.advanceTimersByTime(5000);
    backend.expectNone(url);
    expect(status).toBe(422);
  });

  it('keys a reversal by the entry it reverses', () => {
    api
      .reverse('femmes-bouake', 't-1', { reason: 'Erreur de saisie' }, submission)
      .subscribe({ error: () => undefined });
    const first = backend.expectOne(`${url}/t-1/reversal`);
    expect(keyOf(first)).toBe('key-1');
    first.flush(
      { type: 'about:blank', title: 'Bad gateway', status: 400, code: 'x' },
      { status: 400, statusText: 'Bad' },
    );

    api.reverse('femmes-bouake', 't-2', { reason: 'Erreur de saisie' }, submission).subscribe();
    expect(keyOf(backend.expectOne(`${url}/t-2/reversal`))).toBe('key-2');
  });
});

describe('newIdempotencyKey', () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a random UUID v4, even where crypto.randomUUID is missing (plain HTTP)', () => {
    const first = newIdempotencyKey();
    expect(first).toMatch(v4);
    expect(newIdempotencyKey()).not.toBe(first);

    const randomUUID = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const fallback = newIdempotencyKey();
      expect(fallback).toMatch(v4);
      expect(newIdempotencyKey()).not.toBe(fallback);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
