import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MemberResponse, Page, TransactionResponse } from '@kotizo/contracts';
import { debounceTime, map } from 'rxjs';
import { AbilityService } from '../core/abilities/ability.service';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { JournalExportButton } from '../dashboards/journal-export-button';
import { MemberPicker } from '../members/member-picker';
import { journalParams, transactionsUrl } from './ledger-api';
import { ReversalAction } from './reversal-action';
import { TransactionItem } from './transaction-item';
import { TRANSACTION_KIND_VALUES } from './transaction-kinds';

/** The journal, newest first: filter by kind, member and dates; reverse a mistaken entry. */
@Component({
  selector: 'kz-journal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JournalExportButton,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    CanDirective,
    MemberPicker,
    TransactionItem,
  ],
  templateUrl: './journal-page.html',
  styleUrl: './journal-page.scss',
})
export class JournalPage {
  /** From the route (`/c/:slug/journal`), bound by the router. */
  readonly slug = input.required<string>();

  private readonly abilities = inject(AbilityService);
  private readonly reversal = inject(ReversalAction);
  protected readonly lang = inject(Language).current;

  protected readonly kinds = TRANSACTION_KIND_VALUES;
  protected readonly canReverse = computed(() => this.abilities.can('create', 'Transaction'));
  protected readonly filters = inject(NonNullableFormBuilder).group({
    kind: [''],
    member: new FormControl<MemberResponse | null>(null),
    from: [''],
    to: [''],
  });
  private readonly filterValue = toSignal(
    this.filters.valueChanges.pipe(
      debounceTime(200),
      map(() => this.filters.getRawValue()),
    ),
    { initialValue: this.filters.getRawValue() },
  );
  /** The dates filtered, which the CSV export of the journal covers. */
  protected readonly filterDates = computed(() => {
    const f = this.filterValue();
    return { from: f.from, to: f.to };
  });
  protected readonly filtered = computed(() => {
    const f = this.filterValue();
    return !!(f.kind || f.member || f.from || f.to);
  });
  protected readonly pageSize = signal(25);
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.slug(), this.filterValue(), this.pageSize()],
    computation: () => 0,
  });

  protected readonly journal = httpResource<Page<TransactionResponse>>(() => {
    const f = this.filterValue();
    return {
      url: transactionsUrl(this.slug()),
      params: journalParams({
        limit: this.pageSize(),
        offset: this.pageIndex() * this.pageSize(),
        kind: f.kind,
        memberId: f.member?.id,
        from: f.from,
        to: f.to,
      }),
    };
  });
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.journal.error())));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected reverse(entry: TransactionResponse): void {
    this.reversal.run(this.slug(), entry, this.lang()).subscribe(() => this.journal.reload());
  }
}
