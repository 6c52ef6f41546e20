import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { BANK_FORMATS, type BankFormat } from '../../services/bankFormats.js';
import { createBank, exportEntries, getBankByName, importEntries, listBanks, type ImportReport } from '../../services/bankService.js';
import { cliActor } from '../../services/deps.js';
import { Problem } from '../../services/problem.js';
import { CliFailure, printJson } from '../output.js';

function parseFormat(value: string): BankFormat {
  if (!(BANK_FORMATS as readonly string[]).includes(value)) throw new CliFailure(`--format must be one of ${BANK_FORMATS.join(', ')}`, 2);
  return value as BankFormat;
}

async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function readInput(file: string, limitBytes: number): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) throw new CliFailure(`the input is larger than the upload limit of ${limitBytes} bytes`, 2);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0) throw new CliFailure(`cannot read ${file}`, 2);
  if (size > limitBytes) throw new CliFailure(`${file} is larger than the upload limit of ${limitBytes} bytes`, 2);
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliFailure(`cannot read ${file}`, 2);
  }
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
        const text = await readInput(file, rt.config.uploadLimitBytes);
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
