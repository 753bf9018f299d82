import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { API, byTestId, frenchTransloco, pageProviders, request, settle, text, type } from '../testing/page-testing';
import { MEMBER_ID, aSnooze } from '../testing/rule-check-builders';
import { SnoozeDialog, type SnoozeDialogData } from './snooze-dialog';

const data: SnoozeDialogData = {
  slug: 'femmes-bouake',
  ruleId: 'late-contribution',
  ruleName: 'Cotisation en retard',
  memberId: MEMBER_ID,
  memberName: 'Awa Koné',
  today: '2026-11-25',
};

describe('SnoozeDialog', () => {
  const close = jest.fn();
  let backend: HttpTestingController;

  async function open() {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [SnoozeDialog, frenchTransloco()],
      providers: [
        ...pageProviders(),
        { provide: MatDialogRef, useValue: { close } },
        { provide: MAT_DIALOG_DATA, useValue: data },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SnoozeDialog);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const submit = async (until: string, reason: string) => {
      type(byTestId<HTMLInputElement>(root, 'snooze-until'), until);
      type(byTestId<HTMLTextAreaElement>(root, 'snooze-reason'), reason);
      byTestId(root, 'snooze-submit').click();
      await settle(fixture);
    };
    return { fixture, root, submit };
  }

  afterEach(() => backend.match(() => true));

  it('says what it silences, for a month unless changed', async () => {
    const { root } = await open();
    expect(text(byTestId(root, 'snooze-what'))).toContain('« Cotisation en retard » ne signalera plus Awa Koné');
    expect(byTestId<HTMLInputElement>(root, 'snooze-until').value).toBe('2026-12-25');
  });

  it('wants a date after today and a reason of 3 characters or more', async () => {
    const { root, submit } = await open();
    await submit('', 'Malade');
    expect(root.textContent).toContain('Ce champ est obligatoire.');
    await submit('2026-11-25', 'Malade');
    expect(root.textContent).toContain('Choisissez une date après aujourd’hui.');
    await submit('2026-12-31', '   ');
    expect(root.textContent).toContain('Ce champ est obligatoire.');
    await submit('2026-12-31', 'ok');
    expect(root.textContent).toContain('Au moins 3 caractères.');
    backend.expectNone(`${API}/rules/snoozes`);
    expect(close).not.toHaveBeenCalled();
  });

  it('sends the rule, the member, the date and the trimmed reason, and closes with the snooze', async () => {
    const { fixture, submit } = await open();
    await submit('2026-12-31', '  Malade, paiera en janvier  ');
    const post = request(backend, 'POST', '/rules/snoozes');
    expect(post.request.body).toEqual({
      ruleId: 'late-contribution',
      memberId: data.memberId,
      until: '2026-12-31',
      reason: 'Malade, paiera en janvier',
    });
    post.flush(aSnooze());
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(aSnooze());
  });

  it('shows the API’s word on a field it refused', async () => {
    const { fixture, root, submit } = await open();
    await submit('2026-12-31', 'Malade, paiera en janvier');
    request(backend, 'POST', '/rules/snoozes').flush(
      {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'validation',
        errors: [{ field: 'until', message: 'must be within a year' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(root.textContent).toContain('must be within a year');
    expect(close).not.toHaveBeenCalled();
  });
});
