import { reminderText } from './reminder-texts.js';

const facts = {
  cooperativeName: 'Femmes de Bouaké',
  memberName: 'Awa Koné',
  amount: 15_000,
  currency: 'XOF',
  dueOn: '2026-12-05',
  loanNumber: 7,
  installmentNumber: 2,
};

describe('reminderText', () => {
  it('writes a coming due in French, with the amount and the date the French way', () => {
    const text = reminderText({ ...facts, kind: 'due.upcoming' }, 'fr');
    expect(text.subject).toBe('Femmes de Bouaké : cotisation à venir');
    expect(text.text).toMatch(
      /^Femmes de Bouaké : bonjour Awa Koné, votre cotisation de 15\s000\sF\sCFA est attendue le 05\/12\/2026\.$/u,
    );
  });

  it('writes a late installment in English, naming the loan', () => {
    const text = reminderText({ ...facts, kind: 'installment.late' }, 'en');
    expect(text.text).toContain('loan 7 has');
    expect(text.text).toContain('overdue');
  });

  it('falls back to French for a language it does not have', () => {
    expect(reminderText({ ...facts, kind: 'due.late' }, 'wo').subject).toBe('Femmes de Bouaké : cotisation en retard');
  });
});
