import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, signIn } from './helpers';

test.use({ locale: 'en-GB' });

test('an admin changes roles, disables and re-enables a user; the last admin is protected', async ({ page, browser }) => {
  const email = `carla.caseworker.${Date.now()}@example.org`;
  const password = 'caseworker-password-2026';

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, { email, displayName: 'Carla Caseworker', roles: ['caseworker'], password });
  await page.goto('/admin/users');

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Caseworker');

  // Change roles: add Statistician.
  await row.getByRole('button', { name: `Change roles: ${email}` }).click();
  const rolesGroup = row.getByRole('group', { name: `Roles for ${email}` });
  await rolesGroup.getByRole('checkbox', { name: /^Statistician/ }).check();
  await row.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByRole('status').filter({ hasText: `User ${email} updated.` })).toBeVisible();
  await expect(row).toContainText('Statistician');

  // Disable: the user can no longer sign in (and is told nothing more than "incorrect").
  await row.getByRole('button', { name: `Disable: ${email}` }).click();
  await expect(row).toContainText('Disabled');
  const other = await browser.newContext({ locale: 'en-GB' });
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await signIn(otherPage, email, password);
  await expect(otherPage.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();

  // Enable again: signing in works and the new role shows in the navigation.
  await row.getByRole('button', { name: `Enable: ${email}` }).click();
  await expect(row).toContainText('Active');
  await otherPage.locator('#signin-password').fill(password);
  await otherPage.locator('form button[type="submit"]').click();
  const nav = otherPage.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Cases' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Statistics' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Queue' })).toHaveCount(0);
  await other.close();

  // The only administrator cannot remove their own admin role: the server refuses, the UI explains.
  const me = page.getByRole('row').filter({ hasText: ADMIN_EMAIL });
  await me.getByRole('button', { name: `Change roles: ${ADMIN_EMAIL}` }).click();
  const myRoles = me.getByRole('group', { name: `Roles for ${ADMIN_EMAIL}` });
  await myRoles.getByRole('checkbox', { name: /^Analyst/ }).check();
  await myRoles.getByRole('checkbox', { name: /^Administrator/ }).uncheck();
  await me.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'At least one active administrator must remain.' })).toBeVisible();
  await me.getByRole('button', { name: 'Cancel' }).click();
  await expect(me).toContainText('Administrator');
  await expect(me.getByRole('button', { name: /^Disable/ })).toHaveCount(0);
});
