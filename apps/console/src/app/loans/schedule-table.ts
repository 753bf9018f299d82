import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';
import { StatusChip } from '../core/ui/status-chip';

/** An installment as shown: a preview has no status, payment or remainder yet. */
export interface ScheduleRow {
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
  total: number;
  /** Penalties charged on the installment (part of `total`). */
  penalty?: number;
  status?: string;
  paid?: number;
  remaining?: number;
}

/** A penalty goes on a late installment that still owes something (the API checks it too). */
export function isPenalizable(row: ScheduleRow): boolean {
  return row.status === 'late' && (row.remaining ?? 0) > 0;
}

/** A loan's installments: a table on wide screens, one small card each on phones. */
@Component({
  selector: 'kz-schedule-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, KzMoneyPipe, KzDayPipe, StatusChip],
  styles: `
    .wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: end;
      white-space: nowrap;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    th:first-child,
    td:first-child,
    th.left,
    td.left {
      text-align: start;
    }
    tfoot td {
      font-weight: 600;
      border-bottom: none;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 12px;
    }
    .line {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .due {
      font-weight: 500;
    }
    .total {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .split {
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
      margin-top: 2px;
    }
    .penalty {
      color: var(--mat-sys-error);
    }
    .card-action {
      display: flex;
      justify-content: flex-end;
      margin: 4px -8px -4px 0;
    }
  `,
  template: `
    @if (handset() || compact()) {
      <ul class="cards" data-testid="schedule">
        @for (row of rows(); track row.number) {
          <li class="card" [attr.data-testid]="'installment-' + row.number">
            <div class="line">
              <span class="due">{{ row.number }} · {{ row.dueDate | kzDay: lang() }}</span>
              <span class="total">{{ row.total | kzMoney: currency() : lang() }}</span>
            </div>
            <div class="line split">
              <span>
                {{ 'loans.schedule.principal' | transloco }} {{ row.principal | kzMoney: currency() : lang() }} ·
                {{ 'loans.schedule.interest' | transloco }} {{ row.interest | kzMoney: currency() : lang() }}
                @if (row.penalty) {
                  ·
                  <span class="penalty" [attr.data-testid]="'installment-penalty-' + row.number"
                    >{{ 'loans.schedule.penalty' | transloco }} {{ row.penalty | kzMoney: currency() : lang() }}</span
                  >
                }
              </span>
            </div>
            @if (row.status) {
              <div class="line split">
                <span>
                  {{ 'loans.schedule.paid' | transloco }} {{ row.paid ?? 0 | kzMoney: currency() : lang() }} ·
                  {{ 'loans.schedule.remaining' | transloco }} {{ row.remaining ?? 0 | kzMoney: currency() : lang() }}
                </span>
                <kz-status-chip
                  keys="installmentStatus"
                  [status]="row.status"
                  [attr.data-testid]="'installment-status-' + row.number"
                />
              </div>
            }
            @if (penalizable(row)) {
              <div class="card-action">
                <button
                  mat-button
                  type="button"
                  (click)="penalize.emit(row.number)"
                  [attr.data-testid]="'installment-penalize-' + row.number"
                >
                  {{ 'loans.penalty.action' | transloco }}
                </button>
              </div>
            }
          </li>
        }
      </ul>
    } @else {
      <div class="wrap">
        <table data-testid="schedule">
          <thead>
            <tr>
              <th scope="col">{{ 'loans.schedule.number' | transloco }}</th>
              <th scope="col" class="left">{{ 'loans.schedule.dueDate' | transloco }}</th>
              <th scope="col">{{ 'loans.schedule.principal' | transloco }}</th>
              <th scope="col">{{ 'loans.schedule.interest' | transloco }}</th>
              @if (withPenalty()) {
                <th scope="col">{{ 'loans.schedule.penalty' | transloco }}</th>
              }
              <th scope="col">{{ 'loans.schedule.total' | transloco }}</th>
              @if (withStatus()) {
                <th scope="col">{{ 'loans.schedule.paid' | transloco }}</th>
                <th scope="col">{{ 'loans.schedule.remaining' | transloco }}</th>
                <th scope="col" class="left">{{ 'loans.schedule.status' | transloco }}</th>
              }
              @if (withActions()) {
                <th scope="col">
                  <span class="visually-hidden">{{ 'common.actions' | transloco }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.number) {
              <tr [attr.data-testid]="'installment-' + row.number">
                <td>{{ row.number }}</td>
                <td class="left">{{ row.dueDate | kzDay: lang() }}</td>
                <td>{{ row.principal | kzMoney: currency() : lang() }}</td>
                <td>{{ row.interest | kzMoney: currency() : lang() }}</td>
                @if (withPenalty()) {
                  <td class="penalty" [attr.data-testid]="'installment-penalty-' + row.number">
                    @if (row.penalty) {
                      {{ row.penalty | kzMoney: currency() : lang() }}
                    }
                  </td>
                }
                <td>{{ row.total | kzMoney: currency() : lang() }}</td>
                @if (withStatus()) {
                  <td>{{ row.paid ?? 0 | kzMoney: currency() : lang() }}</td>
                  <td>{{ row.remaining ?? 0 | kzMoney: currency() : lang() }}</td>
                  <td class="left">
                    @if (row.status) {
                      <kz-status-chip
                        keys="installmentStatus"
                        [status]="row.status"
                        [attr.data-testid]="'installment-status-' + row.number"
                      />
                    }
                  </td>
                }
                @if (withActions()) {
                  <td>
                    @if (penalizable(row)) {
                      <button
                        mat-button
                        type="button"
                        (click)="penalize.emit(row.number)"
                        [attr.data-testid]="'installment-penalize-' + row.number"
                      >
                        {{ 'loans.penalty.action' | transloco }}
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <td colspan="2" class="left">{{ 'loans.schedule.totals' | transloco }}</td>
              <td>{{ totals().principal | kzMoney: currency() : lang() }}</td>
              <td>{{ totals().interest | kzMoney: currency() : lang() }}</td>
              @if (withPenalty()) {
                <td>{{ totals().penalty | kzMoney: currency() : lang() }}</td>
              }
              <td>{{ totals().total | kzMoney: currency() : lang() }}</td>
              @if (withStatus()) {
                <td>{{ totals().paid | kzMoney: currency() : lang() }}</td>
                <td>{{ totals().remaining | kzMoney: currency() : lang() }}</td>
                <td></td>
              }
              @if (withActions()) {
                <td></td>
              }
            </tr>
          </tfoot>
        </table>
      </div>
    }
  `,
})
export class ScheduleTable {
  readonly rows = input.required<readonly ScheduleRow[]>();
  readonly currency = input.required<string>();
  /** Cards whatever the screen (a narrow column, like the request page's preview). */
  readonly compact = input(false);
  /** The user may charge penalties (approve Loan) on this running loan: late rows offer it. */
  readonly canPenalize = input(false);
  /** The number of the late installment to charge a penalty on. */
  readonly penalize = output<number>();
  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  protected readonly withStatus = computed(() => this.rows().some((r) => r.status !== undefined));
  protected readonly withPenalty = computed(() => this.rows().some((r) => (r.penalty ?? 0) > 0));
  protected readonly withActions = computed(() => this.rows().some((r) => this.penalizable(r)));
  protected penalizable(row: ScheduleRow): boolean {
    return this.canPenalize() && isPenalizable(row);
  }
  protected readonly totals = computed(() =>
    this.rows().reduce(
      (sum, r) => ({
        principal: sum.principal + r.principal,
        interest: sum.interest + r.interest,
        penalty: sum.penalty + (r.penalty ?? 0),
        total: sum.total + r.total,
        paid: sum.paid + (r.paid ?? 0),
        remaining: sum.remaining + (r.remaining ?? 0),
      }),
      { principal: 0, interest: 0, penalty: 0, total: 0, paid: 0, remaining: 0 },
    ),
  );
}
