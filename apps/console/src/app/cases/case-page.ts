import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseDetailResponse } from '@kotizo/contracts';
import type { Localized } from '@kotizo/rules-engine';
import type { Observable } from 'rxjs';
import { findingAnchor } from '../agent/citations';
import { InvestigationPanel } from '../agent/investigation-panel';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { fieldMessage } from '../core/ui/field-message';
import { LoadStatus } from '../core/ui/load-status';
import { StatusChip } from '../core/ui/status-chip';
import { FindingSnooze } from '../rules/finding-snooze';
import { CaseStatusDialog, type CaseStatusDialogData } from './case-status-dialog';
import { CaseSubject } from './case-subject';
import { CaseTimeline } from './case-timeline';
import { isClosingStatus } from './case-values';
import { CasesApi, caseUrl } from './cases-api';

/** A rule's words in the interface language (French when the language is not one of the two). */
export function localized(text: Localized, lang: string): string {
  return lang === 'en' ? text.en : text.fr;
}

/**
 * One case: what it is about, each finding with the rule's words and the conditions that held
 * (and links to the movements), its story, and, for auditors and admins, assignment, comments
 * and the decision that closes it.
 */
@Component({
  selector: 'kz-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    CaseSubject,
    CaseTimeline,
    FindingSnooze,
    InvestigationPanel,
    KzDatePipe,
    LoadStatus,
    StatusChip,
  ],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
})
export class CasePage {
  /** From the route (`/c/:slug/cases/:caseId`), bound by the router. */
  readonly slug = input.required<string>();
  readonly caseId = input.required<string>();

  private readonly api = inject(CasesApi);
  private readonly abilities = inject(AbilityService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly message = fieldMessage;
  protected readonly localized = localized;
  /** Each finding's card can be pointed at (`#finding-<id>`): an investigation's report cites them. */
  protected readonly anchor = findingAnchor;

  protected readonly case = httpResource<CaseDetailResponse>(() => caseUrl(this.slug(), this.caseId()));
  /** Assign, comment, change the status: auditors and admins. */
  protected readonly canWork = computed(() => this.abilities.can('update', 'Case'));
  protected readonly canSeeMovements = computed(() => this.abilities.can('read', 'Transaction'));
  /** Admins and auditors: who may be given the case, and names for the timeline. */
  protected readonly assignees = rxResource({
    params: () => (this.abilities.can('read', 'CooperativeUser') ? this.slug() : undefined),
    stream: ({ params }) => this.api.assignees(params),
  });
  protected readonly userNames = computed(
    () => new Map((this.assignees.value() ?? []).map((user) => [user.id, user.name] as const)),
  );
  protected readonly ruleNames = computed(() => {
    const lang = this.lang();
    const findings = this.case.hasValue() ? this.case.value().findings : [];
    return new Map(findings.map((f) => [f.ruleId, localized(f.ruleName, lang)]));
  });
  protected readonly closed = computed(() => this.case.hasValue() && isClosingStatus(this.case.value().status));

  protected readonly busy = signal(false);
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(2000)],
  });
  protected readonly commentForm = new FormGroup({ text: this.comment });

  protected assign(assigneeId: string): void {
    this.update(this.api.assign(this.slug(), this.caseId(), assigneeId || null), 'cases.assign.done');
  }

  protected sendComment(): void {
    const text = this.comment.value.trim();
    if (!text) {
      this.comment.setValue('');
      this.comment.markAsTouched();
      return;
    }
    this.update(this.api.comment(this.slug(), this.caseId(), text), 'cases.comment.done', () => this.comment.reset());
  }

  protected changeStatus(current: CaseDetailResponse): void {
    this.dialog
      .open<CaseStatusDialog, CaseStatusDialogData, CaseDetailResponse>(CaseStatusDialog, {
        data: { slug: this.slug(), case: current },
        maxWidth: '560px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.case.set(updated);
        this.notify('cases.statusDialog.done', {
          status: this.transloco.translate(`caseStatus.${updated.status}`),
        });
      });
  }

  private update(call: Observable<CaseDetailResponse>, doneKey: string, after?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    call.subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.case.set(updated);
        after?.();
        this.notify(doneKey);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notify(problemMessageKey(toProblem(error)));
      },
    });
  }

  private notify(key: string, params?: Record<string, string>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 5000 });
  }
}
