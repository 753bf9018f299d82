import { expect, test } from '@playwright/test';
import { addCooperativeUserThroughApi, createCooperativeThroughApi, signIn, uniqueSuffix } from './support/console';

test('le trésorier importe un relevé : aperçu avec la ligne rejetée, puis le fichier corrigé, une seule fois', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Tontine Relevé ${suffix}`, `releve-${suffix}`);
  const treasurer = await addCooperativeUserThroughApi(request, coop.slug, {
    name: 'Moussa Traoré',
    role: 'treasurer',
  });
  const secretary = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Fatou Diallo', role: 'secretary' });

  // Two members, added by the secretary through the API: numbers 1 and 2.
  const login = await request.post('/api/v1/auth/login', {
    data: { email: secretary.email, password: secretary.password },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (const [fullName, phone] of [
    ['Awa Koné', '+2250701020304'],
    ['Koffi Yao', '+2250701020305'],
  ]) {
    const created = await request.post(`/api/v1/coops/${coop.slug}/members`, {
      headers: { authorization: `Bearer ${accessToken}` },
      data: { fullName, phone, joinedOn: '2026-01-05' },
    });
    expect(created.status()).toBe(201);
  }

  const header = 'date,member_number,kind,amount,channel,reference,memo';
  const good = ['2026-11-02,1,contribution,5000,cash,REL-1,', '2026-11-02,2,contribution,7500,mobile_money,REL-2,'];
  const file = (lines: string[]) => ({
    name: 'releve.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });

  await signIn(page, treasurer.email, treasurer.password);
  await page.getByTestId('nav-imports').click();

  await test.step('un numéro de membre inconnu est rejeté, avec la ligne et la raison en français', async () => {
    await page
      .getByTestId('import-file')
      .setInputFiles(file([header, ...good, '2026-11-03,9,contribution,1000,cash,REL-3,']));
    await expect(page.getByTestId('import-rows')).toHaveText('3');
    await expect(page.getByTestId('import-mapping-suggested')).toBeVisible();
    await page.getByTestId('import-preview').click();
    await expect(page.getByTestId('import-count-rejected')).toContainText('1');
    await expect(page.getByTestId('import-rejected')).toContainText('4');
    await expect(page.getByTestId('import-rejected')).toContainText(/aucun membre/i);
    await expect(page.getByTestId('import-commit')).toBeDisabled();
  });

  await test.step('le fichier corrigé s’importe après confirmation, puis une seconde fois sans rien ajouter', async () => {
    await page.getByTestId('import-file').setInputFiles(file([header, ...good]));
    await page.getByTestId('import-preview').click();
    await expect(page.getByTestId('import-count-valid')).toContainText('2');
    await page.getByTestId('import-commit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
    await expect(page.getByTestId('import-imported')).toContainText('2');

    await page.getByTestId('import-again').click();
    await page.getByTestId('import-file').setInputFiles(file([header, ...good]));
    await expect(page.getByTestId('import-already')).toBeVisible();
    await page.getByTestId('import-preview').click();
    await expect(page.getByTestId('import-count-duplicates')).toContainText('2');
  });

  await test.step('le journal montre les deux cotisations importées', async () => {
    await page.getByTestId('nav-journal').click();
    await expect(page.getByText('REL-1')).toBeVisible();
    await expect(page.getByText('REL-2')).toBeVisible();
  });
});
