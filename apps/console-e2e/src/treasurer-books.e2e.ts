import { type Page, expect, test } from '@playwright/test';
import {
  addCooperativeUserThroughApi,
  createCooperativeThroughApi,
  signIn,
  signedInPage,
  uniqueSuffix,
} from './support/console';

/** "5 000 F CFA" as Intl writes it, with narrow no-break spaces. */
const fcfa = (amount: string) => new RegExp(`^${amount.replace(/ /g, '\\s')}\\sF\\sCFA$`);

async function chooseMember(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).fill(name.split(' ')[0] ?? name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

test('le bureau tient les livres : membre, cotisation, prêt approuvé, versé puis remboursé', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Tontine Avenir ${suffix}`, `avenir-${suffix}`);
  const secretary = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Fatou Diallo', role: 'secretary' });
  const treasurer = await addCooperativeUserThroughApi(request, coop.slug, {
    name: 'Moussa Traoré',
    role: 'treasurer',
  });
  let loanUrl = '';

  await test.step('la secrétaire inscrit Awa Koné', async () => {
    const desk = await signedInPage(browser, secretary.email, secretary.password);
    await desk.getByTestId('nav-members').click();
    await desk.getByRole('button', { name: 'Ajouter un membre' }).click();
    const form = desk.getByRole('dialog');
    await form.getByLabel('Nom complet').fill('Awa Koné');
    await form.getByLabel('Téléphone').fill('+225 07 01 02 03 04');
    await form.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(desk.getByTestId('member-name')).toHaveText('Awa Koné');
    await expect(desk.getByTestId('member-phone-value')).toHaveText('+2250701020304');
    await expect(desk.getByTestId('member-history')).toContainText('Inscription');
    await desk.context().close();
  });

  await test.step('le trésorier enregistre une cotisation et voit la caisse monter', async () => {
    await signIn(page, treasurer.email, treasurer.password);
    await expect(page.getByTestId('balance-cash')).toHaveText(fcfa('0'));
    await page.getByTestId('home-record').click();
    await chooseMember(page, 'record-member', 'Awa Koné');
    await page.getByTestId('record-amount').fill('5 000');
    await expect(page.getByTestId('record-amount-preview')).toHaveText(/= 5\s000\sF\sCFA/);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByTestId('record-question')).toHaveText(
      /^Enregistrer une cotisation de 5\s000\sF\sCFA pour Awa Koné\s?\?$/,
    );
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect(
      page.getByText(/Cotisation de 5\s000\sF\sCFA enregistrée pour Awa Koné \(écriture n° 1\)/),
    ).toBeVisible();
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('balance-cash')).toHaveText(fcfa('5 000'));
    await expect(page.getByTestId('balance-contributions')).toHaveText(fcfa('5 000'));
  });

  await test.step('il demande un prêt et voit l’échéancier avant de l’envoyer', async () => {
    await page.getByTestId('nav-loans').click();
    await page.getByRole('link', { name: 'Demander un prêt' }).click();
    await chooseMember(page, 'loan-member', 'Awa Koné');
    await page.getByTestId('loan-principal').fill('4 000');
    await page.getByTestId('loan-rate').fill('12');
    await page.getByTestId('loan-installments').fill('2');
    await page.getByTestId('loan-purpose').fill('Achat de semences');
    // 12 % a year, flat, 2 months: 80 F CFA of interest.
    await expect(page.getByTestId('preview-interest')).toHaveText(fcfa('80'));
    await expect(page.getByTestId('preview-total')).toHaveText(fcfa('4 080'));
    await expect(page.getByTestId('loan-preview').getByTestId('installment-2')).toContainText(
      '2 040'.replace(' ', '\u202f'),
    );
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(page.getByTestId('loan-status')).toHaveText('À décider');
    // Maker-checker: the requester cannot approve it.
    await expect(page.getByTestId('own-request')).toBeVisible();
    await expect(page.getByTestId('loan-approve')).toBeDisabled();
    loanUrl = new URL(page.url()).pathname;
  });

  await test.step('l’administrateur l’approuve depuis la file des demandes', async () => {
    const admin = await signedInPage(browser, coop.adminEmail, coop.temporaryPassword ?? '');
    await admin.getByTestId('nav-loans').click();
    const queued = admin.getByTestId('loan-1');
    await expect(queued).toContainText('Awa Koné');
    await queued.getByRole('button', { name: 'Approuver' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
    await expect(admin.getByText('Prêt n° 1 approuvé.')).toBeVisible();
    await expect(admin.getByTestId('no-loans')).toBeVisible();
    await admin.context().close();
  });

  await test.step('le trésorier verse le prêt puis enregistre le premier remboursement', async () => {
    await page.goto(loanUrl);
    await expect(page.getByTestId('loan-status')).toHaveText('Approuvé');
    await page.getByRole('button', { name: 'Verser le prêt' }).click();
    const payout = page.getByRole('dialog');
    await expect(payout.getByTestId('disburse-question')).toHaveText(/Verser 4\s000\sF\sCFA à Awa Koné\s?\?/);
    await payout.getByRole('button', { name: 'Verser' }).click();
    await expect(page.getByTestId('loan-status')).toHaveText('En cours');
    await expect(page.getByTestId('loan-outstanding')).toHaveText(fcfa('4 080'));

    await page.getByRole('button', { name: 'Enregistrer un remboursement' }).click();
    const repay = page.getByRole('dialog');
    await expect(repay.getByTestId('repay-amount')).toHaveValue(/^2\s040$/);
    await repay.getByTestId('repay-amount').fill('1 000');
    await repay.getByRole('button', { name: 'Continuer' }).click();
    await expect(repay.getByTestId('repay-question')).toContainText('Awa Koné');
    await repay.getByRole('button', { name: 'Confirmer' }).click();
    await expect(repay).toBeHidden();
    await expect(page.getByTestId('loan-paid')).toHaveText(fcfa('1 000'));
    await expect(page.getByTestId('installment-status-1')).toHaveText(/^(Partielle|Payée)$/);
    await expect(page.getByTestId('installment-status-2')).toHaveText('À venir');
    await expect(page.getByTestId('loan-entries').locator('li')).toHaveCount(2);
  });

  await test.step('les soldes de la caisse ont suivi', async () => {
    await page.getByTestId('nav-home').click();
    // 5 000 in, 4 000 lent, 1 000 repaid.
    await expect(page.getByTestId('balance-cash')).toHaveText(fcfa('2 000'));
    await expect(page.getByTestId('portfolio-active')).toHaveText('1');
    await page.getByTestId('nav-journal').click();
    await expect(page.getByTestId('entry-3')).toContainText('Remboursement de prêt');
    await expect(page.getByTestId('entry-3')).toContainText('Awa Koné');
    await expect(page.getByTestId('entry-2')).toContainText('Versement de prêt');
    await page.getByTestId('entry-2').getByTestId('loan-link').click();
    await expect(page).toHaveURL(new RegExp(`${loanUrl}$`));
  });
});
