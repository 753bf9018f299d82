import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The paginator under a list page, shown only when there is more than one page (or the user
 * is past the first): `<kz-list-paginator [total]="page.total" [count]="page.items.length"
 * [(pageIndex)]="pageIndex" [(pageSize)]="pageSize" />`. A new page size starts over at the first
 * page when the page's `pageIndex` is a `linkedSignal` over the size.
 */
@Component({
  selector: 'kz-list-paginator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule, TranslocoPipe],
  template: `
    @if (total() > count() || pageIndex() > 0) {
      <mat-paginator
        [length]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="sizes()"
        (page)="onPage($event)"
        [attr.aria-label]="'common.pagination' | transloco"
      />
    }
  `,
})
export class ListPaginator {
  /** All the items matching the filters, and how many the current page shows. */
  readonly total = input.required<number>();
  readonly count = input.required<number>();
  readonly pageIndex = model.required<number>();
  readonly pageSize = model.required<number>();
  readonly sizes = input<readonly number[]>([25, 50, 100]);

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
