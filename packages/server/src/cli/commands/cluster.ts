import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { clusterAds, clusterLines, clusterSummary, type Ad } from '@centinela/core';
import type { Command } from 'commander';
import { splitLines } from '../../import/lines.js';
import { cliActor } from '../../services/deps.js';
import { rebuildNetworks } from '../../services/networkService.js';
import { CliFailure, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

/** Characters of one ad kept (the clustering reads 20,000; more is never looked at). */
const MAX_AD_CHARS = 100_000;

/** One input line → an ad, or the reason it is refused. */
export function parseAdLine(text: string): Ad | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : typeof o.id === 'number' && Number.isFinite(o.id) ? String(o.id) : null;
  if (id === null || id === '') return '"id" must be a non-empty string or a number';
  if (o.text !== undefined && typeof o.text !== 'string') return '"text" must be a string';
  if (o.title !== undefined && o.title !== null && typeof o.title !== 'string') return '"title" must be a string';
  // As for stored items: the body, or the title when there is no body.
  const body = typeof o.text === 'string' && o.text.trim() !== '' ? o.text : typeof o.title === 'string' ? o.title : '';
  return { id, text: body.slice(0, MAX_AD_CHARS) };
}

export function registerClusterCommands(program: Command): void {
  program
    .command('cluster')
    .description('template clusters of ads in JSON Lines ({"id","text","title"?}): one {"id","cluster","template"} line per ad, then {"summary":{…}}')
    .argument('<file>', 'JSON Lines, one ad per line')
    .option('--coarse-only', 'skip the fine stage (templates and MDL splits): faster, no templates')
    .action(async (file: string, opts: { coarseOnly?: boolean }) => {
      const info = await stat(file).catch(() => null);
      if (!info) throw new CliFailure(`${file}: no such file`, 2);
      if (!info.isFile()) throw new CliFailure(`${file}: not a regular file`, 2);
      const ads: Ad[] = [];
      const seen = new Set<string>();
      // Identical texts share one string: a million copies of one ad hold one copy in memory.
      const texts = new Map<string, string>();
      let refused = 0;
      for await (const ev of splitLines(createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }))) {
        if (ev.kind === 'tooLong') {
          refused++;
          process.stderr.write(`${file}:${ev.line}: line of ${ev.length} characters is too long, skipped\n`);
          continue;
        }
        if (ev.text.trim() === '') continue;
        const ad = parseAdLine(ev.text);
        if (typeof ad === 'string') {
          refused++;
          process.stderr.write(`${file}:${ev.line}: ${ad}\n`);
          continue;
        }
        if (seen.has(ad.id)) {
          refused++;
          process.stderr.write(`${file}:${ev.line}: id ${JSON.stringify(ad.id).slice(0, 80)} already seen, skipped\n`);
          continue;
        }
        seen.add(ad.id);
        let text = texts.get(ad.text);
        if (text === undefined) texts.set(ad.text, (text = ad.text));
        ads.push({ id: ad.id, text });
      }
      const result = clusterAds(ads, { fine: opts.coarseOnly !== true });
      // Written in pieces: a million lines never become one string.
      let out = '';
      for (const line of clusterLines(result)) {
        out += `${JSON.stringify(line)}\n`;
        if (out.length > 1 << 20) {
          process.stdout.write(out);
          out = '';
        }
      }
      process.stdout.write(out);
      printJson({ summary: { ...clusterSummary(result), refusedLines: refused } });
      if (refused > 0) process.exitCode = 1;
    });

  const networks = program.command('networks').description('template clusters and the link graph of the stored items (see docs/NETWORKS.md)');
  networks
    .command('rebuild')
    .description('recompute every template cluster, network, hub and network risk signal from the analysed items')
    .action(async () => {
      await withRuntime(async (runtime) => {
        printJson(await rebuildNetworks(runtime.deps, cliActor));
      });
    });
}
