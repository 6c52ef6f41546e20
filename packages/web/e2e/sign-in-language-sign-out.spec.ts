import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { expectHtmlLang, signIn } from './helpers';

test.use({ locale: 'es-ES' });

test('admin signs in, switches Spanish → English → Spanish, and signs out', async ({ page }) => {
  await page.goto('/');

  // A browser that prefers Spanish gets Spanish first.
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expectHtmlLang(page, 'es');

  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Cola de revisión' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administración' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN_EMAIL);
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');

  // Switch to English.
  await page.getByRole('button', { name: 'English' }).click();
  await expectHtmlLang(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const navEn = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navEn.getByRole('link', { name: 'Queue' })).toBeVisible();
  await expect(navEn.getByRole('link', { name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Cola de revisión')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  // The choice survives a reload (localStorage) even though the browser prefers Spanish.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expectHtmlLang(page, 'en');

  // A module's page speaks the chosen language (the hotline queue, installed by #7).
  await navEn.getByRole('link', { name: 'Queue' }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole('heading', { name: 'Subjects by state' })).toBeVisible();

  // And back to Spanish.
  await page.getByRole('button', { name: 'Español' }).click();
  await expectHtmlLang(page, 'es');
  await expect(page.getByRole('heading', { name: 'Casos por estado' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Cola de revisión' })).toBeVisible();

  // Sign out: back on the sign-in screen, and the session is really gone.
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Ha cerrado la sesión.');
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toHaveCount(0);
});
