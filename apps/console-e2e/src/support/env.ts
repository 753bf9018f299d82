export interface E2eEnv {
  baseURL: string;
  adminEmail: string;
  adminPassword: string;
}

/** The same defaults as tools/e2e/stack.mjs. */
export function e2eEnv(): E2eEnv {
  return {
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:4300',
    adminEmail: process.env['E2E_ADMIN_EMAIL'] ?? 'admin@kotizo.test',
    adminPassword: process.env['E2E_ADMIN_PASSWORD'] ?? 'Kotizo-Admin-2026',
  };
}
