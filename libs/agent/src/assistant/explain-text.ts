import type { TransactionResponse } from '@kotizo/contracts';
import type { Locale } from '@kotizo/rules-engine';
import { day, money, plural, quote } from '../analyst/offline-format.js';
import { CHANNEL, KIND, LOAN_STATUS, MEMBER_STATUS, word } from '../analyst/offline-phrases.js';
import { meanAmount } from '../evidence/arithmetic.js';
import type { ExplainSubject, ExplanationRecords } from './explain.js';
import { monthTotals } from './monthly-figures.js';

type Part = { text: string; ids: string[] };

export function explainNotFoundParts(subject: ExplainSubject, l: Locale): Part[] {
  const what =
    subject.kind === 'movement'
      ? { fr: 'Aucun mouvement correspondant n’est visible pour vous.', en: 'No such movement is visible to you.' }
      : subject.kind === 'member-balance'
        ? { fr: 'Aucun membre correspondant n’est visible pour vous.', en: 'No such member is visible to you.' }
        : { fr: 'Aucune donnée de caisse n’est visible pour vous.', en: 'No cash data is visible to you.' };
  return [{ text: what[l], ids: [] }];
}

function line(t: TransactionResponse, l: Locale, currency: string): string {
  const no = l === 'fr' ? 'n°' : 'no.';
  return `${no} ${t.seq} ${word(KIND, t.kind, l)} ${money(t.amount, currency, l)} (${day(t.occurredOn, l)})`;
}

