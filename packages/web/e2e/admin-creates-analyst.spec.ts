import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { signIn } from './helpers';

test.use({ locale: 'en-US' });

test('an admin creates an analyst, whose generated password is shown once and who cannot administer', async ({ page }) => {
  const analystEmail = `ana.analyst.${Date.now()}@example.org`;

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Users of this installation' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ADMIN_EMAIL })).toBeVisible();

  const form = page.getByRole('region', { name: 'Create a user' });
  await form.getByLabel('Email').fill(analystEmail);
  await form.getByLabel('Display name').fill('Ana Analyst');
  await form.getByRole('checkbox', { name: /^Analyst/ }).check();
  await form.getByRole('button', { name: 'Create user' }).click();

  // The generated password is shown once.
  const secret = page.getByTestId('secret-once');
  await expect(secret).toBeVisible();
  await expect(secret).toContainText('It will not be shown again');
  const generated = (await page.getByTestId('secret-value').textContent())?.trim() ?? '';
  expect(generated.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('row').filter({ hasText: analystEmail })).toContainText('Analyst');

  await secret.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('secret-once')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: analystEmail })).toBeVisible();
  await expect(page.getByText(generated)).toHaveCount(0);

  // Sign out and sign in as the new analyst.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await signIn(page, analystEmail, generated);

  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('Ana Analyst');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Queue' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expect(page.getByText('Administration')).toHaveCount(0);

  // Typing the address does not help: the UI refuses, and so does the server.
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have permission to do this.' })).toBeVisible();
  const res = await page.request.get('/api/v1/users');
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('auth.forbidden');
});
