import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FindingResponse, MeResponse } from '@kotizo/contracts';
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
  type,
} from '../testing/page-testing';
import { MEMBER_ID, aFinding, aSnooze } from '../testing/rule-check-builders';
import { FindingSnooze } from './finding-snooze';

const aboutMember = aFinding();

describe('FindingSnooze', () => {
  let backend: HttpTestingController;

  async function open(f: FindingResponse = aboutMember, me: MeResponse = asRole('auditor')) {
    TestBed.configureTestingModule({ imports: [FindingSnooze, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FindingSnooze);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('finding', f);
    fixture.componentRef.setInput('lang', 'fr');
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.match(() => true));

  it('silences the rule for the member through the dialog, then says until when', async () => {
    const { fixture, root } = await open();
    byTestId(root, 'snooze-open').click();
    await settle(fixture);
    const dialog = document.querySelector('kz-snooze-dialog') as HTMLElement;
    expect(text(byTestId(dialog, 'snooze-what'))).toContain('Awa Koné');
    type(byTestId<HTMLInputElement>(dialog, 'snooze-until'), '2099-01-31');
    type(byTestId<HTMLTextAreaElement>(dialog, 'snooze-reason'), 'Malade, paiera en janvier');
    byTestId(dialog, 'snooze-submit').click();
    await settle(fixture);

    const post = request(backend, 'POST', '/rules/snoozes');
    expect(post.request.body).toMatchObject({ ruleId: 'late-contribution', memberId: MEMBER_ID, until: '2099-01-31' });
    post.flush(aSnooze({ until: '2099-01-31' }));
    await settle(fixture);
    expect(text(byTestId(root, 'snooze-done'))).toBe('Règle suspendue pour ce membre jusqu’au 31 janv. 2099.');
    expect(root.querySelector('[data-testid="snooze-open"]')).toBeNull();
  });

  it('is offered only on a finding about a member, to those who keep the rules', async () => {
    expect((await open(aboutMember, asRole('treasurer'))).root.querySelector('[data-testid="snooze-open"]')).toBeNull();
    TestBed.resetTestingModule();
    const loan = aFinding({ subject: { type: 'loan', id: 'l-1', label: 'Prêt n° 4' } });
    expect((await open(loan)).root.querySelector('[data-testid="snooze-open"]')).toBeNull();
    backend.expectNone(`${API}/rules/snoozes`);
  });
});
