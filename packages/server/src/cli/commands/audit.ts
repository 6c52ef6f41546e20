import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { verifyAuditChain } from '../../services/auditService.js';
import { CliFailure } from '../output.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check every entry of the audit chain; exits non-zero naming the first broken entry')
    .action(async () => {
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database.db);
        const verdict = await verifyAuditChain(database.db);
        if (!verdict.ok) {
          throw new CliFailure(`audit chain broken at entry ${verdict.brokenSeq} (${verdict.reason}): ${verdict.message}`, 1);
        }
        process.stdout.write(`audit chain intact: ${verdict.entries} entries, head ${verdict.headSeq} ${verdict.headHash}\n`);
      } finally {
        await database.close();
      }
    });
}
