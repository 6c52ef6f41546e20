import { z } from 'zod';
import { NETWORK_REBUILD_TASK, NETWORK_UPDATE_TASK, rebuildNetworks, updateNetworksForItem } from '../../services/networkService.js';
import { reportFromItemAnalysis } from '../../services/hotline/autoReport.js';
import type { TaskDefinition } from '../queue.js';
import { timed } from '../../services/stageTimes.js';

const itemPayload = z.strictObject({ itemId: z.uuid() });

/**
 * Joins one analysed item to its template cluster and network (queued at the end of `analyze.item`). Idempotent:
 * the cluster row and the links are keyed by item, and the components are recomputed from the stored links.
 * Network signals can raise a score over the automatic-report line — the new item's, and those of earlier ads that
 * now share its phone or template — so every rescored item is looked at again (at most one automatic report each).
 */
export const updateNetworksTask: TaskDefinition<z.output<typeof itemPayload>> = {
  name: NETWORK_UPDATE_TASK,
  role: 'analyze',
  payload: itemPayload,
  maxAttempts: 5,
  async run({ itemId }, { deps }) {
    const rescored: string[] = [];
    if ((await timed('networks: update for item', () => updateNetworksForItem(deps, itemId, { rescored }))) === 'updated') {
      await timed('networks: automatic-report check', async () => {
        for (const id of new Set([itemId, ...rescored])) await reportFromItemAnalysis(deps, id);
      });
    }
  },
};

/** The full rebuild of clusters and networks from the analysed items (`centinela networks rebuild` runs it inline). */
export const rebuildNetworksTask: TaskDefinition<Record<string, never>> = {
  name: NETWORK_REBUILD_TASK,
  role: 'analyze',
  payload: z.strictObject({}),
  maxAttempts: 2,
  async run(_payload, { deps }) {
    await rebuildNetworks(deps);
  },
};
