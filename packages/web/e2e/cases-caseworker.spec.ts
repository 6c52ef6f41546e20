import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './credentials';
import { createUserViaApi, csrfOf, signIn } from './helpers';

test.use({ locale: 'en-GB' });

// Invented people only.
test('a caseworker registers a case, is refused a referral without consent, records consent and refers; a statistician sees only published tables', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const caseworker = { email: `carla.cw.${stamp}@example.org`, password: 'caseworker-password-2026', displayName: 'Carla Caseworker', roles: ['caseworker'] };
  const statistician = { email: `sara.st.${stamp}@example.org`, password: 'statistician-password-2026', displayName: 'Sara Statistician', roles: ['statistician'] };
  const orgName = `Refugio Ejemplo ${stamp}`;

  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await createUserViaApi(page, caseworker);
  await createUserViaApi(page, statistician);
  const partner = { email: `pablo.partner.${stamp}@example.org`, password: 'partner-password-2026', displayName: `Pablo Partner ${stamp}`, roles: ['partner'] };
  await createUserViaApi(page, partner);

  // The administrator adds the organisation to the directory and binds the partner user to it.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Directory and teams' }).click();
  await page.getByLabel('Name', { exact: true }).fill(orgName);
  await page.getByRole('checkbox', { name: 'shelter' }).check();
  await page.getByRole('button', { name: 'Create the organisation' }).click();
  await expect(page.getByRole('status')).toContainText('Organisation created.');
  const orgCard = page.locator('li.card').filter({ hasText: orgName });
  await orgCard.getByLabel('Add a user of the organisation').selectOption({ label: `${partner.displayName} (${partner.email})` });
  await orgCard.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status')).toContainText('Member added.');
  const csrf = await csrfOf(page);

  const cw = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await cw.goto('/');
  await signIn(cw, caseworker.email, caseworker.password);
  await cw.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await expect(cw.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await cw.getByRole('link', { name: 'Register a case' }).first().click();

  await cw.getByLabel('First name').fill('Ximena');
  await cw.getByLabel('Surname').fill('Fantasía Inventada');
  await cw.getByLabel('Date of birth').fill('2001-05');
  await cw.getByLabel('Sex / gender').selectOption('Feminine');
  await cw.getByLabel('Citizenship').fill('VE');
  await cw.getByRole('checkbox', { name: 'Sexual exploitation' }).check();
  await cw.getByRole('button', { name: 'Register the case' }).click();

  await expect(cw.getByRole('heading', { level: 1, name: 'Case' })).toBeVisible();
  await expect(cw.getByRole('tabpanel')).toContainText('Ximena');

  // Keyboard: the tabs follow the arrow keys.
  await cw.getByRole('tab', { name: 'Record' }).focus();
  await cw.keyboard.press('ArrowRight');
  await expect(cw.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');

  // A referral without the consent it needs is refused, naming what is missing.
  await cw.getByRole('tab', { name: 'Referrals' }).click();
  await cw.getByLabel('Receiving organisation').selectOption({ label: `${orgName} (shelter)` });
  await cw.getByRole('button', { name: 'Refer', exact: true }).click();
  await expect(cw.getByRole('alert')).toContainText('Cannot refer: the consent needed is missing.');
  await expect(cw.getByTestId('missing-consent')).toContainText('Referral to services');

  await cw.getByRole('tab', { name: 'Consent' }).click();
  await cw.getByRole('checkbox', { name: 'Recording and processing data' }).check();
  await cw.getByRole('checkbox', { name: 'Referral to services' }).check();
  for (const point of ['Why their data is collected', 'How their data will be used', 'That it may be used, without identifying them, for research', 'Their right to see their data', 'How long it is kept', 'That they can withdraw consent at any time']) {
    await cw.getByRole('checkbox', { name: point }).check();
  }
  await cw.getByRole('button', { name: 'Record consent' }).click();
  await expect(cw.getByRole('status')).toContainText('Consent recorded.');
  await expect(cw.getByTestId('consent-table').getByRole('row', { name: /Referral to services/ })).toContainText('Given');

  await cw.getByRole('tab', { name: 'Referrals' }).click();
  await cw.getByLabel('Receiving organisation').selectOption({ label: `${orgName} (shelter)` });
  await cw.getByRole('checkbox', { name: 'First name' }).check();
  await cw.getByRole('button', { name: 'Refer', exact: true }).click();
  await expect(cw.getByRole('status')).toContainText(`Referral sent to ${orgName}.`);
  const row = cw.getByTestId('referrals-table').getByRole('row', { name: new RegExp(orgName) });
  await expect(row).toContainText('In progress');
  await expect(row).toContainText('Consent');

  // A follow-up with a due date already past is flagged.
  await cw.getByRole('tab', { name: 'Tasks' }).click();
  await cw.getByLabel('Task', { exact: true }).fill('Llamar para confirmar la plaza en el refugio');
  await cw.getByLabel('Due').fill('2026-01-05');
  await cw.getByRole('button', { name: 'Add task' }).click();
  await expect(cw.getByTestId('tasks-table')).toContainText('Overdue');

  // The receiving organisation sees the referral with only what it shares, and accepts it.
  const pp = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await pp.goto('/');
  await signIn(pp, partner.email, partner.password);
  await pp.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Referrals received' }).click();
  const card = pp.locator('section.card').first();
  await expect(card).toContainText('Ximena');
  await expect(card).not.toContainText('Fantasía');
  await expect(card).not.toContainText('2001');
  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(pp.locator('section.card').first()).toContainText('Accepted');

  await cw.getByRole('tab', { name: 'Access log' }).click();
  await expect(cw.getByTestId('access-log')).toContainText('Read the case');
  await expect(cw.getByTestId('access-log')).toContainText('Referred the case');
  await expect(cw.getByTestId('access-log')).toContainText('The receiving organisation saw the referral');
  await expect(cw.getByTestId('access-log')).toContainText('Referral accepted');

  // Editing carries the version read: a change made meanwhile elsewhere is not silently overwritten.
  await cw.getByRole('tab', { name: 'Edit' }).click();
  await cw.getByLabel('Surname').fill('Fantasía Corregida');
  const caseId = cw.url().split('/').pop()!;
  const current = (await (await cw.request.get(`/api/v1/cases/${caseId}`)).json()) as { case: { version: number; record: Record<string, unknown> } };
  const cwCsrf = await csrfOf(cw);
  const meanwhile = await cw.request.put(`/api/v1/cases/${caseId}`, { data: { baseVersion: current.case.version, record: { ...current.case.record, case: { status: 'FollowUp', registeredOn: (current.case.record.case as { registeredOn: string }).registeredOn } } }, headers: { 'x-csrf-token': cwCsrf } });
  expect(meanwhile.status()).toBe(200);
  await cw.getByRole('button', { name: 'Save' }).click();
  await expect(cw.getByRole('alert')).toContainText('Someone changed this case while you were editing it.');
  await cw.reload();
  await cw.getByRole('tab', { name: 'Edit' }).click();
  await expect(cw.getByLabel('Case status')).toHaveValue('FollowUp');
  await cw.getByLabel('Surname').fill('Fantasía Corregida');
  await cw.getByRole('button', { name: 'Save' }).click();
  await expect(cw.getByRole('tab', { name: 'Record' })).toHaveAttribute('aria-selected', 'true');
  await expect(cw.getByRole('tabpanel')).toContainText('Fantasía Corregida');

  // The list hides names until asked.
  await cw.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Cases' }).click();
  const table = cw.getByTestId('cases-table');
  await expect(table).toContainText('Hidden');
  await expect(table).not.toContainText('Ximena');
  await cw.getByRole('button', { name: 'Show names' }).click();
  await expect(table).toContainText('Ximena Fantasía Corregida');

  // The administrator publishes a table; the statistician sees it with its privacy parameters, and nothing else.
  const pub = await page.request.post('/api/v1/stats/publications', { data: { title: `Cases by sex ${stamp}`, dimensions: ['sex'], method: 'k-anonymity' }, headers: { 'x-csrf-token': csrf } });
  expect(pub.status()).toBe(201);
  const map = await page.request.post('/api/v1/stats/publications', { data: { title: `Cases by citizenship ${stamp}`, dimensions: ['citizenship'], method: 'k-anonymity' }, headers: { 'x-csrf-token': csrf } });
  expect(map.status()).toBe(201);
  const st = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await st.goto('/');
  await signIn(st, statistician.email, statistician.password);
  const nav = st.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Cases' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Statistics' }).click();
  const section = st.getByTestId('publication').filter({ hasText: `Cases by sex ${stamp}` });
  await expect(section.getByTestId('privacy-parameters')).toContainText('k-anonymity: counts below 11 are hidden');
  await expect(section.getByRole('table')).toContainText('hidden');
  await expect(st.getByRole('heading', { name: 'Publish a table' })).toHaveCount(0);
  // A country table is also drawn as a map; a count below k is hatched, not shown.
  const mapSection = st.getByTestId('publication').filter({ hasText: `Cases by citizenship ${stamp}` });
  await expect(mapSection.getByRole('img', { name: `Map: Cases by citizenship ${stamp}` })).toBeVisible();
  await expect(mapSection.locator('path[data-country="VE"]')).toHaveAttribute('fill', /^url\(#/);
  await expect(mapSection.getByTestId('privacy-parameters')).toContainText('below 11');
  // The hotline's time to removal (aggregates only) is on the statistics page too.
  await expect(st.getByTestId('removal-times').getByRole('heading', { name: 'Time to removal (hotline)' })).toBeVisible();
  await expect(st.getByTestId('removal-times').getByRole('heading', { name: 'Times', exact: true })).toBeVisible();
  await st.goto('/cases');
  await expect(st.getByRole('heading', { level: 1 })).not.toHaveText('Cases');
  const direct = await st.request.get('/api/v1/cases');
  expect(direct.status()).toBe(403);
});
