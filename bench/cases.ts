// Cases benchmarks on a temporary SQLite database: field sealing, registering and reading cases (every
// identifying field sealed one by one), publishing a table over all cases, and re-encrypting every field after a
// key rotation. Invented records; bounded in count. Prints figures, asserts nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/config/config.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { createCase, getCase } from '../packages/server/src/services/cases/caseService.js';
import { activeKeyVersion, openField, sealField } from '../packages/server/src/services/cases/fieldCrypto.js';
import { reencryptAll, startKeyRotation } from '../packages/server/src/services/cases/keyRotation.js';
import { cliActor } from '../packages/server/src/services/deps.js';
import { publishTable } from '../packages/server/src/services/stats/statsService.js';
import { createUser } from '../packages/server/src/services/userService.js';
import { caseRecord } from '../packages/server/src/test/cases.js';

const N = 2000;

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-cases-'));
  const runtime = await openRuntime(loadConfig({ CENTINELA_DATA_DIR: dataDir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex'), CENTINELA_LOG_LEVEL: 'silent', CENTINELA_SCRYPT_COST: '1024' }));
  try {
    const deps = runtime.deps;
    const version = await activeKeyVersion(deps);
    let t0 = performance.now();
    for (let i = 0; i < 20_000; i++) openField(deps, sealField(deps, version, 'case_record', `id-${i}`, 'person.firstName', `"Nombre ${i}"`));
    console.log(`seal + open one field (AES-256-GCM, HKDF sub-key): ${(((performance.now() - t0) / 20_000) * 1000).toFixed(1)} µs`);

    const { user } = await createUser(deps, cliActor, { email: 'bench@example.org', displayName: 'Bench', roles: ['caseworker'], password: 'bench password long enough' });
    const viewer = { id: user.id, roles: user.roles };
    const genders = ['Feminine', 'Masculine', 'TransgenderFeminine'];
    const ids: string[] = [];
    t0 = performance.now();
    for (let i = 0; i < N; i++) ids.push((await createCase(deps, cliActor, viewer, caseRecord({ firstName: `P${i}`, gender: genders[i % 3]!, registeredOn: `202${i % 6}-03-14` }))).id);
    const createMs = performance.now() - t0;
    console.log(`register a case (9 sealed fields, audit entry, access log): ${(createMs / N).toFixed(2)} ms each, ${Math.round((N / createMs) * 1000)} cases/s (${N} cases)`);

    t0 = performance.now();
    for (let i = 0; i < 500; i++) await getCase(deps, cliActor, viewer, ids[(i * 7) % N]!);
    console.log(`read a case (open 9 fields, scope check, access log + audit): ${((performance.now() - t0) / 500).toFixed(2)} ms`);

    for (const method of ['k-anonymity', 'dp-geometric'] as const) {
      t0 = performance.now();
      await publishTable(deps, cliActor, { title: 'bench', source: 'cases', dimensions: ['sex', 'ageBand', 'yearOfRegistration'], method });
      console.log(`publish sex × age band × year (${method}) over ${N} cases: ${(performance.now() - t0).toFixed(0)} ms`);
    }

    const started = await startKeyRotation(deps, cliActor);
    t0 = performance.now();
    const n = await reencryptAll(deps, () => {}, 500);
    const ms = performance.now() - t0;
    console.log(`key rotation: re-encrypt ${n} fields (of ${started.pending} pending) in ${ms.toFixed(0)} ms, ${Math.round((n / ms) * 1000)} fields/s in batches of 500`);
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
