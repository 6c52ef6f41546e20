import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { signIn, tabTo } from './helpers';
import { byUrl, inventedAds, ingestViaApi, uniqueDigits, waitAnalysed } from './items';
import { waitNetworked } from './networks';

test.use({ locale: 'en-GB' });

test('items: sorted by score, filtered by indicator and entity (keyboard), an item explained, and its entity link', async ({ page }) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const site = `anuncios-${stamp}.ejemplo.test`;
  const digits = uniqueDigits();
  const phone = `+57310555${digits.four}`;
  const ads = inventedAds(site, digits);

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await ingestViaApi(page, ads);
  // The first and fourth ads share a phone: once networked, both scores carry that link-graph signal.
  await waitNetworked(page, phone, 2);
  const stored = await waitAnalysed(page, site, ads.length);
  const risky = byUrl(stored, ads[0]!.url);
  const bike = byUrl(stored, ads[3]!.url);
  const byScore = [...stored].sort((x, y) => y.riskScore! - x.riskScore! || (y.id > x.id ? 1 : -1));
  expect(byScore[byScore.length - 1]!.id).toBe(bike.id); // the bicycle ad has no cue

  // The module is installed and reachable from the navigation.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Items' }).click();
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Filters' })).toBeVisible();

  // Keyboard only: type the site, move the sort radio with the arrow keys, and submit with Enter on the button.
  await page.getByLabel('Site', { exact: true }).focus();
  await page.keyboard.type(site);
  await tabTo(page, (el) => el.label.startsWith('Newest capture first'));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Highest score first (analysed items only)')).toBeChecked();
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Search');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/items\\?site=${site.replace(/\./g, '\\.')}&sort=score$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeFocused();

  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('results-count')).toHaveText('4 items on this page.');
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item-id')))).toEqual(byScore.map((i) => i.id));
  const top = rows.first();
  await expect(top.locator('meter')).toHaveAttribute('value', String(byScore[0]!.riskScore));
  await expect(top.getByTestId('score')).toContainText(byScore[0]!.riskScore!.toFixed(2));
  const riskyRow = page.locator(`tr[data-item-id="${risky.id}"]`);
  await expect(riskyRow).toContainText('Colegiala recién llegada');
  await expect(riskyRow).toContainText(site);
  await expect(riskyRow).toContainText('Spanish');

  // Filter by indicator: only the ad with "colegiala".
  await page.getByLabel('Indicator', { exact: true }).selectOption('youth.schoolgirl');
  await page.getByLabel('Site', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/indicator=youth\.schoolgirl/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-item-id', risky.id);

  // Filter by entity: the phone written in words in one ad and in digits in another.
  await page.getByLabel('Indicator', { exact: true }).selectOption('');
  await page.getByLabel('Entity type').selectOption('phone');
  await page.getByLabel('Normalised value').fill(phone);
  await page.getByLabel('Normalised value').press('Enter');
  await expect(page).toHaveURL(/entityType=phone/);
  await expect(rows).toHaveCount(2);
  expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item-id')))).sort()).toEqual([risky.id, bike.id].sort());

  // The address holds the filters: a reload (or a shared link) shows the same search and fills the form.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel('Normalised value')).toHaveValue(phone);
  await expect(page.getByLabel('Highest score first (analysed items only)')).toBeChecked();

  // Open the risky ad: indicators highlighted in place, explained, and the breakdown.
  await page.locator(`tr[data-item-id="${risky.id}"]`).getByTestId('item-link').click();
  await expect(page).toHaveURL(new RegExp(`/items/${risky.id}$`));
  const title = page.getByTestId('item-title');
  await expect(title).toHaveText(/^Colegiala1 recién llegada2$/); // each highlight is followed by its reference number
  await expect(title.locator('mark', { hasText: 'Colegiala' })).toHaveClass(/hl-youth/);
  await expect(title.locator('mark', { hasText: 'recién llegada' })).toBeVisible();
  const text = page.getByTestId('item-text');
  await expect(text.locator('mark', { hasText: 'Nuevas chicas' })).toBeVisible();
  await expect(text.locator('mark', { hasText: '24 horas' })).toBeVisible();
  await expect(text.locator('.hl-entity', { hasText: `tres uno cero 555 ${digits.a} ${digits.b}` })).toBeVisible();

  const schoolgirl = page.locator('[data-testid="indicator"][data-indicator-id="youth.schoolgirl"]');
  await expect(schoolgirl).toContainText('School or schoolgirl terms');
  await expect(schoolgirl).toContainText('Youth and age');
  await expect(schoolgirl).toContainText('practitioner-reported');
  await expect(schoolgirl).toContainText('+1.6');
  await expect(schoolgirl).toContainText('“Colegiala”');
  // The reference number after the highlight leads to that explanation.
  const n = await schoolgirl.evaluate((li) => li.id);
  await title.locator(`a[href="#${n}"]`).click();
  await expect(schoolgirl).toBeInViewport();

  const breakdown = page.getByTestId('breakdown-table');
  await expect(breakdown.locator('[data-signal="youth.schoolgirl"]')).toContainText('+1.6');
  await expect(breakdown.locator('[data-signal="entity.obfuscated-phone"]')).toContainText('A phone number is written to evade search');
  await expect(breakdown.locator('[data-signal="entity.phone-shared-ads"]')).toContainText('The phone appears in 2 ads');
  await expect(breakdown.getByTestId('breakdown-row')).toHaveCount(6);

  // The capture's URL is text with a copy button, never a link; media references are text too.
  await expect(page.getByTestId('item-url')).toHaveText(ads[0]!.url);
  await expect(page.getByRole('button', { name: 'Copy URL' })).toBeVisible();
  await expect(page.locator('main a[href^="http"], main a[href^="//"], main a[href*="//"]')).toHaveCount(0);
  await expect(page.getByTestId('media-refs')).toContainText('foto-101.jpg');
  await expect(page.locator('main img')).toHaveCount(0);

  // In Spanish, the labels come from the UI's own table.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(schoolgirl).toContainText('Términos escolares');
  await expect(schoolgirl).toContainText('Juventud y edad');
  await page.getByRole('button', { name: 'English' }).click();

  // An entity leads to all the items that share it.
  const phoneRow = page.getByTestId('entity-row').filter({ hasText: phone });
  await expect(phoneRow).toContainText('written to evade search');
  // …and to its network's page (the same phone links the first and the fourth ad).
  await expect(phoneRow.getByRole('link', { name: `Network and links of ${phone}` })).toHaveAttribute('href', `/networks/entities/phone/${encodeURIComponent(phone)}`);
  await phoneRow.getByRole('link', { name: `All items with ${phone}` }).click();
  await expect(page).toHaveURL(/\/items\?entityType=phone&entity=%2B57310555\d{4}&sort=score$/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel('Entity type')).toHaveValue('phone');
  await expect(page.getByLabel('Normalised value')).toHaveValue(phone);
});

