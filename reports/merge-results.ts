// Several run folders of one test → one results document. A large test is split across instances with segments
// (the load stage's --segment i/N: load/segments.ts); each instance writes its own folder. Unlike tools whose
// instances can only report their own percentiles (k6-operator cannot merge them: grafana/k6-operator#413), the merge
// here is exact: raw jobs are concatenated, and per-group HDR histograms are kept side by side and added when read.
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
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const sumOrNull = (values: (number | null)[]): number | null => (values.every((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0));
  const maxOrNull = (values: (number | null)[]): number | null => (values.every((v) => v === null) ? null : Math.max(...values.map((v) => v ?? 0)));
  const addCounts = (maps: Readonly<Record<string, number>>[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
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
        exitCode: loads.find((l) => l.exitCode !== 0)?.exitCode ?? 0,
        samples: loads.every((l) => l.samples === 'raw') ? 'raw' : 'histogram',
        samplesNote: `merged from ${loads.length} runs: ${loads.every((l) => l.samples === 'raw') ? 'every job kept' : 'percentiles from the added HDR histograms'}`,
        jobCount: loads.reduce((s, l) => s + l.jobCount, 0),
        jobs: loads.every((l) => l.samples === 'raw') ? loads.flatMap((l) => l.jobs) : [],
        histograms: loads.flatMap((l) => l.histograms),
        counts: loads.flatMap((l) => l.counts),
        engine: {
          lateArrivals: sumOrNull(loads.map((l) => l.engine.lateArrivals)),
          startLagP99Ms: maxOrNull(loads.map((l) => l.engine.startLagP99Ms)),
          httpRequests: sumOrNull(loads.map((l) => l.engine.httpRequests)),
          statusCodes: loads.every((l) => l.engine.statusCodes === null) ? null : addCounts(loads.map((l) => l.engine.statusCodes ?? {})),
          droppedConnections: sumOrNull(loads.map((l) => l.engine.droppedConnections)),
          unknownSubmits: sumOrNull(loads.map((l) => l.engine.unknownSubmits)),
          resultUnread: sumOrNull(loads.map((l) => l.engine.resultUnread)),
          contractViolations: sumOrNull(loads.map((l) => l.engine.contractViolations)),
          cutShort: loads.map((l) => l.engine.cutShort).filter(Boolean).join('; ') || null,
          spend: loads.every((l) => l.engine.spend === null)
            ? null
            : { sent: sum(loads.map((l) => l.engine.spend?.sent ?? 0)), billed: sum(loads.map((l) => l.engine.spend?.billed ?? 0)), unknown: sum(loads.map((l) => l.engine.spend?.unknown ?? 0)), credits: sum(loads.map((l) => l.engine.spend?.credits ?? 0)) },
          estimates: null, // percentiles do not add; the merged jobs carry the estimates
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
