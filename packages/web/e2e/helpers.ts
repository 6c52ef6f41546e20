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

/** The CSRF token of the page's signed-in session, for calls made through `page.request`. */
export async function csrfOf(page: Page): Promise<string> {
  const session = await page.request.get('/api/v1/auth/session');
  expect(session.status()).toBe(200);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** Creates a hash bank through the API (admin session) and imports `body` into it; returns the bank id. */
export async function createBankViaApi(page: Page, name: string, body?: { text: string; contentType: 'text/csv' | 'text/plain' }): Promise<string> {
  const csrf = await csrfOf(page);
  const res = await page.request.post('/api/v1/banks', { data: { name }, headers: { 'x-csrf-token': csrf } });
  expect(res.status()).toBe(201);
  const id = ((await res.json()) as { bank: { id: string } }).bank.id;
  if (body) {
    const imp = await page.request.post(`/api/v1/banks/${id}/import`, { data: body.text, headers: { 'x-csrf-token': csrf, 'content-type': body.contentType } });
    expect(imp.status(), await imp.text()).toBe(200);
  }
  return id;
}

/** Hashes an image through the API: PDQ, quality, MD5, SHA-256. */
export async function hashViaApi(page: Page, name: string, png: Buffer): Promise<{ pdq: string; quality: number; md5: string; sha256: string }> {
  const csrf = await csrfOf(page);
  const res = await page.request.post('/api/v1/hash', { multipart: { file: { name, mimeType: 'image/png', buffer: png } }, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { files: { pdq: string; quality: number; md5: string; sha256: string }[] }).files[0]!;
}

/**
 * A benign test image drawn in the page with a canvas: a colour gradient with geometric shapes (no people,
 * nothing photographic). `flat` gives a single-colour image, whose PDQ quality is too low to match.
 */
export async function benignPng(page: Page, opts: { seed?: number; flat?: boolean } = {}): Promise<Buffer> {
  const b64 = await page.evaluate(({ seed, flat }) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    if (flat) {
      g.fillStyle = '#8090a0';
      g.fillRect(0, 0, 320, 240);
    } else {
      const grad = g.createLinearGradient(0, 0, 320, 240);
      grad.addColorStop(0, '#1d4e89');
      grad.addColorStop(0.5, '#7fb7be');
      grad.addColorStop(1, '#f2c14e');
      g.fillStyle = grad;
      g.fillRect(0, 0, 320, 240);
      let x = seed * 9301 + 49297;
      const rnd = () => {
        x = (x * 9301 + 49297) % 233280;
        return x / 233280;
      };
      for (let i = 0; i < 14; i++) {
        g.fillStyle = `hsl(${Math.floor(rnd() * 360)}, 70%, ${30 + Math.floor(rnd() * 40)}%)`;
        if (i % 2 === 0) g.fillRect(rnd() * 280, rnd() * 200, 20 + rnd() * 80, 20 + rnd() * 60);
        else {
          g.beginPath();
          g.arc(rnd() * 320, rnd() * 240, 10 + rnd() * 40, 0, Math.PI * 2);
          g.fill();
        }
      }
    }
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  }, { seed: opts.seed ?? 1, flat: opts.flat ?? false });
  return Buffer.from(b64, 'base64');
}

/** A random hex string of `digits` hex digits (an invented hash, not derived from any image). */
export function randomHex(digits: number): string {
  let s = '';
  while (s.length < digits) s += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, digits);
}

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; id: string; text: string; label: string }) => boolean, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const id = a?.id ?? '';
      const label = id ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '') : '';
      return { tag: a?.tagName.toLowerCase() ?? '', id, text: (a?.textContent ?? '').trim(), label: label.trim() };
    });
    if (matches(el)) return;
  }
  throw new Error('the element was never reached with Tab');
}
