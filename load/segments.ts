// Scale-out on one machine: the same test split over N k6 instances with --execution-segment, against one target,
// and the instances' jobs merged. Every instance computes the same seeded schedule and takes only its stripe of
// iterations (exec.scenario.iterationInTest is unique across instances), so the union of the stripes is the whole
// test — the same jobs, and the billable budget still holds for the sum. Percentiles are then computed from the
// merged raw jobs, exactly (k6-operator cannot merge them: anchors §3.1, grafana/k6-operator#413).
import { join } from 'node:path';
import type { JobRecord } from '../core/result-files.ts';
import { runLoad, type LoadOptions, type LoadResult } from './run.ts';

/** `0,1/2,1` style sequence and its segments for n equal parts. */
export function equalSegments(n: number): { sequence: string; segments: string[] } {
  const cuts = Array.from({ length: n + 1 }, (_, i) => (i === 0 ? '0' : i === n ? '1' : `${i}/${n}`));
  return { sequence: cuts.join(','), segments: cuts.slice(0, -1).map((from, i) => `${from}:${cuts[i + 1]}`) };
}

export interface SegmentedResult {
  readonly parts: readonly LoadResult[];
  readonly jobs: readonly JobRecord[];
}

/** Runs `options` as n concurrent instances, each a segment, sharing `options.mock` (or the given target). */
export async function runSegmented(options: LoadOptions, n: number, outDir: string): Promise<SegmentedResult> {
  const { sequence, segments } = equalSegments(n);
  const parts = await Promise.all(
    segments.map((segment, i) => runLoad({ ...options, out: join(outDir, `segment-${i + 1}`), executionSegment: segment, executionSegmentSequence: sequence })),
  );
  return { parts, jobs: parts.flatMap((p) => p.jobs) };
}
