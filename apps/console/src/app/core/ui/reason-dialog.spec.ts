import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import fr from '../../../../public/i18n/fr.json';
import { ReasonDialog, type ReasonDialogData } from './reason-dialog';

describe('ReasonDialog', () => {
  const close = jest.fn();

  async function open(data: Partial<ReasonDialogData>) {
    TestBed.configureTestingModule({
      imports: [
        ReasonDialog,
        TranslocoTestingModule.forRoot({
          langs: { fr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        { provide: MatDialogRef, useValue: { close } },
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            titleKey: 'journal.reverse.title',
            messageKey: 'journal.reverse.message',
            confirmKey: 'journal.reverse.confirm',
            required: true,
            ...data,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ReasonDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const type = async (text: string) => {
      const field = root.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]');
      if (!field) throw new Error('no reason field');
      field.value = text;
      field.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')?.click();
      await fixture.whenStable();
    };
    return { root, type };
  }

  it('refuses to confirm a required reason that is blank or too short, then closes with it trimmed', async () => {
    const { root, type } = await open({ required: true });
    await type('   ');
    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Ce champ est obligatoire.');
    await type('ok');
    expect(close).not.toHaveBeenCalled();
    await type('  Erreur de saisie  ');
    expect(close).toHaveBeenCalledWith('Erreur de saisie');
  });

  it('confirms without a reason when it is optional (the form is submitted in place, not posted)', async () => {
    const { type } = await open({ required: false });
    await type('');
    expect(close).toHaveBeenCalledWith('');
  });
});
