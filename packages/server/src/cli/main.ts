import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { VERSION } from '../runtime.js';
import { Problem } from '../services/problem.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerBankCommands } from './commands/bank.js';
import { registerHashCommand } from './commands/hash.js';
import { registerHotlineCommands } from './commands/hotline.js';
import { registerJobsCommands } from './commands/jobs.js';
import { registerMatchCommand } from './commands/match.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerImportCommand } from './commands/import.js';
import { registerScoreCommand } from './commands/score.js';
import { registerRiskCommands } from './commands/risk.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { registerWorkerCommand } from './commands/worker.js';
import { registerCasesCommands } from './commands/cases.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerStatsCommands } from './commands/stats.js';
import { registerClusterCommands } from './commands/cluster.js';
import { registerCrawlCommands } from './commands/crawl.js';
import { CliFailure } from './output.js';

/** Each command file adds its commands; a capability adds its own file here. */
const commandRegistrars = [
  registerServeCommand,
  registerWorkerCommand,
  registerMigrateCommand,
  registerUserCommands,
  registerAuditCommands,
  registerJobsCommands,
  registerHashCommand,
  registerBankCommands,
  registerMatchCommand,
  registerExtractCommand,
  registerScoreCommand,
  registerRiskCommands,
  registerImportCommand,
  registerKeysCommands,
  registerStatsCommands,
  registerCasesCommands,
  registerClusterCommands,
  registerHotlineCommands,
  registerCrawlCommands,
];

export function buildProgram(): Command {
  const program = new Command('centinela')
    .description('Centinela: find, report, remove and respond to online trafficking and child sexual exploitation')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of commandRegistrars) register(program);
  return program;
}

/** Runs the CLI and returns the exit code; failures print one line naming the reason. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ConfigError) {
      process.stderr.write(`centinela: configuration error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CliFailure) {
      process.stderr.write(`centinela: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof Problem) {
      process.stderr.write(`centinela: ${err.code}: ${err.message}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`centinela: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
