// Several run folders of one test → one results document. A large test is split across instances with segments
// (the load stage's --segment i/N: load/segments.ts); each instance writes its own folder. Unlike tools whose
// instances can only report their own percentiles (k6-operator cannot merge them: grafana/k6-operator#413), the merge
// here is exact: raw jobs are concatenated, and per-group HDR histograms are kept side by side and added when read.
import { parseSegment } from '../core/segment.ts';
import { UsageError } from '../core/target.ts';
import { addLedgers, costGroupsOf } from './build-results.ts';
import { regionOf, regionRows, sharedLabels, spansRegions, tagRegion } from './regions.ts';
import type { Results, RunSpend } from './results-types.ts';

type Load = NonNullable<Results['load']>;

/**
 * Folders merge only when they are the segments of one test: the same target, scenario, stages, schedule seed, test
 * id and number of segments (`--segment i/N`: the N), each instance's index once, and no request id twice. Anything
 * else — the same folder twice, two whole runs, segments of two tests — would inflate every count and every
 * confidence statement.
 */
function assertOneTest(loads: readonly { load: Load; source: string }[]): void {
  const [first, ...rest] = loads;
  if (!first || !rest.length) return;
  const differs = (what: string, value: (l: Load) => unknown): void => {
    for (const other of rest) {
      const a = value(first.load);
      const b = value(other.load);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new UsageError(`cannot merge ${other.source} into ${first.source}: different ${what} (${JSON.stringify(a ?? null)} and ${JSON.stringify(b ?? null)}); merge only the segments of one split test`);
      }
    }
  };
  // each segment of a test on the embedded mock may run its own mock, on a port of its own
  differs('targets', (l) => (l.target ? (l.target.kind === 'mock' ? 'mock' : `${l.target.kind} ${l.target.baseUrl}`) : undefined));
  differs('scenarios', (l) => l.scenario);
  differs('stages', (l) => l.stages.map((s) => s.tag));
  differs('schedule seeds', (l) => l.seed ?? undefined);
  differs('test ids', (l) => l.testId ?? undefined);
  // instances that started at different instants do not interleave as one process (an explicit --test-id can hide it)
  differs('start instants (--start-at)', (l) => l.startAt ?? undefined);
  const taken = new Map<number, string>();
  let count: { n: number; source: string } | undefined;
  for (const { load, source } of loads) {
    if (!load.segment) throw new UsageError(`cannot merge ${source}: it is a whole run, not a segment of a split test (its load/run.json names no --segment i/N)`);
    const segment = parseSegment(load.segment);
    if (!segment) throw new UsageError(`cannot merge ${source}: its segment "${load.segment}" is not i/N (instance i, from 0, of N)`);
    if (count && count.n !== segment.count) throw new UsageError(`cannot merge ${source} into ${count.source}: different segment sets (split into ${count.n} and into ${segment.count}); merge only the segments of one split test`);
    count ??= { n: segment.count, source };
    const twice = taken.get(segment.index);
    if (twice !== undefined) throw new UsageError(`cannot merge ${source} and ${twice}: both ran segment ${load.segment}, so the same jobs would be counted twice`);
    taken.set(segment.index, source);
  }
  const seen = new Map<string, string>();
  for (const { load, source } of loads) {
    for (const job of load.jobs) {
      if (job.request_id === null) continue;
      const earlier = seen.get(job.request_id);
      if (earlier !== undefined) throw new UsageError(`cannot merge ${source}: request id ${job.request_id} is also in ${earlier} — the same jobs would be counted twice`);
      seen.set(job.request_id, source);
    }
  }
}

export function mergeResults(parts: readonly Results[], sources: readonly string[] = parts.map((_, i) => `run ${i + 1}`)): Results {
  const [first, ...rest] = parts;
  if (!first) throw new UsageError('nothing to merge');
  if (!rest.length) return first;
  const asRead = parts.map((p) => p.load).filter((l): l is NonNullable<Results['load']> => l !== null);
  // folders from several regions: each job, histogram and count keeps its folder's region (per-region rows below)
  const byRegion = spansRegions(asRead);
  const loads = byRegion ? asRead.map(tagRegion) : asRead;
  for (const p of rest) {
    if (p.target.baseUrl !== first.target.baseUrl && p.target.kind !== 'mock') throw new UsageError(`cannot merge runs against different targets (${first.target.baseUrl} and ${p.target.baseUrl})`);
  }
  const tags = (l: NonNullable<Results['load']>): string => l.stages.map((s) => s.tag).join(',');
  if (loads.some((l) => tags(l) !== tags(loads[0]!) || l.scenario !== loads[0]!.scenario)) throw new UsageError('cannot merge load runs with different scenarios or stages: merge the segments of one test');
  assertOneTest(parts.flatMap((p, i) => (p.load ? [{ load: p.load, source: sources[i] ?? `run ${i + 1}` }] : [])));
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
  const merged: Results['load'] = loads.length
    ? {
        ...loads[0]!,
        models: [...new Set(loads.flatMap((l) => l.models))],
        startedAt: iso(loads.map((l) => l.startedAt), 'min')!,
        finishedAt: iso(loads.map((l) => l.finishedAt), 'max')!,
        exitCode: loads.find((l) => l.exitCode !== 0)?.exitCode ?? 0,
        samples: loads.every((l) => l.samples === 'raw') ? 'raw' : 'histogram',
        samplesNote: `merged from ${loads.length} of ${parseSegment(loads[0]!.segment ?? '')?.count ?? '?'} segments (${loads.map((l) => l.segment).join(', ')}): ${loads.every((l) => l.samples === 'raw') ? 'every job kept' : 'percentiles from the added HDR histograms'}`,
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
          contractFindings: sumOrNull(loads.map((l) => l.engine.contractFindings ?? null)),
          cutShort: loads.map((l) => l.engine.cutShort).filter(Boolean).join('; ') || null,
          estimates: null, // percentiles do not add; the merged jobs carry the estimates
        },
        segment: null,
        labels: sharedLabels(loads),
        cutShort: loads.map((l) => l.cutShort).find((c) => !!c) ?? null,
        costs: loads.flatMap((l) => l.costs ?? costGroupsOf(l.jobs)),
      }
    : null;
  const segmentsByRegion = new Map<string, string[]>();
  for (const l of loads) {
    const region = regionOf(l) ?? 'unlabelled';
    segmentsByRegion.set(region, [...(segmentsByRegion.get(region) ?? []), ...(l.segment ? [l.segment] : [])]);
  }
  const load = merged && byRegion ? { ...merged, regions: regionRows(merged, segmentsByRegion) } : merged;
  // each folder's ledgers hold its own invocation's requests (the same folder twice was refused above): they add
  const ledgers = parts.flatMap((p, i) => (p.spend?.ledgers ?? []).map((l) => ({ ...l, source: `${sources[i] ?? `run ${i + 1}`}: ${l.source}` })));
  const spend: RunSpend | null = ledgers.length ? { ledgers, total: addLedgers(ledgers.map((l) => l.totals)) } : null;
  return {
    ...first,
    contracts: parts.find((p) => p.contracts)?.contracts ?? null,
    environment: {
      ...first.environment,
      runStartedAt: iso(parts.map((p) => p.environment.runStartedAt), 'min'),
      runFinishedAt: iso(parts.map((p) => p.environment.runFinishedAt), 'max'),
    },
    load,
    spend,
  };
}
