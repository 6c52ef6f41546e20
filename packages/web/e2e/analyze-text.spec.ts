import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, signIn } from './helpers';

test.use({ locale: 'en-GB' });

test('an analyst pastes a Spanish ad and sees the indicators highlighted, explained and scored', async ({ page, browser }) => {
  const stamp = Date.now();
  const analyst = { email: `ana.texto.${stamp}@example.org`, password: 'analyst-password-2026', displayName: 'Ana Analista', roles: ['analyst'] };
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, analyst);

  const ctx = await browser.newContext({ locale: 'es-ES' });
  const p = await ctx.newPage();
  await p.goto('/');
  await signIn(p, analyst.email, analyst.password);
  await expect(p.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
  await p.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Elementos' }).click();
  await p.getByRole('navigation', { name: 'Secciones de elementos' }).getByRole('link', { name: 'Analizar un texto' }).click();
  await expect(p).toHaveURL(/\/items\/analyze$/);

  // Nothing to analyse: said before anything is sent.
  await p.getByRole('button', { name: 'Analizar' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Pegue un texto para analizar.' })).toBeVisible();

  const ad = 'Jovencita colegiala recién llegada a Medellín. Atendemos 24 horas, escribe al wsp tres uno cero 555 12 34.';
  await p.getByLabel('Texto', { exact: true }).fill(ad);
  await p.getByLabel('Idioma del texto').selectOption('es');
  await p.getByLabel('Región telefónica (opcional)').fill('co');
  await p.getByRole('button', { name: 'Analizar' }).click();

  const result = p.getByTestId('analyze-result');
  await expect(result.getByRole('heading', { level: 2, name: 'Resultado' })).toBeFocused();
  await expect(result.getByTestId('analyze-language')).toContainText('español');
  const text = result.getByTestId('item-text');
  await expect(text).toContainText('a Medellín. Atendemos');
  const mark = text.locator('mark', { hasText: 'colegiala' });
  await expect(mark).toHaveClass(/hl-youth/);
  await expect(text.locator('mark', { hasText: '24 horas' })).toBeVisible();
  await expect(text.locator('.hl-entity', { hasText: 'tres uno cero 555 12 34' })).toBeVisible();

  const schoolgirl = result.locator('[data-testid="indicator"][data-indicator-id="youth.schoolgirl"]');
  await expect(schoolgirl).toContainText('Términos escolares');
  await expect(schoolgirl).toContainText('Juventud y edad');
  await expect(schoolgirl).toContainText('señalada por profesionales');
  await expect(result.getByTestId('breakdown-table').locator('[data-signal="youth.schoolgirl"]')).toContainText('+1,6');
  await expect(result.getByTestId('entities-table')).toContainText('+573105551234');
  await expect(result.getByTestId('score')).toHaveCount(2); // the summary and the breakdown's total

  // A bad region is caught before sending.
  await p.getByLabel('Región telefónica (opcional)').fill('C1');
  await p.getByRole('button', { name: 'Analizar' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'La región es un código de país de dos letras' })).toBeVisible();
  await ctx.close();
});
