import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MemberResponse } from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { SubmissionKey } from '../core/http/idempotency';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { PHONE_PATTERN, memberFormValue, memberUpdate, normalizePhone } from './member-mappers';
import { MembersApi } from './members-api';

export interface MemberFormDialogData {
  slug: string;
  /** Null to add a member. */
  member: MemberResponse | null;
}

function phoneValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  return PHONE_PATTERN.test(normalizePhone(value)) ? null : { phone: true };
}

/** Adds a member or edits one; closes with the member as saved. */
@Component({
  selector: 'kz-member-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    mat-form-field {
      width: 100%;
    }
    .with-hint {
      margin-bottom: 16px;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ (data.member ? 'members.edit.title' : 'members.add.title') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="member-form">
      <mat-dialog-content>
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'members.form.fullName' | transloco }}</mat-label>
          <input matInput formControlName="fullName" autocomplete="off" data-testid="member-full-name" />
          @if (message(form.controls.fullName); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="with-hint">
          <mat-label>{{ 'members.form.phone' | transloco }}</mat-label>
          <input
            matInput
            type="tel"
            inputmode="tel"
            formControlName="phone"
            autocomplete="off"
            placeholder="+225 07 01 02 03 04"
            data-testid="member-phone"
          />
          <mat-hint>{{ 'members.form.phoneHint' | transloco }}</mat-hint>
          @if (message(form.controls.phone); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'members.form.nationalId' | transloco }}</mat-label>
          <input matInput formControlName="nationalId" autocomplete="off" data-testid="member-national-id" />
          @if (message(form.controls.nationalId); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'members.form.joinedOn' | transloco }}</mat-label>
          <input matInput type="date" formControlName="joinedOn" [max]="today" data-testid="member-joined-on" />
          @if (message(form.controls.joinedOn); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="member-submit">
          {{ (data.member ? 'common.save' : 'members.add.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class MemberFormDialog {
  protected readonly data = inject<MemberFormDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MemberFormDialog, MemberResponse>>(MatDialogRef);
  private readonly api = inject(MembersApi);
  private readonly submission = new SubmissionKey();
  protected readonly today = inject(CooperativeDetails).today();
  protected readonly message = fieldMessage;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  private readonly initial = memberFormValue(this.data.member, this.today);
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [this.initial.fullName, [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    phone: [this.initial.phone, [Validators.required, phoneValidator]],
    nationalId: [this.initial.nationalId, [Validators.maxLength(40)]],
    joinedOn: [this.initial.joinedOn, [Validators.required]],
  });

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const member = this.data.member;
    let save: Observable<MemberResponse>;
    if (member) {
      const changes = memberUpdate(member, value);
      if (!changes) {
        this.ref.close(member);
        return;
      }
      save = this.api.update(this.data.slug, member.id, changes);
    } else {
      const nationalId = value.nationalId.trim();
      save = this.api.create(
        this.data.slug,
        {
          fullName: value.fullName.trim(),
          phone: normalizePhone(value.phone),
          ...(nationalId ? { nationalId } : {}),
          joinedOn: value.joinedOn,
        },
        this.submission,
      );
    }
    this.busy.set(true);
    this.errorKey.set(null);
    save.subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.errorKey.set(problemMessageKey(problem));
      },
    });
  }
}