test('keyset pagination: the next page continues with the cursor and the first page is one click away', async ({ page }) => {
  const stamp = Date.now();
  const site = `paginas-${stamp}.ejemplo.test`;
  const ads = Array.from({ length: 30 }, (_, i) => ({
    url: `https://${site}/anuncio/${i}`,
    title: `Anuncio de prueba ${i}`,
    text: i % 2 === 0 ? 'Nuevas chicas disponibles 24 horas.' : 'Vendo sofá de tres plazas en buen estado.',
  }));
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await ingestViaApi(page, ads);

  await page.goto(`/items?site=${site}&limit=25`);
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(25);
  await expect(page.getByTestId('results-count')).toHaveText('25 items on this page; there are more.');
  const first = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item-id')));
  await page.getByTestId('next-page').click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(5);
  const second = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item-id')));
  expect(new Set([...first, ...second]).size).toBe(30);
  await expect(page.getByTestId('next-page')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the first page' }).click();
  await expect(rows).toHaveCount(25);
  await expect(page).not.toHaveURL(/cursor=/);

  // A bad value is refused before it is sent, and named.
  await page.getByLabel('Minimum', { exact: true }).fill('1.5');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The score is a number from 0 to 1.' })).toBeVisible();
  await expect(page.getByLabel('Minimum', { exact: true })).toBeFocused();
});
