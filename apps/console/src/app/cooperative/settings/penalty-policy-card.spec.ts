import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, PenaltyPolicyResponse } from '@kotizo/contracts';
import fr from '../../../../public/i18n/fr.json';
import {
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../../testing/page-testing';
import { PenaltyPolicyCard } from './penalty-policy-card';

const policy = (over: Partial<PenaltyPolicyResponse> = {}): PenaltyPolicyResponse => ({
  enabled: false,
  charge: { kind: 'rate', basisPoints: 200 },
  period: 'month',
  graceDays: 7,
  cap: { kind: 'rate', basisPoints: 2_000 },
  effectiveFrom: null,
  currency: 'XOF',
  ...over,
});

describe('PenaltyPolicyCard', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<PenaltyPolicyCard>;
  let root: HTMLElement;

  async function open(loaded: PenaltyPolicyResponse, me: MeResponse = asRole('admin')) {
    TestBed.configureTestingModule({ imports: [PenaltyPolicyCard, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PenaltyPolicyCard);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    request(backend, 'GET', '/penalty-policy').flush(loaded);
    await settle(fixture);
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.match(() => true));

  const input = (id: string) => byTestId<HTMLInputElement>(root, id);
  async function fill(id: string, value: string) {
    type(input(id), value);
    await settle(fixture);
  }
  async function choose(id: string, option: string) {
    byTestId(root, id).querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
    await settle(fixture);
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    const found = options.find((o) => text(o) === option);
    if (!found) throw new Error(`no option "${option}" in ${options.map((o) => text(o)).join(', ')}`);
    found.click();
    await settle(fixture);
  }
  async function save() {
    byTestId(root, 'penalty-save').click();
    await settle(fixture);
  }
  const saves = () => backend.match((r) => r.method === 'PUT');

  it('says in words what the policy in force does, and since when', async () => {
    await open(
      policy({
        enabled: true,
        charge: { kind: 'fixed', amount: 500 },
        period: 'week',
        graceDays: 3,
        cap: { kind: 'amount', amount: 2_000 },
        effectiveFrom: '2026-11-02',
      }),
    );
    expect(input('penalty-charge-amount').value).toBe('500');
    expect(input('penalty-grace').value).toBe('3');
    expect(input('penalty-cap-amount').value).toBe('2\u202f000');
    expect(text(byTestId(root, 'penalty-summary'))).toBe(
      '500 F CFA par semaine de retard entamée, après 3 jour(s) de grâce, au plus 2 000 F CFA par échéance.',
    );
    expect(text(byTestId(root, 'penalty-effective'))).toBe(
      'En vigueur depuis le 2 nov. 2026 : les périodes de retard commencées avant ne sont pas facturées.',
    );
  });

  it('turns the policy on with the terms typed, sent in basis points, and shows what the API kept', async () => {
    await open(policy());
    expect(text(byTestId(root, 'penalty-summary'))).toBe(`${fr.settings.penalty.summary.off}.`);
    expect(root.querySelector('[data-testid="penalty-effective"]')).toBeNull();
    byTestId(root, 'penalty-enabled').querySelector('button')!.click();
    await settle(fixture);
    expect(input('penalty-charge-rate').value).toBe('2');
    await fill('penalty-charge-rate', '2,5');
    await choose('penalty-period', 'Jour');
    await fill('penalty-grace', '0');
    expect(text(byTestId(root, 'penalty-summary'))).toBe(
      '2,5 % de l’impayé de l’échéance par jour de retard, dès le lendemain de l’échéance, au plus 20 % de l’échéance.',
    );
    await save();
    const [put] = saves();
    expect(put!.request.url).toBe(`/api/v1/coops/${SLUG}/penalty-policy`);
    expect(put!.request.body).toEqual({
      enabled: true,
      charge: { kind: 'rate', basisPoints: 250 },
      period: 'day',
      graceDays: 0,
      cap: { kind: 'rate', basisPoints: 2_000 },
    });
    put!.flush(
      policy({
        enabled: true,
        charge: { kind: 'rate', basisPoints: 250 },
        period: 'day',
        graceDays: 0,
        effectiveFrom: '2026-12-07',
      }),
    );
    await settle(fixture);
    expect(text(byTestId(root, 'penalty-effective'))).toContain('7 déc. 2026');
  });

  it('checks only the fields in use before sending, and puts the API’s refusals on their fields', async () => {
    await open(policy({ enabled: true, effectiveFrom: '2026-11-02' }));
    await choose('penalty-charge-kind', 'Montant fixe');
    await save();
    expect(saves()).toEqual([]);
    expect(text(byTestId(root, 'penalty-policy-form'))).toContain(fr.validation.required);
    await fill('penalty-charge-amount', '500,5');
    expect(text(byTestId(root, 'penalty-policy-form'))).toContain(fr.money.noDecimals);
    await fill('penalty-charge-amount', '500');
    await fill('penalty-cap-rate', '150');
    await save();
    expect(saves()).toEqual([]);
    expect(text(byTestId(root, 'penalty-policy-form'))).toContain(fr.settings.penalty.rate_tooHigh);

    await fill('penalty-cap-rate', '10');
    await save();
    const [put] = saves();
    expect(put!.request.body).toMatchObject({ charge: { kind: 'fixed', amount: 500 }, cap: { basisPoints: 1_000 } });
    put!.flush(
      {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        errors: [
          { field: 'cap.basisPoints', message: 'must be at most 10000 (100 %)' },
          { field: 'charge.kind', message: 'must be fixed or rate' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(text(byTestId(root, 'penalty-policy-error'))).toContain(fr.errors.validation);
    expect(text(byTestId(root, 'penalty-policy-form'))).toContain('must be at most 10000 (100 %)');
  });

  it('shows the policy to a treasurer without letting them change it', async () => {
    await open(policy({ enabled: true, effectiveFrom: '2026-11-02' }), asRole('treasurer'));
    expect(root.querySelector('[data-testid="penalty-save"]')).toBeNull();
    expect(text(byTestId(root, 'penalty-read-only'))).toBe(fr.settings.readOnly);
    expect(input('penalty-charge-rate').disabled).toBe(true);
    expect(input('penalty-grace').disabled).toBe(true);
    expect(text(byTestId(root, 'penalty-summary'))).toContain('2 % de l’impayé');
  });
});
