import type { TransactionResponse } from '@kotizo/contracts';
import type { Locale } from '@kotizo/rules-engine';
import { NO_USAGE } from '../budget/token-budget.js';
import { type Evidence, flaggedTransactionIds, transactionsOf } from '../evidence/evidence.js';
import { figureValue } from '../evidence/figures.js';
import { callKey } from '../evidence/read-tools.js';
import type { RequestedToolCall } from '../evidence/tool-call.js';
import { RISK_LEVELS, type ReportClaim, type ReportDraft, type RiskLevel } from '../report/report-schema.js';
import type { Analyst, AnalystTurn, InvestigationContext } from './analyst.js';
import { day, decimal, money, plural, quote } from './offline-format.js';
import {
  CHANNEL,
  DECISION_ACTION,
  FALLBACK_ACTION,
  KIND,
  LOAN_STATUS,
  MEMBER_STATUS,
  RULE_ACTIONS,
  SEVERITY,
  word,
} from './offline-phrases.js';

export const OFFLINE_MODEL = 'offline-analyst';

/** Rules where movements like the flagged one are the heart of the matter. */
const REPEAT_RULES = new Set(['duplicate-within-24h', 'same-external-reference', 'round-amount-structuring']);
const MAX_SIMILAR_SEARCHES = 3;
const MAX_LISTED = 5;

/**
 * The analyst that needs no AI service: it asks for the evidence a careful
 * auditor would (similar movements, dues, loans and borrowers), then writes
 * the report from templates over that evidence, in French or English.
 * Deterministic: the same evidence gives the same report, word for word.
 * Text from the records only ever appears quoted.
 */
export class OfflineAnalyst implements Analyst {
  readonly mode = 'offline' as const;
  readonly model = OFFLINE_MODEL;

  async investigate(ctx: InvestigationContext): Promise<AnalystTurn> {
    if (ctx.mayCallTools && !ctx.repair) {
      const calls = plannedCalls(ctx);
      if (calls.length > 0) return { kind: 'tools', calls, usage: NO_USAGE };
    }
    return { kind: 'draft', draft: offlineDraft(ctx), usage: NO_USAGE };
  }
}

// ---------------------------------------------------------------- planning

