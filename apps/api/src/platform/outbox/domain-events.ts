import type { ReminderKind } from '@kotizo/contracts';

/**
 * What the domain tells the rest of the product, through the outbox. Events
 * carry ids (and what is cheap to know at the time); the relay reads the rest
 * when it turns them into notifications. Add an event here, produce it in the
 * transaction of the change, and say who receives it in the relay's recipients.
 */
export type DomainEvent =
  | { type: 'case.opened' | 'finding.added'; caseId: string; findingId: string; ruleId: string; severity: string }
  | { type: 'case.assigned'; caseId: string; assigneeId: string; actorId: string }
  | { type: 'case.status_changed'; caseId: string; from: string; to: string; actorId: string }
  | {
      type: 'audit.finished';
      runId: string;
      runKind: string;
      status: string;
      findingsCreated: number;
      requestedBy: string;
    }
  | {
      type: 'investigation.finished';
      investigationId: string;
      caseId: string | null;
      status: string;
      requestedBy: string;
    }
  | { type: 'loan.requested'; loanId: string; requestedBy: string }
  | {
      type: 'reminder';
      kind: ReminderKind;
      memberId: string;
      dueOn: string;
      amount: number;
      loanId: string | null;
      installmentNumber: number | null;
    }
  | { type: 'message.posted'; threadId: string; messageId: string; authorId: string };

export type DomainEventType = DomainEvent['type'];

/** The event of one type, e.g. `EventOf<'loan.requested'>`. */
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
