import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createBankViaApi, createUserViaApi, randomHex, signIn } from './helpers';

test.use({ locale: 'en-GB' });

test('an analyst sees the banks read-only; an investigator only gets the match tester', async ({ page, browser }) => {
  const stamp = Date.now();
  const bank = `e2e-readonly-${stamp}`;
  const analyst = { email: `ana.analyst.${stamp}@example.org`, password: 'analyst-password-2026', displayName: 'Ana Analyst', roles: ['analyst'] };
  const investigator = { email: `ivo.inv.${stamp}@example.org`, password: 'investigator-password-2026', displayName: 'Ivo Investigator', roles: ['investigator'] };
  const pdq = randomHex(64);

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, analyst);
  await createUserViaApi(page, investigator);
  await createBankViaApi(page, bank, { text: `${pdq}\n`, contentType: 'text/plain' });

  const ctx = await browser.newContext({ locale: 'en-GB' });
  const p = await ctx.newPage();
  await p.goto('/');
  await signIn(p, analyst.email, analyst.password);
  await expect(p.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Hash matching' }).click();
  await expect(p.getByText('You can browse and export them; only an administrator can change them.')).toBeVisible();
  const row = p.getByRole('row').filter({ hasText: bank });
  await expect(row).toContainText('Enabled');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(p.getByRole('heading', { name: 'Create a bank' })).toHaveCount(0);

  await row.getByRole('link', { name: bank }).click();
  await expect(p.getByTestId('bank-name')).toHaveText(`Bank “${bank}”`);
  await expect(p.getByTestId('entries-table')).toContainText(pdq);
  await expect(p.getByTestId('entries-table').getByRole('button')).toHaveCount(0);
  await expect(p.getByRole('region', { name: 'Import hashes' })).toHaveCount(0);
  for (const name of ['Disable', 'Rename or describe', 'Delete bank']) await expect(p.getByRole('button', { name, exact: true })).toHaveCount(0);
  // Export is allowed for analysts.
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await ctx.close();

  const ctx2 = await browser.newContext({ locale: 'en-GB' });
  const q = await ctx2.newPage();
  await q.goto('/');
  await signIn(q, investigator.email, investigator.password);
  await expect(q.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await q.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Hash matching' }).click();
  await expect(q).toHaveURL(/\/hashes$/);
  const tabs = q.getByRole('navigation', { name: 'Hash matching sections' });
  await expect(tabs.getByRole('link')).toHaveCount(1);
  await expect(tabs.getByRole('link', { name: 'Match tester' })).toHaveAttribute('aria-current', 'page');
  await q.goto('/hashes/banks');
  await expect(q.getByRole('heading', { level: 1, name: 'You do not have permission to do this.' })).toBeVisible();
  await ctx2.close();
});
