import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * Texts of the snoozes and of a movement's verdict, in their own files
 * (`/i18n/rule-checks/{lang}.json`), loaded with the first component that needs them; their
 * keys read `ruleChecks.*`.
 */
export const provideRuleCheckTexts = () => provideTranslocoScope('rule-checks');
