import { Injectable } from '@nestjs/common';
import type {
  CreateThreadRequest,
  ListThreadsQuery,
  MessageRecipient,
  MessageResponse,
  PostMessageRequest,
  ThreadDetailResponse,
  ThreadPage,
} from '@kotizo/contracts';
import type { CooperativeRole } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import { type FieldError, NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import { writeOutbox } from '../../platform/outbox/outbox.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { MessagesRepository } from './messages.repository.js';

/** The office members write to: whoever runs the cooperative day to day. */
export const OFFICE_ROLES: readonly CooperativeRole[] = ['admin', 'treasurer', 'secretary'];

/**
 * Messages between members and the office, in threads, inside one
 * cooperative. A thread is seen by its participants only. A member writes to
 * the office (all of it by default, or named people in it); the staff write
 * to anyone of the cooperative. Each new message is an outbox event: the
 * other participants get a notification.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly messages: MessagesRepository,
  ) {}

  list(ctx: TenantRequestContext, query: ListThreadsQuery): Promise<ThreadPage> {
    return this.db.read(ctx.tenant, async (em) => {
      const page = await this.messages.threads(em, ctx.tenant.cooperativeId, ctx.principal.userId, query);
      return { ...page, limit: query.limit, offset: query.offset };
    });
  }

  get(ctx: TenantRequestContext, threadId: string): Promise<ThreadDetailResponse> {
    this.requireUuid(threadId);
    return this.db.read(ctx.tenant, async (em) => {
      const thread = await this.messages.thread(em, ctx.tenant.cooperativeId, ctx.principal.userId, threadId);
      if (!thread) throw new NotFound('thread');
      return { ...thread, messages: await this.messages.messages(em, threadId) };
    });
  }

  /** People the caller may write to: the office for a member, everyone else of the cooperative for the staff. */
  recipients(ctx: TenantRequestContext): Promise<MessageRecipient[]> {
    return this.db.read(ctx.tenant, async (em) => {
      const people = await this.messages.people(em, ctx.tenant.cooperativeId, this.isMember(ctx) ? OFFICE_ROLES : null);
      return people.filter((p) => p.id !== ctx.principal.userId);
    });
  }

  create(ctx: TenantRequestContext, request: CreateThreadRequest): Promise<ThreadDetailResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const recipients = await this.checkRecipients(ctx, tx, request.recipientIds);
      const threadId = uuid7();
      const author = ctx.principal.userId;
      await this.messages.createThread(tx, {
        id: threadId,
        subject: request.subject,
        createdBy: author,
        participantIds: [author, ...recipients],
      });
      const message = await this.messages.addMessage(tx, {
        id: uuid7(),
        threadId,
        authorId: author,
        body: request.body,
      });
      await writeOutbox(tx, { type: 'message.posted', threadId, messageId: message.id, authorId: author });
      const thread = await this.messages.thread(tx, ctx.tenant.cooperativeId, author, threadId);
      return { ...thread!, messages: [message] };
    });
  }

  post(ctx: TenantRequestContext, threadId: string, request: PostMessageRequest): Promise<MessageResponse> {
    this.requireUuid(threadId);
    return this.db.transactional(ctx.tenant, async (tx) => {
      const author = ctx.principal.userId;
      if (!(await this.messages.isParticipant(tx, threadId, author))) throw new NotFound('thread');
      const message = await this.messages.addMessage(tx, {
        id: uuid7(),
        threadId,
        authorId: author,
        body: request.body,
      });
      await writeOutbox(tx, { type: 'message.posted', threadId, messageId: message.id, authorId: author });
      return message;
    });
  }

  markRead(ctx: TenantRequestContext, threadId: string): Promise<void> {
    this.requireUuid(threadId);
    return this.db.transactional(ctx.tenant, async (tx) => {
      if (!(await this.messages.isParticipant(tx, threadId, ctx.principal.userId))) throw new NotFound('thread');
      await this.messages.markRead(tx, threadId, ctx.principal.userId);
    });
  }

  /**
   * The thread's other participants, checked one by one (one problem entry per bad id): users of
   * this cooperative, and for a member, people of the office. A member naming nobody writes to the office.
   */
  private async checkRecipients(
    ctx: TenantRequestContext,
    tx: Parameters<MessagesRepository['members']>[0],
    ids: readonly string[] | undefined,
  ): Promise<string[]> {
    const member = this.isMember(ctx);
    const cooperativeId = ctx.tenant.cooperativeId;
    if (ids === undefined || ids.length === 0) {
      if (!member) throw new ValidationFailed([fieldError('recipientIds', 'recipients_required')]);
      const office = await this.messages.people(tx, cooperativeId, OFFICE_ROLES);
      if (office.length === 0) {
        throw new ValidationFailed([fieldError('recipientIds', 'no_office')]);
      }
      return office.map((p) => p.id);
    }
    const roles = await this.messages.members(tx, cooperativeId, ids);
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      const role = roles.get(id);
      const field = `recipientIds.${i}`;
      if (id === ctx.principal.userId) errors.push(fieldError(field, 'recipient_is_self'));
      else if (!role) errors.push(fieldError(field, 'not_a_user'));
      else if (member && !OFFICE_ROLES.includes(role as CooperativeRole)) {
        errors.push(fieldError(field, 'recipient_not_in_office'));
      }
    });
    if (errors.length > 0) throw new ValidationFailed(errors);
    return [...new Set(ids)];
  }

  private isMember(ctx: TenantRequestContext): boolean {
    return ctx.principal.cooperativeRole === 'member';
  }

  private requireUuid(id: string): void {
    if (!isUuid(id)) throw new NotFound('thread');
  }
}
