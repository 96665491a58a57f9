/**
 * The recurring fold of the index's pending deltas into its counts (docs/index.md). Figures are
 * exact without it (readers add the deltas); it keeps the delta table small, so reads stay fast.
 */
import type { JobHandler } from '../../jobs/runner';
import { compactCounts } from './queries';

export const INDEX_COMPACT_JOB = 'index.compact';
/** How often: the delta table holds at most this much of the changes. */
export const INDEX_COMPACT_EVERY_MS = 15_000;

export function indexCompactHandler(): JobHandler {
  return async (_payload, ctx) => {
    await ctx.db.transaction().execute((trx) => compactCounts(trx));
  };
}