export function explainMovementParts(
  transactionId: string,
  r: ExplanationRecords,
  l: Locale,
  currency: string,
): Part[] {
  const fr = l === 'fr';
  const m = (a: number) => money(a, currency, l);
  const t = r.transactions.find((x) => x.id === transactionId);
  if (!t) return explainNotFoundParts({ kind: 'movement', transactionId }, l);
  const parts: Part[] = [];
  const who = t.memberName ? (fr ? ` de ${quote(t.memberName, l)}` : ` of ${quote(t.memberName, l)}`) : '';
  const ref = t.externalRef ? (fr ? `, réf. ${quote(t.externalRef, l)}` : `, ref. ${quote(t.externalRef, l)}`) : '';
  parts.push({
    text: fr
      ? `Mouvement n° ${t.seq} : ${word(KIND, t.kind, l)}${who} de ${m(t.amount)}, ${t.direction === 1 ? 'entrée' : 'sortie'} de caisse le ${day(t.occurredOn, l)} ${word(CHANNEL, t.channel, l)}${ref}, saisi le ${day(t.recordedAt, l)}.`
      : `Movement no. ${t.seq}: ${word(KIND, t.kind, l)}${who} of ${m(t.amount)}, money ${t.direction === 1 ? 'in' : 'out'} on ${day(t.occurredOn, l)} ${word(CHANNEL, t.channel, l)}${ref}, recorded on ${day(t.recordedAt, l)}.`,
    ids: [t.id],
  });
  if (t.memo)
    parts.push({ text: fr ? `Mémo saisi : ${quote(t.memo, l)}.` : `Memo recorded: ${quote(t.memo, l)}.`, ids: [t.id] });
  const reverses = t.reversesId ? r.transactions.find((x) => x.id === t.reversesId) : undefined;
  if (reverses) {
    parts.push({
      text: fr
        ? `Il annule le mouvement ${line(reverses, l, currency)}.`
        : `It reverses movement ${line(reverses, l, currency)}.`,
      ids: [t.id, reverses.id],
    });
  }
  const reversedBy = t.reversedById ? r.transactions.find((x) => x.id === t.reversedById) : undefined;
  if (reversedBy) {
    const reason = reversedBy.reason
      ? fr
        ? `, motif ${quote(reversedBy.reason, l)}`
        : `, reason ${quote(reversedBy.reason, l)}`
      : '';
    parts.push({
      text: fr
        ? `Il a été annulé par le mouvement ${line(reversedBy, l, currency)}${reason} : il ne compte plus.`
        : `It was reversed by movement ${line(reversedBy, l, currency)}${reason}: it no longer counts.`,
      ids: [t.id, reversedBy.id],
    });
  }
  const member = r.members[0];
  if (member) {
    const usual = r.transactions.filter(
      (x) => x.memberId === member.id && x.kind === t.kind && x.id !== t.id && x.reversedById === null,
    );
    const status = word(MEMBER_STATUS, member.status, l);
    parts.push({
      text:
        usual.length > 0
          ? fr
            ? `${quote(member.fullName, l)} (membre n° ${member.number}, ${status}) : montant moyen de ses ${usual.length} autres mouvements de ce type, ${m(meanAmount(usual.map((x) => x.amount)))}.`
            : `${quote(member.fullName, l)} (member no. ${member.number}, ${status}): mean of their ${usual.length} other movements of this kind, ${m(meanAmount(usual.map((x) => x.amount)))}.`
          : fr
            ? `${quote(member.fullName, l)} (membre n° ${member.number}, ${status}) n’a pas d’autre mouvement de ce type parmi les derniers.`
            : `${quote(member.fullName, l)} (member no. ${member.number}, ${status}) has no other movement of this kind among the latest.`,
      ids: [member.id, ...usual.slice(0, 5).map((x) => x.id)],
    });
  }
  const loan = r.loans[0];
  if (loan) {
    const p = loan.position;
    parts.push({
      text: fr
        ? `Il porte sur le prêt n° ${loan.number} (${m(loan.principal)}, ${word(LOAN_STATUS, loan.status, l)})${p ? ` : reste à payer ${m(p.outstandingTotal)}, ${p.daysPastDue} ${plural(p.daysPastDue, 'jour', 'jours')} de retard` : ''}.`
        : `It concerns loan no. ${loan.number} (${m(loan.principal)}, ${word(LOAN_STATUS, loan.status, l)})${p ? `: still owed ${m(p.outstandingTotal)}, ${p.daysPastDue} ${plural(p.daysPastDue, 'day', 'days')} past due` : ''}.`,
      ids: [loan.id],
    });
  }
  const similar = r.transactions.filter(
    (x) =>
      x.id !== t.id &&
      x.kind === t.kind &&
      x.id !== t.reversesId &&
      x.id !== t.reversedById &&
      (x.externalRef === t.externalRef || x.amount === t.amount) &&
      x.occurredOn === t.occurredOn,
  );
  if (similar.length > 0) {
    parts.push({
      text: fr
        ? `Le même jour, ${similar.length} ${plural(similar.length, 'mouvement semblable', 'mouvements semblables')} : ${similar
            .slice(0, 5)
            .map((x) => line(x, l, currency))
            .join(', ')}. Vérifiez qu’il ne s’agit pas d’un doublon.`
        : `The same day, ${similar.length} similar ${plural(similar.length, 'movement', 'movements')}: ${similar
            .slice(0, 5)
            .map((x) => line(x, l, currency))
            .join(', ')}. Check it is not a duplicate.`,
      ids: similar.slice(0, 5).map((x) => x.id),
    });
  }
  return parts;
}

