import type { Command } from 'commander';
import { BANK_FORMATS, type BankFormat } from '../../services/bankFormats.js';
import { createBank, exportEntries, getBankByName, importEntries, listBanks, type ImportReport } from '../../services/bankService.js';
import { cliActor } from '../../services/deps.js';
import { Problem } from '../../services/problem.js';
import { readInputFile } from '../inputFile.js';
import { CliFailure, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

function parseFormat(value: string): BankFormat {
  if (!(BANK_FORMATS as readonly string[]).includes(value)) throw new CliFailure(`--format must be one of ${BANK_FORMATS.join(', ')}`, 2);
  return value as BankFormat;
}

export function registerBankCommands(program: Command): void {
  const bank = program.command('bank').description('hash banks: named lists of known hashes to match against');

  bank
    .command('create')
    .description('create an empty bank')
    .argument('<name>', 'bank name (letters, digits, space, . _ -)')
    .option('--description <text>', 'what the bank holds and where it comes from')
    .action(async (name: string, opts: { description?: string }) => {
      await withRuntime(async (rt) => printJson(await createBank(rt.deps, cliActor, { name, description: opts.description })));
    });

  bank
    .command('import')
    .description('import hashes from a file (or - for stdin); prints the counts. Any invalid line rejects the file unless --skip-invalid')
    .argument('<name>', 'bank name')
    .argument('<file>', 'file to import, or -')
    .option('--format <format>', 'lines, csv or te (default: csv for *.csv, else lines)')
    .option('--skip-invalid', 'import the valid lines and report the invalid ones')
    .option('--category <text>', 'category for lines that carry none')
    .option('--source <text>', 'source for lines that carry none')
    .action(async (name: string, file: string, opts: { format?: string; skipInvalid?: boolean; category?: string; source?: string }) => {
      const format = opts.format ? parseFormat(opts.format) : file.toLowerCase().endsWith('.csv') ? 'csv' : 'lines';
      await withRuntime(async (rt) => {
        const target = await getBankByName(rt.deps, name);
        const text = (await readInputFile(file, rt.config.uploadLimitBytes, { stdin: true })).toString('utf8');
        try {
          printJson(await importEntries(rt.deps, cliActor, target.id, text, { format, skipInvalid: opts.skipInvalid, category: opts.category, source: opts.source }));
        } catch (err) {
          if (!(err instanceof Problem) || err.code !== 'bank.import_invalid') throw err;
          // The whole report on stdout, so every bad line number can be read; the reason on stderr.
          const report = err.extra.report as ImportReport;
          printJson(report);
          const first = report.invalid[0];
          throw new CliFailure(`${err.message}${first ? `; first: line ${first.line}: ${first.reason}` : ''}`);
        }
      });
    });

  bank
    .command('export')
    .description('write a bank to stdout in a format the import reads back')
    .argument('<name>', 'bank name')
    .option('--format <format>', 'lines, csv or te (te holds PDQ entries only)', 'csv')
    .action(async (name: string, opts: { format: string }) => {
      const format = parseFormat(opts.format);
      await withRuntime(async (rt) => {
        const target = await getBankByName(rt.deps, name);
        for await (const chunk of exportEntries(rt.deps, target.id, format)) process.stdout.write(chunk);
      });
    });

  bank
    .command('list')
    .description('one JSON line per bank, with its entry count')
    .action(async () => {
      await withRuntime(async (rt) => {
        for (const b of await listBanks(rt.deps)) printJson(b);
      });
    });
}
