import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aRuleSet } from '../testing/audit-builders';
import { SLUG, byTestId, frenchTransloco, pageProviders, request, settle, text } from '../testing/page-testing';
import { aSnooze } from '../testing/rule-check-builders';
import { SnoozeList } from './snooze-list';

describe('SnoozeList', () => {
  let backend: HttpTestingController;

  async function open(canEdit = true) {
    TestBed.configureTestingModule({ imports: [SnoozeList, frenchTransloco()], providers: pageProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SnoozeList);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('lang', 'fr');
    fixture.componentRef.setInput('ruleSet', aRuleSet());
    fixture.componentRef.setInput('canEdit', canEdit);
    await settle(fixture);
    request(backend, 'GET', '/rules/snoozes').flush([
      aSnooze({ id: 's-lifted', until: '2099-03-01', liftedAt: '2026-11-20T10:00:00.000Z' }),
      aSnooze({ id: 's-old', until: '2020-01-31' }),
      aSnooze({ id: 's-1', ruleId: 'large-withdrawal', until: '2099-01-31' }),
    ]);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    return { fixture, root };
  }

  afterEach(() => backend.match(() => true));

  const states = (root: HTMLElement) =>
    [...root.querySelectorAll('[data-testid="snooze-row"]')].map((row) => row.getAttribute('data-state'));

  it('lists the snoozes in force first, by rule name, with their reason', async () => {
    const { root } = await open();
    expect(states(root)).toEqual(['active', 'expired', 'lifted']);
    const first = byTestId(root, 'snooze-row');
    expect(text(first)).toContain('Retrait inhabituel · Awa Koné');
    expect(text(first)).toContain('Malade, paiera en janvier');
    expect(root.querySelectorAll('[data-testid="snooze-lift"]')).toHaveLength(1);
  });

  it('lifts a snooze in force', async () => {
    const { fixture, root } = await open();
    byTestId(root, 'snooze-lift').click();
    await settle(fixture);
    request(backend, 'POST', '/rules/snoozes/s-1/lift').flush(
      aSnooze({ id: 's-1', ruleId: 'large-withdrawal', until: '2099-01-31', liftedAt: '2026-11-25T12:00:00.000Z' }),
    );
    await settle(fixture);
    expect(states(root)).toEqual(['expired', 'lifted', 'lifted']);
    expect(root.querySelector('[data-testid="snooze-lift"]')).toBeNull();
  });

  it('offers no lift to those who only read the rules', async () => {
    const { root } = await open(false);
    expect(root.querySelectorAll('[data-testid="snooze-row"]')).toHaveLength(3);
    expect(root.querySelector('[data-testid="snooze-lift"]')).toBeNull();
  });
});
