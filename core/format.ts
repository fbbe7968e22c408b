// How a duration is written wherever infercheck prints one — the load console, the run summary, the HTML and the
// Markdown — so the same number never reads two ways.
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms === Number.POSITIVE_INFINITY) return '+∞';
  if (ms === Number.NEGATIVE_INFINITY) return '−∞';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}
