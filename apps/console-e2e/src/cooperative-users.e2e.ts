import { expect, test } from '@playwright/test';
import { createCooperativeThroughApi, signIn, uniqueSuffix } from './support/console';

test('l’administrateur d’une coopérative ajoute un utilisateur, change son rôle et le désactive', async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Groupement Nafa ${suffix}`, `nafa-${suffix}`);
  expect(coop.temporaryPassword).toBeTruthy();
  const treasurerEmail = `moussa.${suffix}@example.org`;

  await signIn(page, coop.adminEmail, coop.temporaryPassword ?? '');
  await expect(page).toHaveURL(new RegExp(`/c/${coop.slug}$`));
  await page.getByTestId('nav-users').click();

  await page.getByRole('button', { name: 'Ajouter un utilisateur' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Nom complet').fill('Moussa Traoré');
  await form.getByLabel('Adresse e-mail').fill(treasurerEmail);
  await form.getByLabel('Rôle').click();
  await page.getByRole('option', { name: 'Trésorier' }).click();
  await form.getByRole('button', { name: 'Ajouter', exact: true }).click();

  const handover = page.getByRole('dialog');
  await expect(handover).toContainText(treasurerEmail);
  await expect(handover.getByTestId('temporary-password')).not.toBeEmpty();
  await handover.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();

  const row = page.getByTestId(`user-${treasurerEmail}`);
  await expect(row).toContainText('Trésorier');
  await expect(row).toContainText('Actif');

  await row.getByLabel('Rôle de Moussa Traoré').click();
  await page.getByRole('option', { name: 'Secrétaire' }).click();
  await expect(page.getByText('Rôle de Moussa Traoré modifié.')).toBeVisible();
  await expect(row).toContainText('Secrétaire');

  await row.getByRole('button', { name: 'Désactiver Moussa Traoré' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).click();
  await expect(page.getByTestId(`active-${treasurerEmail}`)).toHaveText('Désactivé');

  await row.getByRole('button', { name: 'Réactiver Moussa Traoré' }).click();
  await expect(page.getByTestId(`active-${treasurerEmail}`)).toHaveText('Actif');
});

test.describe('sur un téléphone de 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('le menu se replie derrière un bouton et la liste passe en cartes', async ({ page, request }) => {
    const suffix = uniqueSuffix();
    const coop = await createCooperativeThroughApi(request, `Caisse Daloa ${suffix}`, `daloa-${suffix}`);

    await signIn(page, coop.adminEmail, coop.temporaryPassword ?? '');
    await expect(page.getByTestId('cooperative-name')).toHaveText(coop.name);
    await expect(page.getByTestId('nav-users')).toBeHidden();

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByTestId('nav-users').click();
    await expect(page).toHaveURL(new RegExp(`/c/${coop.slug}/users$`));
    await expect(page.getByTestId(`user-${coop.adminEmail}`)).toBeVisible();

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
