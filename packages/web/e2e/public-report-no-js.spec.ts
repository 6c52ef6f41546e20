import { expect, test } from '@playwright/test';
import { gradientPng } from './hotline';

// The public form must work on a phone with JavaScript off: everything here runs without it.
test.use({ javaScriptEnabled: false, locale: 'es-CO', viewport: { width: 360, height: 640 } });

test('a member of the public reports a URL with a file, without JavaScript, and checks the status by reference', async ({ page }) => {
  await page.goto('/report');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Denunciar contenido' })).toBeVisible();
  await expect(page.getByText('No guardamos su dirección IP.')).toBeVisible();
  expect(await page.locator('script').count()).toBe(0);

  // The language link works as a plain link.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report content' })).toBeVisible();
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Denunciar contenido' })).toBeVisible();

  const url = `https://anuncios-ficticios.example/oferta/${Date.now()}`;
  await page.getByLabel('Dirección (URL) donde lo vio').fill(url);
  await page.getByLabel('Dónde estaba').selectOption('classifieds');
  await page.getByLabel('Qué vio').fill('Un anuncio que ofrece a una adolescente (texto inventado para la prueba).');
  await page.getByLabel('Archivos (opcional)').setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: gradientPng(3) });
  await page.getByRole('radio', { name: 'Sí' }).check();

  // The anonymity choice is explicit: sending without it is refused with a clear message, keeping what was typed.
  await page.waitForTimeout(3_200); // the form refuses submissions faster than a person could fill it
  await page.getByRole('button', { name: 'Enviar denuncia' }).click();
  // The browser's own required-field check stops the submission; choose and send.
  await page.getByRole('radio', { name: 'De forma anónima (no podremos contactarle)' }).check();
  await page.getByRole('button', { name: 'Enviar denuncia' }).click();

  await expect(page.getByRole('status')).toContainText('Gracias. Hemos recibido su denuncia.');
  const reference = (await page.locator('#reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.locator('#status')).toHaveText('Recibida, pendiente de evaluación');
  // A reload shows the status again; it does not report twice (post/redirect/get).
  await page.reload();
  await expect(page.locator('#reference')).toHaveText(reference);

  // Later, the reporter checks the status by typing the reference.
  await page.goto('/report/status');
  await page.getByLabel('Referencia').fill(reference.toLowerCase());
  await page.getByRole('button', { name: 'Consultar' }).click();
  await expect(page.locator('#status')).toHaveText('Recibida, pendiente de evaluación');
  await page.getByLabel('Referencia').fill('R-0000-0000');
  await page.getByRole('button', { name: 'Consultar' }).click();
  await expect(page.getByRole('alert')).toHaveText('No encontramos una denuncia con esa referencia.');
});

test('a report with credentials in the URL is refused with a clear message, and the text typed is kept', async ({ page }) => {
  await page.goto('/report?lang=en');
  await page.getByLabel('Address (URL) where you saw it').fill('https://user:secret@anuncios-ficticios.example/x');
  await page.getByLabel('What you saw').fill('Keep this text');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('radio', { name: 'Anonymously (we will not be able to contact you)' }).check();
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('alert')).toHaveText('The URL contains a user name or password. Remove them and send again.');
  await expect(page.getByLabel('What you saw')).toHaveValue('Keep this text');
});
