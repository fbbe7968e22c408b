// Number formatting shared by the HTML and Markdown renderers.
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms === Number.POSITIVE_INFINITY) return '+∞';
  if (ms === Number.NEGATIVE_INFINITY) return '−∞';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function formatRate(perS: number | null | undefined): string {
  if (perS === null || perS === undefined || !Number.isFinite(perS)) return '—';
  return `${perS.toFixed(perS < 10 ? 2 : 1)}/s`;
}

export function formatFraction(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(x > 0.999 || x < 0.001 ? 2 : 1)} %`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (n === Number.POSITIVE_INFINITY) return '∞';
  return Math.round(n).toLocaleString('en-US');
}

/** A value in the objective's unit: ms for latencies, a percentage for rates. */
export function formatObjectiveValue(kind: 'latency' | 'rate', v: number): string {
  return kind === 'rate' ? formatFraction(v) : formatMs(v);
}
