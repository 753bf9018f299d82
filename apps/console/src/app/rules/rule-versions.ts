import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleSetVersionDetail, RuleSetVersionResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { RuleChanges } from './rule-changes';
import { versionUrl } from './rules-api';

/**
 * Every version the cooperative has used, newest first: how it came to be, who activated it
 * and why, and on demand what it changed. An older version can be made active again.
 */
@Component({
  selector: 'kz-rule-versions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslocoPipe, KzDatePipe, LoadStatus, RuleChanges],
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .title {
      font-weight: 500;
    }
    .current {
      font: var(--mat-sys-label-small);
      padding: 2px 8px;
      border-radius: 999px;
      background: #d7f5e3;
      color: #0b5a2c;
    }
    .meta {
      font-size: 0.875em;
      margin: 2px 0 0;
      overflow-wrap: anywhere;
    }
    .note {
      margin: 4px 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 4px;
    }
    .changes {
      margin-top: 8px;
    }
  `,
  template: `
    <ul class="kz-list" data-testid="rule-versions">
      @for (v of versions(); track v.version) {
        <li [attr.data-testid]="'rule-version-' + v.version">
          <div class="head">
            <span class="title">{{ 'rules.versions.numbered' | transloco: { version: v.version } }}</span>
            @if (v.active) {
              <span class="current">{{ 'rules.versions.active' | transloco }}</span>
            }
            <span class="muted">{{ 'rules.versions.source.' + v.source | transloco }}</span>
          </div>
          <p class="meta muted">
            {{ v.activatedAt | kzDate: lang() : true }}
            @if (v.activatedBy && userNames().get(v.activatedBy); as name) {
              · {{ 'rules.versions.by' | transloco: { name } }}
            }
            · {{ 'rules.versions.pack' | transloco: { pack: v.pack, version: v.packVersion } }} ·
            {{ 'rules.versions.ruleCount' | transloco: { count: v.ruleCount } }}
          </p>
          @if (v.note) {
            <p class="note">{{ 'rules.versions.note' | transloco: { note: v.note } }}</p>
          }
          <div class="actions">
            <button
              mat-button
              type="button"
              [attr.aria-expanded]="open() === v.version"
              (click)="toggle(v.version)"
              [attr.data-testid]="'rule-version-changes-' + v.version"
            >
              {{ (open() === v.version ? 'rules.versions.hideChanges' : 'rules.versions.showChanges') | transloco }}
            </button>
            @if (!v.active && canRollback()) {
              <button
                mat-button
                type="button"
                class="danger-text"
                (click)="rollback.emit(v)"
                [attr.data-testid]="'rollback-' + v.version"
              >
                <mat-icon svgIcon="undo" />
                {{ 'rules.versions.rollback' | transloco }}
              </button>
            }
          </div>
          @if (open() === v.version) {
            <div class="changes">
              <kz-load-status [loading]="detail.isLoading()" [error]="detail.error()" />
              @if (detail.hasValue()) {
                <kz-rule-changes
                  [changes]="detail.value().changes"
                  [sets]="[detail.value().ruleSet, current()]"
                  [lang]="lang()"
                />
              }
            </div>
          }
        </li>
      } @empty {
        <li class="empty">{{ 'rules.versions.none' | transloco }}</li>
      }
    </ul>
  `,
})
export class RuleVersions {
  readonly slug = input.required<string>();
  readonly versions = input.required<readonly RuleSetVersionResponse[]>();
  readonly lang = input.required<string>();
  readonly canRollback = input(false);
  /** Names of the cooperative's staff by user id (who activated each version). */
  readonly userNames = input<ReadonlyMap<string, string>>(new Map());
  /** The rule set shown on the page, to name rules a version removed. */
  readonly current = input<RuleSet | null>(null);
  readonly rollback = output<RuleSetVersionResponse>();

  protected readonly open = signal<number | null>(null);
  protected readonly detail = httpResource<RuleSetVersionDetail>(() => {
    const version = this.open();
    return version === null ? undefined : versionUrl(this.slug(), version);
  });

  protected toggle(version: number): void {
    this.open.update((open) => (open === version ? null : version));
  }
}
