import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { signIn } from './helpers';

test.use({ locale: 'en-GB' });

test('an admin creates an API key (shown once), the key works, and revoking it stops it', async ({ page }) => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page.goto('/admin/api-keys');
  await expect(page.getByRole('heading', { level: 2, name: 'API keys' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Create an API key' });
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter a name for the key.');
  await form.getByLabel('Name').fill('Partner platform (test)');
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByRole('alert')).toContainText('Choose at least one scope.');
  await form.getByRole('checkbox', { name: /Match media/ }).check();
  await form.getByRole('button', { name: 'Create key' }).click();

  const secretBox = page.getByTestId('secret-once');
  await expect(secretBox).toContainText('It will not be shown again');
  const secret = (await page.getByTestId('secret-value').textContent())?.trim() ?? '';
  expect(secret.length).toBeGreaterThan(20);
  const row = page.getByRole('row').filter({ hasText: 'Partner platform (test)' });
  await expect(row).toContainText('media:match');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  // The key authenticates (a bearer key is not an admin: it is refused the users list, but not as unknown).
  const withKey = await page.request.get('/api/v1/users', { headers: { authorization: `Bearer ${secret}` } });
  expect(withKey.status()).toBe(403);

  await secretBox.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('secret-once')).toHaveCount(0);

  await row.getByRole('button', { name: 'Revoke: Partner platform (test)' }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(row).toContainText('Revoked on');
  await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toBeVisible();

  const afterRevoke = await page.request.get('/api/v1/users', { headers: { authorization: `Bearer ${secret}` } });
  expect(afterRevoke.status()).toBe(401);
  expect((await afterRevoke.json()).code).toBe('auth.invalid_api_key');
});
