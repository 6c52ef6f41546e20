import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, signIn } from './helpers';
import { totpCode } from './totp';

test.use({ locale: 'es-ES' });

test('a user turns on two-step verification and then needs the code to sign in', async ({ page }) => {
  const email = `inv.totp.${Date.now()}@example.org`;
  const password = 'investigator-password-2026';

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await createUserViaApi(page, { email, displayName: 'Iris Investigadora', roles: ['investigator'], password });
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();

  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await page.getByRole('link', { name: 'Activarla en Mi cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();
  await page.getByRole('button', { name: 'Configurar la verificación en dos pasos' }).click();

  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByTestId('totp-uri')).toContainText('otpauth://totp/');

  // A malformed code is caught before it is sent; a wrong code gets the server's translated error.
  const codeField = page.getByLabel('Código de 6 dígitos');
  await codeField.fill('12');
  await page.getByRole('button', { name: 'Confirmar y activar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'El código de verificación tiene 6 dígitos.' })).toBeVisible();
  const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
  await codeField.fill(wrong);
  await page.getByRole('button', { name: 'Confirmar y activar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'El código de verificación no es válido' })).toBeVisible();

  await codeField.fill(totpCode(secret));
  await page.getByRole('button', { name: 'Confirmar y activar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La verificación en dos pasos está activada.' })).toBeVisible();
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();

  // Signing in now asks for the code.
  await signIn(page, email, password);
  const totpField = page.getByLabel('Código de verificación');
  await expect(totpField).toBeVisible();
  await expect(totpField).toBeFocused();
  // The enabling code is spent (codes are accepted once); the next 30-second step's code is within the window.
  await totpField.fill(totpCode(secret, Date.now() + 30_000));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Redes' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Administración' })).toHaveCount(0);
});
