import { MemorySaver } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { Analyst } from '../analyst/analyst.js';
import { OfflineAnalyst } from '../analyst/offline-analyst.js';
import type { TokenBudget, UsageRecord } from '../budget/token-budget.js';
import { InvestigationRunner, type InvestigationEvent } from '../graph/investigation-runner.js';
import { FakePorts, tickingClock } from './fake-ports.js';
import { type Books, buildBooks } from './world.js';

/** French amounts use narrow no-break spaces; tests compare with plain ones. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function twoTenants(overrides: Parameters<typeof buildBooks>[1] = {}): Record<'A' | 'B', Books> {
  return { A: buildBooks('A', overrides), B: buildBooks('B') };
}

export interface Harness {
  books: Record<'A' | 'B', Books>;
  ports: FakePorts;
  runner: InvestigationRunner;
  events: InvestigationEvent[];
}

export function harness(
  options: {
    analyst?: Analyst;
    books?: Record<'A' | 'B', Books>;
    checkpointer?: BaseCheckpointSaver;
    budget?: TokenBudget;
    retry?: ConstructorParameters<typeof InvestigationRunner>[0]['retry'];
  } = {},
): Harness {
  const books = options.books ?? twoTenants();
  const ports = new FakePorts(books, 'A');
  const runner = new InvestigationRunner({
    ports,
    analyst: options.analyst ?? new OfflineAnalyst(),
    checkpointer: options.checkpointer ?? new MemorySaver(),
    clock: tickingClock(),
    budget: options.budget,
    retry: { initialIntervalMs: 1, maxIntervalMs: 5, ...options.retry },
  });
  return { books, ports, runner, events: [] };
}

/** A budget kept in memory, as the API keeps it in its database. */
export class MemoryBudget implements TokenBudget {
  readonly records: UsageRecord[] = [];
  constructor(
    public limit: number | null,
    public used = 0,
  ) {}
  async usedThisMonth() {
    return this.used;
  }
  async monthlyLimit() {
    return this.limit;
  }
  async record(usage: UsageRecord) {
    this.records.push(usage);
    this.used += usage.inputTokens + usage.outputTokens;
  }
}
