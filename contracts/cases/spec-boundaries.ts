// The spec's boundary cases (boundaries.ts), on each route they are sent to — v1 and v2 of every model — with the id
// each case has: the accepted values and the invalid bodies are two case kinds over the same list.
import type { ModelId } from '../../core/spec.ts';
import { specBoundaryCases } from '../bodies.ts';
import type { BoundaryCase } from '../boundaries.ts';
import type { Api } from '../types.ts';

/** The id every boundary case has: api, model, parameter, kind and label. */
export function boundaryCaseId(api: Api, model: string, boundary: BoundaryCase): string {
  return `boundary/${api}/${model}/${boundary.parameter}/${boundary.kind}/${boundary.label}`;
}

export function boundariesPerRoute(models: readonly ModelId[], expect: BoundaryCase['expect']): Array<{ readonly id: string; readonly model: ModelId; readonly api: Api; readonly boundary: BoundaryCase }> {
  const boundaries = specBoundaryCases().filter((b) => b.expect === expect);
  return models.flatMap((model) => (['v1', 'v2'] as const).flatMap((api) => boundaries.map((boundary) => ({ id: boundaryCaseId(api, model, boundary), model, api, boundary }))));
}
