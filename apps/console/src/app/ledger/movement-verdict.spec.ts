import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@kotizo/contracts';
import {
  API,
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
} from '../testing/page-testing';
import { aVerdict } from '../testing/rule-check-builders';
import { MovementVerdict } from './movement-verdict';

describe('MovementVerdict', () => {
  let backend: HttpTestingController;

  async function open(me: MeResponse = asRole('auditor')) {
    TestBed.configureTestingModule({ imports: [MovementVerdict, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MovementVerdict);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('transactionId', 't-1');
    fixture.componentRef.setInput('lang', 'fr');
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.match(() => true));

  it('shows each rule that fired, with its severity, its words and the case it opened', async () => {
    const { fixture, root } = await open();
    request(backend, 'GET', '/transactions/t-1/verdict').flush(aVerdict());
    await settle(fixture);
    const hits = [...root.querySelectorAll('[data-testid="verdict-hit"]')];
    expect(hits.map((hit) => hit.getAttribute('data-rule-id'))).toEqual(['large-withdrawal', 'night-entry']);
    expect(text(hits[0].querySelector('kz-status-chip'))).toBe('Élevée');
    expect(text(hits[0])).toContain('Retrait inhabituel');
    expect(text(hits[0])).toContain('Retrait de 150 000 F CFA, 3 fois la moyenne');
    expect(byTestId(hits[0] as HTMLElement, 'verdict-case').getAttribute('href')).toBe('/c/femmes-bouake/cases/case-1');
    expect(hits[1].querySelector('[data-testid="verdict-case"]')).toBeNull();
  });

  it('says when no rule fired, and when the rules have not looked yet', async () => {
    const { fixture, root } = await open(asRole('treasurer'));
    request(backend, 'GET', '/transactions/t-1/verdict').flush(aVerdict({ hits: [] }));
    await settle(fixture);
    expect(root.querySelector('[data-testid="verdict-clean"]')).not.toBeNull();

    TestBed.resetTestingModule();
    const pending = await open();
    request(backend, 'GET', '/transactions/t-1/verdict').flush(
      { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(pending.fixture);
    expect(pending.root.querySelector('[data-testid="verdict-pending"]')).not.toBeNull();
    expect(pending.root.querySelector('[data-testid="load-error"]')).toBeNull();
  });

  it('is neither asked for nor shown for those who cannot read cases', async () => {
    const { root } = await open(asRole('secretary'));
    backend.expectNone(`${API}/transactions/t-1/verdict`);
    expect(root.querySelector('[data-testid="verdict"]')).toBeNull();
    expect(root.querySelector('[data-testid="verdict-hit"]')).toBeNull();
  });
});
