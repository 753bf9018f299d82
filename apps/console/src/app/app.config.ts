import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling, withRouterConfig } from '@angular/router';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideTransloco } from '@jsverse/transloco';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@kotizo/domain';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth-interceptor';
import { HttpTranslocoLoader } from './core/i18n/transloco-loader';
import { Language, languageInterceptor } from './core/i18n/language';
import { TranslocoPaginatorIntl } from './core/i18n/paginator-intl';
import { provideIcons } from './core/ui/icons';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      // Child pages (e.g. users) read the parent's :slug.
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    // ngx-charts (dashboards) still animates through @angular/animations; loaded on first use.
    provideAnimationsAsync(),
    provideHttpClient(withInterceptors([languageInterceptor, authInterceptor])),
    provideTransloco({
      config: {
        availableLangs: [...SUPPORTED_LOCALES],
        defaultLang: DEFAULT_LOCALE,
        fallbackLang: DEFAULT_LOCALE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: HttpTranslocoLoader,
    }),
    { provide: MatPaginatorIntl, useClass: TranslocoPaginatorIntl },
    provideIcons(),
    provideAppInitializer(() => inject(Language).init()),
  ],
};
