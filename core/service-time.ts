// The `--service-time` syntax: an exact inference-time distribution for the mock instead of its latency profile.
// One format, several readers: the mock draws from it, the load stage records it in run.json (`mockTruth`), and the
// capacity plan reads it back as the ground truth it is compared with.

export type ServiceTimeSpec =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'exp'; readonly meanMs: number }
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/** Parses `fixed:MS`, `exp:MEAN_MS`, `lognormal:MEDIAN_MS,SIGMA`; throws a one-line message naming the problem. */
export function parseServiceTime(text: string): ServiceTimeSpec {
  const match = /^(fixed|exp|lognormal):(.+)$/.exec(text.trim());
  if (!match) throw new Error(`service time "${text}" must be fixed:MS, exp:MEAN_MS or lognormal:MEDIAN_MS,SIGMA`);
  const kind = match[1];
  const args = (match[2] ?? '').split(',').map((part) => Number(part.trim()));
  const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
  if (kind === 'fixed' && args.length === 1 && positive(args[0])) return { kind: 'fixed', ms: args[0] };
  if (kind === 'exp' && args.length === 1 && positive(args[0])) return { kind: 'exp', meanMs: args[0] };
  if (kind === 'lognormal' && args.length === 2 && positive(args[0]) && positive(args[1])) {
    return { kind: 'lognormal', medianMs: args[0], sigma: args[1] };
  }
  throw new Error(`service time "${text}": expected positive numbers (fixed:MS, exp:MEAN_MS, lognormal:MEDIAN_MS,SIGMA)`);
}
