import type { Localized } from '@kotizo/rules-engine';
import { KIND, word } from '../analyst/offline-phrases.js';
import { meanAmount, ratio, sumAmounts } from './arithmetic.js';
import { type Evidence, flaggedTransactionIds, transactionsOf } from './evidence.js';

/**
 * Figures are computed here, in code, and handed to the model (and to the
 * offline analyst) ready-made: a model never adds up money itself. Each
 * figure names the records it was computed from.
 */
export type FigureUnit = 'amount' | 'count' | 'days' | 'ratio';

export interface Figure {
  /** Stable key: `flagged.total`, `loan.12.arrears`. */
  key: string;
  value: number;
  unit: FigureUnit;
  label: Localized;
  /** Ids of the records the figure comes from. */
  sources: string[];
}

const fig = (key: string, value: number, unit: FigureUnit, label: Localized, sources: readonly string[]): Figure => ({
  key,
  value,
  unit,
  label,
  sources: [...new Set(sources)],
});

export function computeFigures(evidence: Evidence): Figure[] {
  return [
    ...findingFigures(evidence),
    ...flaggedFigures(evidence),
    ...memberFigures(evidence),
    ...loanFigures(evidence),
    ...duesFigures(evidence),
    ...similarFigures(evidence),
  ];
}

export function figureValue(figures: readonly Figure[], key: string): number | undefined {
  return figures.find((f) => f.key === key)?.value;
}

function findingFigures(evidence: Evidence): Figure[] {
  const findings = evidence.case?.findings ?? [];
  if (findings.length === 0) return [];
  const ids = findings.map((f) => f.id);
  return [
    fig('findings.count', findings.length, 'count', { fr: 'Constats du dossier', en: 'Findings in the case' }, ids),
    fig(
      'findings.occurrences',
      findings.reduce((n, f) => n + f.occurrences, 0),
      'count',
      { fr: 'Occurrences des constats', en: 'Occurrences of the findings' },
      ids,
    ),
  ];
}

function flaggedFigures(evidence: Evidence): Figure[] {
  const flagged = transactionsOf(evidence, flaggedTransactionIds(evidence));
  if (flagged.length === 0) return [];
  const ids = flagged.map((t) => t.id);
  const amounts = flagged.map((t) => t.amount);
  return [
    fig('flagged.count', flagged.length, 'count', { fr: 'Mouvements signalés', en: 'Flagged movements' }, ids),
    fig(
      'flagged.total',
      sumAmounts(amounts),
      'amount',
      { fr: 'Total des mouvements signalés', en: 'Total of the flagged movements' },
      ids,
    ),
    fig(
      'flagged.largest',
      Math.max(...amounts),
      'amount',
      { fr: 'Plus grand mouvement signalé', en: 'Largest flagged movement' },
      ids,
    ),
  ];
}

/** The case's member: savings, and how the flagged movement compares with their usual movements of its kind. */
function memberFigures(evidence: Evidence): Figure[] {
  const subject = evidence.case?.subject;
  const member = subject?.type === 'member' && subject.id ? evidence.members[subject.id] : undefined;
  if (!member) return [];
  const figures = [
    fig('member.savings', member.savings, 'amount', { fr: 'Épargne du membre', en: 'Member’s savings' }, [member.id]),
    fig('member.penalties', member.penalties, 'amount', { fr: 'Pénalités du membre', en: 'Member’s penalties' }, [
      member.id,
    ]),
  ];
  const flaggedIds = new Set(flaggedTransactionIds(evidence));
  const flagged = transactionsOf(evidence, [...flaggedIds]).filter((t) => t.memberId === member.id);
  const kind = flagged[0]?.kind;
  if (!kind) return figures;
  const usual = transactionsOf(evidence, evidence.memberMovements[member.id] ?? []).filter(
    (t) => t.kind === kind && !flaggedIds.has(t.id) && t.reversedById === null,
  );
  if (usual.length === 0) return figures;
  const mean = meanAmount(usual.map((t) => t.amount));
  const usualIds = usual.map((t) => t.id);
  figures.push(
    fig(
      'history.sameKind.count',
      usual.length,
      'count',
      {
        fr: `Autres mouvements « ${word(KIND, kind, 'fr')} » du membre`,
        en: `Member’s other “${word(KIND, kind, 'en')}” movements`,
      },
      usualIds,
    ),
    fig(
      'history.sameKind.mean',
      mean,
      'amount',
      { fr: `Montant moyen de ces mouvements`, en: `Mean amount of those movements` },
      usualIds,
    ),
  );
  const largest = Math.max(...flagged.map((t) => t.amount));
  const times = ratio(largest, mean);
  if (times !== null) {
    figures.push(
      fig(
        'flagged.timesMean',
        times,
        'ratio',
        { fr: 'Mouvement signalé / montant moyen', en: 'Flagged movement / mean amount' },
        [...flagged.map((t) => t.id), ...usualIds],
      ),
    );
  }
  return figures;
}

