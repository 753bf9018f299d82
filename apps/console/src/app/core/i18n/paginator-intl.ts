import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

interface PaginatorLabels {
  itemsPerPage: string;
  next: string;
  previous: string;
  first: string;
  last: string;
  empty: string;
  range: string;
}

/** Material's paginator labels in the interface language, following a switch. */
@Injectable()
export class TranslocoPaginatorIntl extends MatPaginatorIntl {
  private range = '{{ start }} – {{ end }} / {{ length }}';
  private empty = '0 / 0';

  constructor() {
    super();
    // Emits once the active language's file is loaded, and again on every switch.
    inject(TranslocoService)
      .selectTranslateObject<PaginatorLabels>('paginator')
      .pipe(takeUntilDestroyed())
      .subscribe((labels) => {
        this.itemsPerPageLabel = labels.itemsPerPage;
        this.nextPageLabel = labels.next;
        this.previousPageLabel = labels.previous;
        this.firstPageLabel = labels.first;
        this.lastPageLabel = labels.last;
        this.range = labels.range;
        this.empty = labels.empty;
        this.changes.next();
      });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.empty;
    const values: Record<string, number> = {
      start: page * pageSize + 1,
      end: Math.min((page + 1) * pageSize, length),
      length,
    };
    return this.range.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
  };
}
