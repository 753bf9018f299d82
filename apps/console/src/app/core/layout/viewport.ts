import { BreakpointObserver } from '@angular/cdk/layout';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones and small tablets: collapsed navigation, cards instead of tables. */
export const HANDSET_QUERY = '(max-width: 767.98px)';

@Injectable({ providedIn: 'root' })
export class Viewport {
  readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
