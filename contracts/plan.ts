// The test plan, as data: every case the run will send, in the order it will send them, with how many billable
// requests each may cost. Built from the spec (models, parameter boundaries) and the run's options; nothing is sent
// here. Read top to bottom it is the suite: free probes and invalid bodies first (they must cost nothing), then the
// billable cases in priority order (money, outputs, FAILED jobs, determinism, accepted bounds), then the burst.
import { MODELS, requiredParameters, txt2imgParameters, type ModelId } from '../core/spec.ts';
import { boundaryBody, boundaryCases, type BoundaryCase } from './boundaries.ts';
import type { CaseIntent } from './types.ts';

export type Api = 'v1' | 'v2';

/** A fixed id for "unknown request id" probes, so a recording replays it (reference §2.4's own example id). */
export const UNKNOWN_REQUEST_ID = '00000000-0000-4000-8000-000000000000';
export const UNKNOWN_MODEL = 'sd1.5-infercheck-unknown-model';
/** Fixed so determinism pairs and recordings are reproducible; any non-negative integer would do. */
export const FIXED_SEED = 424242;

export type ProbeTarget = 'v1' | 'v2' | 'status' | 'result' | 'v1-poll';

export type CaseDef =
  | { readonly kind: 'probe'; readonly id: string; readonly intent: CaseIntent; readonly model: ModelId; readonly on: ProbeTarget; readonly billable: 0 }
  | { readonly kind: 'boundary'; readonly id: string; readonly model: ModelId; readonly api: Api; readonly boundary: BoundaryCase; readonly params: Record<string, unknown>; readonly billable: number }
  | { readonly kind: 'outputs'; readonly id: string; readonly model: ModelId; readonly api: Api; readonly params: Record<string, unknown>; readonly billable: 1 }
  | { readonly kind: 'determinism'; readonly id: string; readonly model: ModelId; readonly api: Api; readonly params: Record<string, unknown>; readonly billable: 2 }
  | { readonly kind: 'failed-job'; readonly id: string; readonly model: ModelId; readonly params: Record<string, unknown>; readonly billable: 1 }
  | { readonly kind: 'ledger'; readonly id: string; readonly model: ModelId; readonly billable: number }
  | { readonly kind: 'rate-limit'; readonly id: string; readonly model: ModelId; readonly rpm: number; readonly billable: 0 };

export interface PlanOptions {
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  readonly grep?: RegExp;
}

/**
 * A body that every target must refuse without spending: it lacks the required prompt. Auth and transport probes
 * send it so that a target which wrongly lets the request through answers 400, never generates and never bills
 * (a Bearer-only key is still the caller's key; reference §1.1 says it must be a 401).
 */
export function unbillableBody(caseId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { negative_prompt: `infercheck ${caseId}` };
  for (const name of requiredParameters()) delete body[name];
  return body;
}

/**
 * The smallest valid body, unique per case: the prompt names the case, so no two cases send the same request and a
 * recording replays each answer to the case that asked for it.
 */
export function baseBody(caseId: string): Record<string, unknown> {
  return { prompt: `infercheck ${caseId}` };
}

function boundaryParams(caseId: string, boundary: BoundaryCase): Record<string, unknown> {
  const base = boundary.parameter === 'prompt' ? { prompt: 'x', negative_prompt: `infercheck ${caseId}` } : baseBody(caseId);
  return boundaryBody(base, boundary);
}

function parameterDefault(name: string): unknown {
  return txt2imgParameters().find(([n]) => n === name)?.[1].default;
}