function loanFigures(evidence: Evidence): Figure[] {
  return Object.values(evidence.loans).flatMap((loan) => {
    const k = `loan.${loan.number}`;
    const figures = [
      fig(
        `${k}.principal`,
        loan.principal,
        'amount',
        { fr: `Capital du prêt n° ${loan.number}`, en: `Principal of loan no. ${loan.number}` },
        [loan.id],
      ),
    ];
    const p = loan.position;
    if (p) {
      figures.push(
        fig(
          `${k}.outstandingTotal`,
          p.outstandingTotal,
          'amount',
          { fr: `Reste à payer sur le prêt n° ${loan.number}`, en: `Still owed on loan no. ${loan.number}` },
          [loan.id],
        ),
        fig(
          `${k}.arrears`,
          p.arrears,
          'amount',
          { fr: `Arriérés du prêt n° ${loan.number}`, en: `Arrears on loan no. ${loan.number}` },
          [loan.id],
        ),
        fig(
          `${k}.daysPastDue`,
          p.daysPastDue,
          'days',
          { fr: `Jours de retard du prêt n° ${loan.number}`, en: `Days past due on loan no. ${loan.number}` },
          [loan.id],
        ),
        fig(
          `${k}.paid`,
          p.paid,
          'amount',
          { fr: `Déjà remboursé sur le prêt n° ${loan.number}`, en: `Repaid on loan no. ${loan.number}` },
          [loan.id],
        ),
      );
    }
    const borrower = evidence.members[loan.memberId];
    const times = borrower ? ratio(loan.principal, borrower.savings) : null;
    if (borrower && times !== null) {
      figures.push(
        fig(
          `${k}.principalToSavings`,
          times,
          'ratio',
          {
            fr: `Capital du prêt n° ${loan.number} / épargne de l’emprunteur`,
            en: `Principal of loan no. ${loan.number} / borrower’s savings`,
          },
          [loan.id, borrower.id],
        ),
      );
    }
    return figures;
  });
}

function duesFigures(evidence: Evidence): Figure[] {
  return Object.values(evidence.dues).flatMap((dues) => {
    const member = evidence.members[dues.memberId];
    const k = `dues.${member?.number ?? dues.memberId}`;
    const who = member
      ? { fr: ` du membre n° ${member.number}`, en: ` of member no. ${member.number}` }
      : { fr: '', en: '' };
    const late = dues.periods.filter((p) => p.status === 'late');
    return [
      fig(`${k}.amountDue`, dues.amountDue, 'amount', { fr: `Cotisations dues${who.fr}`, en: `Dues owed${who.en}` }, [
        dues.memberId,
      ]),
      fig(
        `${k}.amountLate`,
        dues.amountLate,
        'amount',
        { fr: `Cotisations en retard${who.fr}`, en: `Late dues${who.en}` },
        [dues.memberId],
      ),
      fig(
        `${k}.latePeriods`,
        late.length,
        'count',
        { fr: `Périodes en retard${who.fr}`, en: `Late periods${who.en}` },
        [dues.memberId],
      ),
    ];
  });
}

function similarFigures(evidence: Evidence): Figure[] {
  const entries = Object.entries(evidence.similar);
  if (entries.length === 0) return [];
  const ids = [...new Set(entries.flatMap(([, similar]) => similar))];
  const flaggedMembers = new Set(entries.map(([id]) => evidence.transactions[id]?.memberId).filter((m) => m));
  const sameMember = ids.filter((id) => flaggedMembers.has(evidence.transactions[id]?.memberId ?? null));
  return [
    fig(
      'similar.count',
      ids.length,
      'count',
      { fr: 'Mouvements semblables dans la coopérative', en: 'Similar movements in the cooperative' },
      ids,
    ),
    fig(
      'similar.sameMember',
      sameMember.length,
      'count',
      { fr: 'Dont du même membre', en: 'Of which by the same member' },
      sameMember,
    ),
  ];
}
