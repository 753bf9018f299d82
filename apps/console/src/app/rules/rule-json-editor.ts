import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleSetValidationResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { locatePointer, parseJson } from './rule-edits';
import { RulesApi } from './rules-api';

export interface RuleSetProblem {
  path: string;
  message: string;
}

/**
 * The rule set as JSON, for what the rule list does not edit (conditions, messages, new
 * rules): checked by the API on demand, each problem named by its JSON pointer, then saved to
 * the draft like any other edit.
 */
@Component({
  selector: 'kz-rule-json-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe],
  styles: `
    textarea {
      box-sizing: border-box;
      width: 100%;
      min-height: 320px;
      padding: 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 13px;
      line-height: 1.4;
      tab-size: 2;
      resize: vertical;
    }
    label {
      display: block;
      font: var(--mat-sys-label-medium);
      margin-bottom: 4px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0;
    }
    .problems {
      margin: 8px 0 0;
      padding-inline-start: 20px;
    }
    .problems li {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    code {
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 0.875em;
      padding: 1px 4px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .ok {
      color: #0b5a2c;
    }
  `,
  template: `
    <label for="rules-json">{{ 'rules.json.label' | transloco }}</label>
    <textarea
      id="rules-json"
      spellcheck="false"
      autocapitalize="off"
      autocomplete="off"
      [value]="text()"
      [readOnly]="!canEdit()"
      (input)="edited($event)"
      data-testid="rules-json"
    ></textarea>
    <div class="actions">
      <button
        mat-stroked-button
        type="button"
        [disabled]="busy()"
        (click)="validate()"
        data-testid="rules-json-validate"
      >
        <mat-icon svgIcon="check" />
        {{ 'rules.json.validate' | transloco }}
      </button>
      @if (canEdit()) {
        <button mat-flat-button type="button" [disabled]="busy()" (click)="save()" data-testid="rules-json-save">
          {{ 'rules.json.save' | transloco }}
        </button>
        <button mat-button type="button" [disabled]="!dirty()" (click)="reset()" data-testid="rules-json-reset">
          {{ 'rules.json.reset' | transloco }}
        </button>
      }
    </div>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (syntaxError(); as message) {
      <p class="kz-error-box" role="alert" data-testid="rules-json-syntax">
        {{ 'rules.json.syntax' | transloco: { message } }}
      </p>
    }
    @if (errorKey(); as key) {
      <p class="kz-error-box" role="alert">{{ key | transloco }}</p>
    }
    @if (checked()?.ok && problems().length === 0) {
      <p class="ok" role="status" data-testid="rules-json-ok">{{ 'rules.json.ok' | transloco }}</p>
    }
    @if (problems().length) {
      <div role="alert">
        <p>{{ 'rules.json.problems' | transloco: { count: problems().length } }}</p>
        <ul class="problems" data-testid="rules-json-problems">
          @for (p of problems(); track $index) {
            <li data-testid="rule-problem">
              <code>{{ p.path || '/' }}</code>
              @if (p.ruleId) {
                ({{ p.ruleId }})
              }
              — {{ p.message }}
            </li>
          }
        </ul>
      </div>
    }
  `,
})
export class RuleJsonEditor {
  readonly slug = input.required<string>();
  readonly ruleSet = input.required<RuleSet>();
  readonly canEdit = input(false);
  /** Problems the API found when the last save was refused (422). */
  readonly saveProblems = input<readonly RuleSetProblem[]>([]);
  /** Save the edited rule set to the draft (the page sends it). */
  readonly apply = output<RuleSet>();

  private readonly api = inject(RulesApi);
  private readonly shown = computed(() => JSON.stringify(this.ruleSet(), null, 2));
  /** What is typed; back to the saved rule set whenever that changes. */
  protected readonly text = linkedSignal(() => this.shown());
  protected readonly dirty = computed(() => this.text() !== this.shown());
  protected readonly busy = signal(false);
  protected readonly syntaxError = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly checked = linkedSignal<string, RuleSetValidationResponse | null>({
    source: this.text,
    computation: () => null,
  });
  protected readonly problems = computed(() => {
    const found = this.checked()?.problems ?? this.saveProblems();
    const parsed = parseJson(this.text());
    const set = parsed.ok ? parsed.value : this.ruleSet();
    return found.map((p) => ({ ...p, ruleId: locatePointer(p.path, set).ruleId }));
  });

  protected edited(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    this.syntaxError.set(null);
  }

  protected reset(): void {
    this.text.set(this.shown());
    this.syntaxError.set(null);
  }

  protected validate(): void {
    const parsed = this.parsed();
    if (!parsed) return;
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.validate(this.slug(), parsed).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.checked.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  protected save(): void {
    const parsed = this.parsed();
    if (parsed) this.apply.emit(parsed as RuleSet);
  }

  private parsed(): unknown {
    const parsed = parseJson(this.text());
    if (!parsed.ok) {
      this.syntaxError.set(parsed.message);
      return null;
    }
    this.syntaxError.set(null);
    return parsed.value;
  }
}
