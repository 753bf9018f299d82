import { expect, test, type APIRequestContext } from '@playwright/test';
import { addCooperativeUserThroughApi, createCooperativeThroughApi, signIn, uniqueSuffix } from './support/console';

async function tokenOf(request: APIRequestContext, user: { email: string; password: string }): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

test('l’auditeur fait enquêter l’analyste hors ligne sur un dossier, confirme, et le dossier se ferme avec le rapport', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Tontine Unité ${suffix}`, `unite-${suffix}`);
  const auditor = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Seydou Bamba', role: 'auditor' });
  const treasurer = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Awa Touré', role: 'treasurer' });
  const secretary = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Akissi Yao', role: 'secretary' });

  // A member whose contribution was entered twice: the rules open a case.
  const member = await request.post(`/api/v1/coops/${coop.slug}/members`, {
    headers: { authorization: `Bearer ${await tokenOf(request, secretary)}` },
    data: { fullName: 'Mariam Koné', phone: '+2250701010101', joinedOn: '2026-01-10' },
  });
  const memberId = ((await member.json()) as { id: string }).id;
  const treasurerToken = await tokenOf(request, treasurer);
  for (let i = 0; i < 2; i++) {
    const recorded = await request.post(`/api/v1/coops/${coop.slug}/transactions`, {
      headers: { authorization: `Bearer ${treasurerToken}` },
      data: { kind: 'contribution', memberId, amount: 5_000, channel: 'mobile_money' },
    });
    expect(recorded.status()).toBe(201);
  }

  await test.step('il ouvre le dossier et lance l’enquête', async () => {
    await signIn(page, auditor.email, auditor.password);
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-list').getByTestId('case-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('ai-mode').first()).toBeVisible();
    await page.getByTestId('investigate').click();
  });

  await test.step('il lit le rapport : chaque affirmation renvoie aux écritures', async () => {
    const report = page.getByTestId('investigation-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('investigation-status')).toHaveAttribute('data-status', 'awaiting_review');
    const claims = report.getByTestId('investigation-claim');
    await expect(claims.first()).toBeVisible();
    await expect(claims.first().getByRole('link').first()).toBeVisible();
  });

  await test.step('il confirme : le dossier est fermé, le rapport reste attaché', async () => {
    await page.getByTestId('investigation-note').fill('Double saisie vérifiée avec la trésorière.');
    await page.getByTestId('investigation-confirm').click();
    await expect(page.getByTestId('investigation-status')).toHaveAttribute('data-status', 'confirmed', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
    await expect(page.getByTestId('case-outcome-note')).toContainText('Double saisie vérifiée');
    await expect(page.getByTestId('investigation-report')).toBeVisible();
  });
});
