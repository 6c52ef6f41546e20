import { z } from 'zod';
import { analyseItem, ANALYZE_ITEM_TASK } from '../../services/itemAnalysis.js';
import { reportFromItemAnalysis } from '../../services/hotline/autoReport.js';
import type { TaskDefinition } from '../queue.js';
import { queueNetworkUpdate } from '../../services/networkService.js';
import { timed } from '../../services/stageTimes.js';

const payload = z.strictObject({ itemId: z.uuid() });

/**
 * Indicators, entities and risk score of one item (core `score`). Idempotent: the result replaces the item's
 * previous analysis in one transaction keyed by item id and analysis version, so a rerun changes nothing.
 */
export const analyzeItemTask: TaskDefinition<z.output<typeof payload>> = {
  name: ANALYZE_ITEM_TASK,
  role: 'analyze',
  payload,
  maxAttempts: 5,
  async run({ itemId }, { deps, queue }) {
    if ((await timed('analyze: score + store', () => analyseItem(deps, itemId))) === 'missing') return;
    // Automatic reports from strong signals (#7); idempotent per item, so a retried job files at most one.
    await timed('analyze: automatic-report check', () => reportFromItemAnalysis(deps, itemId));
    if (queue) await timed('analyze: queue network update', () => queueNetworkUpdate(queue, deps, itemId));
  },
};
