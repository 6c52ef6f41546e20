import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (serve and worker also do this on start)')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        const result = await migrateToLatest(database.db);
        const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
        process.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
      } finally {
        await database.close();
      }
    });
}
