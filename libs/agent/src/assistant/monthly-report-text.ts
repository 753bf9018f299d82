import type { Locale } from '@kotizo/rules-engine';
import { plural } from '../analyst/offline-format.js';
import { KIND, SEVERITY, word } from '../analyst/offline-phrases.js';
import type { Change } from './monthly-figures.js';
import type { MonthlyReport, MonthlyReportBase } from './monthly-report.js';

interface Fmt {
  money: (amount: number) => string;
  day: (iso: string) => string;
  quote: (text: string) => string;
}

export function monthName(month: string, locale: Locale): string {
  const name = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function percent(change: Change | undefined, locale: Locale): string | null {
  if (!change || change.changeBasisPoints === null) return null;
  const value = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change.changeBasisPoints / 100);
  return locale === 'fr' ? `${value} %` : `${value}%`;
}

/** The offline narrative, sentence by sentence, each with the records it rests on. */
export function monthlyNarrativeParts(r: MonthlyReportBase, l: Locale, f: Fmt): { text: string; ids: string[] }[] {
  const fr = l === 'fr';
  const t = r.totals;
  const parts: { text: string; ids: string[] }[] = [];
  parts.push({
    text: fr
      ? `${monthName(r.month, l)}, ${f.quote(r.cooperative.name)} : ${t.movements} ${plural(t.movements, 'mouvement', 'mouvements')}. Entrées ${f.money(t.cashIn)}, sorties ${f.money(t.cashOut)}, solde du mois ${f.money(t.net)}.`
      : `${monthName(r.month, l)}, ${f.quote(r.cooperative.name)}: ${t.movements} ${plural(t.movements, 'movement', 'movements')}. Money in ${f.money(t.cashIn)}, out ${f.money(t.cashOut)}, net ${f.money(t.net)}.`,
    ids: [],
  });
  const pin = percent(
    r.changes.find((c) => c.key === 'cashIn'),
    l,
  );
  const pout = percent(
    r.changes.find((c) => c.key === 'cashOut'),
    l,
  );
  const prev = monthName(r.previousMonth, l).toLowerCase();
  parts.push({
    text:
      r.previousTotals.movements === 0
        ? fr
          ? `Aucun mouvement en ${prev} : pas de comparaison.`
          : `No movement in ${monthName(r.previousMonth, l)}: nothing to compare with.`
        : fr
          ? `Par rapport à ${prev} : entrées ${pin ?? 'sans base de comparaison'}, sorties ${pout ?? 'sans base de comparaison'}.`
          : `Against ${monthName(r.previousMonth, l)}: money in ${pin ?? 'no basis for comparison'}, out ${pout ?? 'no basis for comparison'}.`,
    ids: [],
  });
  const kinds = t.byKind
    .filter((k) => k.count > 0)
    .map((k) => `${word(KIND, k.kind, l)} ${f.money(k.amount)} (${k.count})`);
  if (kinds.length > 0)
    parts.push({ text: fr ? `Par type : ${kinds.join(', ')}.` : `By kind: ${kinds.join(', ')}.`, ids: [] });
  parts.push({
    text: fr
      ? `Caisse au ${f.day(r.to)} : ${f.money(r.closingBalances.cash)}.`
      : `Cash on ${f.day(r.to)}: ${f.money(r.closingBalances.cash)}.`,
    ids: [],
  });
  const late = r.latePayers;
  if (late.length === 0) {
    parts.push({
      text: fr
        ? `Aucun membre en retard de cotisation au ${f.day(r.to)}.`
        : `No member late on dues on ${f.day(r.to)}.`,
      ids: [],
    });
  } else {
    const listed = late.slice(0, 5).map((p) => `${f.quote(p.fullName)} (${f.money(p.amountLate)})`);
    parts.push({
      text: fr
        ? `${late.length} ${plural(late.length, 'membre en retard', 'membres en retard')} de cotisation pour ${f.money(r.latePayersTotal)} : ${listed.join(', ')}.`
        : `${late.length} ${plural(late.length, 'member', 'members')} late on dues for ${f.money(r.latePayersTotal)}: ${listed.join(', ')}.`,
      ids: late.slice(0, 5).map((p) => p.memberId),
    });
  }
  const oc = r.openCases;
  if (oc.total === 0) {
    parts.push({ text: fr ? 'Aucun dossier ouvert.' : 'No open case.', ids: [] });
  } else {
    const sev = (['critical', 'high', 'medium', 'low'] as const)
      .filter((s) => oc.bySeverity[s] > 0)
      .map((s) => `${word(SEVERITY, s, l)} ${oc.bySeverity[s]}`)
      .join(', ');
    parts.push({
      text: fr
        ? `${oc.total} ${plural(oc.total, 'dossier ouvert', 'dossiers ouverts')} (gravité : ${sev}) ; à traiter d’abord : ${oc.top.map((c) => `n° ${c.number}`).join(', ')}.`
        : `${oc.total} open ${plural(oc.total, 'case', 'cases')} (severity: ${sev}); to handle first: ${oc.top.map((c) => `no. ${c.number}`).join(', ')}.`,
      ids: oc.top.map((c) => c.id),
    });
  }
  if (r.notableFindings.length > 0) {
    const items = r.notableFindings.slice(0, 3).map((x) => `${x.ruleName[l]} (${word(SEVERITY, x.severity, l)})`);
    parts.push({
      text: fr
        ? `Constats notables du mois : ${items.join(' ; ')}.`
        : `Notable findings of the month: ${items.join('; ')}.`,
      ids: r.notableFindings.slice(0, 3).map((x) => x.id),
    });
  }
  return parts;
}

