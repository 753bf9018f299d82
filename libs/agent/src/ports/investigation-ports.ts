import type {
  CaseDetailResponse,
  LoanResponse,
  MemberDuesResponse,
  MemberResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import type { RuleDefinition } from '@kotizo/rules-engine';

/**
 * What the agent reads, and nothing else: the API implements these ports
 * over one cooperative's schema. The cooperative is bound when the API
 * creates the port object (from the job's payload), never taken from what a
 * model asks for, so a tool call cannot name another tenant. Every method
 * only reads; none of them can change the books or a case.
 *
 * A record the caller may not see (another tenant's id, or another member's
 * data for a member asking the assistant) is `null` or left out of a list,
 * exactly like a record that does not exist.
 */

/** The cooperative the ports are bound to. */
export interface CooperativeRef {
  id: string;
  slug: string;
  name: string;
  /** ISO 4217; amounts are integers in its minor unit. */
  currency: string;
  timeZone: string;
}

/** A member as the agent sees them: the member record plus their savings. */
export interface MemberProfile extends MemberResponse {
  savings: number;
  penalties: number;
}

/** A case as evidence: the case detail without its event timeline. */
export type CaseEvidence = Omit<CaseDetailResponse, 'timeline'>;

export interface SimilarMovementsQuery {
  transactionId: string;
  /** Days before and after the movement's date. */
  windowDays: number;
  limit: number;
}

export interface InvestigationPorts {
  readonly cooperative: CooperativeRef;
  /** The case with its findings (rule, texts in French and English, held conditions, movement ids). */
  getCase(caseId: string): Promise<CaseDetailResponse | null>;
  /** The rule at the version that produced a finding. */
  getRule(ruleId: string, version: number): Promise<RuleDefinition | null>;
  getMember(memberId: string): Promise<MemberProfile | null>;
  /** The member's movements, newest first. */
  listMemberMovements(memberId: string, query: { limit: number }): Promise<TransactionResponse[]>;
  /** The movements among `ids` that exist (in any order). */
  getTransactions(ids: readonly string[]): Promise<TransactionResponse[]>;
  /** A loan with its schedule and position. */
  getLoan(loanId: string): Promise<LoanResponse | null>;
  /**
   * Movements of any member like the given one: same kind, and the same
   * amount (within 10 %) or the same external reference, within
   * `windowDays` of its date; the movement itself excluded; newest first.
   */
  findSimilarMovements(query: SimilarMovementsQuery): Promise<TransactionResponse[]>;
  getMemberDues(memberId: string): Promise<MemberDuesResponse | null>;
}
