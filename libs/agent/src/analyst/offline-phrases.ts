import type { Locale, Localized } from '@kotizo/rules-engine';

/** Words of the offline analyst's templates, in French and English. */

export const KIND: Record<string, Localized> = {
  contribution: { fr: 'cotisation', en: 'contribution' },
  loan_disbursement: { fr: 'décaissement de prêt', en: 'loan disbursement' },
  repayment: { fr: 'remboursement', en: 'repayment' },
  penalty: { fr: 'pénalité', en: 'penalty' },
  expense: { fr: 'dépense', en: 'expense' },
  income: { fr: 'recette', en: 'income' },
  adjustment: { fr: 'ajustement', en: 'adjustment' },
  reversal: { fr: 'annulation', en: 'reversal' },
};

export const CHANNEL: Record<string, Localized> = {
  cash: { fr: 'en espèces', en: 'in cash' },
  mobile_money: { fr: 'par mobile money', en: 'by mobile money' },
  bank: { fr: 'par banque', en: 'by bank' },
};

export const MEMBER_STATUS: Record<string, Localized> = {
  active: { fr: 'actif', en: 'active' },
  suspended: { fr: 'suspendu', en: 'suspended' },
  exited: { fr: 'sorti du groupe', en: 'has left the group' },
};

export const LOAN_STATUS: Record<string, Localized> = {
  requested: { fr: 'demandé', en: 'requested' },
  approved: { fr: 'approuvé', en: 'approved' },
  rejected: { fr: 'refusé', en: 'rejected' },
  disbursed: { fr: 'décaissé', en: 'disbursed' },
  closed: { fr: 'soldé', en: 'closed' },
  written_off: { fr: 'passé en perte', en: 'written off' },
};

export const SEVERITY: Record<string, Localized> = {
  low: { fr: 'faible', en: 'low' },
  medium: { fr: 'moyenne', en: 'medium' },
  high: { fr: 'élevée', en: 'high' },
  critical: { fr: 'critique', en: 'critical' },
};

export function word(table: Record<string, Localized>, key: string, locale: Locale): string {
  return table[key]?.[locale] ?? key;
}

