import type { Role } from '@centinela/core';
import { generatePassword } from '../auth/password.js';
import { appendAudit } from '../services/auditService.js';
import { systemActor, type ServiceDeps } from '../services/deps.js';
import { ingestItems } from '../services/itemService.js';
import { createUser } from '../services/userService.js';
import { DEMO_ADS } from './demoAds.js';
import { seedCasesDemo } from './casesDemo.js';
import { seedCrawlDemo } from './crawlDemo.js';
import { seedHotlineDemo } from './hotlineDemo.js';

/** Invented staff of an invented hotline, one per role. No real person is named here. */
const DEMO_USERS: Array<{ email: string; displayName: string; roles: Role[]; locale: 'es' | 'en' }> = [
  { email: 'analista@demo.centinela.local', displayName: 'Lucía Analista (demo)', roles: ['analyst'], locale: 'es' },
  { email: 'investigador@demo.centinela.local', displayName: 'Mateo Investigador (demo)', roles: ['investigator'], locale: 'es' },
  { email: 'caseworker@demo.centinela.local', displayName: 'Grace Caseworker (demo)', roles: ['caseworker'], locale: 'en' },
  { email: 'estadistica@demo.centinela.local', displayName: 'Ana Estadística (demo)', roles: ['statistician'], locale: 'es' },
];

export interface DemoSeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; roles: Role[]; password: string }>;
  /** Ids of the demo items whose analysis is to be queued. */
  itemsToAnalyse: string[];
}

/** Seeds the demo data once; later starts leave it alone. */
export async function seedDemo(deps: ServiceDeps): Promise<DemoSeedResult> {
  const already = await deps.db.selectFrom('app_user').select('id').where('email', '=', DEMO_USERS[0]!.email).executeTakeFirst();
  if (already) return { seeded: false, accounts: [], itemsToAnalyse: [] };
  const accounts: DemoSeedResult['accounts'] = [];
  for (const u of DEMO_USERS) {
    const password = generatePassword();
    await createUser(deps, systemActor, { ...u, password });
    accounts.push({ email: u.email, roles: u.roles, password });
  }
  accounts.push(...(await seedCasesDemo(deps)));
  const { toAnalyse } = await ingestItems(deps, systemActor, DEMO_ADS, { defaultSource: 'import' });
  await seedCrawlDemo(deps);
  await seedHotlineDemo(deps);
  await appendAudit(deps, systemActor, { action: 'install.demo_seed', details: { users: DEMO_USERS.length, items: DEMO_ADS.length } });
  return { seeded: true, accounts, itemsToAnalyse: toAnalyse };
}
