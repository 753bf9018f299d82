import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleDefinition, RuleParameter, RuleSet } from '@kotizo/rules-engine';
import { StatusChip } from '../core/ui/status-chip';
import { type ParamProblem, groupByScope, paramKey, pick } from './rule-edits';

export interface EnabledEdit {
  ruleId: string;
  enabled: boolean;
}

/** A parameter as typed: text for numbers and words (checked by the page), true/false for a switch. */
export interface ParamEdit {
  ruleId: string;
  name: string;
  typed: string | boolean;
}

interface ParamView {
  name: string;
  key: string;
  param: RuleParameter;
  kind: 'number' | 'boolean' | 'text';
}

function paramsOf(rule: RuleDefinition): ParamView[] {
  return Object.entries(rule.params).map(([name, param]) => ({
    name,
    key: paramKey(rule.id, name),
    param,
    kind: typeof param.value === 'number' ? 'number' : typeof param.value === 'boolean' ? 'boolean' : 'text',
  }));
}

/**
 * The rules by what they look at (movements, loans, dues, the cooperative): each with its
 * severity, an on/off switch and its parameters. Changes are emitted; the page saves them to
 * the draft.
 */
@Component({
  selector: 'kz-rule-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, TranslocoPipe, StatusChip],
  styles: `
    .group + .group {
      margin-top: 20px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .scope-hint {
      margin: 2px 0 8px;
      font-size: 0.875em;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .name {
      flex: 1 1 160px;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .off .name {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .changed {
      font: var(--mat-sys-label-small);
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .params {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      margin-top: 8px;
    }
    .param {
      flex: 1 1 200px;
      max-width: 320px;
    }
    .param-error {
      color: var(--mat-sys-error);
    }
    @media (max-width: 599.98px) {
      .param {
        max-width: none;
      }
    }
  `,
  template: `
    @for (group of groups(); track group.scope) {
      <section class="group" [attr.data-testid]="'rule-scope-' + group.scope">
        <h3>{{ 'rules.scope.' + group.scope | transloco }}</h3>
        <p class="scope-hint muted">{{ 'rules.scopeHint.' + group.scope | transloco }}</p>
        <ul class="kz-list">
          @for (row of group.rows; track row.rule.id) {
            @let rule = row.rule;
            @let name = pick(rule.name, lang());
            <li [class.off]="!rule.enabled" [attr.data-testid]="'rule-row-' + rule.id">
              <div class="head">
                <mat-slide-toggle
                  [checked]="rule.enabled"
                  [disabled]="!canEdit()"
                  (change)="enabledChange.emit({ ruleId: rule.id, enabled: $event.checked })"
                  [aria-label]="'rules.enabledLabel' | transloco: { name }"
                  [attr.data-testid]="'rule-enabled-' + rule.id"
                />
                <span class="name">{{ name }}</span>
                @if (changed().has(rule.id)) {
                  <span class="changed" data-testid="rule-changed">{{ 'rules.changedInDraft' | transloco }}</span>
                }
                <kz-status-chip keys="severity" [status]="rule.severity" />
              </div>
              @if (row.params.length) {
                <div class="params">
                  @for (p of row.params; track p.name) {
                    @let label = pick(p.param.label, lang());
                    @let problem = errors().get(p.key);
                    @switch (p.kind) {
                      @case ('boolean') {
                        <mat-checkbox
                          class="param"
                          [checked]="p.param.value === true"
                          [disabled]="!canEdit()"
                          (change)="paramChange.emit({ ruleId: rule.id, name: p.name, typed: $event.checked })"
                          [attr.data-testid]="'rule-param-' + rule.id + '-' + p.name"
                          >{{ label }}</mat-checkbox
                        >
                      }
                      @default {
                        <mat-form-field class="param" subscriptSizing="dynamic">
                          <mat-label>{{ label }}</mat-label>
                          <input
                            matInput
                            #field
                            [type]="p.kind === 'number' ? 'number' : 'text'"
                            [attr.step]="p.kind === 'number' ? 'any' : null"
                            [attr.min]="p.param.min ?? null"
                            [attr.max]="p.param.max ?? null"
                            [attr.inputmode]="p.kind === 'number' ? 'decimal' : null"
                            [value]="p.param.value"
                            [disabled]="!canEdit()"
                            [attr.aria-invalid]="problem ? true : null"
                            (change)="paramChange.emit({ ruleId: rule.id, name: p.name, typed: field.value })"
                            [attr.data-testid]="'rule-param-' + rule.id + '-' + p.name"
                          />
                          @if (problem) {
                            <mat-hint class="param-error" role="alert" data-testid="rule-param-error">
                              {{ problem.text ?? (problem.key | transloco: problem.params) }}
                            </mat-hint>
                          } @else if (p.param.min !== undefined && p.param.max !== undefined) {
                            <mat-hint>{{
                              'rules.param.between' | transloco: { min: p.param.min, max: p.param.max }
                            }}</mat-hint>
                          } @else if (p.param.min !== undefined) {
                            <mat-hint>{{ 'validation.min' | transloco: { min: p.param.min } }}</mat-hint>
                          } @else if (p.param.max !== undefined) {
                            <mat-hint>{{ 'validation.max' | transloco: { max: p.param.max } }}</mat-hint>
                          }
                        </mat-form-field>
                      }
                    }
                  }
                </div>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class RuleList {
  readonly ruleSet = input.required<RuleSet>();
  readonly lang = input.required<string>();
  readonly canEdit = input(false);
  /** Problems on parameters by `paramKey`: the page's own checks, or the API's words (`text`). */
  readonly errors = input<ReadonlyMap<string, ParamProblem & { text?: string }>>(new Map());
  /** Rules the draft changes (or adds). */
  readonly changed = input<ReadonlySet<string>>(new Set());
  readonly enabledChange = output<EnabledEdit>();
  readonly paramChange = output<ParamEdit>();

  protected readonly groups = computed(() =>
    groupByScope(this.ruleSet().rules).map(({ scope, rules }) => ({
      scope,
      rows: rules.map((rule) => ({ rule, params: paramsOf(rule) })),
    })),
  );
  protected readonly pick = pick;
}
