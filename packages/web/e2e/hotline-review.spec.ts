import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, csrfOf, signIn } from './helpers';
import { gradientPng, startFixtureHost, startSmtpCapture, type FixtureHost, type SmtpCapture } from './hotline';

test.use({ locale: 'en-GB' });

// A real SMTP listener on the port the server was told (playwright.config.ts), and a web host whose page can be taken down.
let smtp: SmtpCapture;
let host: FixtureHost;
test.beforeAll(async () => {
  smtp = await startSmtpCapture(Number(process.env.CENTINELA_E2E_PORT ?? 18931) + 100);
  host = await startFixtureHost();
});
test.afterAll(async () => {
  await smtp?.close();
  await host?.close();
});

/** Files a public report through the real form endpoint (token, a pause a person would take, multipart). */
async function fileReport(page: Page, url: string): Promise<string> {
  const form = await page.request.get('/report?lang=en');
  const token = /name="token" value="([^"]+)"/.exec(await form.text())![1]!;
  await page.waitForTimeout(3_200);
  const res = await page.request.post('/report?lang=en', {
    multipart: {
      lang: 'en',
      token,
      url,
      description: 'An invented ad offering a teenager (test text).',
      child: 'yes',
      anonymity: 'anonymous',
      files: { name: 'capture.png', mimeType: 'image/png', buffer: gradientPng(5) },
    },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  return new URL(res.headers().location!, 'http://x').searchParams.get('ref')!;
}

test('a reviewer triages a public report, reviews it blurred until revealed, decides, notifies the host by e-mail, and sees the removal recorded and timed', async ({ page }) => {
  const stamp = Date.now();
  const reportedUrl = `${host.base}/ads/${stamp}`;
  host.present.add(`/ads/${stamp}`);
  const analyst = { email: `reviewer-${stamp}@example.org`, displayName: 'Revisora Ficticia', roles: ['analyst'], password: 'reviewer-password-long-enough-42' };

  // Set-up by an admin: a reviewer account and the hosting provider's abuse contact.
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, analyst);
  const provider = await page.request.post('/api/v1/hotline/providers', {
    data: { name: `Hosting ${stamp}`, ipRanges: ['127.0.0.0/8'], abuseEmail: `abuse-${stamp}@hosting.example`, country: 'CO', language: 'es' },
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(provider.status()).toBe(201);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await fileReport(page, reportedUrl);

  // The reviewer finds it in the queue, with the child signal, and claims it.
  await signIn(page, analyst.email, analyst.password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Queue' }).click();
  await expect(page.getByRole('heading', { name: 'Subjects by state' })).toBeVisible();
  await expect(page.getByTestId('hotline-counts').locator('dd[data-status="open"]')).not.toHaveText('0');
  const row = page.getByTestId('queue-table').getByRole('row').filter({ hasText: reportedUrl });
  await expect(row).toContainText('Child');
  await row.getByRole('button', { name: 'Claim' }).click();

  // Review: the signals explain themselves; the file is blurred until revealed.
  await expect(page).toHaveURL(/\/queue\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: reportedUrl })).toBeVisible();
  await expect(page.getByText('You hold it. No one else can decide while you do.')).toBeVisible();
  await expect(page.getByTestId('signals')).toContainText('1 report(s) say a child seems involved');
  const preview = page.getByTestId('sensitive-preview').first();
  await expect(preview).toHaveAttribute('data-revealed', 'false');
  await expect(preview.locator('img')).toHaveClass(/is-hidden/);
  await expect(preview.locator('img')).toHaveAttribute('src', /view=blurred/);
  await expect(page.getByTestId('reveal-counter')).toHaveText('Images revealed in this session: 0');
  await preview.getByRole('button', { name: /Reveal image/ }).click();
  await expect(preview).toHaveAttribute('data-revealed', 'true');
  await expect(preview.locator('img')).toHaveAttribute('src', /view=full/);
  await expect(page.getByTestId('reveal-counter')).toHaveText('Images revealed in this session: 1');
  await preview.getByRole('button', { name: /Blur again/ }).click();
  await expect(preview).toHaveAttribute('data-revealed', 'false');

  // Decision: CSAM needs its INTERPOL category and a legal basis.
  await page.getByRole('radio', { name: 'Child sexual abuse material' }).check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('State the legal basis.');
  await page.getByLabel('Legal basis').fill('Law 1098, art. 218 (test)');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the INTERPOL category.');
  await page.getByLabel('INTERPOL category').selectOption('baseline');
  await page.getByLabel('Internal note').fill('Invented note for the test');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded. State: Assessed.')).toBeVisible();
  await expect(page.getByTestId('subject-status')).toHaveText('Assessed');

  // Notice to the host, found in the directory by IP range; the worker sends it through the outbox by SMTP.
  await page.getByRole('button', { name: 'Send notice to the provider' }).click();
  await expect(page.getByText('Notice 1 queued for sending (email).')).toBeVisible();
  await expect(page.getByTestId('subject-status')).toHaveText('Actioned');
  await expect(page.getByTestId('notices')).toContainText('Notice 1 · email');
  await expect(page.getByTestId('history')).toContainText('Notice queued');
  await expect.poll(() => smtp.messages.filter((m) => m.to.includes(`abuse-${stamp}@hosting.example`)).length, { timeout: 15_000 }).toBe(1);
  const mail = smtp.messages.find((m) => m.to.includes(`abuse-${stamp}@hosting.example`))!;
  expect(mail.text).toContain('Aviso de contenido ilegal'); // the provider's language
  expect(mail.text).toContain(reportedUrl);
  await page.reload();
  await expect(page.getByTestId('notices')).toContainText('Notice 1 · email · sent');

  // The URL is still there; then the host takes it down and the check records the removal.
  await page.getByRole('button', { name: 'Check the URL now' }).click();
  await expect(page.getByText('Result: present (HTTP 200).')).toBeVisible();
  host.present.delete(`/ads/${stamp}`);
  await page.getByRole('button', { name: 'Check the URL now' }).click();
  await expect(page.getByText('Removal verified.')).toBeVisible();
  await expect(page.getByTestId('subject-status')).toHaveText('Closed');

  // A structured report to an authority, downloadable as validated XML.
  await page.getByRole('textbox', { name: 'Authority' }).fill('Policía Nacional (test)');
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByText('Report created.')).toBeVisible();
  const xmlLink = page.getByTestId('authority-reports').getByRole('link', { name: 'XML' });
  const xml = await page.request.get((await xmlLink.getAttribute('href'))!);
  expect(xml.status()).toBe(200);
  expect(await xml.text()).toContain('<incidentType>child_sexual_abuse_material</incidentType>');

  // The same page in Spanish.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByTestId('subject-status')).toHaveText('Cerrado');
  await expect(page.getByRole('heading', { name: 'Historial' })).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('Retirada verificada');
  await expect(page.getByRole('button', { name: 'Reabrir' })).toBeVisible(); // reversible only by a new event

  // The times page shows a measured time to removal.
  await page.getByRole('link', { name: 'Tiempos' }).click();
  await expect(page.getByTestId('removal-all')).not.toHaveText(/^—/);
});
