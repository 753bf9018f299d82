import { expect, test } from '@playwright/test';
import {
  addCooperativeUserThroughApi,
  createCooperativeThroughApi,
  signIn,
  signedInPage,
  uniqueSuffix,
} from './support/console';

test('un membre écrit au bureau ; la trésorière le voit aussitôt à la cloche et lui répond', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const coop = await createCooperativeThroughApi(request, `Tontine Soleil ${suffix}`, `soleil-${suffix}`);
  const treasurer = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Awa Traoré', role: 'treasurer' });
  const member = await addCooperativeUserThroughApi(request, coop.slug, { name: 'Moussa Koné', role: 'member' });

  await signIn(page, treasurer.email, treasurer.password);
  await expect(page.getByTestId('main-nav')).toBeVisible();
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, 0 non lue(s)');

  const memberPage = await signedInPage(browser, member.email, member.password);
  await test.step('le membre écrit au bureau, sans choisir de destinataire', async () => {
    await memberPage.getByTestId('nav-messages').click();
    await memberPage.getByTestId('new-thread').click();
    await memberPage.getByTestId('compose-subject').fill('Date de la réunion');
    await memberPage.getByTestId('compose-body').fill('Bonjour, la réunion est-elle toujours samedi ?');
    await memberPage.getByTestId('compose-send').click();
    await expect(memberPage.getByTestId('thread-message')).toHaveCount(1);
  });

  await test.step('la cloche de la trésorière compte le message sans recharger la page', async () => {
    await expect(bell).toHaveAttribute('aria-label', 'Notifications, 1 non lue(s)');
    await bell.click();
    const notification = page.getByTestId('notification').first();
    await expect(notification).toContainText('Message de Moussa Koné – Date de la réunion');
    await notification.click();
    await expect(page).toHaveURL(new RegExp(`/c/${coop.slug}/messages\\?thread=`));
    await expect(page.getByTestId('thread-message')).toHaveText([/la réunion est-elle toujours samedi/]);
    await expect(bell).toHaveAttribute('aria-label', 'Notifications, 0 non lue(s)');
  });

  await test.step('elle répond ; la réponse s’affiche chez le membre, en direct', async () => {
    await page.getByTestId('reply-body').fill('Oui, samedi à 10 h, chez la présidente.');
    await page.getByTestId('reply-send').click();
    await expect(page.getByTestId('thread-message')).toHaveCount(2);
    await expect(memberPage.getByTestId('thread-message')).toHaveCount(2);
    await expect(memberPage.getByTestId('thread-message').last()).toContainText('samedi à 10 h');
  });
});
