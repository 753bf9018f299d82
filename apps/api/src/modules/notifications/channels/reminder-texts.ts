import type { ReminderKind } from '@kotizo/contracts';
import { formatMoney, type SupportedLocale } from '@kotizo/domain';

export interface ReminderText {
  subject: string;
  text: string;
}

export interface ReminderFacts {
  kind: ReminderKind;
  cooperativeName: string;
  memberName: string;
  amount: number;
  currency: string;
  dueOn: string;
  loanNumber: number | null;
  installmentNumber: number | null;
}

type Template = (f: ReminderFacts, money: string, date: string) => ReminderText;

const templates: Record<SupportedLocale, Record<ReminderKind, Template>> = {
  fr: {
    'due.upcoming': (f, money, date) => ({
      subject: `${f.cooperativeName} : cotisation à venir`,
      text: `${f.cooperativeName} : bonjour ${f.memberName}, votre cotisation de ${money} est attendue le ${date}.`,
    }),
    'due.late': (f, money) => ({
      subject: `${f.cooperativeName} : cotisation en retard`,
      text: `${f.cooperativeName} : bonjour ${f.memberName}, vous avez ${money} de cotisations en retard. Merci de régulariser.`,
    }),
    'installment.upcoming': (f, money, date) => ({
      subject: `${f.cooperativeName} : échéance de prêt à venir`,
      text: `${f.cooperativeName} : bonjour ${f.memberName}, l'échéance n° ${f.installmentNumber} du prêt n° ${f.loanNumber} (${money}) est attendue le ${date}.`,
    }),
    'installment.late': (f, money) => ({
      subject: `${f.cooperativeName} : remboursement en retard`,
      text: `${f.cooperativeName} : bonjour ${f.memberName}, le prêt n° ${f.loanNumber} a ${money} d'impayés. Merci de régulariser.`,
    }),
  },
  en: {
    'due.upcoming': (f, money, date) => ({
      subject: `${f.cooperativeName}: contribution coming up`,
      text: `${f.cooperativeName}: hello ${f.memberName}, your contribution of ${money} is due on ${date}.`,
    }),
    'due.late': (f, money) => ({
      subject: `${f.cooperativeName}: contribution overdue`,
      text: `${f.cooperativeName}: hello ${f.memberName}, ${money} of your contributions is overdue. Please catch up.`,
    }),
    'installment.upcoming': (f, money, date) => ({
      subject: `${f.cooperativeName}: loan installment coming up`,
      text: `${f.cooperativeName}: hello ${f.memberName}, installment ${f.installmentNumber} of loan ${f.loanNumber} (${money}) is due on ${date}.`,
    }),
    'installment.late': (f, money) => ({
      subject: `${f.cooperativeName}: loan repayment overdue`,
      text: `${f.cooperativeName}: hello ${f.memberName}, loan ${f.loanNumber} has ${money} overdue. Please catch up.`,
    }),
  },
};

/** A reminder's SMS and e-mail text in the cooperative's language. */
export function reminderText(facts: ReminderFacts, locale: string): ReminderText {
  const lang: SupportedLocale = locale === 'en' ? 'en' : 'fr';
  const [year, month, day] = facts.dueOn.split('-');
  const date = lang === 'fr' ? `${day}/${month}/${year}` : facts.dueOn;
  return templates[lang][facts.kind](facts, formatMoney(facts.amount, facts.currency, lang), date);
}
