import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, signIn, tabTo } from './helpers';

test.use({ locale: 'en-GB' });

test('a user changes their own password with the keyboard; other sessions end; the new password signs in', async ({ page, browser }) => {
  const email = `pat.password.${Date.now()}@example.org`;
  const oldPassword = 'old-password-for-e2e-2026';
  const newPassword = 'a brand new passphrase 2026';

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, { email, displayName: 'Pat Password', roles: ['statistician'], password: oldPassword });

  // The same user is signed in elsewhere too.
  const otherCtx = await browser.newContext({ locale: 'en-GB' });
  const other = await otherCtx.newPage();
  await other.goto('/');
  await signIn(other, email, oldPassword);
  await expect(other.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  const ctx = await browser.newContext({ locale: 'en-GB' });
  const me = await ctx.newPage();
  await me.goto('/');
  await signIn(me, email, oldPassword);
  await expect(me.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await me.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }).click();
  await expect(me.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(me.getByText('Changing it signs you out of your other sessions')).toBeVisible();

  // Keyboard only. A wrong current password: the server refuses, the form says which field.
  await tabTo(me, (el) => el.label === 'Current password');
  await me.keyboard.type('not-my-password-at-all');
  await me.keyboard.press('Tab');
  await me.keyboard.type(newPassword);
  await me.keyboard.press('Tab');
  await me.keyboard.type(newPassword);
  await me.keyboard.press('Enter');
  await expect(me.getByRole('alert').filter({ hasText: 'The current password is not correct.' })).toBeVisible();
  const current = me.getByLabel('Current password');
  await expect(current).toBeFocused();
  await expect(current).toHaveAttribute('aria-invalid', 'true');

  // Checked before sending: too short, and a confirmation that differs.
  await current.fill(oldPassword);
  await me.getByLabel('New password', { exact: true }).fill('short');
  await me.getByLabel('Repeat the new password').fill('short');
  await me.keyboard.press('Enter');
  await expect(me.getByRole('alert').filter({ hasText: 'The password must have at least 12 characters.' })).toBeVisible();
  await expect(me.getByLabel('New password', { exact: true })).toBeFocused();
  await me.getByLabel('New password', { exact: true }).fill(newPassword);
  await me.getByLabel('Repeat the new password').fill(`${newPassword}!`);
  await me.keyboard.press('Enter');
  await expect(me.getByRole('alert').filter({ hasText: 'The two new passwords do not match.' })).toBeVisible();
  await expect(me.getByLabel('Repeat the new password')).toBeFocused();

  await me.getByLabel('Repeat the new password').fill(newPassword);
  await me.keyboard.press('Enter');
  await expect(me.getByRole('status').filter({ hasText: 'Password changed. Your other sessions have been signed out.' })).toBeVisible();
  await expect(me.getByLabel('Current password')).toHaveValue('');

  // This session goes on; the other one has ended.
  await me.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
  await expect(me.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // The old password no longer works; the new one does.
  await signIn(other, email, oldPassword);
  await expect(other.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();
  await other.locator('#signin-password').fill(newPassword);
  await other.locator('form button[type="submit"]').click();
  await expect(other.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await ctx.close();
  await otherCtx.close();
});

test('an admin resets a user’s password; the generated password is shown once and signs the user in', async ({ page, browser }) => {
  const email = `rene.reset.${Date.now()}@example.org`;
  const oldPassword = 'forgotten-password-2026';

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, { email, displayName: 'René Reset', roles: ['caseworker'], password: oldPassword });

  // The user is signed in somewhere; the reset ends that session.
  const userCtx = await browser.newContext({ locale: 'en-GB' });
  const user = await userCtx.newPage();
  await user.goto('/');
  await signIn(user, email, oldPassword);
  await expect(user.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: email });
  // No reset button for oneself (use My account instead).
  await expect(page.getByRole('row').filter({ hasText: ADMIN_EMAIL }).getByRole('button', { name: /^Reset password/ })).toHaveCount(0);

  await row.getByRole('button', { name: `Reset password: ${email}` }).click();
  const confirm = row.getByRole('group', { name: `Reset password: ${email}` });
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText(`Give ${email} a new generated password?`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByRole('button', { name: `Reset password: ${email}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await row.getByRole('button', { name: 'Yes, reset' }).click();

  const secret = page.getByTestId('secret-once');
  await expect(secret).toBeVisible();
  await expect(secret.getByRole('heading', { name: 'New password' })).toBeVisible();
  await expect(secret).toContainText(`Give this password to ${email} through a secure channel`);
  await expect(secret.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Password of ${email} reset.` })).toBeVisible();
  const generated = ((await page.getByTestId('secret-value').textContent()) ?? '').trim();
  expect(generated.length).toBeGreaterThanOrEqual(12);

  // Shown once: dismissed, it is gone.
  await secret.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('secret-once')).toHaveCount(0);

  // The user's open session has ended; the old password fails, the generated one works.
  await user.reload();
  await expect(user.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await signIn(user, email, oldPassword);
  await expect(user.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();
  await user.locator('#signin-password').fill(generated);
  await user.locator('form button[type="submit"]').click();
  await expect(user.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(user.getByTestId('current-user')).toContainText('René Reset');
  await userCtx.close();
});
