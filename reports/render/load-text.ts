// What the load engine counted, as text for the HTML and Markdown renderers alike: one line on the run (exit code,
// status codes, dropped connections, unknown submits, late starts, cut short — spend is shown once, with the rest of
// the money: verdict-text.ts spendLines), and the client-observed
// end-to-end and processing times beside the estimate of the vendor's own and its bound.
import type { Results } from '../results-types.ts';
import { formatCount, formatMs } from './format.ts';

type Load = NonNullable<Results['load']>;

export function loadRunText(load: Load): string {
  const e = load.engine;
  const codes = e.statusCodes ? Object.entries(e.statusCodes).map(([code, n]) => `${code === '0' ? 'no answer' : code} ×${formatCount(n)}`).join(', ') : '—';
  return [
    `${load.scenario} scenario, ${formatCount(load.jobCount)} jobs, models ${load.models.join(', ')}, exit ${load.exitCode}`,
    ...(e.cutShort ? [`CUT SHORT: ${e.cutShort}`] : []),
    `status codes ${codes}`,
    `dropped connections ${formatCount(e.droppedConnections)}, unknown submits ${formatCount(e.unknownSubmits)}, completed but result unread ${formatCount(e.resultUnread)}`,
    `late starts ${formatCount(e.lateArrivals)} (start lag p99 ${formatMs(e.startLagP99Ms)}), contract violations ${formatCount(e.contractViolations)}${e.contractFindings ? ` (and ${formatCount(e.contractFindings)} differences from assumed rules, not failing)` : ''}`,
  ].join('; ');
}

/** Rows [what, n, client-observed p50/p95, estimate p50/p95, bound p50/p95] for polled jobs; empty when not known. */
export function estimateRows(load: Load): string[][] {
  const rows: string[][] = [];
  for (const [label, b] of [['end-to-end', load.engine.estimates?.e2e], ['processing', load.engine.estimates?.processing]] as const) {
    if (!b) continue;
    rows.push([label, formatCount(b.n), `${formatMs(b.observedP50)} / ${formatMs(b.observedP95)}`, `${formatMs(b.estimateP50)} / ${formatMs(b.estimateP95)}`, `±${formatMs(b.boundP50)} / ±${formatMs(b.boundP95)}`]);
  }
  return rows;
}

export const ESTIMATE_HEADER = ['v2 jobs', 'n', 'client-observed p50 / p95', 'estimate p50 / p95', 'bound p50 / p95'];
export const ESTIMATE_NOTE =
  'A client sees a job end only at its next poll: the vendor finished between the last poll that saw it running and the first that saw it done. The estimate is the middle of that interval, the bound its half-width; the client-observed figure is what a client polling this way experiences.';