export function explainMemberParts(memberId: string, r: ExplanationRecords, l: Locale, currency: string): Part[] {
  const fr = l === 'fr';
  const m = (a: number) => money(a, currency, l);
  const member = r.members.find((x) => x.id === memberId);
  if (!member) return explainNotFoundParts({ kind: 'member-balance', memberId }, l);
  const parts: Part[] = [
    {
      text: fr
        ? `${quote(member.fullName, l)}, membre n° ${member.number} (${word(MEMBER_STATUS, member.status, l)}) : épargne ${m(member.savings)}, pénalités ${m(member.penalties)} selon le registre.`
        : `${quote(member.fullName, l)}, member no. ${member.number} (${word(MEMBER_STATUS, member.status, l)}): savings ${m(member.savings)}, penalties ${m(member.penalties)} per the ledger.`,
      ids: [member.id],
    },
  ];
  const sums = monthTotals(r.transactions);
  const kinds = sums.byKind.filter((k) => k.count > 0);
  if (kinds.length > 0) {
    parts.push({
      text: fr
        ? `Sur ses ${sums.movements} derniers mouvements : ${kinds.map((k) => `${word(KIND, k.kind, l)} ${m(k.amount)} (${k.count})`).join(', ')}.`
        : `Over their latest ${sums.movements} movements: ${kinds.map((k) => `${word(KIND, k.kind, l)} ${m(k.amount)} (${k.count})`).join(', ')}.`,
      ids: r.transactions.slice(0, 10).map((t) => t.id),
    });
  }
  const reversed = r.transactions.filter((t) => t.reversedById !== null);
  if (reversed.length > 0) {
    parts.push({
      text: fr
        ? `${reversed.length} ${plural(reversed.length, 'mouvement annulé ne compte', 'mouvements annulés ne comptent')} plus : ${reversed
            .slice(0, 5)
            .map((t) => line(t, l, currency))
            .join(', ')}.`
        : `${reversed.length} reversed ${plural(reversed.length, 'movement no longer counts', 'movements no longer count')}: ${reversed
            .slice(0, 5)
            .map((t) => line(t, l, currency))
            .join(', ')}.`,
      ids: reversed.slice(0, 5).map((t) => t.id),
    });
  }
  const dues = r.dues[0];
  if (dues) {
    parts.push({
      text:
        dues.amountLate > 0
          ? fr
            ? `Cotisations : ${m(dues.amountLate)} en retard au ${day(dues.asOf, l)}.`
            : `Dues: ${m(dues.amountLate)} late on ${day(dues.asOf, l)}.`
          : fr
            ? `Cotisations à jour au ${day(dues.asOf, l)}.`
            : `Dues up to date on ${day(dues.asOf, l)}.`,
      ids: [member.id],
    });
  }
  return parts;
}

export function explainCashParts(asOf: string, r: ExplanationRecords, l: Locale, currency: string): Part[] {
  const fr = l === 'fr';
  const m = (a: number) => money(a, currency, l);
  const b = r.balances;
  if (!b) return explainNotFoundParts({ kind: 'cash', asOf }, l);
  const parts: Part[] = [
    {
      text: fr
        ? `Caisse selon le registre au ${day(asOf, l)} : ${m(b.cash)}. Depuis le début : cotisations ${m(b.contributions)}, recettes ${m(b.income)}, pénalités ${m(b.penalties)}, dépenses ${m(b.expenses)} (les prêts et remboursements comptent aussi).`
        : `Cash per the ledger on ${day(asOf, l)}: ${m(b.cash)}. Since the start: contributions ${m(b.contributions)}, income ${m(b.income)}, penalties ${m(b.penalties)}, expenses ${m(b.expenses)} (loans and repayments count too).`,
      ids: [],
    },
  ];
  const sums = monthTotals(r.transactions);
  parts.push({
    text: fr
      ? `Sur les 30 derniers jours : entrées ${m(sums.cashIn)}, sorties ${m(sums.cashOut)} (${sums.movements} ${plural(sums.movements, 'mouvement', 'mouvements')}).`
      : `Over the last 30 days: money in ${m(sums.cashIn)}, out ${m(sums.cashOut)} (${sums.movements} ${plural(sums.movements, 'movement', 'movements')}).`,
    ids: [],
  });
  const outs = r.transactions
    .filter((t) => t.direction === -1)
    .sort((a, b2) => b2.amount - a.amount || a.seq - b2.seq)
    .slice(0, 3);
  if (outs.length > 0) {
    parts.push({
      text: fr
        ? `Plus grosses sorties : ${outs.map((t) => line(t, l, currency)).join(', ')}.`
        : `Largest payments out: ${outs.map((t) => line(t, l, currency)).join(', ')}.`,
      ids: outs.map((t) => t.id),
    });
  }
  for (const c of r.cases) {
    for (const f of c.findings) {
      parts.push({
        text: fr
          ? `Dossier n° ${c.number}, ${f.ruleName.fr} : ${f.message.fr}`
          : `Case no. ${c.number}, ${f.ruleName.en}: ${f.message.en}`,
        ids: [c.id, f.id],
      });
    }
  }
  if (r.cases.length === 0) {
    parts.push({ text: fr ? 'Aucun dossier ouvert sur la caisse.' : 'No open case about the cash.', ids: [] });
  }
  return parts;
}
