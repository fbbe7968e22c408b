// Every documented bound and enum value must be accepted (boundaries.ts), on v1 and v2 of every model. Each value is
// its own case (its own id, re-run alone with --grep), but values of independent parameters share a request: a body
// with scheduler "Heun", seed -1 and img_height 768 is as valid as three bodies with one each — the spec's validator
// says so before anything is sent — and costs a third. Per model and API there are as many requests as the parameter
// with the most values has values (17 schedulers → 17 requests), the other values spread round-robin over them so
// no request piles up the expensive ends (max steps, max samples, the largest sizes).
//
// A refused request (4xx/5xx, or a v2 job that FAILED) says that one of its values was rejected, not which: it is
// split in halves, recursively, down to the values that are refused alone — so a refusal always ends as a verdict on
// one named value, and a conforming target never sees a split. Worst case for k values: the 2k − 1 requests of a
// full binary split (every node refused but the leaves), which is what the plan announces.
import { valuesBody } from '../bodies.ts';
import { finalStatus } from '../exchange.ts';
import { generation } from '../job.ts';
import { BudgetExhausted } from '../runner.ts';
import { validatorFor } from '../spec-access.ts';
import { GENERATE_OPERATION } from '../vendor-urls.ts';
import type { BoundaryCase } from '../boundaries.ts';
import type { Api, CaseInfo, Subject, SubjectOf } from '../types.ts';
import type { CaseKind, CaseBase, Unit, UnitContext } from './kind.ts';
import { boundariesPerRoute } from './spec-boundaries.ts';

export interface AcceptedValueCase extends CaseBase {
  readonly kind: 'accepted-value';
  readonly api: Api;
  readonly boundary: BoundaryCase;
}

/**
 * Packs one model's and API's accepted values into as few valid bodies as the parameter with the most values allows:
 * value n goes to request n mod R, or the next one that does not set its parameter yet and stays valid with it.
 */
export function packValues<D extends { readonly boundary: BoundaryCase }>(values: readonly D[]): D[][] {
  const perParameter = new Map<string, number>();
  for (const v of values) perParameter.set(v.boundary.parameter, (perParameter.get(v.boundary.parameter) ?? 0) + 1);
  const slots: D[][] = Array.from({ length: Math.max(0, ...perParameter.values()) }, () => []);
  const validate = validatorFor('Txt2ImgRequest');
  const fits = (slot: readonly D[], value: D): boolean =>
    !slot.some((v) => v.boundary.parameter === value.boundary.parameter) && validate(valuesBody('packing', [...slot, value].map((v) => v.boundary))) === true;
  values.forEach((value, n) => {
    const at = slots.findIndex((_, t) => fits(slots[(n + t) % slots.length]!, value));
    if (at < 0) slots.push([value]);
    else slots[(n + at) % slots.length]!.push(value);
  });
  return slots.filter((s) => s.length > 0);
}

function refused(subject: SubjectOf<'generation'>): boolean {
  const status = subject.first.response?.status;
  if (status === undefined) return false; // no answer: nothing to attribute, nothing to split
  if (status >= 400) return true;
  return subject.api === 'v2' && subject.job !== undefined && finalStatus(subject.job) === 'FAILED';
}

function infoOf(marker: string, values: readonly AcceptedValueCase[], params: Record<string, unknown>): CaseInfo {
  const first = values[0]!;
  return {
    id: values.length === 1 ? first.id : marker,
    intent: 'boundary',
    model: first.model,
    api: first.api,
    params,
    documentedValues: values.map((v) => v.boundary),
    ...(values.length === 1 ? {} : { caseIds: values.map((v) => v.id) }),
  };
}

/**
 * Sends `values` in one body; when it is refused, finds the refused values half by half. A split whose first half the
 * budget refuses (nothing sent) returns null, and the refused body stays the verdict — as when no budget is left to
 * split at all. A replay refuses what its recording's budget refused, so it ends each split where the recording did.
 */
async function settle(ctx: UnitContext, marker: string, values: readonly AcceptedValueCase[], root: boolean): Promise<Subject[] | null> {
  const first = values[0]!;
  const name = values.length === 1 ? first.id : marker;
  const params = valuesBody(name, values.map((v) => v.boundary));
  const info = infoOf(marker, values, params);
  ctx.describe(info);
  let subject: SubjectOf<'generation'>;
  try {
    subject = await generation(ctx.runner, info, { model: first.model, api: first.api, params, ...(root ? { wallet: ctx.wallet } : {}) });
  } catch (err) {
    if (!(err instanceof BudgetExhausted)) throw err;
    if (!root) return null;
    ctx.overBudget(values.map((v) => v.id));
    return [];
  }
  // Kept as the verdict when it cannot be split: one value, or no budget left to find which value it was.
  if (values.length === 1 || !refused(subject) || ctx.runner.budget.remaining() < 1) return [subject];
  const half = Math.ceil(values.length / 2);
  const a = await settle(ctx, `${marker}/a`, values.slice(0, half), false);
  if (a === null) return [subject];
  const b = await settle(ctx, `${marker}/b`, values.slice(half), false);
  if (b === null) ctx.overBudget(values.slice(half).map((v) => v.id));
  return [...a, ...(b ?? [])];
}

export const acceptedValues: CaseKind<AcceptedValueCase> = {
  kind: 'accepted-value',
  phase: 'billable',
  plan: ({ models }) => boundariesPerRoute(models, 'accept').map(({ id, model, api, boundary }) => ({ kind: 'accepted-value', id, model, api, boundary })),
  info: (def) => infoOf(def.id, [def], valuesBody(def.id, [def.boundary])),
  units(defs) {
    const groups = new Map<string, AcceptedValueCase[]>();
    for (const def of defs) {
      const key = `${def.api}/${def.model}`;
      groups.set(key, [...(groups.get(key) ?? []), def]);
    }
    return [...groups.entries()].flatMap(([key, group]) => packValues(group).map((cases, i): Unit<AcceptedValueCase> => ({ id: `boundary/${key}/accepted-values/${i + 1}`, cases })));
  },
  expected: ({ cases }) => [GENERATE_OPERATION[cases[0]!.api]],
  worstCase: ({ cases }) => 2 * cases.length - 1,
  run: async (ctx, unit) => (await settle(ctx, unit.id, unit.cases, true)) ?? [],
};
