import type {
  BalancesResponse,
  CaseSummaryResponse,
  DuesOverviewResponse,
  FindingResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import type { AssistantPorts } from '../ports/assistant-ports.js';
import type { Clock } from '../clock.js';
import type { Books } from './world.js';

export interface PortCall {
  method: string;
  args: unknown[];
}

/**
 * Ports over in-memory books holding several tenants, bound to one of them
 * the way the API binds its ports: every answer comes from that tenant's
 * books only. Records every call, to count side effects.
 */
export class FakePorts implements AssistantPorts {
  readonly calls: PortCall[] = [];
  /** Makes the next `n` calls of `method` throw (a database hiccup). */
  private failures = new Map<string, number>();

  constructor(
    private readonly all: Record<string, Books>,
    private readonly tenant: string,
    private readonly options: { visibleMemberId?: string } = {},
  ) {}

  get cooperative() {
    return this.books.cooperative;
  }

  private get books(): Books {
    const books = this.all[this.tenant];
    if (!books) throw new Error(`unknown tenant ${this.tenant}`);
    return books;
  }

  failNext(method: string, times = 1): void {
    this.failures.set(method, times);
  }

  count(method?: string): number {
    return method ? this.calls.filter((c) => c.method === method).length : this.calls.length;
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const left = this.failures.get(method) ?? 0;
    if (left > 0) {
      this.failures.set(method, left - 1);
      throw new Error(`${method}: connection to the database lost`);
    }
  }

  /** A member-scoped caller sees only their own member record and movements. */
  private visible(memberId: string | null): boolean {
    return this.options.visibleMemberId === undefined || memberId === this.options.visibleMemberId;
  }

  async getCase(caseId: string) {
    this.record('getCase', caseId);
    return structuredClone(this.books.cases.find((c) => c.id === caseId) ?? null);
  }

  async getRule(ruleId: string, version: number) {
    this.record('getRule', ruleId, version);
    return structuredClone(this.books.rules.find((r) => r.id === ruleId) ?? null);
  }

  async getMember(memberId: string) {
    this.record('getMember', memberId);
    const m = this.books.members.find((x) => x.id === memberId);
    return m && this.visible(m.id) ? structuredClone(m) : null;
  }

  async listMemberMovements(memberId: string, query: { limit: number }) {
    this.record('listMemberMovements', memberId, query);
    if (!this.visible(memberId)) return [];
    return structuredClone(
      this.books.transactions
        .filter((t) => t.memberId === memberId)
        .sort((a, b) => b.seq - a.seq)
        .slice(0, query.limit),
    );
  }

  async getTransactions(ids: readonly string[]) {
    this.record('getTransactions', [...ids]);
    return structuredClone(this.books.transactions.filter((t) => ids.includes(t.id) && this.visible(t.memberId)));
  }

  async getLoan(loanId: string) {
    this.record('getLoan', loanId);
    const loan = this.books.loans.find((l) => l.id === loanId);
    return loan && this.visible(loan.memberId) ? structuredClone(loan) : null;
  }

  async findSimilarMovements(query: { transactionId: string; windowDays: number; limit: number }) {
    this.record('findSimilarMovements', query);
    const t = this.books.transactions.find((x) => x.id === query.transactionId);
    if (!t) return [];
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    return structuredClone(
      this.books.transactions
        .filter(
          (o) =>
            o.id !== t.id &&
            o.kind === t.kind &&
            Math.abs(day(o.occurredOn) - day(t.occurredOn)) <= query.windowDays &&
            (Math.abs(o.amount - t.amount) * 10 <= t.amount ||
              (t.externalRef !== null && o.externalRef === t.externalRef)),
        )
        .sort((a, b) => b.seq - a.seq)
        .slice(0, query.limit),
    );
  }

  async getMemberDues(memberId: string) {
    this.record('getMemberDues', memberId);
    return this.visible(memberId)
      ? structuredClone(this.books.dues.find((d) => d.memberId === memberId) ?? null)
      : null;
  }

  async listMovements(query: { from: string; to: string }): Promise<TransactionResponse[]> {
    this.record('listMovements', query);
    return structuredClone(
      this.books.transactions
        .filter((t) => t.occurredOn >= query.from && t.occurredOn <= query.to && this.visible(t.memberId))
        .sort((a, b) => a.seq - b.seq),
    );
  }

  async getBalances(asOf: string): Promise<BalancesResponse> {
    this.record('getBalances', asOf);
    const upTo = this.books.transactions.filter((t) => t.occurredOn <= asOf);
    const sum = (kind: string) => upTo.filter((t) => t.kind === kind).reduce((s, t) => s + t.amount, 0);
    return {
      currency: this.books.cooperative.currency,
      cash: upTo.reduce((s, t) => s + t.direction * t.amount, 0),
      contributions: sum('contribution'),
      expenses: sum('expense'),
      income: sum('income'),
      penalties: sum('penalty'),
    };
  }

  async getDuesOverview(asOf: string): Promise<DuesOverviewResponse> {
    this.record('getDuesOverview', asOf);
    return {
      currency: this.books.cooperative.currency,
      asOf,
      members: this.books.dues
        .filter((d) => this.visible(d.memberId))
        .map((d) => {
          const m = this.books.members.find((x) => x.id === d.memberId);
          return {
            memberId: d.memberId,
            number: m?.number ?? 0,
            fullName: m?.fullName ?? '',
            amountDue: d.amountDue,
            amountLate: d.amountLate,
            latePeriods: d.periods.filter((p) => p.status === 'late').length,
          };
        }),
    };
  }

  async listOpenCases(): Promise<CaseSummaryResponse[]> {
    this.record('listOpenCases');
    return structuredClone(
      this.books.cases
        .filter((c) => c.status === 'open' || c.status === 'investigating')
        .map(({ findings: _f, timeline: _t, outcomeNote: _o, ...summary }) => summary),
    );
  }

  async listFindings(query: { from: string; to: string }): Promise<FindingResponse[]> {
    this.record('listFindings', query);
    return structuredClone(
      this.books.cases
        .flatMap((c) => c.findings)
        .filter((f) => f.firstSeenAt.slice(0, 10) >= query.from && f.firstSeenAt.slice(0, 10) <= query.to),
    );
  }
}

/** A clock that moves one second each time it is read: durations are non-zero and the same every run. */
export function tickingClock(start = '2026-11-24T10:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return {
    now: () => {
      const d = new Date(t);
      t += 1000;
      return d;
    },
  };
}
