import { createReadStream } from 'node:fs';
import { rename, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { riskConfigToJson } from '../../config/riskConfig.js';
import { currentAnalysisVersion, queueOutdatedAnalyses } from '../../services/itemAnalysis.js';
import { fitRiskConfig, formatRiskFitReport, parseLabelledLine, RiskFitInputError, type LabelledExample } from '../../services/riskFit.js';
import { CliFailure, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

function parseL2(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1e6) throw new CliFailure('--l2 must be a number from 0 to 1000000', 2);
  return n;
}

/** Reads labelled JSON Lines; the first bad line stops with its line number (a fit on half a file is not wanted). */
async function readLabelled(file: string): Promise<LabelledExample[]> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new CliFailure(`${file}: no such file`, 2);
  if (!info.isFile()) throw new CliFailure(`${file}: not a regular file`, 2);
  const examples: LabelledExample[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    try {
      examples.push(parseLabelledLine(raw, n));
    } catch (err) {
      lines.close();
      if (err instanceof RiskFitInputError) throw new CliFailure(`${file}: ${err.message}`, 2);
      throw err;
    }
  }
  return examples;
}

export function registerRiskCommands(program: Command): void {
  const risk = program.command('risk').description('the risk score configuration: fit its weights on labelled examples (see docs/RISK.md)');
  risk
    .command('fit')
    .description('fit the risk weights on labelled JSON Lines ({"text","label":0|1,"language"?,"region"?,"group"?}) and compare with the priors on a held-out 20%')
    .argument('<file>', 'labelled examples, one JSON object per line')
    .option('--l2 <x>', 'L2 penalty of the logistic fit (larger when data are few)', parseL2, 1)
    .option('--keep-caps', "keep the priors' per-category and weak-evidence caps (advised for small fits)")
    .option('--out <config.json>', 'write the fitted RiskConfig here (deploy it with CENTINELA_RISK_CONFIG)')
    .option('--json', 'print the report as one JSON object (with the config) instead of text')
    .action(async (file: string, opts: { l2: number; keepCaps?: boolean; out?: string; json?: boolean }) => {
      const examples = await readLabelled(file);
      let result;
      try {
        result = fitRiskConfig(examples, { l2: opts.l2, keepCaps: opts.keepCaps === true, date: new Date().toISOString().slice(0, 10) });
      } catch (err) {
        if (err instanceof RiskFitInputError) throw new CliFailure(`${file}: ${err.message}`, 2);
        throw err;
      }
      const configJson = riskConfigToJson(result.config);
      if (opts.out !== undefined) {
        // Written whole or not at all: a half-written config must never be deployed.
        const tmp = `${opts.out}.${process.pid}.tmp`;
        await writeFile(tmp, `${JSON.stringify(configJson, null, 2)}\n`, { mode: 0o644 });
        await rename(tmp, opts.out);
      }
      if (opts.json === true) {
        const { config: _config, ...report } = result;
        printJson({ ...report, config: configJson, written: opts.out ?? null });
        return;
      }
      const lines = formatRiskFitReport(result);
      lines.push(opts.out !== undefined ? `wrote ${opts.out} (version ${result.config.version})` : 'not written: pass --out FILE to write the config');
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  risk
    .command('reanalyse')
    .alias('reanalyze')
    .description('queue the analysis of every item analysed with another catalog, lexicon or risk config (after setting CENTINELA_RISK_CONFIG)')
    .action(async () => {
      await withRuntime(async (runtime) => {
        const queued = await queueOutdatedAnalyses(runtime.deps, runtime.queue);
        printJson({ queued, analysisVersion: currentAnalysisVersion(runtime.deps) });
      });
    });
}
