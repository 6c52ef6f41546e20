import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, csrfOf, signIn } from './helpers';
import { waitNetworked } from './networks';
import { ingestViaApi, uniqueDigits, waitAnalysed, type AdInput } from './items';

test.use({ locale: 'en-GB' });

// An invented templated family: one phone, four names, four cities a week apart (no real person, phone or site).
// Two invented templates: ads written from one template join one network whatever their phones, so each test
// writes its family from its own.
const TEMPLATES = {
  hotel: (name: string, city: string, four: string) =>
    `Hola soy ${name}, recién llegada a ${city}. Tenemos nuevas chicas 24 horas, atención en hotel o domicilio, ambiente discreto y seguro, fotos reales y trato de novia. Llama al 310 555 ${four}. Por pocos días, no te lo pierdas.`,
  spa: (name: string, city: string, four: string) =>
    `Buenas noches, soy ${name} y abrimos spa en ${city}: masajistas jóvenes de otras ciudades, turnos de noche, transporte incluido y pago diario en efectivo. Pregunta por la encargada al 310 555 ${four}. Cupos limitados esta semana.`,
};

function family(site: string, four: string, template: keyof typeof TEMPLATES = 'hotel'): AdInput[] {
  const cities: Array<[string, string, string]> = [
    ['Lina', 'Bogotá', '2026-10-01T10:00:00Z'],
    ['Sofi', 'Medellín', '2026-10-08T10:00:00Z'],
    ['Vale', 'Cali', '2026-10-15T10:00:00Z'],
    ['Dani', 'CDMX', '2026-10-22T10:00:00Z'],
  ];
  return cities.map(([name, city, postedAt], i) => ({
    url: `https://${site}/${i}`,
    title: `Nuevas chicas en ${city}`,
    text: TEMPLATES[template](name, city, four),
    locationText: city,
    postedAt,
    region: 'CO',
  }));
}

test('networks: a templated family found by its phone, with graph, map, timeline, template and exports', async ({ page }) => {
  test.setTimeout(90_000);
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  const site = `red-${Date.now()}.ejemplo.test`;
  const { four } = uniqueDigits();
  const phone = `+57310555${four}`;

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await ingestViaApi(page, family(site, four));
  await waitAnalysed(page, site, 4);
  // The network update runs after each analysis (networks.updateForItem).
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/networks?entityType=phone&entity=${encodeURIComponent(phone)}`)).json()).networks?.[0]?.itemCount, { timeout: 20_000 })
    .toBe(4);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Networks' }).click();
  await expect(page).toHaveURL(/\/networks$/);
  await page.getByLabel('Entity type').selectOption('phone');
  await page.getByLabel('Normalised value').fill(phone);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 network found')).toBeVisible();
  const table = page.getByTestId('networks-table');
  await expect(table).toContainText('Mexico City');
  await table.getByRole('link').first().click();

  await expect(page.getByTestId('network-names')).toHaveText('Dani, Lina, Sofi, Vale');
  // The graph library drew the graph (4 ads + the phone and the template they share) on its canvas.
  await expect(page.getByTestId('network-graph')).toHaveAttribute('data-nodes', '6');
  await expect(page.getByTestId('network-graph').locator('canvas').first()).toBeVisible();
  // The movement, numbered in date order, on the shipped map.
  await expect(page.getByTestId('map-stop')).toHaveCount(4);
  await expect(page.getByTestId('stop-list').locator('li')).toHaveText([/^Bogotá, CO/, /^Medellín, CO/, /^Cali, CO/, /^Mexico City, MX/]);
  await expect(page.getByTestId('movement-map').locator('path').first()).toBeVisible();
  await expect(page.getByTestId('timeline-chart').locator('circle')).toHaveCount(4);
  await expect(page.getByTestId('network-entities')).toContainText(phone);

  // Spanish names where the reader reads Spanish.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByTestId('stop-list').locator('li').last()).toContainText('Ciudad de México, MX');
  await page.getByRole('button', { name: 'English' }).click();

  // Exports: CSV with one row per ad, HTML evidence summary.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csvText.trim().split('\r\n')).toHaveLength(5);
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html-en').click()]);
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  // The WARC evidence package needs crawler captures; these ads came through the API, and the page says so.
  await page.getByTestId('export-evidence-en').click();
  await expect(page.getByRole('alert')).toContainText('These items have no crawler captures');

  // The template view: shared text with the varying names highlighted as slots.
  await page.getByTestId('cluster-link').first().click();
  await expect(page.getByTestId('template')).toContainText('Tenemos nuevas chicas 24 horas');
  await expect(page.getByTestId('slot').first()).toBeVisible();
  await expect(page.getByTestId('cluster-members').locator('mark', { hasText: 'Lina' })).toBeVisible();

  // The phone's own page: everything linked to it.
  await page.goBack();
  await page.getByTestId('network-entities').getByRole('link', { name: phone }).click();
  await expect(page.getByTestId('entity-items').locator('li')).toHaveCount(4);
  expect(cspErrors).toEqual([]);
});

test('networks: an investigator states a purpose first; the network read is audited with it', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const site = `red-inv-${stamp}.ejemplo.test`;
  const four = String((stamp + 5000) % 10000).padStart(4, '0');
  const phone = `+57310555${four}`;
  const investigator = { email: `nico.inv.${stamp}@example.org`, password: 'investigator-password-2026', displayName: 'Nico Investigador', roles: ['investigator'] };
  const purpose = `Investigación E2E-${stamp}: movimiento de una red`;

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, investigator);
  await ingestViaApi(page, family(site, four, 'spa').slice(0, 2));
  const networkId = await waitNetworked(page, phone, 2);

  const ctx = await browser.newContext({ locale: 'en-GB' });
  const p = await ctx.newPage();
  await p.goto('/');
  await signIn(p, investigator.email, investigator.password);
  await expect(p.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Networks' }).click();
  // Nothing is listed before a purpose is stated.
  await expect(p.getByTestId('purpose-form')).toBeVisible();
  await expect(p.getByTestId('networks-table')).toHaveCount(0);
  await p.getByLabel('Purpose (required)').fill(purpose);
  await p.getByRole('button', { name: 'Confirm the purpose' }).click();
  await expect(p.getByTestId('purpose-summary')).toContainText(purpose);
  await p.getByLabel('Entity type').selectOption('phone');
  await p.getByLabel('Normalised value').fill(phone);
  await p.getByRole('button', { name: 'Search' }).click();
  await p.getByTestId('networks-table').getByRole('link').first().click();
  await expect(p.getByTestId('network-names')).toHaveText('Lina, Sofi');
  expect(p.url()).not.toContain('purpose');

  const csrf = await csrfOf(page);
  const res = await page.request.get(`/api/v1/audit?action=network.read&limit=20&purpose=${encodeURIComponent('E2E check of network audit')}`, { headers: { 'x-csrf-token': csrf } });
  expect(res.status()).toBe(200);
  const entries = ((await res.json()) as { entries: Array<{ purpose: string | null; targetId: string | null }> }).entries;
  expect(entries.find((e) => e.purpose === purpose)?.targetId).toBe(networkId);
  await ctx.close();
});
