import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, test } from '@playwright/test';
import {
  addCooperativeUserThroughApi,
  createCooperativeThroughApi,
  signIn,
  signInAsFederationAdmin,
  uniqueSuffix,
} from './support/console';

/** "5 000 F CFA" as Intl writes it, with narrow no-break spaces (and the cell's own spacing). */
const fcfa = (amount: string) => new RegExp(`^\\s*${amount.replace(/ /g, '\\s')}\\sF\\sCFA\\s*$`);

/** The first day of the month `back` months ago, in UTC (Abidjan's calendar). */
function monthStartAgo(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}

async function recordThroughApi(
  request: APIRequestContext,
  slug: string,
  user: { email: string; password: string },
  body: Record<string, unknown>,
): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post(`/api/v1/coops/${slug}/transactions`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: body,
  });
  expect(created.status()).toBe(201);
}

test('le trésorier filtre une période et l’exporte ; la fédération compare deux coopératives', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const solidarite = await createCooperativeThroughApi(request, `Solidarité ${suffix}`, `solidarite-${suffix}`);
  const entraide = await createCooperativeThroughApi(request, `Entraide ${suffix}`, `entraide-${suffix}`);
  const treasurer = await addCooperativeUserThroughApi(request, solidarite.slug, {
    name: 'Moussa Traoré',
    role: 'treasurer',
  });
  const twoMonthsAgo = monthStartAgo(2);
  const thisMonth = monthStartAgo(0);
  // A gift two months ago, and this month's purchase of exercise books.
  await recordThroughApi(request, solidarite.slug, treasurer, {
    kind: 'income',
    amount: 20_000,
    channel: 'cash',
    memo: 'Don de la mairie',
    occurredOn: twoMonthsAgo,
  });
  await recordThroughApi(request, solidarite.slug, treasurer, {
    kind: 'expense',
    category: 'supplies',
    amount: 5_000,
    channel: 'cash',
    memo: 'Cahiers',
  });

  await test.step('le trésorier ouvre le tableau de bord sur son téléphone : 12 mois par défaut', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, treasurer.email, treasurer.password);
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${solidarite.slug}/dashboard`));
    await expect(page.getByTestId('kpi-income').locator('dd')).toHaveText(fcfa('20 000'));
    await expect(page.getByTestId('kpi-expenses').locator('dd')).toHaveText(fcfa('5 000'));
    await expect(page.getByTestId('preset-year')).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('il choisit « Ce mois » : le don sort de la période', async () => {
    await page.getByTestId('preset-month').click();
    await expect(page).toHaveURL(new RegExp(`from=${thisMonth}`));
    await expect(page.getByTestId('kpi-income').locator('dd')).toHaveText(fcfa('0'));
    await expect(page.getByTestId('kpi-expenses').locator('dd')).toHaveText(fcfa('5 000'));
    await expect(page.getByTestId('period-from')).toHaveValue(thisMonth);

    // The chart's figures, readable without the chart.
    await page.getByTestId('data-expenses').locator('summary').click();
    await expect(page.getByTestId('data-expenses').locator('tbody tr')).toHaveText([
      /Fournitures\s*5\s000\sF\sCFA\s*1/,
    ]);
  });

  await test.step('il exporte le journal de la période, au format Excel français', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-movements').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq;date;kind;/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';expense;');
    expect(lines[1]).toContain('Cahiers');
    expect(lines.join('\n')).not.toContain('Don de la mairie');
  });

  await test.step('la fédération compare les deux coopératives et ouvre l’une d’elles', async () => {
    const federation = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Africa/Abidjan' });
    await signInAsFederationAdmin(federation);
    await federation.getByRole('link', { name: 'Comparer les coopératives' }).click();
    await expect(federation).toHaveURL(/\/federation\/overview/);
    await federation.getByTestId('overview-search').fill(suffix);
    await expect(federation).toHaveURL(new RegExp(`q=${suffix}`));
    await federation.getByTestId('overview-sort').selectOption('name');
    await expect(federation).toHaveURL(/sort=name/);

    const rows = federation.getByTestId('overview-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // By name: Entraide before Solidarité.
    await expect(rows.nth(0)).toContainText(entraide.name);
    await expect(rows.nth(1)).toContainText(solidarite.name);
    await expect(rows.nth(0).getByTestId('overview-cash')).toHaveText(fcfa('0'));
    await expect(rows.nth(1).getByTestId('overview-cash')).toHaveText(fcfa('15 000'));
    await expect(federation.getByTestId('overview-total-XOF')).toContainText('2 coopératives');
    await expect(federation.getByTestId('overview-total-XOF')).toContainText(/15\s000\sF\sCFA/);

    await federation.getByTestId(`overview-open-${solidarite.slug}`).click();
    await expect(federation).toHaveURL(new RegExp(`/c/${solidarite.slug}/dashboard`));
    await expect(federation.getByTestId('kpi-expenses').locator('dd')).toHaveText(fcfa('5 000'));
    await federation.close();
  });
});
