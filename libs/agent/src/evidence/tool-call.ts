/** One call of a read tool, as the run records it (its arguments, not its result). */
export interface ToolCallRecord {
  /** The model's tool-call id, or one made up for calls decided by code. */
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Who asked: the graph's own evidence gathering, or the analyst (model or offline). */
  by: 'code' | 'analyst';
  /**
   * ok: the port answered; not_found: the record does not exist or is not
   * visible; cached: the same call was already made in this run, answered
   * from the evidence without calling the port again; rejected: refused
   * before reaching any port (unknown tool, bad arguments, id never seen).
   */
  status: 'ok' | 'not_found' | 'cached' | 'rejected';
  /** Size of the port's answer, in bytes of JSON (0 when no port was called). */
  resultBytes: number;
  /** Ids of the records the call returned. */
  recordIds: string[];
  reason?: string;
}

/** A tool call as an analyst asks for it, before any check. */
export interface RequestedToolCall {
  id: string;
  name: string;
  args: unknown;
}
