import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  MAX_REMINDER_DAYS_BEFORE,
  type ProblemFieldError,
  type ReminderSettingsRequest,
  type ReminderSettingsResponse,
} from '@kotizo/contracts';
import { map } from 'rxjs';
import { AbilityService } from '../../core/abilities/ability.service';
import { applyProblemToForm, problemMessageKey, toProblem } from '../../core/http/problem';
import { type FieldMessage, fieldMessage } from '../../core/ui/field-message';
import { reminderSettingsUrl, SettingsApi } from './settings-api';

/** HH:MM on 24 hours, as the API takes it (and as a time input gives it). */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One piece of the settings' sentence: a translation key, its parameters and what follows it. */
interface SummaryPart {
  key: string;
  params: Record<string, string | number>;
  after: string;
}

const part = (key: string, params: Record<string, string | number>, after: string): SummaryPart => ({
  key,
  params,
  after,
});

function wholeDays(control: AbstractControl) {
  const value: unknown = control.value;
  return value === null || value === '' || Number.isInteger(value) ? null : { integer: true };
}

/**
 * The reminders members get of their dues and installments: shown to whoever
 * reads the settings, edited by whoever may update them (an admin). A sentence
 * under the form says what the settings on screen do.
 */
@Component({
  selector: 'kz-reminder-settings-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  templateUrl: './reminder-settings-card.html',
  styleUrl: './reminder-settings-card.scss',
})
export class ReminderSettingsCard {
  readonly slug = input.required<string>();

  private readonly api = inject(SettingsApi);
  private readonly abilities = inject(AbilityService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly maxDays = MAX_REMINDER_DAYS_BEFORE;
  protected readonly canEdit = computed(() => this.abilities.can('update', 'Settings'));
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly otherErrors = signal<ProblemFieldError[]>([]);

  protected readonly loaded = httpResource<ReminderSettingsResponse>(() => reminderSettingsUrl(this.slug()));
  /** What the last save answered, until the next load. */
  private readonly saved = signal<ReminderSettingsResponse | null>(null);
  protected readonly settings = computed(() => this.saved() ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.loaded.error())));
  protected readonly zone = computed(() => this.settings()?.timeZone ?? '');

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    enabled: [true],
    sendAt: ['08:00', [Validators.required, Validators.pattern(TIME)]],
    daysBefore: [3, [Validators.required, Validators.min(0), Validators.max(MAX_REMINDER_DAYS_BEFORE), wholeDays]],
    lateReminders: [true],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  /** What the settings on screen do, in words (null while a value does not read). */
  protected readonly summary = computed<SummaryPart[] | null>(() => {
    const value = this.value();
    if (!value.enabled) return [part('settings.reminders.summary.off', {}, '.')];
    const days: unknown = value.daysBefore;
    if (!TIME.test(value.sendAt) || !Number.isInteger(days)) return null;
    const daysBefore = days as number;
    if (daysBefore < 0 || daysBefore > MAX_REMINDER_DAYS_BEFORE) return null;
    return [
      part('settings.reminders.summary.at', { time: value.sendAt, zone: this.zone() }, ', '),
      daysBefore === 0
        ? part('settings.reminders.summary.dueToday', {}, ', ')
        : part('settings.reminders.summary.due', { days: daysBefore }, ', '),
      value.lateReminders
        ? part('settings.reminders.summary.late', {}, '.')
        : part('settings.reminders.summary.noLate', {}, '.'),
    ];
  });

  constructor() {
    // The settings loaded (or saved) fill the form.
    effect(() => {
      const settings = this.settings();
      if (settings)
        untracked(() =>
          this.form.setValue({
            enabled: settings.enabled,
            sendAt: settings.sendAt,
            daysBefore: settings.daysBefore,
            lateReminders: settings.lateReminders,
          }),
        );
    });
    // Nothing is editable without the right.
    effect(() => {
      const editable = this.canEdit();
      untracked(() => (editable ? this.form.enable() : this.form.disable()));
    });
  }

  protected message(control: AbstractControl): FieldMessage | null {
    if (control.errors?.['integer']) return { key: 'settings.reminders.wholeDays' };
    if (control.errors?.['pattern']) return { key: 'settings.reminders.timeFormat' };
    return fieldMessage(control);
  }

  protected submit(): void {
    if (!this.canEdit() || this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body: ReminderSettingsRequest = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    this.otherErrors.set([]);
    this.api.saveReminderSettings(this.slug(), body).subscribe({
      next: (settings) => {
        this.busy.set(false);
        this.saved.set(settings);
        this.snackBar.open(this.transloco.translate('settings.reminders.saved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errorKey.set(problemMessageKey(problem));
        this.otherErrors.set(applyProblemToForm(this.form, problem));
      },
    });
  }
}
