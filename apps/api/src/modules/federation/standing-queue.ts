/** The federation's figures, on their own BullMQ queue so a slow refresh never delays audits or housekeeping. */
export const STANDING_QUEUE = 'standing';
/** Every 15 minutes: one refresh job per active cooperative (skipped inside when nothing changed). */
export const STANDING_DISPATCH_JOB = 'standing.dispatch';
/** Refreshes one cooperative's row of `federation.cooperative_standing`. */
export const STANDING_REFRESH_JOB = 'standing.refresh';
export const STANDING_EVERY = '*/15 * * * *';
