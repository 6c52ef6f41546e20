import { expect, test } from '@playwright/test';
import { startDemoSite, type DemoSite } from '../../server/src/demo/crawlSite';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { signIn } from './helpers';

test.use({ locale: 'en-GB' });

let site: DemoSite;
test.beforeAll(async () => {
  site = await startDemoSite({ ads: 8, perPage: 4 });
});
test.afterAll(async () => {
  await site.close();
});

test('an administrator adds a profile, crawls the demo site and sees progress and captures', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Crawler' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crawler' })).toBeVisible();

  const source = page.getByLabel('Profile (YAML or JSON)');
  await source.fill(`name: e2e-demo\nstartUrls:\n  - ${site.url}/\nitemPages: '^/ad/\\d+$'\nlimits:\n  maxPages: -1\n`);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert')).toContainText('The profile is not valid: line 6, field “limits.maxPages”.');

  const profile = [
    'name: e2e-demo',
    'description: Tablón Demo (invented ads)',
    'startUrls:',
    `  - ${site.url}/`,
    "follow: ['^/listings\\?page=\\d+$', '^/ad/\\d+$']",
    "itemPages: '^/ad/\\d+$'",
    'pagination: { selector: "a[rel=next]" }',
    'politeness: { delayMs: 0 }',
    'limits: { maxImagesPerItem: 1 }',
    'extract:',
    '  title: h1.ad-title',
    '  text: .description',
    '  location: .location',
    '  price: .price',
    '  contact: .contact',
    "  images: { selector: '.gallery img', attr: src }",
  ].join('\n');
  await source.fill(profile);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toContainText('Profile “e2e-demo” saved (version 1).');
  const profileRow = page.getByTestId('crawl-profiles').getByRole('row').filter({ hasText: 'e2e-demo' });
  await expect(profileRow).toContainText(`${site.url}/`);

  await profileRow.getByRole('button', { name: 'Start crawl' }).click();
  await expect(page.getByRole('status')).toContainText('Crawl of “e2e-demo” started.');
  const runRow = page.getByTestId('crawl-runs').getByRole('row').filter({ hasText: 'e2e-demo' });
  await expect(runRow).toContainText('Done', { timeout: 60_000 });
  await expect(runRow).toContainText('0 queued · 0 errors');
  await expect(runRow.getByRole('cell').nth(3)).toHaveText('8');
  expect(site.hits.get('/robots.txt')).toBe(1);

  const captures = page.getByTestId('crawl-captures');
  const adCapture = captures.getByRole('row').filter({ hasText: `${site.url}/ad/` }).filter({ hasText: 'page' }).first();
  await expect(adCapture).toContainText('200');
  await adCapture.getByRole('link', { name: 'Open item' }).click();
  await expect(page).toHaveURL(/\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/ARS/).first()).toBeVisible();

  // The ad with hostile markup: its script is stored as inert text and shown escaped, never run.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const all = (await (await page.request.get('/api/v1/crawl/captures?limit=200')).json()) as { captures: Array<{ url: string; kind: string; itemId: string | null }> };
  const hostile = all.captures.find((c) => c.kind === 'page' && c.url === `${site.url}/ad/5`)!;
  await page.goto(`/items/${hostile.itemId}`);
  await expect(page.getByText('<script>alert("xss")</script>', { exact: false }).first()).toBeVisible();
  expect(await page.locator('script:has-text("xss")').count()).toBe(0);
  expect(dialogs).toBe(0);
});
