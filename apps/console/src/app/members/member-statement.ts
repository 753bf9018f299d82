import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberResponse, Page, TransactionResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { FileDownload } from '../core/export/download';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { DashboardsApi, defaultDelimiter } from '../dashboards/dashboards-api';
import { journalParams, transactionsUrl } from '../ledger/ledger-api';
import { ReversalAction } from '../ledger/reversal-action';
import { TransactionItem } from '../ledger/transaction-item';
import { statementCsvUrl } from './members-api';

/**
 * A member's entries in the journal, newest first, and their statement as a CSV file made by
 * the API (opening balance, every entry with the savings after it, closing balance), fetched
 * with the user's token.
 */
@Component({
  selector: 'kz-member-statement',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, TranslocoPipe, TransactionItem],
  styles: `
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 8px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
  `,
  template: `
    <header>
      <h2>{{ 'statement.title' | transloco }}</h2>
      <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="exporting()" data-testid="export-csv">
        <mat-icon svgIcon="download" />
        {{ 'statement.export' | transloco }}
      </button>
    </header>
    @if (entries.isLoading() || exporting()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (entries.error()) {
      <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
    }
    @if (entries.hasValue()) {
      @let page = entries.value();
      <ul class="kz-list" data-testid="statement">
        @for (entry of page.items; track entry.id) {
          <li>
            <kz-transaction-item
              [slug]="slug()"
              [entry]="entry"
              [lang]="lang()"
              [showMember]="false"
              [canReverse]="canReverse()"
              (reverse)="reverse($event)"
            />
          </li>
        } @empty {
          <li class="empty">{{ 'statement.empty' | transloco }}</li>
        }
      </ul>
      @if (page.total > page.items.length || pageIndex() > 0) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          (page)="onPage($event)"
          [attr.aria-label]="'common.pagination' | transloco"
        />
      }
    }
  `,
})
export class MemberStatement {
  readonly slug = input.required<string>();
  readonly member = input.required<MemberResponse>();

  private readonly downloads = inject(DashboardsApi);
  private readonly reversal = inject(ReversalAction);
  private readonly files = inject(FileDownload);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;
  protected readonly canReverse = computed(() => this.abilities.can('create', 'Transaction'));

  protected readonly pageSize = 10;
  protected readonly pageIndex = linkedSignal({ source: () => this.member().id, computation: () => 0 });
  protected readonly exporting = signal(false);
  protected readonly entries = httpResource<Page<TransactionResponse>>(() => ({
    url: transactionsUrl(this.slug()),
    params: journalParams({
      memberId: this.member().id,
      limit: this.pageSize,
      offset: this.pageIndex() * this.pageSize,
    }),
  }));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.entries.error())));

  reload(): void {
    this.entries.reload();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected reverse(entry: TransactionResponse): void {
    this.reversal.run(this.slug(), entry, this.lang()).subscribe(() => this.entries.reload());
  }

  protected exportCsv(): void {
    if (this.exporting()) return;
    const member = this.member();
    this.exporting.set(true);
    const params = { delimiter: defaultDelimiter(this.lang()) };
    this.downloads.csv(statementCsvUrl(this.slug(), member.id), params, `statement-${member.number}.csv`).subscribe({
      next: ({ filename, content }) => {
        this.exporting.set(false);
        this.files.save(filename, content, 'text/csv;charset=utf-8');
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.snackBar.open(this.transloco.translate(problemMessageKey(toProblem(error))), undefined, {
          duration: 6000,
        });
      },
    });
  }
}
