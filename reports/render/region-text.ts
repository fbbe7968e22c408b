// The per-region rows of a test merged from several regions (reports/regions.ts), as cells for the HTML and
// Markdown renderers alike: one row per region, model, API and metric, p50 / p95 / p99 over that region's jobs only.
import type { Results } from '../results-types.ts';
import { formatCount, formatMs } from './format.ts';

const METRIC_LABELS: Readonly<Record<string, string>> = {
  e2e_ms: 'end-to-end',
  queue_wait_ms: 'queue wait (client estimate)',
  processing_ms: 'processing (client view)',
  server_inference_time_ms: 'inference_time (server)',
};

export const REGION_HEADER = ['region', 'segments', 'model', 'api', 'completed / jobs', 'metric', 'n', 'p50', 'p95', 'p99'];

/** Which columns hold numbers (right-aligned). */
export const REGION_NUMERIC: ReadonlySet<number> = new Set([4, 6, 7, 8, 9]);

export const REGION_NOTE =
  'Each region is the --label region of the folders merged; its rows are exact over its own jobs, as if that region had run alone. The verdicts above judge all regions together.';

export function regionTableRows(load: NonNullable<Results['load']>): string[][] {
  return (load.regions ?? []).flatMap((r) =>
    r.metrics.map((m) => [r.region, r.segments.join(', ') || '—', r.model, r.api, `${formatCount(r.completed)} / ${formatCount(r.jobs)}`, METRIC_LABELS[m.metric] ?? m.metric, formatCount(m.n), formatMs(m.p50), formatMs(m.p95), formatMs(m.p99)]),
  );
}