function plannedCalls(ctx: InvestigationContext): RequestedToolCall[] {
  const e = ctx.evidence;
  const wanted: { name: string; args: Record<string, unknown> }[] = [];
  const flagged = flaggedTransactionIds(e).filter((id) => e.transactions[id]);
  const question = ctx.question?.toLowerCase() ?? '';
  const asks = (re: RegExp) => ctx.question !== null && re.test(question);
  const subjectMember = e.case?.subject.type === 'member' ? e.case.subject.id : null;

  const similarCount = asks(/semblable|similaire|similar|doublon|duplicate|r[ée]f[ée]rence/)
    ? MAX_LISTED
    : MAX_SIMILAR_SEARCHES;
  for (const id of flagged.slice(0, similarCount))
    wanted.push({ name: 'find_similar_movements', args: { transactionId: id } });

  const members = new Set<string>(subjectMember ? [subjectMember] : []);
  for (const t of transactionsOf(e, flagged)) if (t.memberId) members.add(t.memberId);
  for (const m of members) {
    if (!e.members[m]) wanted.push({ name: 'get_member', args: { memberId: m } });
    wanted.push({ name: 'get_member_dues', args: { memberId: m } });
  }

  const loans = new Set<string>();
  if (e.case?.subject.type === 'loan' && e.case.subject.id) loans.add(e.case.subject.id);
  for (const t of transactionsOf(e, flagged)) if (t.loanId) loans.add(t.loanId);
  for (const l of loans) wanted.push({ name: 'get_loan', args: { loanId: l } });
  for (const loan of Object.values(e.loans)) {
    wanted.push({ name: 'get_member', args: { memberId: loan.memberId } });
    if (asks(/garant|guarant/))
      for (const g of loan.guarantorIds) wanted.push({ name: 'get_member', args: { memberId: g } });
  }

  // the other side of a reversal
  const links = transactionsOf(e, flagged)
    .flatMap((t) => [t.reversesId, t.reversedById])
    .filter((x): x is string => !!x && !e.transactions[x]);
  if (links.length > 0) wanted.push({ name: 'get_transactions', args: { transactionIds: links } });

  const done = new Set(ctx.toolCalls.map((c) => callKey(c.name, c.args)));
  const seen = new Set<string>();
  const fresh = wanted.filter((w) => {
    const key = callKey(w.name, w.args);
    if (done.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return fresh.map((w, i) => ({ id: `offline-${ctx.toolCalls.length + i + 1}`, ...w }));
}

// ---------------------------------------------------------------- the report

interface Writer {
  ctx: InvestigationContext;
  e: Evidence;
  l: Locale;
  m: (amount: number) => string;
}

function offlineDraft(ctx: InvestigationContext): ReportDraft {
  const w: Writer = { ctx, e: ctx.evidence, l: ctx.locale, m: (a) => money(a, ctx.cooperative.currency, ctx.locale) };
  const claims: ReportClaim[] = [
    ...findingClaims(w),
    ...movementClaims(w),
    ...memberClaims(w),
    ...loanClaims(w),
    ...duesClaims(w),
    ...similarClaims(w),
    ...questionClaims(w),
  ];
  return { summary: summary(w), riskLevel: riskLevel(w), claims, recommendedActions: actions(w) };
}

function summary({ e, l }: Writer): string {
  const c = e.case;
  if (!c) return l === 'fr' ? 'Dossier introuvable.' : 'Case not found.';
  const n = c.findings.length;
  const subject = c.subject.label ? ` (${quote(c.subject.label, l)})` : '';
  const first = c.findings[0];
  const lead = first ? ` ${first.ruleName[l]}${l === 'fr' ? ' :' : ':'} ${first.message[l]}` : '';
  return l === 'fr'
    ? `Dossier n° ${c.number}${subject} : ${n} ${plural(n, 'constat', 'constats')}, gravité ${word(SEVERITY, c.severity, l)}.${lead}`
    : `Case no. ${c.number}${subject}: ${n} ${plural(n, 'finding', 'findings')}, ${word(SEVERITY, c.severity, l)} severity.${lead}`;
}

function findingClaims({ e, l }: Writer): ReportClaim[] {
  return (e.case?.findings ?? []).map((f) => {
    const held = f.held.map((h) => h.text[l]).join(l === 'fr' ? ' ; ' : '; ');
    const times = f.occurrences > 1 ? (l === 'fr' ? ` (${f.occurrences} fois)` : ` (${f.occurrences} times)`) : '';
    const text =
      l === 'fr'
        ? `Règle « ${f.ruleName.fr} » (version ${f.ruleVersion}), période ${f.period}${times} : ${f.message.fr}${held ? ` Conditions remplies : ${held}.` : ''}`
        : `Rule “${f.ruleName.en}” (version ${f.ruleVersion}), period ${f.period}${times}: ${f.message.en}${held ? ` Conditions met: ${held}.` : ''}`;
    return { text, citedIds: [f.id, ...f.transactionIds.filter((id) => e.transactions[id])] };
  });
}

function describeMovement(t: TransactionResponse, { l, m, e }: Writer): string {
  const kind = word(KIND, t.kind, l);
  const ref = t.externalRef
    ? l === 'fr'
      ? `, réf. ${quote(t.externalRef, l)}`
      : `, ref. ${quote(t.externalRef, l)}`
    : '';
  const who = t.memberName ? (l === 'fr' ? ` de ${quote(t.memberName, l)}` : ` of ${quote(t.memberName, l)}`) : '';
  const memo = t.memo ? (l === 'fr' ? ` Mémo : ${quote(t.memo, l)}.` : ` Memo: ${quote(t.memo, l)}.`) : '';
  const reversedBy = t.reversedById ? e.transactions[t.reversedById] : undefined;
  const reversed = t.reversedById
    ? l === 'fr'
      ? ` Annulé depuis${reversedBy ? ` par le mouvement n° ${reversedBy.seq}` : ''}.`
      : ` Since reversed${reversedBy ? ` by movement no. ${reversedBy.seq}` : ''}.`
    : '';
  return l === 'fr'
    ? `Mouvement n° ${t.seq} : ${kind}${who} de ${m(t.amount)} le ${day(t.occurredOn, l)} ${word(CHANNEL, t.channel, l)}${ref}, saisi le ${day(t.recordedAt, l)}.${memo}${reversed}`
    : `Movement no. ${t.seq}: ${kind}${who} of ${m(t.amount)} on ${day(t.occurredOn, l)} ${word(CHANNEL, t.channel, l)}${ref}, recorded on ${day(t.recordedAt, l)}.${memo}${reversed}`;
}

function movementClaims(w: Writer): ReportClaim[] {
  const flagged = transactionsOf(w.e, flaggedTransactionIds(w.e));
  const claims = flagged.slice(0, MAX_LISTED).map((t) => ({
    text: describeMovement(t, w),
    citedIds: [t.id, ...(t.reversedById && w.e.transactions[t.reversedById] ? [t.reversedById] : [])],
  }));
  const total = figureValue(w.ctx.figures, 'flagged.total');
  if (flagged.length > 1 && total !== undefined) {
    claims.push({
      text:
        w.l === 'fr'
          ? `Les ${flagged.length} mouvements signalés totalisent ${w.m(total)}.`
          : `The ${flagged.length} flagged movements total ${w.m(total)}.`,
      citedIds: flagged.map((t) => t.id),
    });
  }
  return claims;
}

/** The member the case is about: its subject, or the borrower of the loan it is about. */
function subjectMember(e: Evidence) {
  const subject = e.case?.subject;
  if (!subject?.id) return undefined;
  if (subject.type === 'member') return e.members[subject.id];
  if (subject.type === 'loan') {
    const borrower = e.loans[subject.id]?.memberId;
    return borrower ? e.members[borrower] : undefined;
  }
  return undefined;
}

function memberClaims(w: Writer): ReportClaim[] {
  const { e, l, m, ctx } = w;
  const member = subjectMember(e);
  if (!member) return [];
  const reason = member.statusReason
    ? l === 'fr'
      ? `, motif ${quote(member.statusReason, l)}`
      : `, reason ${quote(member.statusReason, l)}`
    : '';
  const claims: ReportClaim[] = [
    {
      text:
        l === 'fr'
          ? `Membre n° ${member.number} ${quote(member.fullName, l)}, ${word(MEMBER_STATUS, member.status, l)}${reason}, membre depuis le ${day(member.joinedOn, l)} : épargne ${m(member.savings)}, pénalités ${m(member.penalties)}.`
          : `Member no. ${member.number} ${quote(member.fullName, l)}, ${word(MEMBER_STATUS, member.status, l)}${reason}, member since ${day(member.joinedOn, l)}: savings ${m(member.savings)}, penalties ${m(member.penalties)}.`,
      citedIds: [member.id],
    },
  ];
  const count = figureValue(ctx.figures, 'history.sameKind.count');
  const mean = figureValue(ctx.figures, 'history.sameKind.mean');
  const times = figureValue(ctx.figures, 'flagged.timesMean');
  const sources = ctx.figures.find((f) => f.key === 'history.sameKind.mean')?.sources ?? [];
  const kind = transactionsOf(e, flaggedTransactionIds(e)).find((t) => t.memberId === member.id)?.kind;
  if (count !== undefined && mean !== undefined && kind) {
    const k = word(KIND, kind, l);
    const ratioText =
      times !== undefined
        ? l === 'fr'
          ? ` ; le mouvement signalé en vaut ${decimal(times, l)} fois`
          : `; the flagged movement is ${decimal(times, l)} times that`
        : '';
    claims.push({
      text:
        l === 'fr'
          ? `Sur ses ${count} autres mouvements « ${k} » lus, le montant moyen est de ${m(mean)}${ratioText}.`
          : `Over their ${count} other “${k}” movements read, the mean amount is ${m(mean)}${ratioText}.`,
      citedIds: [member.id, ...sources.filter((s) => s !== member.id).slice(0, 10)],
    });
  } else if (kind) {
    claims.push({
      text:
        l === 'fr'
          ? `Aucun autre mouvement « ${word(KIND, kind, l)} » de ce membre parmi ceux lus : pas de base de comparaison.`
          : `No other “${word(KIND, kind, l)}” movement of this member among those read: nothing to compare with.`,
      citedIds: [member.id],
    });
  }
  return claims;
}

function loanClaims({ e, l, m, ctx }: Writer): ReportClaim[] {
  return Object.values(e.loans).map((loan) => {
    const p = loan.position;
    const status = word(LOAN_STATUS, loan.status, l);
    const position = p
      ? l === 'fr'
        ? ` Au ${day(p.asOf, l)} : reste à payer ${m(p.outstandingTotal)}, arriérés ${m(p.arrears)}, ${p.daysPastDue} ${plural(p.daysPastDue, 'jour', 'jours')} de retard, déjà remboursé ${m(p.paid)}.`
        : ` As of ${day(p.asOf, l)}: still owed ${m(p.outstandingTotal)}, arrears ${m(p.arrears)}, ${p.daysPastDue} ${plural(p.daysPastDue, 'day', 'days')} past due, repaid ${m(p.paid)}.`
      : '';
    const times = figureValue(ctx.figures, `loan.${loan.number}.principalToSavings`);
    const ratioText =
      times !== undefined
        ? l === 'fr'
          ? ` Le capital vaut ${decimal(times, l)} fois l’épargne de l’emprunteur.`
          : ` The principal is ${decimal(times, l)} times the borrower’s savings.`
        : '';
    const borrower = e.members[loan.memberId];
    const text =
      l === 'fr'
        ? `Prêt n° ${loan.number} à ${quote(loan.memberName, l)} : ${m(loan.principal)} en ${loan.installments} échéances, ${status}.${position}${ratioText}`
        : `Loan no. ${loan.number} to ${quote(loan.memberName, l)}: ${m(loan.principal)} in ${loan.installments} installments, ${status}.${position}${ratioText}`;
    return { text, citedIds: [loan.id, ...(borrower && times !== undefined ? [borrower.id] : [])] };
  });
}

function duesClaims({ e, l, m }: Writer): ReportClaim[] {
  return Object.values(e.dues).map((dues) => {
    const member = e.members[dues.memberId];
    const who = member ? quote(member.fullName, l) : l === 'fr' ? 'du membre' : 'the member';
    const late = dues.periods.filter((p) => p.status === 'late').length;
    const text =
      dues.amountDue === 0 && dues.amountLate === 0
        ? l === 'fr'
          ? `Cotisations de ${who} : à jour au ${day(dues.asOf, l)}.`
          : `Dues of ${who}: up to date as of ${day(dues.asOf, l)}.`
        : l === 'fr'
          ? `Cotisations de ${who} au ${day(dues.asOf, l)} : ${m(dues.amountDue)} dues, dont ${m(dues.amountLate)} en retard sur ${late} ${plural(late, 'période', 'périodes')}.`
          : `Dues of ${who} as of ${day(dues.asOf, l)}: ${m(dues.amountDue)} owed, of which ${m(dues.amountLate)} late over ${late} ${plural(late, 'period', 'periods')}.`;
    return { text, citedIds: [dues.memberId] };
  });
}

function similarClaims(w: Writer): ReportClaim[] {
  const { e, l } = w;
  return Object.entries(e.similar).flatMap(([id, similar]) => {
    const t = e.transactions[id];
    if (!t) return [];
    if (similar.length === 0) {
      return [
        {
          text:
            l === 'fr'
              ? `Aucun mouvement semblable au mouvement n° ${t.seq} dans la coopérative aux alentours de sa date.`
              : `No movement like movement no. ${t.seq} in the cooperative around its date.`,
          citedIds: [id],
        },
      ];
    }
    const listed = transactionsOf(e, similar).slice(0, MAX_LISTED);
    const sameMember = listed.filter((s) => s.memberId !== null && s.memberId === t.memberId).length;
    const no = l === 'fr' ? 'n°' : 'no.';
    const items = listed.map((s) => `${no} ${s.seq} (${w.m(s.amount)}, ${day(s.occurredOn, l)})`).join(', ');
    const text =
      l === 'fr'
        ? `${similar.length} ${plural(similar.length, 'mouvement semblable', 'mouvements semblables')} au mouvement n° ${t.seq}, dont ${sameMember} du même membre : ${items}.`
        : `${similar.length} ${plural(similar.length, 'movement', 'movements')} like movement no. ${t.seq}, ${sameMember} of them by the same member: ${items}.`;
    return [{ text, citedIds: [id, ...listed.map((s) => s.id)] }];
  });
}

function questionClaims({ ctx, e, l }: Writer): ReportClaim[] {
  if (ctx.question === null || !e.case) return [];
  const read = ctx.toolCalls.filter(
    (c) => c.by === 'analyst' && (c.status === 'ok' || c.status === 'not_found'),
  ).length;
  return [
    {
      text:
        l === 'fr'
          ? `Question de l’auditeur : ${quote(ctx.question, l)}. L’analyste hors ligne n’interprète pas le texte libre : il a relu les pièces que la question désigne (${read} ${plural(read, 'lecture', 'lectures')} en tout) et ce rapport les reprend.`
          : `The auditor’s question: ${quote(ctx.question, l)}. The offline analyst does not interpret free text: it read again the records the question points to (${read} ${plural(read, 'read', 'reads')} in all) and this report includes them.`,
      citedIds: [e.case.id],
    },
  ];
}

/** The case's severity, one level up when the evidence makes it worse. */
function riskLevel({ e, ctx }: Writer): RiskLevel {
  const c = e.case;
  if (!c) return 'low';
  const base = RISK_LEVELS.indexOf(c.severity);
  const member = subjectMember(e);
  const inactive = member !== undefined && member.status !== 'active';
  const longLate = Object.values(e.loans).some((loan) => (loan.position?.daysPastDue ?? 0) > 30);
  const repeats =
    c.findings.some((f) => REPEAT_RULES.has(f.ruleId)) && (figureValue(ctx.figures, 'similar.sameMember') ?? 0) > 0;
  const worse = inactive || longLate || repeats ? 1 : 0;
  return RISK_LEVELS[Math.min(base + worse, RISK_LEVELS.length - 1)] ?? c.severity;
}

function actions({ e, l }: Writer): string[] {
  const ruleIds = [...new Set((e.case?.findings ?? []).map((f) => f.ruleId))];
  const specific = ruleIds.map((id) => RULE_ACTIONS[id]?.[l] ?? FALLBACK_ACTION[l]);
  return [...new Set(specific), DECISION_ACTION[l]];
}
