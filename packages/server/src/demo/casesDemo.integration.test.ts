import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { seedDemo } from './seedDemo.js';

describe('cases demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('seeds invented cases with sealed names, a referral to a partner, and published tables', async () => {
    const result = await seedDemo(t.runtime.deps);
    const partner = result.accounts.find((a) => a.roles.includes('partner'))!;
    const caseworker = result.accounts.find((a) => a.roles.includes('caseworker'))!;
    expect(result.accounts.find((a) => a.roles.includes('supervisor'))).toBeDefined();
    const cases = await t.runtime.deps.db.selectFrom('case_record').select('clear_data').execute();
    expect(cases).toHaveLength(16);
    expect(cases.every((c) => !c.clear_data.includes('Ejemplo'))).toBe(true);
    const inbox = (await t.as(await t.login(partner.email, partner.password), 'GET', '/api/v1/referrals/inbox')).json().referrals;
    expect(inbox).toHaveLength(1);
    expect(Object.keys(inbox[0].shared.person).sort()).toEqual(['firstName', 'gender']);
    const list = (await t.as(await t.login(caseworker.email, caseworker.password), 'GET', '/api/v1/cases')).json().cases;
    expect(list).toHaveLength(16);
    const pubs = await t.runtime.deps.db.selectFrom('stats_publication').select('method').execute();
    expect(pubs.map((p) => p.method).sort()).toEqual(['dp-geometric', 'k-anonymity']);
  });
});
