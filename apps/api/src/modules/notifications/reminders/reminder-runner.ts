import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderKind } from '@kotizo/contracts';
import type { IsoDate } from '@kotizo/domain';
import { TenantDatabase } from '../../../platform/database/tenant-database.js';
import { writeOutbox } from '../../../platform/outbox/outbox.js';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';
import { DuesRepository } from '../../dues/dues.repository.js';
import { savedSchedule } from '../../loans/loan-view.js';
import { LoansRepository } from '../../loans/loans.repository.js';
import {
  type ChannelMessage,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../channels/notification-channel.js';
import { reminderText } from '../channels/reminder-texts.js';
import { type PlannedReminder, planReminders, type ReminderInput } from './reminder-planner.js';
import { ReminderSettings, type ReminderSettingsValue } from './reminder-settings.js';

/** Reminders whose messages are sent per run (the rest go at the next run). */
const SEND_BATCH = 2_000;
/** Outbox rows are kept this long after they were pushed (enough to look into a complaint). */
const OUTBOX_KEEP_DAYS = 30;

export interface ReminderRun {
  decided: number;
  created: number;
  sent: number;
}

interface UnsentRow {
  kind: ReminderKind;
  member_id: string;
  ref: string;
  due_on: string;
  amount: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  loan_number: number | null;
}

/**
 * One cooperative's daily reminders: works out what is coming or late,
 * records each reminder once (`reminders_sent`) with its outbox event in the
 * same transaction (the in-app notification), then sends the SMS and e-mail
 * through the channels. A send that fails is tried again at the next run.
 * With reminders turned off in the cooperative's settings, a run sends
 * nothing (not even what an earlier run failed to send).
 */
@Injectable()
export class ReminderRunner {
  private readonly logger = new Logger(ReminderRunner.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly dues: DuesRepository,
    private readonly loans: LoansRepository,
    private readonly settings: ReminderSettings,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  async run(tenant: TenantContext, today: IsoDate): Promise<ReminderRun> {
    const outcome = await this.db.transactional(tenant, async (tx) => {
      // The outbox is trimmed here whatever the settings: it holds every event, not only reminders.
      await tx.execute(
        `delete from outbox where published_at < now() - make_interval(days => ?) and relayed_at is not null`,
        [OUTBOX_KEEP_DAYS],
      );
      const settings = await this.settings.read(tx);
      if (!settings.enabled) return null;
      const planned = planReminders(await this.input(tx, today, settings));
      const fresh = await this.record(tx, planned, today);
      await writeOutbox(
        tx,
        ...fresh.map((r) => ({
          type: 'reminder' as const,
          kind: r.kind,
          memberId: r.memberId,
          dueOn: r.dueOn,
          amount: r.amount,
          loanId: r.loanId,
          installmentNumber: r.installmentNumber,
        })),
      );
      return { decided: planned.length, created: fresh.length };
    });
    if (outcome === null) {
      this.logger.log({ tenant: tenant.slug, date: today }, 'reminders are off; none sent');
      return { decided: 0, created: 0, sent: 0 };
    }
    return { ...outcome, sent: await this.sendPending(tenant) };
  }

  private async input(
    tx: EntityManager,
    today: IsoDate,
    { daysBefore, lateReminders }: ReminderSettingsValue,
  ): Promise<ReminderInput> {
    const plan = await this.dues.plan(tx);
    const contributions = plan ? await this.dues.contributions(tx) : new Map<string, never[]>();
    const members = plan ? await this.dues.members(tx) : [];
    const running = await this.loans.disbursed(tx);
    const ids = running.map((l) => l.id);
    const [installments, repayments, penalties] = [
      await this.loans.installmentsOf(tx, ids),
      await this.loans.repaymentsOf(tx, ids),
      await this.loans.penaltiesOf(tx, ids),
    ];
    return {
      today,
      daysBefore,
      lateReminders,
      plan,
      members: members.map((m) => ({
        memberId: m.id,
        joinedOn: m.joined_on,
        overrideAmount: m.override_amount === null ? null : Number(m.override_amount),
        contributions: contributions.get(m.id) ?? [],
      })),
      loans: running.map((l) => ({
        loanId: l.id,
        memberId: l.member_id,
        schedule: savedSchedule(installments.get(l.id) ?? []),
        payments: repayments.get(l.id) ?? [],
        penalties: penalties.get(l.id) ?? [],
      })),
    };
  }

  /** Stores the reminders not decided before; returns those (the others were sent on an earlier day or run). */
  private async record(tx: EntityManager, planned: PlannedReminder[], today: IsoDate): Promise<PlannedReminder[]> {
    if (planned.length === 0) return [];
    const inserted = await tx.execute<{ kind: string; member_id: string; ref: string }[]>(
      `insert into reminders_sent (kind, member_id, ref, due_on, amount, decided_on)
       values ${planned.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       on conflict do nothing returning kind, member_id, ref`,
      planned.flatMap((r) => [r.kind, r.memberId, r.ref, r.dueOn, r.amount, today]),
    );
    const fresh = new Set(inserted.map((r) => `${r.kind}|${r.member_id}|${r.ref}`));
    return planned.filter((r) => fresh.has(`${r.kind}|${r.memberId}|${r.ref}`));
  }

  /** SMS to the member's phone, e-mail to their account's address if they have one. */
  private async sendPending(tenant: TenantContext): Promise<number> {
    const { name, rows } = await this.db.read(tenant, async (em) => ({
      name: (
        await em.execute<{ name: string }[]>('select name from federation.cooperatives where id = ?', [
          tenant.cooperativeId,
        ])
      )[0]!.name,
      rows: await em.execute<UnsentRow[]>(
        `select r.kind, r.member_id, r.ref, to_char(r.due_on, 'YYYY-MM-DD') as due_on, r.amount,
                m.full_name, m.phone, u.email,
                (select l.number from loans l where l.id::text = split_part(r.ref, ':', 1)
                   and r.kind like 'installment.%') as loan_number
           from reminders_sent r
           join members m on m.id = r.member_id
           left join federation.users u on u.id = m.user_id and u.active
          where r.channels_sent_at is null
          order by r.decided_on, r.member_id limit ?`,
        [SEND_BATCH],
      ),
    }));
    let sent = 0;
    for (const row of rows) {
      const text = reminderText(
        {
          kind: row.kind,
          cooperativeName: name,
          memberName: row.full_name,
          amount: Number(row.amount),
          currency: tenant.currency,
          dueOn: row.due_on,
          loanNumber: row.loan_number,
          installmentNumber: row.kind.startsWith('installment.') ? Number(row.ref.split(':')[1]) : null,
        },
        tenant.locale,
      );
      const messages: ChannelMessage[] = [];
      if (row.phone)
        messages.push({
          channel: 'sms',
          to: row.phone,
          subject: null,
          text: text.text,
          kind: row.kind,
          memberId: row.member_id,
        });
      if (row.email)
        messages.push({
          channel: 'email',
          to: row.email,
          subject: text.subject,
          text: text.text,
          kind: row.kind,
          memberId: row.member_id,
        });
      try {
        for (const message of messages) await this.channel(message.channel)?.send(tenant, message);
        await this.db.transactional(tenant, (tx) =>
          tx.execute(
            'update reminders_sent set channels_sent_at = now() where kind = ? and member_id = ? and ref = ?',
            [row.kind, row.member_id, row.ref],
          ),
        );
        sent += messages.length;
      } catch (error) {
        this.logger.warn(
          { err: error, tenant: tenant.slug, kind: row.kind },
          'reminder not sent; tried again next run',
        );
      }
    }
    return sent;
  }

  private channel(name: ChannelMessage['channel']): NotificationChannel | undefined {
    return this.channels.find((c) => c.name === name);
  }
}
