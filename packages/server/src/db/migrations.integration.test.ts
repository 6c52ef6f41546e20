import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, type TestEnv } from '../test/harness.js';
import { migrateToLatest, openDatabase } from './database.js';
import { migrations } from './migrations/index.js';

const TABLES = ['app_user', 'session', 'api_key', 'audit_log', 'audit_head', 'job', 'worker', 'job_probe'];

describe.each(DIALECTS)('migrations from an empty database on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.cleanup());

  it('creates every table, then finds nothing to do on a second run', async () => {
    const handle = openDatabase(env.config);
    try {
      const first = await migrateToLatest(handle.db);
      expect(first.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
      const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
      for (const table of TABLES) expect(tables).toContain(table);
      const second = await migrateToLatest(handle.db);
      expect(second.results).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('uses WAL on SQLite and keeps the database file private', async () => {
    if (dialect !== 'sqlite') return;
    const { statSync } = await import('node:fs');
    const handle = openDatabase(env.config);
    try {
      const { sql } = await import('kysely');
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      expect(statSync(handle.location).mode & 0o777).toBe(0o600);
    } finally {
      await handle.close();
    }
  });
});
