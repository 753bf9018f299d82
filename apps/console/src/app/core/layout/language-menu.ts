import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '../i18n/language';

/** Switches the interface language at run time (French by default). */
@Component({
  selector: 'kz-language-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'language.label' | transloco"
      data-testid="language-menu"
    >
      <mat-icon svgIcon="translate" />
    </button>
    <mat-menu #menu="matMenu">
      @for (lang of language.available; track lang) {
        <button
          mat-menu-item
          type="button"
          [attr.lang]="lang"
          [attr.aria-current]="lang === language.current() ? 'true' : null"
          (click)="language.use(lang)"
          [attr.data-testid]="'language-' + lang"
        >
          @if (lang === language.current()) {
            <mat-icon svgIcon="check" />
          } @else {
            <mat-icon />
          }
          <span>{{ 'language.' + lang | transloco }}</span>
        </button>
      }
    </mat-menu>
  `,
})
export class LanguageMenu {
  protected readonly language = inject(Language);
}
