import { HttpTestingController } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import agentFr from '../../../../public/i18n/agent/fr.json';
import fr from '../../../../public/i18n/fr.json';
import ruleChecksFr from '../../../../public/i18n/rule-checks/fr.json';
import { AssistantPage } from '../../agent/assistant-page';
import { ExplainLink } from '../../agent/explain-link';
import { InvestigationPanel } from '../../agent/investigation-panel';
import { MonthlyReportPrintPage } from '../../agent/monthly-report-print-page';
import { MovementVerdict } from '../../ledger/movement-verdict';
import { FindingSnooze } from '../../rules/finding-snooze';
import { SnoozeDialog } from '../../rules/snooze-dialog';
import { SnoozeList } from '../../rules/snooze-list';
import { aMonthlyReport, anInvestigation } from '../../testing/agent-builders';
import { API, SLUG, pageProviders, settle } from '../../testing/page-testing';
import { MEMBER_ID, aFinding, aSnooze, aVerdict } from '../../testing/rule-check-builders';

/**
 * The feature texts are Transloco scopes, loaded only by components that provide their scope.
 * Nothing is preloaded here (unlike the other specs): a component that forgot its scope shows
 * raw keys, and this fails.
 */
const lazyTransloco = () =>
  TranslocoTestingModule.forRoot({
    langs: { fr, 'agent/fr': agentFr, 'rule-checks/fr': ruleChecksFr },
    translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
    preloadLangs: false,
  });

const ai = {
  mode: 'offline',
  model: 'offline-analyst',
  describe: { fr: 'Hors ligne', en: 'Offline' },
  budget: { month: '2026-11', usedTokens: 0, limitTokens: null },
};

async function render<T>(
  component: Type<T>,
  inputs: Record<string, unknown>,
  replies: Record<string, unknown> = {},
  providers: unknown[] = [],
): Promise<string> {
  TestBed.configureTestingModule({
    imports: [component, lazyTransloco()],
    providers: [...pageProviders(), ...(providers as never[])],
  });
  const backend = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await settle(fixture);
  for (const [path, body] of Object.entries(replies)) {
    for (const r of backend.match((req) => req.url === `${API}${path}`)) r.flush(body as object);
  }
  await settle(fixture);
  backend.match(() => true);
  return (fixture.nativeElement as HTMLElement).textContent ?? '';
}

const RAW_KEY = /\b(agent|ruleChecks)\.[a-zA-Z]/;

describe('translation scopes', () => {
  it.each([
    [
      'InvestigationPanel',
      () =>
        render(
          InvestigationPanel,
          { slug: SLUG, caseId: 'case-1' },
          { '/cases/case-1/investigations': [anInvestigation()], '/ai': ai },
        ),
      'Lancer l’enquête',
    ],
    ['AssistantPage', () => render(AssistantPage, { slug: SLUG }, { '/ai': ai }), 'Expliquer'],
    [
      'MonthlyReportPrintPage',
      () =>
        render(
          MonthlyReportPrintPage,
          { slug: SLUG, month: '2026-10' },
          { '/assistant/monthly-report': aMonthlyReport() },
        ),
      'Totaux du mois',
    ],
    ['ExplainLink', () => render(ExplainLink, { slug: SLUG, transactionId: 't-1' }), 'Demander une explication'],
    [
      'MovementVerdict',
      () =>
        render(
          MovementVerdict,
          { slug: SLUG, transactionId: 't-1', lang: 'fr' },
          { '/transactions/t-1/verdict': aVerdict() },
        ),
      'Voir le dossier',
    ],
    [
      'SnoozeList',
      () => render(SnoozeList, { slug: SLUG, lang: 'fr' }, { '/rules/snoozes': [aSnooze()] }),
      'Règles suspendues',
    ],
    [
      'FindingSnooze',
      () =>
        render(FindingSnooze, {
          slug: SLUG,
          lang: 'fr',
          finding: aFinding(),
        }),
      'Suspendre cette règle',
    ],
    [
      'SnoozeDialog',
      () =>
        render(SnoozeDialog, {}, {}, [
          { provide: MatDialogRef, useValue: { close: jest.fn() } },
          {
            provide: MAT_DIALOG_DATA,
            useValue: {
              slug: SLUG,
              ruleId: 'r',
              ruleName: 'R',
              memberId: MEMBER_ID,
              memberName: 'Awa',
              today: '2026-11-25',
            },
          },
        ]),
      'Motif',
    ],
  ])('loads its texts for %s', async (_name, show, expected) => {
    const shown = await show();
    expect(shown).not.toMatch(RAW_KEY);
    expect(shown).toContain(expected);
  });
});
