import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type ActiveRuleSetResponse,
  type CasePage,
  type CasesChangedEvent,
  type MemberResponse,
  SOCKET_EVENTS,
} from '@kotizo/contracts';
import { debounceTime, filter } from 'rxjs';
import { AbilityService } from '../core/abilities/ability.service';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { Realtime } from '../core/realtime/realtime';
import { type CountChip, CountChips } from '../core/ui/count-chips';
import { KzDatePipe } from '../core/ui/date.pipe';
import { ListPaginator } from '../core/ui/list-paginator';
import { LoadStatus } from '../core/ui/load-status';
import { StatusChip } from '../core/ui/status-chip';
import { MemberPicker } from '../members/member-picker';
import { rulesUrl } from '../rules/rules-api';
import { AuditRun } from './audit-run';
import {
  CASE_STATUS_FILTERS,
  type CaseStatusFilter,
  SEVERITY_VALUES,
  type SeverityLevel,
  countForStatus,
} from './case-values';
import { CaseSubject } from './case-subject';
import { CasesApi, caseListParams, casesUrl } from './cases-api';

/** Changes closer together than this reload the inbox once. */
export const LIVE_RELOAD_MS = 300;

const isStatusFilter = (value: string | undefined): value is CaseStatusFilter =>
  CASE_STATUS_FILTERS.includes(value as CaseStatusFilter);

/**
 * The cases inbox: counts by status and severity as filter chips, filters by rule, assignee
 * and member, newest first; a table on wide screens, cards on phones. Auditors and admins run
 * an audit from here and watch it progress.
 */
@Component({
  selector: 'kz-case-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    TranslocoPipe,
    AuditRun,
    CaseSubject,
    CountChips,
    KzDatePipe,
    ListPaginator,
    LoadStatus,
    MemberPicker,
    StatusChip,
  ],
  templateUrl: './case-list-page.html',
  styleUrl: './case-list-page.scss',
})
export class CaseListPage {
  /** From the route (`/c/:slug/cases?status=`), bound by the router. */
  readonly slug = input.required<string>();
  readonly status = input<string | undefined>();

  private readonly abilities = inject(AbilityService);
  private readonly api = inject(CasesApi);
  private readonly session = inject(Session);
  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  /** Starting an audit works cases (auditors, admins). */
  protected readonly canRunAudit = computed(() => this.abilities.can('update', 'Case'));
  private readonly canReadRules = computed(() => this.abilities.can('read', 'RuleSet'));
  private readonly canReadUsers = computed(() => this.abilities.can('read', 'CooperativeUser'));
  protected readonly myId = computed(() => this.session.me()?.id ?? '');

  /** Open and investigating cases first: the work still to do. */
  protected readonly statusFilter = linkedSignal<CaseStatusFilter>(() => {
    const param = this.status();
    return isStatusFilter(param) ? param : 'active';
  });
  protected readonly severity = signal<SeverityLevel | ''>('');
  protected readonly ruleId = signal('');
  protected readonly assigneeId = signal('');
  protected readonly member = new FormControl<MemberResponse | null>(null);
  private readonly memberValue = toSignal(this.member.valueChanges, { initialValue: null });
  protected readonly filtered = computed(
    () => !!(this.severity() || this.ruleId() || this.assigneeId() || this.memberValue()),
  );

  protected readonly pageSize = signal(25);
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({
    source: () => [
      this.slug(),
      this.statusFilter(),
      this.severity(),
      this.ruleId(),
      this.assigneeId(),
      this.memberValue(),
      this.pageSize(),
    ],
    computation: () => 0,
  });

  protected readonly cases = httpResource<CasePage>(() => ({
    url: casesUrl(this.slug()),
    params: caseListParams({
      limit: this.pageSize(),
      offset: this.pageIndex() * this.pageSize(),
      status: this.statusFilter(),
      severity: this.severity(),
      ruleId: this.ruleId(),
      assigneeId: this.assigneeId(),
      memberId: this.memberValue()?.id ?? '',
    }),
  }));
  private readonly counts = computed(() => (this.cases.hasValue() ? this.cases.value().counts : null));

  /** Rule names for the rule filter and the rows; ids alone for those who may not read the rules. */
  private readonly rules = httpResource<ActiveRuleSetResponse>(() =>
    this.canReadRules() ? rulesUrl(this.slug()) : undefined,
  );
  protected readonly ruleOptions = computed(() => {
    const lang = this.lang() === 'en' ? 'en' : 'fr';
    if (!this.rules.hasValue()) return [];
    return this.rules
      .value()
      .ruleSet.rules.map((rule) => ({ id: rule.id, name: rule.name[lang] }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  private readonly ruleNames = computed(() => new Map(this.ruleOptions().map((rule) => [rule.id, rule.name])));
  protected readonly assignees = rxResource({
    params: () => (this.canReadUsers() ? this.slug() : undefined),
    stream: ({ params }) => this.api.assignees(params),
  });

  protected readonly statusChips = computed<CountChip[]>(() =>
    CASE_STATUS_FILTERS.map((value) => ({
      value,
      labelKey: `cases.statusFilter.${value || 'all'}`,
      count: countForStatus(this.counts(), value),
    })),
  );
  protected readonly severityChips = computed<CountChip[]>(() => {
    const counts = this.counts();
    return [
      { value: '', labelKey: 'cases.allSeverities' },
      ...SEVERITY_VALUES.map((value) => ({
        value,
        labelKey: `severity.${value}`,
        count: counts ? (counts.bySeverity[value] ?? 0) : null,
      })),
    ];
  });

  /** The chosen assignee's name, for the select's trigger ("me" is translated there). */
  protected readonly assigneeName = computed(() => {
    const id = this.assigneeId();
    return id ? (this.assignees.value()?.find((user) => user.id === id)?.name ?? null) : null;
  });

  constructor() {
    // Live: a case opened, added to or assigned in this cooperative reloads the inbox (a burst of them, once).
    inject(Realtime)
      .on<CasesChangedEvent>(SOCKET_EVENTS.casesChanged)
      .pipe(
        filter((event) => event.tenant.slug === this.slug()),
        debounceTime(LIVE_RELOAD_MS),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.cases.reload());
  }

  protected ruleName(id: string): string {
    return this.ruleNames().get(id) ?? id;
  }

  protected setStatus(value: string): void {
    if (isStatusFilter(value)) this.statusFilter.set(value);
  }

  protected setSeverity(value: string): void {
    this.severity.set(SEVERITY_VALUES.includes(value as SeverityLevel) ? (value as SeverityLevel) : '');
  }

  protected clearFilters(): void {
    this.severity.set('');
    this.ruleId.set('');
    this.assigneeId.set('');
    this.member.setValue(null);
  }
}
