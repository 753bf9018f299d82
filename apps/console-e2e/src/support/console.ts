import { type APIRequestContext, type Browser, type Page, expect } from '@playwright/test';
import { e2eEnv } from './env';

/** A suffix that keeps names and e-mails unique across runs against the same database. */
export const uniqueSuffix = () => Date.now().toString(36);

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function signInAsFederationAdmin(page: Page): Promise<void> {
  const { adminEmail, adminPassword } = e2eEnv();
  await signIn(page, adminEmail, adminPassword);
  await expect(page).toHaveURL(/\/federation\/cooperatives$/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Mon compte' }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login/);
}

export interface CreatedCooperative {
  slug: string;
  name: string;
  adminEmail: string;
  temporaryPassword: string | null;
}

/** Set-up through the API, for journeys that are about something else than creation. */
export async function createCooperativeThroughApi(
  request: APIRequestContext,
  name: string,
  slug: string,
): Promise<CreatedCooperative> {
  const { adminEmail, adminPassword } = e2eEnv();
  const login = await request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const email = `admin.${slug}@example.org`;
  const created = await request.post('/api/v1/coops', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { name, slug, country: 'CI', admin: { name: 'Koffi Yao', email } },
  });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { admin: { temporaryPassword: string | null } };
  return { slug, name, adminEmail: email, temporaryPassword: body.admin.temporaryPassword };
}

export interface CreatedUser {
  email: string;
  password: string;
}

/**
 * Adds a user to a cooperative through the API (as the federation admin), with a known
 * password so the journey can sign in without the one-time password hand-over.
 */
export async function addCooperativeUserThroughApi(
  request: APIRequestContext,
  slug: string,
  user: { name: string; role: string },
): Promise<CreatedUser> {
  const { adminEmail, adminPassword } = e2eEnv();
  const login = await request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const email = `${user.role}.${slug}@example.org`;
  const password = `Kotizo-${user.role}-2026`;
  const created = await request.post(`/api/v1/coops/${slug}/users`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { name: user.name, email, role: user.role, password },
  });
  expect(created.status()).toBe(201);
  return { email, password };
}

/**
 * A second signed-in user in the same browser (own cookies and storage), for journeys where
 * people take turns: nobody signs out and back in.
 */
export async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: e2eEnv().baseURL,
    locale: 'fr-FR',
    timezoneId: 'Africa/Abidjan',
  });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByTestId('main-nav')).toBeVisible();
  return page;
}
