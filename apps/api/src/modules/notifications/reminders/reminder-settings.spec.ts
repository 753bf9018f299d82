import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from './reminder-settings.js';

/** The settings table reduced to its key/value rows. */
function fakeSettings(stored: Record<string, unknown> = {}): EntityManager & { rows: Map<string, unknown> } {
  const rows = new Map(Object.entries(stored));
  const execute = (sql: string, params: unknown[] = []) => {
    if (sql.startsWith('select')) {
      const keys = params[0] as string[];
      return Promise.resolve(keys.filter((k) => rows.has(k)).map((key) => ({ key, value: rows.get(key) })));
    }
    for (let i = 0; i < params.length; i += 2) rows.set(params[i] as string, JSON.parse(params[i + 1] as string));
    return Promise.resolve([]);
  };
  return { execute, rows } as unknown as EntityManager & { rows: Map<string, unknown> };
}

describe('ReminderSettings', () => {
  const settings = new ReminderSettings();

  it('gives today’s behaviour when never set: on, from 08:00, three days ahead, late ones too', async () => {
    expect(await settings.read(fakeSettings())).toEqual({
      enabled: true,
      sendAt: '08:00',
      daysBefore: 3,
      lateReminders: true,
    });
    // What the notifications migration stored in every cooperative reads the same.
    expect(await settings.read(fakeSettings({ 'reminders.daysBefore': 3, 'reminders.sendAt': '08:00' }))).toEqual(
      DEFAULT_REMINDER_SETTINGS,
    );
  });

  it('takes the default of each stored value that does not read, and says so', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const read = await settings.read(
        fakeSettings({
          'reminders.enabled': false,
          'reminders.sendAt': '8h',
          'reminders.daysBefore': 40,
          'reminders.lateReminders': 'no',
        }),
      );
      expect(read).toEqual({ ...DEFAULT_REMINDER_SETTINGS, enabled: false });
      expect(warn).toHaveBeenCalledWith(
        { keys: ['reminders.sendAt', 'reminders.daysBefore', 'reminders.lateReminders'] },
        'stored reminder settings unreadable; defaults used',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('stores each setting under its own key, the first two where they always were', async () => {
    const em = fakeSettings({ 'reminders.daysBefore': 3, 'reminders.sendAt': '08:00', 'general.locale': 'fr-CI' });
    const saved = await settings.save(em, { enabled: false, sendAt: '17:30', daysBefore: 0, lateReminders: false });
    expect(saved).toEqual({ enabled: false, sendAt: '17:30', daysBefore: 0, lateReminders: false });
    expect(Object.fromEntries(em.rows)).toEqual({
      'general.locale': 'fr-CI',
      'reminders.enabled': false,
      'reminders.sendAt': '17:30',
      'reminders.daysBefore': 0,
      'reminders.lateReminders': false,
    });
    expect(await settings.read(em)).toEqual(saved);
  });
});
