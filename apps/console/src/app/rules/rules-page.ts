import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  ActiveRuleSetResponse,
  PackUpdateResponse,
  RuleSetDraftResponse,
  RuleSetVersionResponse,
} from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { Subject, catchError, filter, map, of, switchMap } from 'rxjs';
import { CasesApi } from '../cases/cases-api';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { ConfirmDialog, type ConfirmDialogData, type ConfirmDialogResult } from '../core/ui/confirm-dialog';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from '../core/ui/reason-dialog';
import { ActivateDialog, type ActivateDialogData } from './activate-dialog';
import { BacktestPanel } from './backtest-panel';
import { RuleChanges } from './rule-changes';
import {
  type ParamProblem,
  paramErrors,
  paramKey,
  readNumberParam,
  withRuleEnabled,
  withRuleParam,
} from './rule-edits';
import { RuleJsonEditor, type RuleSetProblem } from './rule-json-editor';
import { type EnabledEdit, type ParamEdit, RuleList } from './rule-list';
import { RuleVersions } from './rule-versions';
import { RulesApi, draftUrl, packUpdateUrl, rulesUrl, versionsUrl } from './rules-api';
import { SnoozeList } from './snooze-list';

/**
 * The cooperative's audit rules. The version in force is never edited: the first change (a
 * switch, a threshold, the JSON) copies it into a draft, saved whole on each change. The draft is
 * tested on the history, then activated by someone other than its author; any older version
 * can be made active again. A newer version of the rule pack can be adopted into the draft.
 */
@Component({
  selector: 'kz-rules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    BacktestPanel,
    KzDatePipe,
    LoadStatus,
    RuleChanges,
    RuleJsonEditor,
    RuleList,
    RuleVersions,
    SnoozeList,
  ],
  templateUrl: './rules-page.html',
  styleUrl: './rules-page.scss',
})
export class RulesPage {
  /** From the route (`/c/:slug/rules`), bound by the router. */
  readonly slug = input.required<string>();

