import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, ReminderSettingsResponse } from '@kotizo/contracts';
import fr from '../../../../public/i18n/fr.json';
import {
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../../testing/page-testing';
import { ReminderSettingsCard } from './reminder-settings-card';

const settings = (over: Partial<ReminderSettingsResponse> = {}): ReminderSettingsResponse => ({
  enabled: true,
  sendAt: '08:00',
  daysBefore: 3,
  lateReminders: true,
  timeZone: 'Africa/Abidjan',
  ...over,
});

describe('ReminderSettingsCard', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ReminderSettingsCard>;
  let root: HTMLElement;

  async function open(loaded: ReminderSettingsResponse, me: MeResponse = asRole('admin')) {
    TestBed.configureTestingModule({
      imports: [ReminderSettingsCard, frenchTransloco()],
      providers: pageProviders(me),
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReminderSettingsCard);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    request(backend, 'GET', '/reminder-settings').flush(loaded);
    await settle(fixture);
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.match(() => true));

  const input = (id: string) => byTestId<HTMLInputElement>(root, id);
  async function fill(id: string, value: string) {
    type(input(id), value);
    await settle(fixture);
  }
  async function toggle(id: string) {
    byTestId(root, id).querySelector('button')!.click();
    await settle(fixture);
  }
  async function save() {
    byTestId(root, 'reminders-save').click();
    await settle(fixture);
  }
  const saves = () => backend.match((r) => r.method === 'PUT');
  const summary = () => text(byTestId(root, 'reminders-summary'));

  it('says in words what the reminders in force do, in the cooperative’s time', async () => {
    await open(settings());
    expect(input('reminders-send-at').value).toBe('08:00');
    expect(input('reminders-days-before').value).toBe('3');
    expect(summary()).toBe(
      'Chaque jour dès 08:00, heure locale (Africa/Abidjan), les membres sont avertis de ce qui est dû dans les 3 jour(s), ainsi que de leurs retards.',
    );
    expect(text(byTestId(root, 'reminder-settings-form'))).toContain('Heure locale (Africa/Abidjan)');
  });

  it('sends the settings changed and shows what the API kept', async () => {
    await open(settings());
    await fill('reminders-send-at', '17:30');
    await fill('reminders-days-before', '0');
    await toggle('reminders-late');
    expect(summary()).toBe(
      'Chaque jour dès 17:30, heure locale (Africa/Abidjan), les membres sont avertis de ce qui est dû le jour même, mais pas de leurs retards.',
    );
    await save();
    const [put] = saves();
    expect(put!.request.url).toBe(`/api/v1/coops/${SLUG}/reminder-settings`);
    expect(put!.request.body).toEqual({ enabled: true, sendAt: '17:30', daysBefore: 0, lateReminders: false });
    put!.flush(settings({ sendAt: '17:30', daysBefore: 0, lateReminders: false }));
    await settle(fixture);
    expect(input('reminders-send-at').value).toBe('17:30');
    expect(root.querySelector('[data-testid="reminder-settings-error"]')).toBeNull();
  });

  it('turns reminders off', async () => {
    await open(settings());
    await toggle('reminders-enabled');
    expect(summary()).toBe(`${fr.settings.reminders.summary.off}.`);
    await save();
    const [put] = saves();
    expect(put!.request.body).toEqual({ enabled: false, sendAt: '08:00', daysBefore: 3, lateReminders: true });
  });

  it('checks the days before sending, and puts the API’s refusals on their fields', async () => {
    await open(settings());
    await fill('reminders-days-before', '31');
    await save();
    expect(saves()).toEqual([]);
    expect(text(byTestId(root, 'reminder-settings-form'))).toContain('Au plus 30.');
    await fill('reminders-days-before', '2.5');
    expect(text(byTestId(root, 'reminder-settings-form'))).toContain(fr.settings.reminders.wholeDays);

    await fill('reminders-days-before', '5');
    await save();
    const [put] = saves();
    put!.flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 422,
        code: 'validation_failed',
        errors: [
          { field: 'sendAt', code: 'invalid_format', message: 'heure ISO invalide' },
          { field: 'channel', code: 'not_allowed', message: 'n’est pas un champ autorisé' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(text(byTestId(root, 'reminder-settings-error'))).toContain(fr.errors.validation);
    expect(text(byTestId(root, 'reminder-settings-error'))).toContain('channel : n’est pas un champ autorisé');
    expect(text(byTestId(root, 'reminder-settings-form'))).toContain('heure ISO invalide');
  });

  it('shows the settings to a treasurer without letting them change them', async () => {
    await open(settings({ enabled: false }), asRole('treasurer'));
    expect(root.querySelector('[data-testid="reminders-save"]')).toBeNull();
    expect(text(byTestId(root, 'reminders-read-only'))).toBe(fr.settings.readOnly);
    expect(input('reminders-send-at').disabled).toBe(true);
    expect(input('reminders-days-before').disabled).toBe(true);
    expect(summary()).toBe(`${fr.settings.reminders.summary.off}.`);
  });
});
