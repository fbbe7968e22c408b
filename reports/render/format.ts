// Number formatting shared by the HTML and Markdown renderers (durations: core/format.ts, shared with the consoles).
import { formatMs } from '../../core/format.ts';

export { formatMs };

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

/** An amount of the vendor's credits, to 4 significant digits: 0.0019, 0.1425, 12.35. */
export function formatCredits(credits: number | null | undefined): string {
  if (credits === null || credits === undefined || !Number.isFinite(credits)) return '—';
  if (credits === 0) return '0';
  return Math.abs(credits) >= 100 ? credits.toFixed(2) : String(Number(credits.toPrecision(4)));
}

/** A value in the objective's unit: ms for latencies, a percentage for rates, credits for money. */
export function formatObjectiveValue(kind: 'latency' | 'rate' | 'cost', v: number): string {
  return kind === 'rate' ? formatFraction(v) : kind === 'cost' ? `${formatCredits(v)} credits` : formatMs(v);
}
