import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, csrfOf, signIn } from './helpers';
import { ingestViaApi, waitAnalysed } from './items';

test.use({ locale: 'en-GB' });

test('an investigator states a purpose before seeing any result; it is audited and kept in memory only', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const site = `investigacion-${stamp}.ejemplo.test`;
  const investigator = { email: `ines.inv.${stamp}@example.org`, password: 'investigator-password-2026', displayName: 'Inés Investigadora', roles: ['investigator'] };
  const purpose = `Investigación E2E-${stamp}: red de anuncios de prueba`;
  const legalBasis = 'Orden judicial de prueba 77/2026';

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, investigator);
  // Hidden characters split two words ("nue<ZWSP>vas", "con<ZWSP>dón") to slip past filters.
  await ingestViaApi(page, [
    { url: `https://${site}/ad/1`, title: 'Masajes relajantes', text: 'Chicas nue\u200Bvas, sin con\u200Bdón. Solo mensajes.', region: 'CO' },
  ]);
  const [item] = await waitAnalysed(page, site, 1);

  const ctx = await browser.newContext({ locale: 'en-GB' });
  const p = await ctx.newPage();
  await p.goto('/');
  await signIn(p, investigator.email, investigator.password);
  await expect(p.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Items' }).click();

  // Asked first, with the reason: nothing is searched and no result is shown before a purpose is given.
  const form = p.getByTestId('purpose-form');
  await expect(form.getByRole('heading', { name: 'Purpose of your searches' })).toBeVisible();
  await expect(form).toContainText('written to the audit log');
  await expect(form).toContainText('not stored on this device');
  await expect(p.getByTestId('items-table')).toHaveCount(0);
  await expect(p.getByRole('heading', { name: 'Filters' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Confirm the purpose' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'State the purpose of your searches.' })).toBeVisible();
  await expect(p.getByLabel('Purpose (required)')).toBeFocused();
  // Keyboard: type the purpose, Tab to the legal basis, Enter submits.
  await p.keyboard.type(purpose);
  await p.keyboard.press('Tab');
  await expect(p.getByLabel('Legal basis (optional)')).toBeFocused();
  await p.keyboard.type(legalBasis);
  await p.keyboard.press('Enter');

  await expect(p.getByTestId('purpose-summary')).toContainText(purpose);
  await expect(p.getByTestId('purpose-summary')).toContainText(legalBasis);
  await p.getByLabel('Site', { exact: true }).fill(site);
  await p.getByRole('button', { name: 'Search' }).click();
  await expect(p.getByTestId('item-row')).toHaveCount(1);
  // The purpose is not in the address (links are shared) nor in the browser's storage.
  expect(p.url()).not.toContain('purpose');
  expect(await p.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }))).not.toContain(stamp.toString());

  // Opening the item uses the same purpose (not asked again within the session).
  await p.getByTestId('item-link').click();
  await expect(p).toHaveURL(new RegExp(`/items/${item!.id}$`));
  await expect(p.getByTestId('item-text')).toBeVisible();
  // Hidden characters are shown as markers where they were, and explained.
  await expect(p.getByTestId('hidden-warning')).toContainText('Zero-width: 2');
  await expect(p.getByTestId('item-text').getByTestId('hidden-char')).toHaveCount(2);
  await expect(p.getByTestId('item-text').getByTestId('hidden-char').first()).toHaveText('ZWSP');
  await expect(p.locator('[data-testid="indicator"][data-indicator-id="evasion.hidden-characters"]')).toContainText('Invisible or direction-changing characters');

  // Both the search and the read were written to the audit log with the purpose and the legal basis.
  const csrf = await csrfOf(page);
  for (const action of ['item.search', 'item.read']) {
    const res = await page.request.get(`/api/v1/audit?action=${action}&limit=20&purpose=${encodeURIComponent('E2E check of item audit')}`, { headers: { 'x-csrf-token': csrf } });
    expect(res.status()).toBe(200);
    const entries = ((await res.json()) as { entries: Array<{ purpose: string | null; legalBasis: string | null; details: string }> }).entries;
    const mine = entries.find((e) => e.purpose === purpose);
    expect(mine, action).toBeTruthy();
    expect(mine!.legalBasis).toBe(legalBasis);
    expect(mine!.details).not.toContain(site); // filter names only, never their values
  }

  // Memory only: a reload asks again.
  await p.reload();
  await expect(p.getByTestId('purpose-form')).toBeVisible();
  await expect(p.getByTestId('item-text')).toHaveCount(0);
  await ctx.close();
});
