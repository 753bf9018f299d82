import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MemberResponse } from '@kotizo/contracts';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, startWith, switchMap } from 'rxjs';
import { fieldMessage } from '../core/ui/field-message';
import { MemberDirectory } from './member-directory';
import { MembersApi } from './members-api';

/**
 * Finds a member by name, phone or number as the user types. With `control`, the chosen
 * member is the control's value (null until one is picked from the list, so a half-typed name
 * never passes). Without it, each pick is emitted on `picked` and the field clears (guarantors).
 */
@Component({
  selector: 'kz-member-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
  ],
  styles: `
    .option {
      display: flex;
      flex-direction: column;
      line-height: 1.25;
      padding: 4px 0;
    }
    .meta {
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <mat-form-field class="full-width" [subscriptSizing]="subscriptSizing()">
      <mat-label>{{ label() | transloco }}</mat-label>
      <mat-icon matPrefix svgIcon="search" />
      <input
        matInput
        type="search"
        autocomplete="off"
        [formControl]="text"
        [matAutocomplete]="auto"
        [errorStateMatcher]="matcher"
        (blur)="control()?.markAsTouched()"
        [attr.data-testid]="testId()"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="display"
        [requireSelection]="!!control()"
        (optionSelected)="pick($event)"
      >
        @for (member of options(); track member.id) {
          <mat-option [value]="member" [disabled]="unavailable(member)">
            <span class="option">
              <span>{{ member.fullName }}</span>
              <span class="meta">
                n° {{ member.number }} · {{ member.phone }}
                @if (member.status !== 'active') {
                  · {{ 'memberStatus.' + member.status | transloco }}
                }
              </span>
            </span>
          </mat-option>
        } @empty {
          @if (query()) {
            <mat-option disabled>{{ 'members.picker.none' | transloco }}</mat-option>
          }
        }
      </mat-autocomplete>
      @if (hint(); as h) {
        <mat-hint>{{ h | transloco }}</mat-hint>
      }
      @if (control(); as c) {
        @if (message(c); as m) {
          <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
        }
      }
    </mat-form-field>
  `,
})
export class MemberPicker {
  readonly slug = input.required<string>();
  readonly label = input('members.picker.label');
  readonly hint = input<string | null>(null);
  readonly control = input<FormControl<MemberResponse | null> | null>(null);
  /** Only active members can be chosen (loans, guarantors); exited ones never can. */
  readonly activeOnly = input(false);
  /** Ids that cannot be chosen (the borrower among guarantors, those already picked). */
  readonly exclude = input<readonly string[]>([]);
  readonly testId = input('member-picker');
  readonly subscriptSizing = input<'fixed' | 'dynamic'>('fixed');
  readonly picked = output<MemberResponse>();

  private readonly api = inject(MembersApi);
  private readonly directory = inject(MemberDirectory);
  protected readonly message = fieldMessage;
  protected readonly text = new FormControl<string | MemberResponse | null>('');

  /** The outer control's state drives the field's red outline and its <mat-error>. */
  protected readonly matcher: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return !!control && control.invalid && control.touched;
    },
  };

  /** What is typed; a picked member (not text) keeps the last search. */
  protected readonly query = toSignal(
    this.text.valueChanges.pipe(
      filter((value): value is string => typeof value === 'string'),
      map((value) => value.trim()),
      startWith(''),
    ),
    { initialValue: '' },
  );
  protected readonly options = toSignal(
    toObservable(computed(() => ({ slug: this.slug(), q: this.query(), active: this.activeOnly() }))).pipe(
      debounceTime(250),
      distinctUntilChanged((a, b) => a.slug === b.slug && a.q === b.q && a.active === b.active),
      switchMap(({ slug, q, active }) =>
        this.api.search(slug, q, active ? 'active' : '').pipe(
          map((page) => page.items),
          catchError(() => of([] as MemberResponse[])),
        ),
      ),
    ),
    { initialValue: [] as MemberResponse[] },
  );

  constructor() {
    // Shows the control's member (set by the page, e.g. from ?memberId=) in the field.
    effect((onCleanup) => {
      const control = this.control();
      if (!control) return;
      const show = (member: MemberResponse | null) => {
        if (member && this.text.value !== member) this.text.setValue(member, { emitEvent: false });
        if (!member && typeof this.text.value !== 'string') this.text.setValue('', { emitEvent: false });
      };
      show(control.value);
      const subscription = control.valueChanges.subscribe(show);
      onCleanup(() => subscription.unsubscribe());
    });
    effect(() => {
      const options = this.options();
      this.directory.remember(this.slug(), options);
    });
    // Typing again after a pick clears the choice: the name shown must be the member sent.
    this.text.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      const control = this.control();
      const typed = value === null || typeof value === 'string';
      if (control && typed && control.value !== null) control.setValue(null);
    });
  }

  protected readonly display = (value: MemberResponse | string | null): string =>
    typeof value === 'string' ? value : (value?.fullName ?? '');

  protected unavailable(member: MemberResponse): boolean {
    if (member.status === 'exited' || this.exclude().includes(member.id)) return true;
    return this.activeOnly() && member.status !== 'active';
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const member = event.option.value as MemberResponse | null;
    if (!member) return;
    const control = this.control();
    if (control) {
      control.setValue(member);
      control.markAsTouched();
    } else {
      this.picked.emit(member);
      this.text.setValue('');
    }
  }
}
