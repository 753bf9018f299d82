import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * Texts of the dashboards, exports and federation overview, in their own files
 * (`/i18n/dashboards/{lang}.json`), loaded with the first component that needs them; their keys
 * read `dashboards.*`.
 */
export const provideDashboardTexts = () => provideTranslocoScope('dashboards');
