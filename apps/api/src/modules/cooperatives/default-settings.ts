import type { CreateCooperativeCommand } from '@kotizo/contracts';
import { DEFAULT_PENALTY_POLICY, PENALTY_POLICY_SETTING } from '../loans/penalty-policy-settings.js';

/**
 * Settings every new cooperative starts with; its admin tunes them later.
 * Kept in the cooperative's own schema so they travel with its books.
 */
export function defaultSettings(command: CreateCooperativeCommand): Record<string, unknown> {
  return {
    'general.currency': command.currency,
    'general.timeZone': command.timeZone,
    'general.locale': command.locale,
    // A loan is approved by someone other than who requested it.
    'loans.makerChecker': true,
    // Late installments are penalised by hand until the admin turns the automatic policy on.
    [PENALTY_POLICY_SETTING]: DEFAULT_PENALTY_POLICY,
    // Whether the author of a rule-set draft may activate it.
    'rules.authorMayActivate': false,
    'office.hours': { opens: '07:00', closes: '19:00' },
    // Repeated amounts just under it (minor units) look like a payment split to stay below a control.
    'audit.structuringThreshold': 100_000,
  };
}
