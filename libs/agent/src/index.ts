export * from './ports/investigation-ports.js';
export * from './ports/assistant-ports.js';
export * from './evidence/evidence.js';
export * from './evidence/figures.js';
export * from './evidence/tool-call.js';
export {
  READ_TOOLS,
  READ_TOOL_NAMES,
  type ReadToolName,
  isReadTool,
  type ReadToolLimits,
} from './evidence/read-tools.js';
export * from './report/report-schema.js';
export { sanitizeText } from './report/sanitize.js';
export { checkDraft, settleDraft, knownNumbers, numbersIn, type CheckContext } from './report/claim-checker.js';
export * from './analyst/analyst.js';
export { ChatModelAnalyst } from './analyst/chat-model-analyst.js';
export { OfflineAnalyst, OFFLINE_MODEL } from './analyst/offline-analyst.js';
export { isRetryableProviderError, DEFAULT_PROVIDER_RETRY, type ProviderRetry } from './analyst/provider-errors.js';
export * from './budget/token-budget.js';
export * from './models/model-config.js';
export * from './models/agent-models.js';
export * from './graph/review-decision.js';
export type { StepRecord, InvestigationNode, InvestigationOutcome } from './graph/investigation-state.js';
export { DEFAULT_INVESTIGATION_LIMITS, type InvestigationLimits } from './graph/investigation-nodes.js';
export * from './graph/investigation-runner.js';
export * from './checkpoint/postgres-checkpointer.js';
export * from './errors.js';
export * from './clock.js';
export * from './assistant/cited-text.js';
export type { WrittenText } from './assistant/checked-writing.js';
export * from './assistant/monthly-figures.js';
export * from './assistant/monthly-report.js';
export { monthlyReportRows, type ReportRow } from './assistant/monthly-report-text.js';
export * from './assistant/explain.js';
export * from './assistant/assistant-chat.js';
