/**
 * The one authorization vocabulary of the product, shared by the API guard and
 * the console. Feature issues add subjects here, and their abilities below.
 */
export const ACTIONS = ['manage', 'read', 'create', 'update', 'suspend', 'approve', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'all',
  'Cooperative',
  'CooperativeUser',
  'Settings',
  'Member',
  'Transaction',
  'Loan',
  'RuleSet',
  'Case',
  'Investigation',
  'Report',
  'Dashboard',
  'Notification',
  'Message',
  'AuditLog',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];
