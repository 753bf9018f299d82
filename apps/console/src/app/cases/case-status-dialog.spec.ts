import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CaseDetailResponse } from '@kotizo/contracts';
import { Subject } from 'rxjs';
import { byTestId, frenchTransloco, settle, text, type } from '../testing/page-testing';
import { CaseStatusDialog, type CaseStatusDialogData } from './case-status-dialog';
import { CasesApi } from './cases-api';

const openCase = { id: 'case-1', number: 12, status: 'investigating' } as CaseDetailResponse;

describe('CaseStatusDialog', () => {
  const close = jest.fn();
  let replies: Subject<CaseDetailResponse>;
  const setStatus = jest.fn(() => replies.asObservable());

  async function open(current: CaseDetailResponse = openCase) {
    close.mockReset();
    setStatus.mockClear();
    replies = new Subject<CaseDetailResponse>();
    const data: CaseStatusDialogData = { slug: 'femmes-bouake', case: current };
    TestBed.configureTestingModule({
      imports: [CaseStatusDialog, frenchTransloco()],
      providers: [
        provideNoopAnimations(),
        { provide: MatDialogRef, useValue: { close } },
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: CasesApi, useValue: { setStatus } },
      ],
    });
    const fixture = TestBed.createComponent(CaseStatusDialog);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const choose = async (status: string) => {
      byTestId(root, `case-status-option-${status}`).querySelector('input')?.click();
      await settle(fixture);
    };
    const submit = async (note: string) => {
      type(byTestId<HTMLTextAreaElement>(root, 'case-status-note'), note);
      byTestId(root, 'case-status-confirm').click();
      await settle(fixture);
    };
    return { fixture, root, choose, submit };
  }

  it('will not close a case without a note saying why', async () => {
    const { root, choose, submit } = await open();
    await choose('confirmed');
    expect(text(byTestId(root, 'case-status-confirm'))).toBe('Clore le dossier');
    await submit('   ');
    expect(setStatus).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Ce champ est obligatoire.');
    await submit('ok');
    expect(setStatus).not.toHaveBeenCalled();

    await submit('  Cotisation détournée, remboursée le 12  ');
    expect(setStatus).toHaveBeenCalledWith('femmes-bouake', 'case-1', {
      status: 'confirmed',
      note: 'Cotisation détournée, remboursée le 12',
    });
    const updated = { ...openCase, status: 'confirmed' } as CaseDetailResponse;
    replies.next(updated);
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('asks for a status first, and needs no note to put a case back to open', async () => {
    const { root, choose, submit } = await open();
    await submit('');
    expect(setStatus).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Choisissez un statut.');
    await choose('open');
    await submit('');
    expect(setStatus).toHaveBeenCalledWith('femmes-bouake', 'case-1', { status: 'open' });
  });

  it('offers only to reopen a closed case, and explains when another case is open for the same subject', async () => {
    const { fixture, root, choose, submit } = await open({ ...openCase, status: 'false_positive' });
    const options = [...root.querySelectorAll('[data-testid^="case-status-option-"]')].map((o) =>
      o.getAttribute('data-testid'),
    );
    expect(options).toEqual(['case-status-option-open', 'case-status-option-investigating']);
    await choose('investigating');
    await submit('');
    replies.error(
      new HttpErrorResponse({
        status: 409,
        error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'subject_has_open_case' },
      }),
    );
    await settle(fixture);
    expect(close).not.toHaveBeenCalled();
    expect(text(byTestId(root, 'case-status-error'))).toContain('Un autre dossier est déjà ouvert');
  });
});
