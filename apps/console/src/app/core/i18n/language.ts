import { DOCUMENT } from '@angular/common';
import type { HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { firstValueFrom } from 'rxjs';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from '@kotizo/domain';

const LANGUAGE_KEY = 'kotizo.language';

export function isSupportedLanguage(value: string | null | undefined): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? '');
}

/** The interface language: French by default, switched at run time and remembered. */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly available = SUPPORTED_LOCALES;
  readonly current = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  /**
   * Loads the language before the first render, so no raw keys flash and components that
   * cache a label (mat-select's trigger) start with the translated text.
   */
  async init(): Promise<void> {
    const stored = this.stored();
    const lang = isSupportedLanguage(stored) ? stored : DEFAULT_LOCALE;
    try {
      await firstValueFrom(this.transloco.load(lang));
    } catch {
      // Shown with keys (and retried on the next switch) rather than not at all.
    }
    this.use(lang);
  }

  use(lang: SupportedLocale): void {
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Not remembered across reloads then.
    }
  }

  private stored(): string | null {
    try {
      return localStorage.getItem(LANGUAGE_KEY);
    } catch {
      return null;
    }
  }
}

/** Tells the API which language its messages should be in. */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/')) return next(req);
  const lang = inject(TranslocoService).getActiveLang();
  return next(req.clone({ setHeaders: { 'Accept-Language': lang } }));
};
