import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MeResponse, MemberResponse } from '@kotizo/contracts';
import fr from '../../../public/i18n/fr.json';
import { CurrentCooperative } from '../core/abilities/current-cooperative';
import { Session } from '../core/auth/session';
import { provideIcons } from '../core/ui/icons';
import { aMembership, aUser } from '../testing/builders';
import { RecordPage } from './record-page';

const awa = {
  id: '6f1c2b0e-8d1a-4c55-9a57-3d7f0c1e2a10',
  number: 1,
  fullName: 'Awa Koné',
  phone: '+2250701020304',
  status: 'active',
} as MemberResponse;
const url = '/api/v1/coops/femmes-bouake/transactions';

describe('RecordPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        RecordPage,
        TranslocoTestingModule.forRoot({
          langs: { fr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideIcons(),
        {
          provide: Session,
          useValue: { me: signal<MeResponse>(aUser({ memberships: [aMembership({ role: 'treasurer' })] })) },
        },
        { provide: CurrentCooperative, useValue: { slug: signal('femmes-bouake') } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function openFor(member: MemberResponse) {
    const fixture = TestBed.createComponent(RecordPage);
    fixture.componentRef.setInput('slug', 'femmes-bouake');
    fixture.componentRef.setInput('kind', 'contribution');
    fixture.componentRef.setInput('memberId', member.id);
    await fixture.whenStable();
    backend.expectOne(`/api/v1/coops/femmes-bouake/members/${member.id}`).flush(member);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => {
      const element = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!element) throw new Error(`no ${id}`);
      return element;
    };
    const click = async (id: string) => {
      byTestId(id).click();
      await fixture.whenStable();
    };
    return { fixture, root, byTestId, click };
  }

  it('asks in plain words, then records once even when the user taps twice or retries after an error', async () => {
    const { fixture, byTestId, click } = await openFor(awa);
    const amount = byTestId('record-amount') as HTMLInputElement;
    amount.value = '5 000';
    amount.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click('record-continue');
    expect(byTestId('record-question').textContent?.replace(/\s/g, ' ').trim()).toBe(
      'Enregistrer une cotisation de 5 000 F CFA pour Awa Koné ?',
    );

    // A double tap sends one request.
    await click('record-confirm-button');
    await click('record-confirm-button');
    const first = backend.expectOne(url);
    expect(first.request.body).toEqual({ kind: 'contribution', memberId: awa.id, amount: 5000, channel: 'cash' });
    const key = first.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.flush({ type: 'about:blank', title: 'Error', status: 500, code: 'x' }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(byTestId('record-error').textContent).toContain('Erreur du serveur');

    // "Réessayer": the same key, so a first attempt that did go through is not recorded twice.
    expect(byTestId('record-confirm-button').textContent?.trim()).toBe('Réessayer');
    await click('record-confirm-button');
    const retry = backend.expectOne(url);
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    retry.flush({ id: 't-1', seq: 12 }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    // Back to an empty form, ready for the next member.
    expect((byTestId('record-amount') as HTMLInputElement).value).toBe('');
  });

  it('refuses a fraction of a franc before anything is sent', async () => {
    const { fixture, root, byTestId, click } = await openFor(awa);
    const amount = byTestId('record-amount') as HTMLInputElement;
    amount.value = '15,5';
    amount.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click('record-continue');
    expect(root.textContent).toContain('Pas de centimes dans cette devise');
    backend.expectNone(url);
  });
});
