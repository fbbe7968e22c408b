// `--label key=value` (repeatable): what a load instance says about itself — above all `region=eu-west` when one
// test is measured from several places at once. The labels go into run.json (the report's per-region rows read
// `region`), onto every live metric (a Prometheus label, an OpenTelemetry resource attribute) and into the k8s
// manifests; so keys must be valid names in all three, and values short and plain.

/** The label the report breaks a merged test down by. */
export const REGION_LABEL = 'region';

/** Labels every live metric already carries per series (load/live-metrics): a run label may not shadow them. */
export const SERIES_LABELS = ['model', 'api', 'stage', 'status', 'outcome', 'operation', 'code'] as const;

const KEY = /^[a-z_][a-z0-9_]{0,62}$/;
const VALUE = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

export type RunLabels = Readonly<Record<string, string>>;

/** "region=eu-west" … → { region: "eu-west" }; a problem as one line, or the labels. */
export function parseRunLabels(items: readonly string[]): { readonly ok: true; readonly labels: RunLabels } | { readonly ok: false; readonly problem: string } {
  const labels: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    const value = eq < 0 ? '' : item.slice(eq + 1);
    if (eq < 0 || !KEY.test(key)) return { ok: false, problem: `--label must be key=value with a lower-case key of letters, digits and _ (e.g. region=eu-west), got "${item}"` };
    if ((SERIES_LABELS as readonly string[]).includes(key)) return { ok: false, problem: `--label ${key}=… would shadow the per-series label "${key}" of the live metrics; choose another key` };
    if (!VALUE.test(value)) return { ok: false, problem: `--label ${key}: the value must be 1–63 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit, got "${value}"` };
    if (key in labels && labels[key] !== value) return { ok: false, problem: `--label ${key} is given twice ("${labels[key]}" and "${value}")` };
    labels[key] = value;
  }
  return { ok: true, labels };
}
