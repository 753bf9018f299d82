import type { BalancesResponse, FindingResponse } from '@kotizo/contracts';
import { addMonths, daysInMonth } from '@kotizo/domain';
import type { Locale } from '@kotizo/rules-engine';
import type { TextWriter } from '../analyst/analyst.js';
import { day, money, quote } from '../analyst/offline-format.js';
import type { TokenBudget } from '../budget/token-budget.js';
import { type Clock, systemClock } from '../clock.js';
import { AgentError } from '../errors.js';
import { sumAmounts } from '../evidence/arithmetic.js';
import type { RecordKind } from '../evidence/evidence.js';
import type { AssistantPorts } from '../ports/assistant-ports.js';
import { type CheckContext, knownNumbers } from '../report/claim-checker.js';
import { citedFromParts, type CitedText } from './cited-text.js';
import { writeChecked, type WrittenText } from './checked-writing.js';
import {
  type Change,
  changes,
  monthTotals,
  type MonthTotals,
  notableFindings,
  openCasesView,
  type OpenCasesView,
} from './monthly-figures.js';
import { monthlyNarrativeParts } from './monthly-report-text.js';

export interface LatePayer {
  memberId: string;
  number: number;
  fullName: string;
  amountLate: number;
  latePeriods: number;
}

/** The monthly report: every number computed here, in code; only the narrative is written. */
export interface MonthlyReport {
  month: string;
  previousMonth: string;
  from: string;
  to: string;
  locale: Locale;
  cooperative: { id: string; name: string; currency: string };
  totals: MonthTotals;
  previousTotals: MonthTotals;
  changes: Change[];
  /** At the end of the month. */
  closingBalances: BalancesResponse;
  /** Members late on their dues at the end of the month, most owed first. */
  latePayers: LatePayer[];
  latePayersTotal: number;
  openCases: OpenCasesView;
  notableFindings: FindingResponse[];
  narrative: WrittenText;
  generatedAt: string;
}

export interface MonthlyReportOptions {
  ports: AssistantPorts;
  /** `YYYY-MM`. */
  month: string;
  locale: Locale;
  /** The model's writer; null or absent: the offline templates write the narrative. */
  writer?: TextWriter | null;
  budget?: TokenBudget;
  clock?: Clock;
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

export function monthBounds(month: string): { from: string; to: string; previousMonth: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const mm = Number(m?.[2]);
  if (!m || mm < 1 || mm > 12) {
    throw new AgentError(
      'AGENT_INVALID_CONFIG',
      { fr: `Mois invalide : ${month} (AAAA-MM attendu)`, en: `Invalid month: ${month} (expected YYYY-MM)` },
      false,
    );
  }
  const from = `${month}-01`;
  return {
    from,
    to: `${month}-${String(daysInMonth(year, mm)).padStart(2, '0')}`,
    previousMonth: addMonths(from, -1).slice(0, 7),
  };
}

export async function monthlyReport(options: MonthlyReportOptions): Promise<MonthlyReport> {
  const { ports, month, locale } = options;
  const clock = options.clock ?? systemClock;
  const { from, to, previousMonth } = monthBounds(month);
  const prev = monthBounds(previousMonth);
  const [movements, previousMovements, closingBalances, dues, cases, findings] = await Promise.all([
    ports.listMovements({ from, to }),
    ports.listMovements({ from: prev.from, to: prev.to }),
    ports.getBalances(to),
    ports.getDuesOverview(to),
    ports.listOpenCases(),
    ports.listFindings({ from, to }),
  ]);
  const totals = monthTotals(movements);
  const previousTotals = monthTotals(previousMovements);
  const latePayers = dues.members
    .filter((m) => m.amountLate > 0)
    .sort((a, b) => b.amountLate - a.amountLate || a.number - b.number)
    .map(({ memberId, number, fullName, amountLate, latePeriods }) => ({
      memberId,
      number,
      fullName,
      amountLate,
      latePeriods,
    }));
  const base = {
    month,
    previousMonth,
    from,
    to,
    locale,
    cooperative: { id: ports.cooperative.id, name: ports.cooperative.name, currency: ports.cooperative.currency },
    totals,
    previousTotals,
    changes: changes(totals, previousTotals),
    closingBalances,
    latePayers,
    latePayersTotal: sumAmounts(latePayers.map((p) => p.amountLate)),
    openCases: openCasesView(cases),
    notableFindings: notableFindings(findings),
  };
  const ctx = monthlyCheckContext(base);
  const data = {
    cooperative: base.cooperative,
    month,
    previousMonth,
    totals,
    previousTotals,
    changes: base.changes,
    closingBalances,
    latePayers: latePayers.slice(0, 10),
    latePayersCount: latePayers.length,
    latePayersTotal: base.latePayersTotal,
    openCases: {
      ...base.openCases,
      top: base.openCases.top.map((c) => ({
        id: c.id,
        number: c.number,
        severity: c.severity,
        subject: c.subject,
        ruleIds: c.ruleIds,
        openedAt: c.openedAt,
      })),
    },
    notableFindings: base.notableFindings.map((f) => ({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message[locale],
      subject: f.subject,
      occurrences: f.occurrences,
    })),
  };
  const narrative = await writeChecked(
    {
      locale,
      description: 'write the narrative of the monthly report of the cooperative from the figures given.',
      request: `Write the narrative of the report for ${month}: totals and changes against ${previousMonth}, closing cash, late payers, open cases, notable findings. Use the figures as given.`,
      data,
    },
    ctx,
    () => offlineNarrative(base, locale, ctx),
    {
      writer: options.writer,
      budget: options.budget,
      cooperativeId: ports.cooperative.id,
      purpose: `monthly-report:${month}`,
      clock,
      onToken: options.onToken,
      signal: options.signal,
    },
  );
  return { ...base, narrative, generatedAt: clock.now().toISOString() };
}

export type MonthlyReportBase = Omit<MonthlyReport, 'narrative' | 'generatedAt'>;
type ReportBase = MonthlyReportBase;

function monthlyCheckContext(r: ReportBase): CheckContext {
  const citable = new Map<string, RecordKind>();
  for (const p of r.latePayers) citable.set(p.memberId, 'member');
  for (const c of r.openCases.top) citable.set(c.id, 'case');
  for (const f of r.notableFindings) citable.set(f.id, 'finding');
  return { citable, numbers: knownNumbers(r, [], r.cooperative.currency) };
}

function offlineNarrative(r: ReportBase, locale: Locale, ctx: CheckContext): CitedText {
  return citedFromParts(
    monthlyNarrativeParts(r, locale, {
      money: (a) => money(a, r.cooperative.currency, locale),
      day: (d) => day(d, locale),
      quote: (t) => quote(t, locale),
    }),
    ctx,
  );
}
