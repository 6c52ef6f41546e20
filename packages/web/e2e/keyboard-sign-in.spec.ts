import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';

test.use({ locale: 'en-GB' });

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; id: string; text: string }) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', id: a?.id ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (matches(el)) return;
  }
  throw new Error('the element was never reached with Tab');
}

async function focusedOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const s = getComputedStyle(a);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
}

test('sign in and out with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await tabTo(page, (el) => el.id === 'signin-email');
  expect(await focusedOutline(page)).not.toMatch(/^none/); // a visible focus indicator
  await page.keyboard.type(ADMIN_EMAIL);
  await page.keyboard.press('Tab');
  await expect(page.locator('#signin-password')).toBeFocused();
  await page.keyboard.type(ADMIN_PASSWORD);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  // Focus moves to the page heading so the next Tab starts from the page, not from a removed form.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeFocused();

  // Backwards to the skip link at the top of the page; it takes the user straight to the main content.
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Skip to main content', 'Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // The header's sign-out button, reached backwards from the content.
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Sign out', 'Shift+Tab');
  expect(await focusedOutline(page)).not.toMatch(/^none/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
