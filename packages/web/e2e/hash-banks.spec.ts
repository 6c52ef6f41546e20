import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { randomHex, signIn, tabTo } from './helpers';

test.use({ locale: 'en-GB' });

test('an admin creates a bank, imports a CSV of hashes (refused, then with invalid lines skipped), pages, exports, renames and deletes it', async ({ page }) => {
  const name = `e2e-bank-${Date.now()}`;
  const pdq = randomHex(64);
  const md5 = randomHex(32);
  const sha = randomHex(64);
  const csv = [
    'hash,category,source,note',
    `${pdq},test-pattern,e2e,"an invented hash, for tests"`,
    `${md5},test-pattern,e2e,`,
    `sha256:${sha},test-pattern,e2e,`,
    'not-a-hash,test-pattern,e2e,',
    `${pdq},test-pattern,e2e,duplicate in the same file`,
  ].join('\n');

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Hash matching' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hash matching' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hash matching sections' }).getByRole('link', { name: 'Hash banks' })).toHaveAttribute('aria-current', 'page');

  // Create the bank with the keyboard only: Tab to the name, type, Tab through to the button, Enter.
  await tabTo(page, (el) => el.label.startsWith('Name'));
  await page.keyboard.type(name);
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Create bank');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Bank “${name}” created.` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Enabled');
  await expect(row.getByRole('cell').nth(1)).toHaveText('0');

  // A name the server would refuse is caught in the form.
  await page.getByLabel('Name', { exact: true }).fill('-bad name!');
  await page.getByRole('button', { name: 'Create bank' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A bank name has 1 to 100 letters' })).toBeVisible();
  // The same name twice: the server's conflict, in the user's language.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create bank' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A bank with this name already exists.' })).toBeVisible();

  await row.getByRole('link', { name }).click();
  await expect(page.getByTestId('bank-name')).toHaveText(`Bank “${name}”`);
  await expect(page.getByTestId('bank-entry-count')).toHaveText('0');
  await expect(page.getByText('This bank has no entries.')).toBeVisible();

  // Import: one bad line refuses the whole file and names the line.
  const importCard = page.getByRole('region', { name: 'Import hashes' });
  await importCard.getByLabel('File').setInputFiles({ name: 'hashes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importCard.getByLabel('Format')).toHaveValue('csv');
  await importCard.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The file has invalid lines and nothing was imported.' })).toBeVisible();
  const refused = importCard.getByTestId('import-report');
  await expect(refused).toContainText('Nothing was imported');
  await expect(refused.getByTestId('count-invalid')).toHaveText('1');
  await expect(refused.getByTestId('invalid-lines')).toContainText('Line 5: the hash is not hexadecimal');
  await expect(page.getByTestId('bank-entry-count')).toHaveText('0');

  // Skip invalid lines: the valid ones are imported, the duplicate counted.
  await importCard.getByLabel(/^Skip invalid lines/).check();
  await importCard.getByRole('button', { name: 'Import' }).click();
  const report = importCard.getByTestId('import-report');
  await expect(report).toContainText('Import finished');
  await expect(report.getByTestId('count-read')).toHaveText('5');
  await expect(report.getByTestId('count-added')).toHaveText('3');
  await expect(report.getByTestId('count-duplicates')).toHaveText('1');
  await expect(report.getByTestId('count-invalid')).toHaveText('1');
  await expect(page.getByTestId('bank-entry-count')).toHaveText('3');
  const entries = page.getByTestId('entries-table');
  await expect(entries.getByRole('row')).toHaveCount(4);
  await expect(entries).toContainText(pdq);
  await expect(entries).toContainText('an invented hash, for tests');

  // The same file again: everything is a duplicate.
  await importCard.getByRole('button', { name: 'Import' }).click();
  await expect(report.getByTestId('count-added')).toHaveText('0');
  await expect(report.getByTestId('count-duplicates')).toHaveText('4');

  // Thirty more hashes as plain lines; the entries table pages through them.
  const more = Array.from({ length: 30 }, () => randomHex(64)).join('\n');
  await importCard.getByLabel('File').setInputFiles({ name: 'more.txt', mimeType: 'text/plain', buffer: Buffer.from(more) });
  await expect(importCard.getByLabel('Format')).toHaveValue('lines');
  await importCard.getByRole('button', { name: 'Import' }).click();
  await expect(report.getByTestId('count-added')).toHaveText('30');
  await expect(page.getByTestId('bank-entry-count')).toHaveText('33');
  await expect(page.getByTestId('entries-range')).toHaveText('Entries 1–25 of 33');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByTestId('entries-range')).toHaveText('Entries 26–33 of 33');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByTestId('entries-range')).toHaveText('Entries 1–25 of 33');

  // Disable one entry.
  const first = entries.getByRole('row').filter({ hasText: pdq });
  await first.getByRole('button', { name: /^Disable:/ }).click();
  await expect(first).toContainText('Disabled');
  await expect(page.getByRole('status').filter({ hasText: 'Entry disabled' })).toBeVisible();

  // Export as CSV: the file holds what was imported and reads back.
  const exportCard = page.getByRole('region', { name: 'Export' });
  const [download] = await Promise.all([page.waitForEvent('download'), exportCard.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file.split('\n')[0]).toBe('hash,category,source,note');
  expect(file).toContain(`${pdq},test-pattern,e2e,"an invented hash, for tests"`);
  expect(file).toContain(`sha256:${sha}`);
  expect(file.trim().split('\n')).toHaveLength(34);

  // Rename, disable, then delete with confirmation.
  await page.getByRole('button', { name: 'Rename or describe' }).click();
  const nameField = page.getByRole('form', { name: 'Rename or describe the bank' }).getByLabel('Name', { exact: true });
  await expect(nameField).toBeFocused();
  await nameField.fill(`${name}-renamed`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bank-name')).toHaveText(`Bank “${name}-renamed”`);
  await expect(page.getByRole('button', { name: 'Rename or describe' })).toBeFocused();

  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByTestId('bank-status')).toHaveText('Disabled');

  await page.getByRole('button', { name: 'Delete bank' }).click();
  await expect(page.getByText(`Delete bank “${name}-renamed” and its 33 entries? This cannot be undone.`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Delete bank' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete bank' }).click();
  await page.getByRole('button', { name: 'Yes, delete the bank' }).click();
  await expect(page).toHaveURL(/\/hashes\/banks$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Banks of this installation' })).toBeVisible();
  await expect(page.getByRole('link', { name: `${name}-renamed` })).toHaveCount(0);
});
