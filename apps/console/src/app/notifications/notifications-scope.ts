import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * Texts of the bell, the notifications page and the messages page, in their own files
 * (`/i18n/notifications/{lang}.json`), loaded with the first component that needs them; their
 * keys read `notifications.*`.
 */
export const provideNotificationTexts = () => provideTranslocoScope('notifications');
