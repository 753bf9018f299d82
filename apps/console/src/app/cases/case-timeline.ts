import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseEventResponse } from '@kotizo/contracts';
import { KzDatePipe } from '../core/ui/date.pipe';
import { CASE_STATUS_VALUES, type CaseStatus } from './case-values';

/** One event as shown: what happened, with the words someone wrote (comment, status note). */
export interface TimelineLine {
  id: number;
  at: string;
  actor: string | null;
  action: CaseEventResponse['action'];
  /** Rule of a finding, by name when the case knows it. */
  rule: string | null;
  /** New status of a status change. */
  status: CaseStatus | null;
  /** Who the case went to (null: taken off everyone), and their name when known. */
  assigneeId: string | null;
  assigneeName: string | null;
  text: string | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * Reads an event's `data`, whose fields depend on the action: `ruleId` for findings, `from` and
 * `to` (user ids) for an assignment, `from`, `to` (statuses) and `note` for a status change or a
 * reopening, `text` for a comment. Unknown fields are ignored rather than shown raw.
 */
export function timelineLine(
  event: CaseEventResponse,
  ruleNames: ReadonlyMap<string, string>,
  userNames: ReadonlyMap<string, string>,
): TimelineLine {
  const data = event.data;
  const ruleId = str(data['ruleId']);
  const to = str(data['to']);
  const assigneeId = event.action === 'assigned' ? to : null;
  return {
    id: event.id,
    at: event.at,
    actor: event.actorName,
    action: event.action,
    rule: ruleId ? (ruleNames.get(ruleId) ?? ruleId) : null,
    status: event.action === 'assigned' ? null : (CASE_STATUS_VALUES.find((s) => s === to) ?? null),
    assigneeId,
    assigneeName: assigneeId ? (userNames.get(assigneeId) ?? null) : null,
    text: str(data['text']) ?? str(data['note']),
  };
}

/** A case's story, oldest first, as a thread the comment box continues. */
@Component({
  selector: 'kz-case-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, KzDatePipe],
  styles: `
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      position: relative;
      padding: 0 0 12px 20px;
      border-inline-start: 2px solid var(--mat-sys-outline-variant);
      margin-inline-start: 6px;
    }
    li::before {
      content: '';
      position: absolute;
      inset-inline-start: -7px;
      top: 4px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--mat-sys-outline);
    }
    li[data-action='commented']::before {
      background: var(--mat-sys-primary);
    }
    li[data-action='status_changed']::before {
      background: var(--mat-sys-tertiary);
    }
    .when {
      font-size: 0.8em;
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      margin: 4px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <ol data-testid="case-timeline">
      @for (line of lines(); track line.id) {
        <li [attr.data-action]="line.action" data-testid="case-event">
          <div class="when">
            {{ line.at | kzDate: lang() : true }}
            @if (line.actor) {
              · {{ line.actor }}
            }
          </div>
          <div>
            @switch (line.action) {
              @case ('finding_added') {
                {{ 'cases.event.finding_added' | transloco: { rule: line.rule ?? '' } }}
              }
              @case ('finding_repeated') {
                {{ 'cases.event.finding_repeated' | transloco: { rule: line.rule ?? '' } }}
              }
              @case ('assigned') {
                @if (!line.assigneeId) {
                  {{ 'cases.event.unassigned' | transloco }}
                } @else if (line.assigneeName) {
                  {{ 'cases.event.assigned' | transloco: { name: line.assigneeName } }}
                } @else {
                  {{ 'cases.event.assignedSomeone' | transloco }}
                }
              }
              @case ('status_changed') {
                @if (line.status) {
                  {{ 'cases.event.status_changed' | transloco: { status: ('caseStatus.' + line.status | transloco) } }}
                } @else {
                  {{ 'cases.event.status_changed_unknown' | transloco }}
                }
              }
              @case ('reopened') {
                @if (line.status) {
                  {{ 'cases.event.reopenedAs' | transloco: { status: ('caseStatus.' + line.status | transloco) } }}
                } @else {
                  {{ 'cases.event.reopened' | transloco }}
                }
              }
              @default {
                {{ 'cases.event.' + line.action | transloco }}
              }
            }
          </div>
          @if (line.text) {
            <p class="text">{{ line.text }}</p>
          }
        </li>
      } @empty {
        <li>{{ 'cases.event.none' | transloco }}</li>
      }
    </ol>
  `,
})
export class CaseTimeline {
  readonly events = input.required<readonly CaseEventResponse[]>();
  readonly ruleNames = input<ReadonlyMap<string, string>>(new Map());
  /** The cooperative's staff by user id, to name who a case was given to. */
  readonly userNames = input<ReadonlyMap<string, string>>(new Map());
  readonly lang = input.required<string>();

  protected readonly lines = computed(() =>
    this.events().map((event) => timelineLine(event, this.ruleNames(), this.userNames())),
  );
}
