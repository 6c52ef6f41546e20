import type { Command } from 'commander';
import { configuredTransports } from '../../outbox/transports.js';
import { cliActor } from '../../services/deps.js';
import { validateAuthorityXml } from '../../services/hotline/authorityReport.js';
import { exchangeCsv, exchangeJson, exchangeStamp, exportExchange, importExchange } from '../../services/hotline/exchange.js';
import { hotlineMetrics, metricsCsv } from '../../services/hotline/metricsService.js';
import { onlineCounts } from '../../services/hotline/onlineCounts.js';
import { importProvidersCsv } from '../../services/hotline/providerService.js';
import { defaultUrlChecker } from '../../services/hotline/removalService.js';
import { runHotlineSweep } from '../../services/hotline/sweep.js';
import { countsByStatus } from '../../services/hotline/triageService.js';
import { readInputFile } from '../inputFile.js';
import { CliFailure, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

const isoOption = (name: string) => (v: string) => {
  if (Number.isNaN(Date.parse(v))) throw new CliFailure(`${name} must be an ISO 8601 date or time`, 2);
  return new Date(v).toISOString();
};

export function registerHotlineCommands(program: Command): void {
  const hotline = program.command('hotline').description('hotline: providers, notices and re-checks, metrics, exchange with other hotlines');

  hotline
    .command('providers-import')
    .description('import hosting providers from CSV (name,domains,ip_ranges,abuse_email,webhook_url,country,language); all or nothing')
    .argument('<file>')
    .action(async (file: string) => {
      const text = (await readInputFile(file, MAX_FILE_BYTES)).toString('utf8');
      await withRuntime(async (rt) => printJson(await importProvidersCsv(rt.deps, cliActor, text)));
    });

  hotline
    .command('sweep')
    .description('re-check notified URLs that are due, re-notify what is still online, deliver due outbox messages (what the hourly job does)')
    .action(async () => {
      await withRuntime(async (rt) => printJson(await runHotlineSweep(rt.deps, { checker: defaultUrlChecker(rt.deps, rt.blobs), transports: configuredTransports(rt.config) })));
    });

  hotline
    .command('metrics')
    .description('time to assessment, notice and removal (median, p90) overall, per provider, country and month; JSON, or CSV with --csv')
    .option('--from <iso>', 'first report at or after', isoOption('--from'))
    .option('--to <iso>', 'first report before', isoOption('--to'))
    .option('--csv', 'print CSV (durations in seconds)')
    .action(async (opts: { from?: string; to?: string; csv?: boolean }) => {
      await withRuntime(async (rt) => {
        const m = await hotlineMetrics(rt.deps, { from: opts.from, to: opts.to });
        if (opts.csv) process.stdout.write(metricsCsv(m));
        else printJson({ ...m, counts: await countsByStatus(rt.deps), online: await onlineCounts(rt.deps, { from: opts.from, to: opts.to }) });
      });
    });

  hotline
    .command('exchange-export')
    .description('confirmed URLs with classification for another hotline (CSV, or JSON with --json)')
    .option('--json', 'print the JSON document instead of CSV')
    .option('--include-removed', 'include URLs already verified as removed')
    .action(async (opts: { json?: boolean; includeRemoved?: boolean }) => {
      await withRuntime(async (rt) => {
        const entries = await exportExchange(rt.deps, cliActor, { includeRemoved: opts.includeRemoved === true });
        process.stdout.write(opts.json ? `${exchangeJson(entries, rt.config.hotlineName, exchangeStamp(rt.deps))}\n` : exchangeCsv(entries));
      });
    });

  hotline
    .command('exchange-import')
    .description("file another hotline's confirmed URLs (CSV or JSON) as partner reports to assess here; all or nothing")
    .argument('<file>')
    .requiredOption('--from <name>', 'the sending hotline')
    .action(async (file: string, opts: { from: string }) => {
      const text = (await readInputFile(file, MAX_FILE_BYTES)).toString('utf8');
      await withRuntime(async (rt) => printJson(await importExchange(rt.deps, cliActor, text, opts.from)));
    });

  hotline
    .command('validate-authority-xml')
    .description('validate an authority report XML file against schemas/authority-report.xsd')
    .argument('<file>')
    .action(async (file: string) => {
      const result = await validateAuthorityXml((await readInputFile(file, MAX_FILE_BYTES)).toString('utf8'));
      printJson(result);
      if (!result.valid) process.exitCode = 1;
    });
}
