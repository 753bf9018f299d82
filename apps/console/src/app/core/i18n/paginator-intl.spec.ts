import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';
import { TranslocoPaginatorIntl } from './paginator-intl';

describe('TranslocoPaginatorIntl', () => {
  it('labels the paginator in the active language and follows a switch', () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr, en },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [TranslocoPaginatorIntl],
    });
    const intl = TestBed.inject(TranslocoPaginatorIntl);
    const changes = jest.fn();
    intl.changes.subscribe(changes);

    expect(intl.itemsPerPageLabel).toBe('Par page :');
    expect(intl.getRangeLabel(1, 10, 25)).toBe('11 – 20 sur 25');

    TestBed.inject(TranslocoService).setActiveLang('en');
    expect(intl.itemsPerPageLabel).toBe('Per page:');
    expect(intl.getRangeLabel(2, 10, 25)).toBe('21 – 25 of 25');
    expect(intl.getRangeLabel(0, 10, 0)).toBe('0 of 0');
    expect(changes).toHaveBeenCalled();
  });
});
