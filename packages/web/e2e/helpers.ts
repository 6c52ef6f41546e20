import { expect, type Page } from '@playwright/test';

/** Fills the sign-in form (in whatever language it is shown) and submits it with the button. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

export async function expectHtmlLang(page: Page, lang: 'es' | 'en'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Creates a user through the API with the signed-in admin's session (cookie + CSRF token). */
export async function createUserViaApi(page: Page, input: { email: string; displayName: string; roles: string[]; password: string }): Promise<void> {
  const session = await page.request.get('/api/v1/auth/session');
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/users', { data: input, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status()).toBe(201);
}
