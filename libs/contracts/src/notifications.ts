import { z } from 'zod';
import { pageQuery } from './queries.js';
import type { InvestigationStatusName } from './agent.js';

/**
 * Notifications (stored per user, pushed live over socket.io) and messages
 * between members and the office. Texts are not stored: the console builds
 * them in the reader's language from `kind` and `data`.
 */
export const NOTIFICATION_KINDS = [
  'case.opened',
  'finding.added',
  'case.assigned',
  'audit.finished',
  'investigation.finished',
  'loan.awaiting_approval',
  'due.upcoming',
  'due.late',
  'installment.upcoming',
  'installment.late',
  'message.received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Reminder kinds: sent by the daily reminder job, in the app and through the channels (SMS, e-mail). */
export const REMINDER_KINDS = ['due.upcoming', 'due.late', 'installment.upcoming', 'installment.late'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The most days ahead a reminder may announce a due date. */
export const MAX_REMINDER_DAYS_BEFORE = 30;

/**
 * The cooperative's reminders (settings, set by an admin). Every day, once
 * the cooperative's local time reaches `sendAt`, members are reminded of the
 * dues and installments falling due within `daysBefore` days (0: that day
 * only) and, with `lateReminders`, of those late. Off (`enabled: false`), the
 * day's run sends nothing.
 */
export const reminderSettingsRequest = z.strictObject({
  enabled: z.boolean(),
  /** Local time of the cooperative, HH:MM on 24 hours. */
  sendAt: z.iso.time({ precision: -1, message: 'must be a time as HH:MM (24 h)' }),
  daysBefore: z
    .number({ message: 'must be a number' })
    .int('must be a whole number of days')
    .min(0, 'cannot be negative')
    .max(MAX_REMINDER_DAYS_BEFORE, `must be at most ${MAX_REMINDER_DAYS_BEFORE}`),
  lateReminders: z.boolean(),
});
export type ReminderSettingsRequest = z.infer<typeof reminderSettingsRequest>;

export interface ReminderSettingsResponse extends ReminderSettingsRequest {
  /** The IANA zone `sendAt` is read in (the cooperative's). */
  timeZone: string;
}

/** The cooperative a notification or a live event is about. */
export interface EventTenant {
  cooperativeId: string;
  slug: string;
}

/** What a notification's text and link are built from; which fields are set depends on the kind. */
export interface NotificationData {
  caseId?: string;
  caseNumber?: number;
  severity?: string;
  subjectLabel?: string | null;
  /** Findings the notification stands for (several hits on one case arrive as one notification). */
  findingCount?: number;
  runId?: string;
  runKind?: string;
  status?: string;
  findingsCreated?: number;
  loanId?: string;
  loanNumber?: number;
  memberId?: string;
  memberName?: string;
  amount?: number;
  currency?: string;
  dueOn?: string;
  installmentNumber?: number;
  threadId?: string;
  messageId?: string;
  subject?: string;
  authorName?: string;
  preview?: string;
}

export interface NotificationResponse {
  id: string;
  /**
   * The user's own sequence, increasing in the order notifications were stored (across every
   * cooperative): after a reconnection, `GET /me/notifications?after=<last seq seen>` returns
   * exactly what was missed.
   */
  seq: number;
  tenant: EventTenant;
  kind: NotificationKind;
  data: NotificationData;
  createdAt: string;
  readAt: string | null;
}

const seqParam = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number')
  .transform(Number)
  .optional();

/**
 * Newest first, `before` a seq for the next page; or, with `after`, everything stored after that
 * seq, oldest first (catching up after a reconnection).
 */
export const listNotificationsQuery = z
  .strictObject({
    limit: pageQuery.shape.limit,
    after: seqParam,
    before: seqParam,
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: 'cannot be used together with after',
    path: ['before'],
  });
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export interface NotificationPage {
  items: NotificationResponse[];
  /** More items exist beyond this page (in the direction asked). */
  hasMore: boolean;
  unreadCount: number;
}

export const markAllReadRequest = z.strictObject({
  /** Only notifications up to this seq (those the user has seen); all of them when left out. */
  upToSeq: z.number({ message: 'must be a number' }).int().min(0).optional(),
});
export type MarkAllReadRequest = z.infer<typeof markAllReadRequest>;

export interface UnreadCountResponse {
  total: number;
  byCooperative: (EventTenant & { count: number })[];
}

/** Events the server pushes on the socket. A client never chooses its rooms: the server does. */
export const SOCKET_EVENTS = {
  /** A new notification for this user (NotificationResponse). */
  notification: 'notification',
  /** Notifications marked read elsewhere (another tab, another device). */
  notificationsRead: 'notifications.read',
  /** A case changed in a cooperative the user works cases in: lists showing it should reload. */
  casesChanged: 'cases.changed',
  /** An investigation moved on (a step committed, a pause for review, an end): its page should reload it. */
  investigationProgress: 'investigation.progress',
  /** Live events may have been missed (the server lost Redis for a while): catch up with `after`. */
  resync: 'resync',
  /** The access token expired or the session ended; the server disconnects right after. */
  authExpired: 'auth.expired',
} as const;

export type NotificationEvent = NotificationResponse;

export interface NotificationsReadEvent {
  /** The notifications marked read; null for "all up to `upToSeq`". */
  ids: string[] | null;
  upToSeq: number | null;
}

export interface CasesChangedEvent {
  /** Unique per change, to ignore the same event twice. */
  id: string;
  tenant: EventTenant;
  caseId: string;
  change: 'opened' | 'finding' | 'assigned' | 'status';
}

/**
 * Progress of an investigation, sent to those who may read it while the worker runs it. It carries
 * no evidence: the client reads the run itself (`GET .../investigations/:id`), so the event can be
 * lost without harm and a client that reconnects simply reads the run again.
 */
export interface InvestigationProgressEvent {
  /** Unique per step, to ignore the same event twice. */
  id: string;
  tenant: EventTenant;
  investigationId: string;
  caseId: string;
  status: InvestigationStatusName;
  /** Steps committed so far. */
  steps: number;
}

export interface AuthExpiredEvent {
  code: 'token_expired' | 'session_ended' | 'access_changed';
}

/** The `message` of a refused socket connection (`connect_error`). */
export const SOCKET_AUTH_ERRORS = ['unauthenticated', 'invalid_token', 'token_expired', 'session_ended'] as const;
export type SocketAuthError = (typeof SOCKET_AUTH_ERRORS)[number];

// Messaging between members and the office (admin, treasurer, secretary).

export const MESSAGE_MAX_LENGTH = 4_000;
export const THREAD_SUBJECT_MAX_LENGTH = 150;
export const MAX_THREAD_RECIPIENTS = 20;

export const messageBodyField = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`);

export const createThreadRequest = z.strictObject({
  subject: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(THREAD_SUBJECT_MAX_LENGTH, `must be at most ${THREAD_SUBJECT_MAX_LENGTH} characters`),
  body: messageBodyField,
  /**
   * Users of this cooperative to write to. A member may leave it out: the thread then goes to
   * the office (every active admin, treasurer and secretary).
   */
  recipientIds: z
    .array(z.uuid({ message: 'must be a user id' }))
    .max(MAX_THREAD_RECIPIENTS, `must name at most ${MAX_THREAD_RECIPIENTS} people`)
    .optional(),
});
export type CreateThreadRequest = z.infer<typeof createThreadRequest>;

export const postMessageRequest = z.strictObject({ body: messageBodyField });
export type PostMessageRequest = z.infer<typeof postMessageRequest>;

export const listThreadsQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListThreadsQuery = z.output<typeof listThreadsQuery>;

export interface ThreadParticipant {
  id: string;
  name: string;
  /** Role in the cooperative; null when the person no longer has one there. */
  role: string | null;
}

export interface MessageResponse {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ThreadSummaryResponse {
  id: string;
  subject: string;
  participants: ThreadParticipant[];
  createdAt: string;
  lastMessageAt: string;
  lastMessage: { authorName: string; preview: string };
  /** Messages by others the caller has not read yet. */
  unreadCount: number;
}

export interface ThreadDetailResponse extends ThreadSummaryResponse {
  messages: MessageResponse[];
}

export interface ThreadPage {
  items: ThreadSummaryResponse[];
  total: number;
  limit: number;
  offset: number;
  /** Unread messages over every thread of the caller. */
  unreadTotal: number;
}

/** Someone the caller may write to. */
export type MessageRecipient = ThreadParticipant;