export function buildPlan(options: PlanOptions): CaseDef[] {
  const models = options.models.length > 0 ? options.models : MODELS;
  const { cases: boundaries } = boundaryCases(baseBody('boundary'));
  const free: CaseDef[] = [];
  const billable: CaseDef[] = [];

  // Auth and transport: every intent against both APIs of every model, and against the three GETs.
  const firstModel = models[0]!;
  for (const intent of ['missing-key', 'wrong-key', 'bearer-only'] as const) {
    for (const model of models) for (const on of ['v1', 'v2'] as const) free.push({ kind: 'probe', id: `auth/${intent}/${on}/${model}`, intent, model, on, billable: 0 });
    for (const on of ['status', 'result', 'v1-poll'] as const) free.push({ kind: 'probe', id: `auth/${intent}/${on}`, intent, model: firstModel, on, billable: 0 });
  }
  for (const intent of ['wrong-content-type', 'malformed-json'] as const) {
    for (const model of models) for (const on of ['v1', 'v2'] as const) free.push({ kind: 'probe', id: `transport/${intent}/${on}/${model}`, intent, model, on, billable: 0 });
  }
  for (const on of ['v1', 'v2'] as const) free.push({ kind: 'probe', id: `transport/unknown-model/${on}`, intent: 'unknown-model', model: firstModel, on, billable: 0 });
  for (const model of models) for (const on of ['v1', 'v2'] as const) free.push({ kind: 'probe', id: `transport/wrong-method/${on}/${model}`, intent: 'wrong-method', model, on, billable: 0 });
  for (const on of ['status', 'result', 'v1-poll'] as const) {
    free.push({ kind: 'probe', id: `transport/wrong-method/${on}`, intent: 'wrong-method', model: firstModel, on, billable: 0 });
    free.push({ kind: 'probe', id: `lifecycle/unknown-request-id/${on}`, intent: 'unknown-request-id', model: firstModel, on, billable: 0 });
  }

  // Parameter boundaries: rejections are free (a conforming target answers 400), acceptances are billable.
  const accepted: CaseDef[] = [];
  for (const model of models) {
    for (const api of ['v1', 'v2'] as const) {
      for (const boundary of boundaries) {
        const id = `boundary/${api}/${model}/${boundary.parameter}/${boundary.kind}/${boundary.label}`;
        const def: CaseDef = { kind: 'boundary', id, model, api, boundary, params: boundaryParams(id, boundary), billable: boundary.expect === 'accept' ? 1 : 0 };
        (boundary.expect === 'accept' ? accepted : free).push(def);
      }
    }
  }

  // Billable, in priority order: what a small budget should buy first.
  // Three successes, plus the FAILED job's submit when there is a fail prompt (a 200 the vendor must not bill).
  billable.push({ kind: 'ledger', id: `money/ledger/${firstModel}`, model: firstModel, billable: options.failPrompt ? 4 : 3 });
  const width = 768; // not the default and not square, so swapped or ignored dimensions show
  const height = Number(parameterDefault('img_height') ?? 512);
  for (const model of models) {
    billable.push({ kind: 'outputs', id: `outputs/v2/${model}/samples-2`, model, api: 'v2', params: { ...baseBody(`outputs/v2/${model}`), samples: 2, img_width: width, img_height: height, seed: FIXED_SEED }, billable: 1 });
    billable.push({ kind: 'outputs', id: `outputs/v1/${model}/raw`, model, api: 'v1', params: { ...baseBody(`outputs/v1/${model}/raw`), img_width: width, img_height: height, seed: FIXED_SEED }, billable: 1 });
    billable.push({ kind: 'outputs', id: `outputs/v1/${model}/base64`, model, api: 'v1', params: { ...baseBody(`outputs/v1/${model}/base64`), base64: true, samples: 2, img_width: height, img_height: width, seed: FIXED_SEED }, billable: 1 });
  }
  if (options.failPrompt) {
    for (const model of models) billable.push({ kind: 'failed-job', id: `lifecycle/failed-job/${model}`, model, params: { prompt: options.failPrompt }, billable: 1 });
  }
  for (const model of models) {
    for (const api of ['v1', 'v2'] as const) {
      billable.push({ kind: 'determinism', id: `outputs/determinism/${api}/${model}`, model, api, params: { ...baseBody(`outputs/determinism/${api}/${model}`), seed: FIXED_SEED }, billable: 2 });
    }
  }
  billable.push(...accepted);

  const tail: CaseDef[] = options.rpm ? [{ kind: 'rate-limit', id: `rate-limit/burst/${firstModel}`, model: firstModel, rpm: options.rpm, billable: 0 }] : [];
  const all = [...free, ...billable, ...tail];
  return options.grep ? all.filter((c) => options.grep!.test(c.id)) : all;
}

export function plannedBillable(plan: readonly CaseDef[]): number {
  return plan.reduce((sum, c) => sum + c.billable, 0);
}
