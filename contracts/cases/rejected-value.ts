// Invalid bodies, one changed field each (boundaries.ts: just outside a bound, not in an enum, a fraction, a wrong
// type, a missing required field), on v1 and v2 of every model. A conforming target refuses each with 400 and bills
// nothing; each still reserves a unit before it leaves, since a target that accepts it bills it. Never sent together:
// a refusal must be attributable to the one field that caused it.
import { valuesBody } from '../bodies.ts';
import { generation } from '../job.ts';
import type { BoundaryCase } from '../boundaries.ts';
import type { Api } from '../types.ts';
import type { CaseKind, CaseBase } from './kind.ts';
import { boundariesPerRoute } from './spec-boundaries.ts';

export interface RejectedValueCase extends CaseBase {
  readonly kind: 'rejected-value';
  readonly api: Api;
  readonly boundary: BoundaryCase;
  readonly params: Record<string, unknown>;
}

export const rejectedValues: CaseKind<RejectedValueCase> = {
  kind: 'rejected-value',
  phase: 'free',
  plan: ({ models }) => boundariesPerRoute(models, 'reject').map(({ id, model, api, boundary }) => ({ kind: 'rejected-value', id, model, api, boundary, params: valuesBody(id, [boundary]) })),
  info: (def) => ({ id: def.id, intent: 'boundary', model: def.model, api: def.api, params: def.params, boundary: def.boundary }),
  expected: () => [],
  worstCase: ({ cases }) => cases.length,
  async run({ runner }, { cases }) {
    const def = cases[0]!;
    return [await generation(runner, rejectedValues.info(def), { model: def.model, api: def.api, params: def.params })];
  },
};
