import { expect, test } from '@playwright/test';
import { createCooperativeThroughApi, signInAsFederationAdmin, uniqueSuffix } from './support/console';

test('la fédération suspend puis réactive une coopérative, après confirmation', async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Tontine Espoir ${suffix}`, `tontine-espoir-${suffix}`);

  await signInAsFederationAdmin(page);
  await page.getByLabel('Rechercher (nom ou identifiant)').fill(coop.slug);
  const status = page.getByTestId(`status-${coop.slug}`);
  await expect(status).toHaveText('Active');

  await page.getByRole('button', { name: `Suspendre ${coop.name}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`Suspendre ${coop.name} ?`);
  await confirm.getByLabel('Motif (facultatif)').fill('Cotisations non reversées');
  await confirm.getByRole('button', { name: 'Suspendre' }).click();
  await expect(status).toHaveText('Suspendue');

  await page.getByLabel('Statut').click();
  await page.getByRole('option', { name: 'Suspendue' }).click();
  await expect(page.getByTestId(`cooperative-${coop.slug}`)).toBeVisible();

  await page.getByRole('button', { name: `Réactiver ${coop.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Réactiver' }).click();
  await expect(page.getByTestId(`cooperative-${coop.slug}`)).toHaveCount(0);

  await page.getByLabel('Statut').click();
  await page.getByRole('option', { name: 'Tous les statuts' }).click();
  await expect(status).toHaveText('Active');
});