export interface ReportRow {
  section: string;
  item: string;
  /** Raw numbers (minor units) or text; the exporter formats and neutralises. */
  value: string | number;
}

/** The report as rows for the CSV export: section, item, value. */
export function monthlyReportRows(r: MonthlyReport, l: Locale): ReportRow[] {
  const fr = l === 'fr';
  const rows: ReportRow[] = [];
  const s = (x: { fr: string; en: string }) => x[l];
  for (const c of r.changes) {
    const item =
      c.key === 'cashIn'
        ? s({ fr: 'Entrées', en: 'Money in' })
        : c.key === 'cashOut'
          ? s({ fr: 'Sorties', en: 'Money out' })
          : c.key === 'net'
            ? s({ fr: 'Solde du mois', en: 'Net' })
            : word(KIND, c.key, l);
    rows.push({ section: s({ fr: `Totaux ${r.month}`, en: `Totals ${r.month}` }), item, value: c.current });
    rows.push({
      section: s({ fr: `Totaux ${r.previousMonth}`, en: `Totals ${r.previousMonth}` }),
      item,
      value: c.previous,
    });
    rows.push({
      section: s({ fr: 'Variation (points de base)', en: 'Change (basis points)' }),
      item,
      value: c.changeBasisPoints ?? '',
    });
  }
  rows.push({ section: s({ fr: 'Caisse', en: 'Cash' }), item: r.to, value: r.closingBalances.cash });
  for (const p of r.latePayers)
    rows.push({
      section: s({ fr: 'Retards de cotisation', en: 'Late dues' }),
      item: `${p.number} ${p.fullName}`,
      value: p.amountLate,
    });
  for (const c of r.openCases.top)
    rows.push({
      section: s({ fr: 'Dossiers ouverts', en: 'Open cases' }),
      item: `${fr ? 'n°' : 'no.'} ${c.number}`,
      value: c.severity,
    });
  for (const x of r.notableFindings)
    rows.push({
      section: s({ fr: 'Constats notables', en: 'Notable findings' }),
      item: x.ruleName[l],
      value: x.message[l],
    });
  rows.push({
    section: s({ fr: 'Commentaire', en: 'Narrative' }),
    item: r.narrative.author.model,
    value: r.narrative.text,
  });
  return rows;
}
