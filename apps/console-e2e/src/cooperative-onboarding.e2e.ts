import { expect, test } from '@playwright/test';
import { signIn, signInAsFederationAdmin, signOut, uniqueSuffix } from './support/console';

test.describe('Ouverture d’une coopérative', () => {
  test('la fédération crée une coopérative, son administrateur s’y connecte et ne voit qu’elle', async ({ page }) => {
    const suffix = uniqueSuffix();
    const name = `Femmes de Bouaké ${suffix}`;
    const slug = `femmes-de-bouake-${suffix}`;
    const adminEmail = `awa.kone.${suffix}@example.org`;

    await test.step('la fédération remplit le formulaire de création', async () => {
      await signInAsFederationAdmin(page);
      await expect(page.getByRole('heading', { name: 'Coopératives' })).toBeVisible();
      await page.getByRole('link', { name: 'Nouvelle coopérative' }).click();

      await page.getByLabel('Nom de la coopérative').fill(name);
      await expect(page.getByLabel('Identifiant (adresse)')).toHaveValue(slug);
      await expect(page.getByTestId('coop-currency')).toContainText('XOF');
      await expect(page.getByTestId('coop-time-zone')).toContainText('Africa/Abidjan');
      await expect(page.getByTestId('coop-locale')).toContainText('Français');
      await page.getByLabel('Nom complet').fill('Awa Koné');
      await page.getByLabel('Adresse e-mail').fill(adminEmail);
      await page.getByRole('button', { name: 'Créer la coopérative' }).click();
    });

    const temporaryPassword = await test.step('elle lit le mot de passe temporaire, une fois', async () => {
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(name);
      await expect(dialog).toContainText(adminEmail);
      await expect(dialog).toContainText('ne sera plus jamais affiché');
      const password = (await dialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
      expect(password.length).toBeGreaterThanOrEqual(10);
      await dialog.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
      await expect(dialog).toBeHidden();
      return password;
    });

    await test.step('la coopérative apparaît dans la liste, active', async () => {
      await expect(page).toHaveURL(/\/federation\/cooperatives$/);
      await page.getByLabel('Rechercher (nom ou identifiant)').fill(suffix);
      const row = page.getByTestId(`cooperative-${slug}`);
      await expect(row).toContainText(name);
      await expect(page.getByTestId(`status-${slug}`)).toHaveText('Active');
      await signOut(page);
    });

    await test.step('le nouvel administrateur se connecte avec le mot de passe temporaire', async () => {
      await signIn(page, adminEmail, temporaryPassword);
      await expect(page).toHaveURL(new RegExp(`/c/${slug}$`));
      await expect(page.getByTestId('cooperative-name')).toHaveText(name);
      // XOF has no minor unit: no decimals.
      await expect(page.getByTestId('example-amount')).toHaveText(/^150\s000\sF\sCFA$/);
      await expect(page.getByTestId('must-change-password')).toBeVisible();
    });

    await test.step('il ne voit que sa coopérative, pas les pages de la fédération', async () => {
      await page.getByTestId('coop-switcher').click();
      const options = page.getByRole('menu').getByRole('menuitem');
      await expect(options).toHaveCount(1);
      await expect(options).toContainText(name);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('nav-cooperatives')).toHaveCount(0);

      await page.goto('/federation/cooperatives');
      await expect(page).toHaveURL(new RegExp(`/c/${slug}$`));
    });

    await test.step('il consulte les utilisateurs de sa coopérative', async () => {
      await page.getByRole('link', { name: 'Utilisateurs' }).first().click();
      await expect(page).toHaveURL(new RegExp(`/c/${slug}/users$`));
      const me = page.getByTestId(`user-${adminEmail}`);
      await expect(me).toContainText('Awa Koné');
      await expect(me).toContainText('Administrateur');
      await expect(me).toContainText('Actif');
    });

    await test.step('il remplace son mot de passe temporaire', async () => {
      await page.getByTestId('must-change-password').getByRole('link').click();
      await page.getByLabel('Mot de passe actuel').fill(temporaryPassword);
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Bouake-Epargne-2026');
      await page.getByLabel('Confirmer le nouveau mot de passe').fill('Bouake-Epargne-2026');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page).toHaveURL(new RegExp(`/c/${slug}$`));
      await expect(page.getByTestId('must-change-password')).toHaveCount(0);
    });

    await test.step('après un rechargement, la session reprend (jeton renouvelé)', async () => {
      // The access token lives in memory only: the reload goes through a refresh.
      const refreshed = page.waitForResponse('**/api/v1/auth/refresh');
      await page.reload();
      expect((await refreshed).status()).toBe(200);
      await expect(page.getByTestId('cooperative-name')).toHaveText(name);
    });
  });

  test('une erreur de connexion est expliquée', async ({ page }) => {
    await signIn(page, 'personne@example.org', 'mauvais-mot-de-passe-1');
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/login$/);
  });
});
