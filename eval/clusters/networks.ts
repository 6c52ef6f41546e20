// Networks as the product builds them, scored like the template clusters (issue 5, "Measurement"): the ads go through
// the real pipeline — ingest, analysis (entities), `updateNetworksForItem` (template cluster + links + hub guards) —
// on SQLite in a temporary directory that is deleted afterwards, and each ad's network id is its label.
// With the contact tokens masked away, what links the real ads is their template and the handles they still carry.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../packages/server/src/config/config.js';
import { openRuntime } from '../../packages/server/src/runtime.js';
import { cliActor } from '../../packages/server/src/services/deps.js';
import { analyseItem } from '../../packages/server/src/services/itemAnalysis.js';
import { ingestItems } from '../../packages/server/src/services/itemService.js';
import { updateNetworksForItem } from '../../packages/server/src/services/networkService.js';

export interface NetworkLabels {
  /** Network id per ad, in input order. */
  network: string[];
  /** Links by type over all ads, hubs by type (counts only). */
  links: Record<string, number>;
  hubs: Record<string, number>;
}

/** Runs the ads through ingest, analysis and the incremental network update; returns each ad's network. */
export async function networkLabels(texts: readonly string[], region: string): Promise<NetworkLabels> {
  const dir = mkdtempSync(path.join(tmpdir(), 'centinela-eval-networks-'));
  const runtime = await openRuntime(loadConfig({ CENTINELA_DATA_DIR: dir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex') }));
  try {
    const { deps } = runtime;
    const ids: string[] = [];
    const entries = texts.map((text, i) => ({ url: `https://eval.invalid/ad/${i}`, text: text.trim() === '' ? '-' : text, region }));
    for (let i = 0; i < entries.length; i += 500) {
      const { toAnalyse } = await ingestItems(deps, cliActor, entries.slice(i, i + 500), { defaultSource: 'import' });
      ids.push(...toAnalyse);
    }
    if (ids.length !== texts.length) throw new Error(`ingested ${ids.length} of ${texts.length} ads`);
    for (const id of ids) await analyseItem(deps, id);
    for (const id of ids) await updateNetworksForItem(deps, id);
    const rows = await deps.db.selectFrom('network_item').select(['item_id', 'network_id']).execute();
    const networkOf = new Map(rows.map((r) => [r.item_id, r.network_id]));
    const count = async (table: 'network_link' | 'network_hub') => {
      const out: Record<string, number> = {};
      for (const r of await deps.db.selectFrom(table).select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').execute()) out[r.type] = Number(r.n);
      return out;
    };
    return { network: ids.map((id) => networkOf.get(id) ?? id), links: await count('network_link'), hubs: await count('network_hub') };
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
