/** The audit jobs, on their own BullMQ queue so a long audit never delays housekeeping. */
export const AUDIT_QUEUE = 'audits';
/** One audit run (on demand, nightly, re-evaluation after an activation, after an import). */
export const AUDIT_RUN_JOB = 'audit.run';
/** Movements whose check failed right after their write, checked again. */
export const AUDIT_MOVEMENTS_JOB = 'audit.movements';
/** Fired by each cooperative's scheduler at night in its own zone; starts a scheduled run. */
export const AUDIT_NIGHTLY_JOB = 'audit.nightly';

export const nightlySchedulerId = (cooperativeId: string): string => `${AUDIT_NIGHTLY_JOB}:${cooperativeId}`;