  private readonly api = inject(RulesApi);
  private readonly cases = inject(CasesApi);
  private readonly abilities = inject(AbilityService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;

  /** Edit the draft (admins, auditors); activate it or roll back: `approve`. */
  protected readonly canEdit = computed(() => this.abilities.can('update', 'RuleSet'));
  protected readonly canApprove = computed(() => this.abilities.can('approve', 'RuleSet'));

  protected readonly active = httpResource<ActiveRuleSetResponse>(() => rulesUrl(this.slug()));
  protected readonly draftResource = httpResource<RuleSetDraftResponse>(() => draftUrl(this.slug()));
  protected readonly versions = httpResource<RuleSetVersionResponse[]>(() => versionsUrl(this.slug()));
  protected readonly packUpdate = httpResource<PackUpdateResponse>(() =>
    this.canEdit() ? packUpdateUrl(this.slug()) : undefined,
  );
  private readonly staff = rxResource({
    params: () => (this.abilities.can('read', 'CooperativeUser') ? this.slug() : undefined),
    stream: ({ params }) => this.cases.assignees(params),
  });
  protected readonly userNames = computed(
    () => new Map((this.staff.value() ?? []).map((user) => [user.id, user.name] as const)),
  );

  protected readonly draft = computed(() => (this.draftResource.hasValue() ? this.draftResource.value() : null));
  /** A 404 only says there is no draft. */
  protected readonly draftError = computed(() => {
    const error = this.draftResource.error();
    return error && toProblem(error).status !== 404 ? error : undefined;
  });
  protected readonly activeSet = computed(() => (this.active.hasValue() ? this.active.value().ruleSet : null));
  /** Edits wait until it is known whether a draft exists (else the first would overwrite it). */
  protected readonly ready = computed(() => this.active.hasValue() && !this.draftResource.isLoading());
  private readonly saved = computed(() => this.draft()?.ruleSet ?? this.activeSet());
  /** What the page shows: the saved rule set, with the edit being saved already applied. */
  protected readonly working = linkedSignal<RuleSet | null>(() => this.saved());
  protected readonly changedRules = computed(
    () => new Set((this.draft()?.changes ?? []).filter((c) => c.change !== 'removed').map((c) => c.ruleId)),
  );

  protected readonly saving = signal(false);
  protected readonly saveErrorKey = signal<string | null>(null);
  /** The API's problems with the last rule set sent (422), by JSON pointer. */
  protected readonly saveProblems = signal<RuleSetProblem[]>([]);
  private readonly localErrors = signal<ReadonlyMap<string, ParamProblem>>(new Map());
  protected readonly paramProblems = computed(() => {
    const errors = new Map<string, ParamProblem & { text?: string }>(this.localErrors());
    for (const [key, text] of paramErrors(this.saveProblems(), this.working())) {
      if (!errors.has(key)) errors.set(key, { key: 'validation.server', text });
    }
    return errors;
  });

  private readonly saves = new Subject<{ slug: string; ruleSet: RuleSet }>();

  constructor() {
    // The latest rule set wins: each save sends the whole set, so an older one in flight is dropped.
    this.saves
      .pipe(
        switchMap(({ slug, ruleSet }) =>
          this.api.saveDraft(slug, ruleSet).pipe(
            map((draft) => ({ draft, error: null as unknown })),
            catchError((error: unknown) => of({ draft: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ draft, error }) => {
        this.saving.set(false);
        if (draft) {
          this.saveProblems.set([]);
          this.draftResource.set(draft);
          return;
        }
        const problem = toProblem(error);
        if (problem.status === 422 && problem.errors?.length) {
          this.saveProblems.set(problem.errors.map(({ field, message }) => ({ path: field, message })));
          this.saveErrorKey.set('rules.draft.invalid');
        } else {
          this.saveErrorKey.set(problemMessageKey(problem));
          this.working.set(this.saved());
        }
      });
  }

  protected setEnabled({ ruleId, enabled }: EnabledEdit): void {
    const set = this.working();
    if (set) this.save(withRuleEnabled(set, ruleId, enabled));
  }

  protected setParam({ ruleId, name, typed }: ParamEdit): void {
    const set = this.working();
    const param = set?.rules.find((rule) => rule.id === ruleId)?.params[name];
    if (!set || !param) return;
    const key = paramKey(ruleId, name);
    let value: RuleSet['rules'][number]['params'][string]['value'] = typed;
    if (typeof typed === 'string' && typeof param.value === 'number') {
      const read = readNumberParam(param, typed);
      if (read.problem) {
        this.localErrors.update((errors) => new Map(errors).set(key, read.problem));
        return;
      }
      value = read.value;
    }
    this.localErrors.update((errors) => {
      const next = new Map(errors);
      next.delete(key);
      return next;
    });
    if (value !== param.value) this.save(withRuleParam(set, ruleId, name, value));
  }

  protected applyJson(ruleSet: RuleSet): void {
    this.save(ruleSet);
  }

  private save(ruleSet: RuleSet): void {
    if (!this.ready() || !this.canEdit()) return;
    this.working.set(ruleSet);
    this.saving.set(true);
    this.saveErrorKey.set(null);
    this.saves.next({ slug: this.slug(), ruleSet });
  }

  protected activate(draft: RuleSetDraftResponse): void {
    this.dialog
      .open<ActivateDialog, ActivateDialogData, ActiveRuleSetResponse>(ActivateDialog, {
        data: { slug: this.slug(), draft, active: this.activeSet(), lang: this.lang() },
        maxWidth: '560px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((active) => {
        if (!active) return;
        this.inForce(active);
        this.notify('rules.activate.done', { version: String(active.version) });
      });
  }

  protected discard(): void {
    this.confirm({
      titleKey: 'rules.draft.discardTitle',
      messageKey: 'rules.draft.discardMessage',
      confirmKey: 'rules.draft.discard',
      danger: true,
    })
      .pipe(switchMap(() => this.api.discardDraft(this.slug())))
      .subscribe({
        next: () => {
          this.forgetDraft();
          this.notify('rules.draft.discarded');
        },
        error: (error: unknown) => this.notify(problemMessageKey(toProblem(error))),
      });
  }

  protected rollback(version: RuleSetVersionResponse): void {
    const params = { version: String(version.version) };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
        data: {
          titleKey: 'rules.rollback.title',
          messageKey: 'rules.rollback.message',
          confirmKey: 'rules.rollback.confirm',
          reasonKey: 'rules.rollback.note',
          params,
          required: true,
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .pipe(
        filter((note): note is string => !!note),
        switchMap((note) => this.api.rollback(this.slug(), version.version, note)),
      )
      .subscribe({
        next: (active) => {
          this.inForce(active);
          this.draftResource.reload();
          this.notify('rules.rollback.done', { version: String(version.version), current: String(active.version) });
        },
        error: (error: unknown) => this.notify(problemMessageKey(toProblem(error))),
      });
  }

  protected adopt(update: PackUpdateResponse): void {
    this.confirm({
      titleKey: 'rules.pack.adoptTitle',
      messageKey: this.draft() ? 'rules.pack.adoptOverDraft' : 'rules.pack.adoptMessage',
      params: { pack: update.pack, version: update.latestVersion },
      confirmKey: 'rules.pack.adopt',
    })
      .pipe(switchMap(() => this.api.adoptPackUpdate(this.slug())))
      .subscribe({
        next: (draft) => {
          this.saveProblems.set([]);
          this.localErrors.set(new Map());
          this.draftResource.set(draft);
          this.packUpdate.reload();
          this.notify('rules.pack.adopted', { version: update.latestVersion });
        },
        error: (error: unknown) => this.notify(problemMessageKey(toProblem(error))),
      });
  }

  /** A new version is in force: no draft any more (activation) and one more version. */
  private inForce(active: ActiveRuleSetResponse): void {
    this.active.set(active);
    this.forgetDraft();
    this.versions.reload();
    this.packUpdate.reload();
  }

  private forgetDraft(): void {
    this.draftResource.set(undefined);
    // Also drops an edit the API refused before any draft existed.
    this.working.set(this.saved());
    this.saveProblems.set([]);
    this.localErrors.set(new Map());
    this.saveErrorKey.set(null);
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, {
        data,
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .pipe(filter((result): result is ConfirmDialogResult => result !== undefined));
  }

  private notify(key: string, params?: Record<string, string>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 6000 });
  }
}
