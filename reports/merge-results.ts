// Several run folders of one test → one results document. k6 splits a large test across instances with execution
// segments (the load stage's --execution-segment); each instance writes its own folder, and k6 open source cannot
// merge their percentiles (grafana/k6-operator#413; anchors §7 item 9). Here the merge is exact: raw jobs are
// concatenated, and per-group HDR histograms are kept side by side and added when read (samples.ts).
import { UsageError } from '../core/target.ts';
import type { Results } from './results-types.ts';

export function mergeResults(parts: readonly Results[]): Results {
  const [first, ...rest] = parts;
  if (!first) throw new UsageError('nothing to merge');
  if (!rest.length) return first;
  const loads = parts.map((p) => p.load).filter((l): l is NonNullable<Results['load']> => l !== null);
  for (const p of rest) {
    if (p.target.baseUrl !== first.target.baseUrl && p.target.kind !== 'mock') throw new UsageError(`cannot merge runs against different targets (${first.target.baseUrl} and ${p.target.baseUrl})`);
  }
  const tags = (l: NonNullable<Results['load']>): string => l.stages.map((s) => s.tag).join(',');
  if (loads.some((l) => tags(l) !== tags(loads[0]!) || l.scenario !== loads[0]!.scenario)) throw new UsageError('cannot merge load runs with different scenarios or stages: merge the segments of one test');
  const sumOrNull = (values: (number | null)[]): number | null => (values.every((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0));
  const iso = (values: (string | null | undefined)[], pick: 'min' | 'max'): string | null => {
    const sorted = values.filter((v): v is string => !!v).sort();
    return (pick === 'min' ? sorted[0] : sorted[sorted.length - 1]) ?? null;
  };
  const load: Results['load'] = loads.length
    ? {
        ...loads[0]!,
        models: [...new Set(loads.flatMap((l) => l.models))],
        startedAt: iso(loads.map((l) => l.startedAt), 'min')!,
        finishedAt: iso(loads.map((l) => l.finishedAt), 'max')!,
        k6ExitCode: loads.find((l) => l.k6ExitCode !== 0)?.k6ExitCode ?? 0,
        samples: loads.every((l) => l.samples === 'raw') ? 'raw' : 'histogram',
        samplesNote: `merged from ${loads.length} runs: ${loads.every((l) => l.samples === 'raw') ? 'every job kept' : 'percentiles from the added HDR histograms'}`,
        jobCount: loads.reduce((s, l) => s + l.jobCount, 0),
        jobs: loads.every((l) => l.samples === 'raw') ? loads.flatMap((l) => l.jobs) : [],
        histograms: loads.flatMap((l) => l.histograms),
        counts: loads.flatMap((l) => l.counts),
        k6: {
          droppedIterations: sumOrNull(loads.map((l) => l.k6.droppedIterations)),
          httpRequests: sumOrNull(loads.map((l) => l.k6.httpRequests)),
          httpFailedRate: null, // a rate does not add; the merged report reads job outcomes instead
        },
      }
    : null;
  return {
    ...first,
    contracts: parts.find((p) => p.contracts)?.contracts ?? null,
    environment: {
      ...first.environment,
      runStartedAt: iso(parts.map((p) => p.environment.runStartedAt), 'min'),
      runFinishedAt: iso(parts.map((p) => p.environment.runFinishedAt), 'max'),
    },
    load,
  };
}
