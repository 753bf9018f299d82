import type { NotificationResponse } from '@kotizo/contracts';

/** How a notification reads and where it leads, from its kind and data (texts in `notifications.kinds.*`). */
export interface NotificationView {
  /** Translation key of the sentence, and its parameters. */
  key: string;
  params: Record<string, string | number>;
  icon: string;
  /** Router link, or null when there is nothing to open. */
  link: string[] | null;
  queryParams: Record<string, string> | null;
}

/** Amounts and dates in the reader's language. */
export interface NotificationFormats {
  money(amount: number, currency: string): string;
  date(isoDate: string): string;
}

/**
 * One function for the bell, the notifications page and their tests. Amounts and dates are given
 * to the translation already formatted by the caller, who knows the language.
 */
export function viewOf(n: NotificationResponse, formats: NotificationFormats): NotificationView {
  const slug = n.tenant.slug;
  const d = n.data;
  const amount = d.amount !== undefined && d.currency ? formats.money(d.amount, d.currency) : '';
  const base = { params: {}, queryParams: null };
  switch (n.kind) {
    case 'case.opened':
    case 'finding.added':
    case 'case.assigned':
      return {
        ...base,
        key: `notifications.kinds.${n.kind}`,
        params: { number: d.caseNumber ?? '', subject: d.subjectLabel ?? '', count: d.findingCount ?? 1 },
        icon: 'folder',
        link: d.caseId ? ['/c', slug, 'cases', d.caseId] : null,
      };
    case 'audit.finished':
      return {
        ...base,
        key: d.status === 'failed' ? 'notifications.kinds.audit.failed' : 'notifications.kinds.audit.finished',
        params: { count: d.findingsCreated ?? 0 },
        icon: 'verified',
        link: ['/c', slug, 'cases'],
      };
    case 'investigation.finished':
      return {
        ...base,
        key:
          d.status === 'degraded'
            ? 'notifications.kinds.investigation.degraded'
            : 'notifications.kinds.investigation.finished',
        icon: 'verified',
        link: d.caseId ? ['/c', slug, 'cases', d.caseId] : null,
      };
    case 'loan.awaiting_approval':
      return {
        ...base,
        key: 'notifications.kinds.loan.awaiting_approval',
        params: { number: d.loanNumber ?? '', member: d.memberName ?? '', amount },
        icon: 'bank',
        link: d.loanId ? ['/c', slug, 'loans', d.loanId] : null,
      };
    case 'due.upcoming':
    case 'due.late':
    case 'installment.upcoming':
    case 'installment.late':
      return {
        ...base,
        key: `notifications.kinds.${n.kind}`,
        params: {
          amount,
          date: d.dueOn ? formats.date(d.dueOn) : '',
          number: d.loanNumber ?? '',
          installment: d.installmentNumber ?? '',
        },
        icon: n.kind.endsWith('.late') ? 'warning' : 'payments',
        link: d.loanId ? ['/c', slug, 'loans', d.loanId] : d.memberId ? ['/c', slug, 'members', d.memberId] : null,
      };
    case 'message.received':
      return {
        ...base,
        key: 'notifications.kinds.message.received',
        params: { author: d.authorName ?? '', subject: d.subject ?? '', preview: d.preview ?? '' },
        icon: 'forum',
        link: ['/c', slug, 'messages'],
        queryParams: d.threadId ? { thread: d.threadId } : null,
      };
  }
}
