import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { reminderSettingsRequest, type ReminderSettingsRequest } from '@kotizo/contracts';

export type ReminderSettingsValue = ReminderSettingsRequest;

/** Each setting's key in the cooperative's `settings` table (one row each, as the first two always were). */
export const REMINDER_SETTING_KEYS = {
  enabled: 'reminders.enabled',
  sendAt: 'reminders.sendAt',
  daysBefore: 'reminders.daysBefore',
  lateReminders: 'reminders.lateReminders',
} as const satisfies Record<keyof ReminderSettingsValue, string>;

/** What a cooperative that never changed them gets: reminders on, from 08:00, three days ahead, late ones too. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettingsValue = {
  enabled: true,
  sendAt: '08:00',
  daysBefore: 3,
  lateReminders: true,
};

const fields = Object.keys(REMINDER_SETTING_KEYS) as (keyof ReminderSettingsValue)[];

/** The cooperative's reminder settings, kept in its settings table. */
@Injectable()
export class ReminderSettings {
  private readonly logger = new Logger(ReminderSettings.name);

  /**
   * The settings in force. Each one never set takes its default; one whose
   * stored value does not read (edited by hand, out of range) takes its
   * default too, with a warning: a reminder run never fails on a setting.
   */
  async read(em: EntityManager): Promise<ReminderSettingsValue> {
    const rows = await em.execute<{ key: string; value: unknown }[]>(
      'select key, value from settings where key in (?)',
      [Object.values(REMINDER_SETTING_KEYS)],
    );
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const settings: Record<string, unknown> = { ...DEFAULT_REMINDER_SETTINGS };
    const unreadable: string[] = [];
    for (const field of fields) {
      const key = REMINDER_SETTING_KEYS[field];
      if (!stored.has(key)) continue;
      const parsed = reminderSettingsRequest.shape[field].safeParse(stored.get(key));
      if (parsed.success) settings[field] = parsed.data;
      else unreadable.push(key);
    }
    if (unreadable.length > 0)
      this.logger.warn({ keys: unreadable }, 'stored reminder settings unreadable; defaults used');
    return settings as ReminderSettingsValue;
  }

  /** Stores every setting (the whole set replaces the one in force). */
  async save(tx: EntityManager, request: ReminderSettingsRequest): Promise<ReminderSettingsValue> {
    const settings: ReminderSettingsValue = {
      enabled: request.enabled,
      sendAt: request.sendAt,
      daysBefore: request.daysBefore,
      lateReminders: request.lateReminders,
    };
    await tx.execute(
      `insert into settings (key, value) values ${fields.map(() => '(?, ?)').join(', ')}
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      fields.flatMap((field) => [REMINDER_SETTING_KEYS[field], JSON.stringify(settings[field])]),
    );
    return settings;
  }
}
