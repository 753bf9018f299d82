import type { MigrationObject } from '@mikro-orm/core';
import { FederationInitial20261125000000 } from './federation/20261125000000-federation-initial.js';
import { TenantInitial20261125000000 } from './tenant/20261125000000-tenant-initial.js';
import { TenantMembersLedger20261125100000 } from './tenant/20261125100000-members-ledger.js';
import { TenantLoans20261125110000 } from './tenant/20261125110000-loans.js';
import { TenantContributionOverrides20261125120000 } from './tenant/20261125120000-contribution-overrides.js';
import { TenantImports20261125130000 } from './tenant/20261125130000-imports.js';
import { TenantLoanPenalties20261125140000 } from './tenant/20261125140000-loan-penalties.js';
import { TenantAudit20261126000000 } from './tenant/20261126000000-audit.js';
import { TenantInvestigations20261126200000 } from './tenant/20261126200000-investigations.js';
import { FederationRulePacks20261126000000 } from './federation/20261126000000-rule-packs.js';
import { FederationCooperativeSummaries20261201000000 } from './federation/20261201000000-cooperative-summaries.js';
import { TenantDashboards20261201000000 } from './tenant/20261201000000-dashboards.js';
import { FederationNotifications20261202000000 } from './federation/20261202000000-notifications.js';
import { TenantNotifications20261202000000 } from './tenant/20261202000000-notifications.js';
import { TenantImportStaging20261207000000 } from './tenant/20261207000000-import-staging.js';
import { TenantPenaltyPolicy20261207100000 } from './tenant/20261207100000-penalty-policy.js';

/**
 * Migrations are listed here, in order, rather than discovered from the disk:
 * the same list then works from sources (Jest) and from the build.
 */
export const federationMigrations: MigrationObject[] = [
  { name: '20261125000000-federation-initial', class: FederationInitial20261125000000 },
  { name: '20261126000000-rule-packs', class: FederationRulePacks20261126000000 },
  { name: '20261201000000-cooperative-summaries', class: FederationCooperativeSummaries20261201000000 },
  { name: '20261202000000-notifications', class: FederationNotifications20261202000000 },
];

export const tenantMigrations: MigrationObject[] = [
  { name: '20261125000000-tenant-initial', class: TenantInitial20261125000000 },
  { name: '20261125100000-members-ledger', class: TenantMembersLedger20261125100000 },
  { name: '20261125110000-loans', class: TenantLoans20261125110000 },
  { name: '20261125120000-contribution-overrides', class: TenantContributionOverrides20261125120000 },
  { name: '20261125130000-imports', class: TenantImports20261125130000 },
  { name: '20261125140000-loan-penalties', class: TenantLoanPenalties20261125140000 },
  { name: '20261126000000-audit', class: TenantAudit20261126000000 },
  { name: '20261126200000-investigations', class: TenantInvestigations20261126200000 },
  { name: '20261201000000-dashboards', class: TenantDashboards20261201000000 },
  { name: '20261202000000-notifications', class: TenantNotifications20261202000000 },
  { name: '20261207000000-import-staging', class: TenantImportStaging20261207000000 },
  { name: '20261207100000-penalty-policy', class: TenantPenaltyPolicy20261207100000 },
];
