import type { FullConfig } from '@playwright/test';
import { e2eEnv } from './support/env';

/**
 * Fails fast, with a clear message, when the stack is not there or the federation admin
 * cannot sign in: better than every journey timing out on the login page.
 */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const { baseURL, adminEmail, adminPassword } = e2eEnv();
  const page = await fetch(baseURL).catch((error: unknown) => {
    throw new Error(`The console is not reachable at ${baseURL}: ${String(error)}`);
  });
  if (!page.ok) throw new Error(`The console at ${baseURL} answered ${page.status}`);

  const login = await fetch(new URL('/api/v1/auth/login', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (!login.ok) {
    throw new Error(
      `The federation admin ${adminEmail} cannot sign in through ${baseURL} (${login.status}): ` +
        'check E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD and the API behind the console server',
    );
  }
}
