import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * The investigation and assistant texts live in their own files (`/i18n/agent/{lang}.json`),
 * loaded with the first component that needs them; their keys read `agent.*`.
 */
export const provideAgentTexts = () => provideTranslocoScope('agent');
