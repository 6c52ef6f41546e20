import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, expectHtmlLang, signIn } from './helpers';

test.use({ locale: 'es-MX' });

test('a wrong password shows the error in the user language', async ({ page }) => {
  await page.goto('/');
  await expectHtmlLang(page, 'es');
  await signIn(page, ADMIN_EMAIL, 'this-is-not-the-password');

  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toContainText('Correo electrónico o contraseña incorrectos.');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.locator('#signin-password')).toHaveAttribute('aria-invalid', 'true');

  // The same error, translated, after switching language.
  await page.getByRole('button', { name: 'English' }).click();
  await expectHtmlLang(page, 'en');
  await expect(alert).toContainText('Incorrect email or password.');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('repeated failures lock the account and the lock-out is explained with its end time', async ({ page, browser }) => {
  const email = `locked.${Date.now()}@example.org`;
  const admin = await browser.newContext({ locale: 'es-ES' });
  const adminPage = await admin.newPage();
  await adminPage.goto('/');
  await signIn(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await createUserViaApi(adminPage, { email, displayName: 'Lola Locked', roles: ['statistician'], password: 'statistician-password-2026' });
  await admin.close();

  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  for (let attempt = 0; attempt < 10; attempt++) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(alert).toContainText(/incorrectos|bloqueada/);
    if ((await alert.textContent())?.includes('bloqueada')) break;
  }
  await expect(alert).toContainText('La cuenta está bloqueada temporalmente');
  await expect(alert).toContainText(/\d{1,2}:\d{2}/); // the time the lock ends, formatted for the reader

  // Even the right password is refused while the lock lasts.
  await signIn(page, email, 'statistician-password-2026');
  await expect(alert).toContainText('La cuenta está bloqueada temporalmente');
});
