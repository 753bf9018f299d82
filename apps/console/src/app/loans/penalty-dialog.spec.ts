import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { InstallmentView, LoanResponse } from '@kotizo/contracts';
import { Subject } from 'rxjs';
import fr from '../../../public/i18n/fr.json';
import { LoansApi } from './loans-api';
import { PenaltyDialog, type PenaltyDialogData } from './penalty-dialog';
import { isPenalizable } from './schedule-table';

const installment: InstallmentView = {
  number: 2,
  dueDate: '2026-10-01',
  principal: 10_000,
  interest: 500,
  penalty: 0,
  total: 10_500,
  status: 'late',
  paid: 0,
  remaining: 10_500,
};
const loan = { id: 'l-1', number: 7, currency: 'XOF', status: 'disbursed', schedule: [installment] } as LoanResponse;

describe('PenaltyDialog', () => {
  const close = jest.fn();
  let replies: Subject<LoanResponse>;
  const assessPenalty = jest.fn(() => replies.asObservable());

  async function open() {
    close.mockReset();
    assessPenalty.mockClear();
    replies = new Subject<LoanResponse>();
    const data: PenaltyDialogData = { slug: 'femmes-bouake', loan, installment, borrower: 'Awa Koné', lang: 'fr' };
    TestBed.configureTestingModule({
      imports: [
        PenaltyDialog,
        TranslocoTestingModule.forRoot({
          langs: { fr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        { provide: MatDialogRef, useValue: { close } },
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: LoansApi, useValue: { assessPenalty } },
      ],
    });
    const fixture = TestBed.createComponent(PenaltyDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const fill = async (amount: string, reason: string) => {
      const amountField = root.querySelector<HTMLInputElement>('[data-testid="penalty-amount"]');
      const reasonField = root.querySelector<HTMLTextAreaElement>('[data-testid="penalty-reason"]');
      if (!amountField || !reasonField) throw new Error('no penalty fields');
      amountField.value = amount;
      amountField.dispatchEvent(new Event('input'));
      reasonField.value = reason;
      reasonField.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('[data-testid="penalty-confirm"]')?.click();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { root, fill, fixture };
  }

  it('refuses a missing amount, an amount with decimals in XOF and a blank reason', async () => {
    const { root, fill } = await open();
    await fill('', '   ');
    expect(assessPenalty).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Ce champ est obligatoire.');
    await fill('1 500,5', 'Retard de paiement');
    expect(assessPenalty).not.toHaveBeenCalled();
    expect(root.textContent).toContain(fr.money.noDecimals);
    await fill('1 500', 'ok');
    expect(assessPenalty).not.toHaveBeenCalled();
  });

  it('sends the amount in minor units and the trimmed reason, then closes with the updated loan', async () => {
    const { fill } = await open();
    await fill('2 500', '  Retard de deux semaines ');
    expect(assessPenalty).toHaveBeenCalledWith('femmes-bouake', 'l-1', {
      installmentNumber: 2,
      amount: 2_500,
      reason: 'Retard de deux semaines',
    });
    const updated = { ...loan, schedule: [{ ...installment, penalty: 2_500 }] };
    replies.next(updated);
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('shows the server’s field errors and does not close', async () => {
    const { root, fill, fixture } = await open();
    await fill('2 500', 'Retard de paiement');
    replies.error(
      new HttpErrorResponse({
        status: 422,
        error: {
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          errors: [
            { field: 'amount', message: 'must be at most 1000' },
            { field: 'installmentNumber', message: 'is not late' },
          ],
        },
      }),
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('must be at most 1000');
    expect(root.querySelector('[data-testid="penalty-installment-error"]')?.textContent).toContain('is not late');
    expect(root.querySelector('[data-testid="penalty-error"]')).not.toBeNull();
  });
});

describe('isPenalizable', () => {
  it('offers a penalty on a late installment that still owes something only', () => {
    expect(isPenalizable({ ...installment })).toBe(true);
    expect(isPenalizable({ ...installment, status: 'partial' })).toBe(false);
    expect(isPenalizable({ ...installment, status: 'late', remaining: 0 })).toBe(false);
    expect(isPenalizable({ number: 1, dueDate: '2026-10-01', principal: 1, interest: 0, total: 1 })).toBe(false);
  });
});
