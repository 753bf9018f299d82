import type { NotificationResponse } from '@kotizo/contracts';
import { viewOf } from './notification-view';

const formats = {
  money: (amount: number, currency: string) => `${amount} ${currency}`,
  date: (iso: string) => `[${iso}]`,
};

const a = (overrides: Partial<NotificationResponse>): NotificationResponse => ({
  id: 'n-1',
  seq: 1,
  tenant: { cooperativeId: 'c-1', slug: 'femmes-bouake' },
  kind: 'case.opened',
  data: {},
  createdAt: '2026-11-25T10:00:00.000Z',
  readAt: null,
  ...overrides,
});

describe('viewOf', () => {
  it('links a case notification to the case, in the cooperative it came from', () => {
    const view = viewOf(
      a({ data: { caseId: 'k-9', caseNumber: 12, subjectLabel: 'Awa Koné', findingCount: 2 } }),
      formats,
    );
    expect(view).toEqual({
      key: 'notifications.kinds.case.opened',
      params: { number: 12, subject: 'Awa Koné', count: 2 },
      icon: 'folder',
      link: ['/c', 'femmes-bouake', 'cases', 'k-9'],
      queryParams: null,
    });
  });

  it('puts the amount, formatted, in a loan awaiting approval, and links the loan', () => {
    const view = viewOf(
      a({
        kind: 'loan.awaiting_approval',
        data: { loanId: 'l-1', loanNumber: 4, memberName: 'Awa', amount: 50_000, currency: 'XOF' },
      }),
      formats,
    );
    expect(view.params).toEqual({ number: 4, member: 'Awa', amount: '50000 XOF' });
    expect(view.link).toEqual(['/c', 'femmes-bouake', 'loans', 'l-1']);
  });

  it('sends a reminder to the loan, or to the member’s page for dues', () => {
    const due = viewOf(
      a({ kind: 'due.late', data: { memberId: 'm-1', dueOn: '2026-11-05', amount: 5_000, currency: 'XOF' } }),
      formats,
    );
    expect(due).toEqual(expect.objectContaining({ icon: 'warning', link: ['/c', 'femmes-bouake', 'members', 'm-1'] }));
    expect(due.params['date']).toBe('[2026-11-05]');
    const installment = viewOf(a({ kind: 'installment.upcoming', data: { loanId: 'l-2', memberId: 'm-1' } }), formats);
    expect(installment.link).toEqual(['/c', 'femmes-bouake', 'loans', 'l-2']);
    expect(installment.icon).toBe('payments');
  });

  it('opens the thread of a message', () => {
    const view = viewOf(
      a({
        kind: 'message.received',
        data: { threadId: 't-1', authorName: 'Koffi', subject: 'Réunion', preview: 'Demain ?' },
      }),
      formats,
    );
    expect(view.link).toEqual(['/c', 'femmes-bouake', 'messages']);
    expect(view.queryParams).toEqual({ thread: 't-1' });
    expect(view.params).toEqual({ author: 'Koffi', subject: 'Réunion', preview: 'Demain ?' });
  });

  it('says when an audit failed', () => {
    expect(viewOf(a({ kind: 'audit.finished', data: { status: 'failed' } }), formats).key).toBe(
      'notifications.kinds.audit.failed',
    );
  });

  it('says whether an investigation awaits a decision or stopped, and opens its case', () => {
    const ready = viewOf(
      a({ kind: 'investigation.finished', data: { caseId: 'k-3', status: 'awaiting_review' } }),
      formats,
    );
    expect(ready.key).toBe('notifications.kinds.investigation.finished');
    expect(ready.link).toEqual(['/c', 'femmes-bouake', 'cases', 'k-3']);
    const stopped = viewOf(a({ kind: 'investigation.finished', data: { caseId: 'k-3', status: 'degraded' } }), formats);
    expect(stopped.key).toBe('notifications.kinds.investigation.degraded');
  });
});
