import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { benignPng, createBankViaApi, hashViaApi, signIn } from './helpers';

test.use({ locale: 'en-GB' });

test('the match tester finds a planted image, explains low quality, and shows previews blurred until revealed one at a time', async ({ page }) => {
  const bank = `e2e-match-${Date.now()}`;
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  // Benign generated images: a gradient with shapes (planted in a bank), and a flat grey one (too little detail).
  const pattern = await benignPng(page, { seed: 7 });
  const flat = await benignPng(page, { flat: true });
  const hashes = await hashViaApi(page, 'pattern.png', pattern);
  expect(hashes.quality).toBeGreaterThanOrEqual(50);
  await createBankViaApi(page, bank, { text: `hash,category,source,note\n${hashes.pdq},test-pattern,e2e,generated gradient\n`, contentType: 'text/csv' });

  await page.goto('/hashes/match');
  await expect(page.getByRole('heading', { level: 1, name: 'Hash matching' })).toBeVisible();
  const counter = page.getByTestId('reveal-counter');
  await expect(counter).toHaveText('Images revealed in this session: 0');

  await page.getByLabel('Image files').setInputFiles([
    { name: 'pattern.png', mimeType: 'image/png', buffer: pattern },
    { name: 'flat.png', mimeType: 'image/png', buffer: flat },
  ]);
  await page.getByRole('button', { name: 'Find matches' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeFocused();
  await expect(page.getByTestId('match-summary')).toHaveText('2 queries, 1 with matches (threshold 31).');

  const results = page.getByTestId('match-result');
  await expect(results).toHaveCount(2);
  const hit = results.nth(0);
  await expect(hit.getByTestId('match-status')).toHaveText('Match');
  await expect(hit).toContainText(hashes.pdq);
  await expect(hit).toContainText(hashes.md5);
  await expect(hit).toContainText(hashes.sha256);
  const hitRow = hit.getByTestId('match-hits').getByRole('row').filter({ hasText: bank });
  await expect(hitRow).toContainText('PDQ');
  await expect(hitRow).toContainText('test-pattern');
  await expect(hitRow.getByTestId('hit-distance')).toHaveText('0 bits');

  const low = results.nth(1);
  await expect(low.getByTestId('match-status')).toHaveText('Low quality');
  await expect(low.getByTestId('low-quality')).toContainText('below the minimum of 50');
  await expect(low.getByTestId('low-quality')).toContainText('exact hashes (MD5 and SHA-256) were still compared');

  // Previews: blurred and greyscale by CSS class; nothing revealed yet.
  const previews = page.getByTestId('sensitive-preview');
  await expect(previews).toHaveCount(2);
  for (const p of [previews.nth(0), previews.nth(1)]) {
    await expect(p).toHaveAttribute('data-revealed', 'false');
    await expect(p.locator('img')).toHaveClass(/is-hidden/);
    const filter = await p.locator('img').evaluate((img) => getComputedStyle(img).filter);
    expect(filter).toContain('blur');
    expect(filter).toContain('grayscale');
  }
  // The image really loads (object URL allowed by the CSP), still blurred.
  await expect.poll(() => previews.nth(0).locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

  // Reveal the first by click: only that one, and the counter goes up.
  await hit.getByRole('button', { name: 'Reveal image: pattern.png' }).click();
  await expect(previews.nth(0)).toHaveAttribute('data-revealed', 'true');
  await expect(previews.nth(0).locator('img')).toHaveClass(/is-revealed/);
  await expect.poll(() => previews.nth(0).locator('img').evaluate((img) => getComputedStyle(img).filter)).toBe('none'); // after the short transition
  await expect(previews.nth(1)).toHaveAttribute('data-revealed', 'false');
  await expect(counter).toHaveText('Images revealed in this session: 1');
  await expect(hit.getByRole('button', { name: 'Blur again: pattern.png' })).toBeFocused();

  // Reveal the second with the keyboard: the first is blurred again (one at a time).
  await low.getByRole('button', { name: 'Reveal image: flat.png' }).focus();
  await page.keyboard.press('Enter');
  await expect(previews.nth(1)).toHaveAttribute('data-revealed', 'true');
  await expect(previews.nth(0)).toHaveAttribute('data-revealed', 'false');
  await expect(counter).toHaveText('Images revealed in this session: 2');
  await page.keyboard.press('Enter');
  await expect(previews.nth(1)).toHaveAttribute('data-revealed', 'false');
  await expect(counter).toHaveText('Images revealed in this session: 2');

  // Hash mode: a bad line is named by its line number; then the planted hash matches.
  await page.getByLabel('Hashes', { exact: true }).check();
  const box = page.getByLabel('Hashes, one per line');
  await box.fill(`${hashes.pdq}\n\nabc123`);
  await page.getByRole('button', { name: 'Find matches' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Some hashes are not valid' })).toBeVisible();
  await expect(page.getByTestId('hash-errors')).toContainText('Line 3:');
  await box.fill(`${hashes.pdq}\nmd5:${hashes.md5}`);
  await page.getByLabel('PDQ distance threshold').fill('10');
  await page.getByRole('button', { name: 'Find matches' }).click();
  await expect(page.getByTestId('match-summary')).toHaveText('2 queries, 1 with matches (threshold 10).');
  await expect(results.nth(0).getByTestId('match-status')).toHaveText('Match');
  await expect(results.nth(1).getByTestId('match-status')).toHaveText('No match');
  await expect(page.getByTestId('sensitive-preview')).toHaveCount(0);

  // An impossible threshold is caught before it is sent.
  await page.getByLabel('PDQ distance threshold').fill('99');
  await page.getByRole('button', { name: 'Find matches' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The threshold is a whole number from 0 to 64.' })).toBeVisible();
  await page.getByLabel('PDQ distance threshold').fill('31');

  // A file that is not an image: the batch is refused and the file named.
  await page.getByLabel('Images', { exact: true }).check();
  await page.getByLabel('Image files').setInputFiles([
    { name: 'pattern.png', mimeType: 'image/png', buffer: pattern },
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not an image') },
  ]);
  await page.getByRole('button', { name: 'Find matches' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A file is not an image in a supported format' })).toBeVisible();
  await expect(page.getByTestId('file-errors')).toContainText('notes.png:');
  await expect(page.getByTestId('file-errors')).not.toContainText('pattern.png');
});
