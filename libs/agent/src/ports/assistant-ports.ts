import type {
  BalancesResponse,
  CaseSummaryResponse,
  DuesOverviewResponse,
  FindingResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import type { InvestigationPorts } from './investigation-ports.js';

/**
 * The assistant reads what an investigation reads, plus the month-level
 * views of the monthly report. The API binds these ports to the cooperative
 * and to the caller's rights: for a member, the ports answer about that
 * member only (another member's profile is `null`, lists leave others out).
 */
export interface AssistantPorts extends InvestigationPorts {
  /** Movements whose date (`occurredOn`) is within `from`..`to` inclusive, reversals included, oldest first. */
  listMovements(query: { from: string; to: string }): Promise<TransactionResponse[]>;
  /** Balances at the end of `asOf` (a `YYYY-MM-DD` day). */
  getBalances(asOf: string): Promise<BalancesResponse>;
  /** Dues of every member as they stood at the end of `asOf`. */
  getDuesOverview(asOf: string): Promise<DuesOverviewResponse>;
  /** Cases not yet closed (open or investigating). */
  listOpenCases(): Promise<CaseSummaryResponse[]>;
  /** Findings first seen within `from`..`to` (days, inclusive). */
  listFindings(query: { from: string; to: string }): Promise<FindingResponse[]>;
}
