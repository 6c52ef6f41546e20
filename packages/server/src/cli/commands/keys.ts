import type { Command } from 'commander';
import { keyStatus, reencryptAll, startKeyRotation } from '../../services/cases/keyRotation.js';
import { cliActor } from '../../services/deps.js';
import { appendAudit } from '../../services/auditService.js';
import { parseIntOption, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('the keys that seal identifying case fields');
  keys
    .command('status')
    .description('the active field-key version, versions still being retired, and fields not yet re-encrypted')
    .action(async () => {
      await withRuntime(async (runtime) => {
        printJson(await keyStatus(runtime.deps));
      });
    });
  keys
    .command('rotate')
    .description('make a new field-key version active (new writes use it at once) and re-encrypt every field under it, in batches, while the server keeps running; --resume finishes an interrupted rotation')
    .option('--resume', 'only re-encrypt what an earlier rotation left')
    .option('--batch <n>', 'fields per transaction', parseIntOption('--batch', 1, 100_000), 500)
    .option('--background', 'queue the re-encryption as a job for the workers instead of running it here')
    .action(async (opts: { resume?: boolean; batch: number; background?: boolean }) => {
      await withRuntime(async (runtime) => {
        const started = opts.resume ? await keyStatus(runtime.deps) : await startKeyRotation(runtime.deps, cliActor);
        process.stderr.write(`field key v${started.activeVersion} active; ${started.pending} field(s) to re-encrypt\n`);
        if (opts.background) {
          await runtime.queue.enqueue('cases.reencryptFields', {}, { jobKey: `cases.reencryptFields:v${started.activeVersion}` });
          printJson({ ...started, queued: true });
          return;
        }
        const n = await reencryptAll(runtime.deps, (done) => process.stderr.write(`re-encrypted ${done}\n`), opts.batch);
        await appendAudit(runtime.deps, cliActor, { action: 'keys.reencrypt', details: { fields: n } });
        printJson({ ...(await keyStatus(runtime.deps)), reencrypted: n });
      });
    });
}
