import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InvestigationDecisionRequest } from '@kotizo/contracts';
import { fieldMessage } from '../core/ui/field-message';

/**
 * The auditor's turn: confirm or dismiss the report (with an optional note, which becomes the
 * case's conclusion), or ask a follow-up question (required), which sends the analyst back.
 */
@Component({
  selector: 'kz-investigation-decision',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button {
      min-height: 44px;
    }
    @media (max-width: 599.98px) {
      .buttons button {
        flex: 1 1 100%;
      }
    }
  `,
  template: `
    <h3>{{ 'agent.decision.title' | transloco }}</h3>
    <mat-form-field class="full-width" subscriptSizing="dynamic">
      <mat-label>{{ 'agent.decision.note' | transloco }}</mat-label>
      <textarea matInput [formControl]="note" rows="2" maxlength="2000" data-testid="investigation-note"></textarea>
      @if (message(note); as m) {
        <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
      }
    </mat-form-field>
    <div class="buttons">
      <button
        mat-flat-button
        type="button"
        [disabled]="busy()"
        (click)="close('confirm')"
        data-testid="investigation-confirm"
      >
        <mat-icon svgIcon="check" />
        {{ 'agent.decision.confirm' | transloco }}
      </button>
      <button
        mat-stroked-button
        type="button"
        [disabled]="busy()"
        (click)="close('dismiss')"
        data-testid="investigation-dismiss"
      >
        <mat-icon svgIcon="close" />
        {{ 'agent.decision.dismiss' | transloco }}
      </button>
    </div>

    <h3>{{ 'agent.decision.askTitle' | transloco }}</h3>
    <mat-form-field class="full-width">
      <mat-label>{{ 'agent.decision.question' | transloco }}</mat-label>
      <textarea
        matInput
        [formControl]="question"
        rows="2"
        maxlength="1000"
        data-testid="investigation-question"
      ></textarea>
      @if (message(question); as m) {
        <mat-error data-testid="investigation-question-error">{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
      }
    </mat-form-field>
    <div class="buttons">
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="ask()" data-testid="investigation-ask">
        <mat-icon svgIcon="send" />
        {{ 'agent.decision.ask' | transloco }}
      </button>
    </div>
  `,
})
export class InvestigationDecision {
  readonly busy = input(false);
  readonly decide = output<InvestigationDecisionRequest>();

  protected readonly message = fieldMessage;
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] });
  protected readonly question = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(3), Validators.maxLength(1000)],
  });

  protected close(decision: 'confirm' | 'dismiss'): void {
    if (this.note.invalid) return;
    const note = this.note.value.trim();
    this.decide.emit(note ? { decision, note } : { decision });
  }

  protected ask(): void {
    // Spaces are no question: the API trims before it counts.
    this.question.setValue(this.question.value.trim());
    if (this.question.invalid) {
      this.question.markAsTouched();
      return;
    }
    this.decide.emit({ decision: 'ask', question: this.question.value });
  }
}