/** What the auditor should do next, for each rule of the default pack. */
export const RULE_ACTIONS: Record<string, Localized> = {
  'negative-cash': {
    fr: 'Compter la caisse avec deux membres du bureau et rapprocher le compte du registre, mouvement par mouvement, depuis la dernière clôture.',
    en: 'Count the cash box with two committee members and reconcile it with the ledger, movement by movement, since the last closing.',
  },
  'repayment-above-outstanding': {
    fr: 'Vérifier le reçu du remboursement et le prêt sur lequel il a été saisi ; l’annuler et le ressaisir s’il concerne un autre prêt.',
    en: 'Check the receipt of the repayment and the loan it was booked on; reverse and record it again if it belongs to another loan.',
  },
  'loan-above-savings-multiple': {
    fr: 'Retrouver la décision écrite du bureau pour ce prêt et l’engagement des garants.',
    en: 'Find the committee’s written decision for this loan and the guarantors’ commitment.',
  },
  'self-approved-loan': {
    fr: 'Faire revoir le prêt par un autre membre du bureau et noter qui l’a approuvé.',
    en: 'Have the loan reviewed by another committee member and record who approved it.',
  },
  'suspended-or-exited-member': {
    fr: 'Vérifier la décision du bureau sur ce membre avant d’accepter d’autres mouvements à son nom.',
    en: 'Check the committee’s decision about this member before accepting more movements in their name.',
  },
  'savings-withdrawn-by-adjustment': {
    fr: 'Demander la décision du bureau et le reçu signé du membre ; annuler l’ajustement s’il n’est pas justifié.',
    en: 'Ask for the committee’s decision and the member’s signed receipt; reverse the adjustment if it is not justified.',
  },
  'same-external-reference': {
    fr: 'Comparer les reçus ou le relevé mobile money des mouvements qui partagent la référence ; annuler celui saisi deux fois.',
    en: 'Compare the receipts or the mobile money statement of the movements sharing the reference; reverse the one recorded twice.',
  },
  'duplicate-within-24h': {
    fr: 'Demander au trésorier si les deux mouvements ont vraiment été reçus ; annuler le doublon sinon.',
    en: 'Ask the treasurer whether both movements were really received; reverse the duplicate if not.',
  },
  'unusual-amount': {
    fr: 'Faire confirmer le montant par le membre et le trésorier, reçu à l’appui.',
    en: 'Have the member and the treasurer confirm the amount, with the receipt.',
  },
  'round-amount-structuring': {
    fr: 'Examiner ces mouvements ensemble et demander pourquoi la somme a été fractionnée.',
    en: 'Review these movements together and ask why the sum was split.',
  },
  'large-expense': {
    fr: 'Retrouver l’accord écrit du bureau et le reçu de la dépense.',
    en: 'Find the committee’s written approval and the receipt of the expense.',
  },
  'expense-just-below-limit': {
    fr: 'Vérifier le reçu et chercher d’autres dépenses du même objet saisies à la même période.',
    en: 'Check the receipt and look for other expenses for the same purpose recorded at the same time.',
  },
  'amount-inconsistent-with-type': {
    fr: 'Vérifier si le mouvement a été saisi sous le mauvais type ; l’annuler et le ressaisir si c’est le cas.',
    en: 'Check whether the movement was recorded under the wrong kind; reverse and record it again if so.',
  },
  'backdated-entry': {
    fr: 'Comparer avec le cahier de caisse ou le reçu de la date indiquée.',
    en: 'Compare with the cash book or the receipt of the date given.',
  },
  'loan-to-new-member': {
    fr: 'Retrouver la décision du bureau qui autorise cette exception.',
    en: 'Find the committee’s decision allowing this exception.',
  },
  'frequent-reversals': {
    fr: 'Demander les pièces justifiant chaque annulation.',
    en: 'Ask for the documents behind each reversal.',
  },
  'amount-inconsistent-with-plan': {
    fr: 'Demander au membre s’il s’agit d’un paiement partiel ; corriger une faute de frappe par une annulation.',
    en: 'Ask the member whether it was a part payment; correct a typing mistake with a reversal.',
  },
  'expense-without-category': {
    fr: 'Renseigner la catégorie de la dépense et joindre le reçu.',
    en: 'Set the category of the expense and attach the receipt.',
  },
  'outside-usual-hours': {
    fr: 'Confirmer le mouvement avec la personne qui l’a saisi.',
    en: 'Confirm the movement with the person who recorded it.',
  },
  'late-contribution': {
    fr: 'Rappeler le membre et convenir d’une date de rattrapage.',
    en: 'Remind the member and agree on a date to catch up.',
  },
  'overdue-installment': {
    fr: 'Relancer le membre et ses garants.',
    en: 'Follow up with the member and the guarantors.',
  },
  'loan-par30': {
    fr: 'Rencontrer le membre et ses garants, convenir d’un plan de recouvrement et suspendre tout nouveau prêt à ce membre.',
    en: 'Meet the member and the guarantors, agree on a recovery plan and hold any new loan to this member.',
  },
  'arrears-exceed-savings': {
    fr: 'Faire appel aux garants : l’épargne du membre ne couvre plus ses arriérés.',
    en: 'Call on the guarantors: the member’s savings no longer cover the arrears.',
  },
  'cash-does-not-reconcile': {
    fr: 'Compter la caisse et reprendre les mouvements depuis la dernière clôture de caisse.',
    en: 'Count the cash and go through the movements since the last cash closing.',
  },
  'par30-above-threshold': {
    fr: 'Suspendre les nouveaux prêts jusqu’au traitement des retards et revoir chaque prêt en retard.',
    en: 'Hold new loans until the arrears are dealt with and review each late loan.',
  },
  'many-late-dues': {
    fr: 'Inscrire les cotisations en retard à l’ordre du jour de la prochaine assemblée générale.',
    en: 'Put the late contributions on the agenda of the next general meeting.',
  },
};

export const FALLBACK_ACTION: Localized = {
  fr: 'Revoir les constats avec le trésorier, pièces justificatives à l’appui.',
  en: 'Go through the findings with the treasurer, with the supporting documents.',
};

export const DECISION_ACTION: Localized = {
  fr: 'Confirmer le dossier si ces vérifications montrent une erreur ou un abus ; le classer sinon, en notant pourquoi.',
  en: 'Confirm the case if these checks show a mistake or abuse; otherwise dismiss it, noting why.',
};
