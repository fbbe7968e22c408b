// The request bodies cases send, built from the spec: the smallest valid body (unique per case, so a recording replays
// each answer to the case that asked), a body every target must refuse for free, and a valid body carrying chosen
// documented values. Nothing here sends anything.
import { requiredParameters } from '../core/spec.ts';
import { boundaryBody, boundaryCases, type BoundaryCase } from './boundaries.ts';

/** Fixed so determinism pairs and recordings are reproducible; any non-negative integer would do. */
export const FIXED_SEED = 424242;

/**
 * The smallest valid body, unique per case: the prompt names the case, so no two cases send the same request and a
 * recording replays each answer to the case that asked for it.
 */
export function baseBody(caseId: string): Record<string, unknown> {
  return { prompt: `infercheck ${caseId}` };
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
 * A valid body with `values` set (or removed, for a missing-required case), named by `marker`: in the prompt, or —
 * when the prompt itself is one of the values — in negative_prompt if that is free. One value gives exactly the body
 * a single boundary case has always sent.
 */
export function valuesBody(marker: string, values: readonly BoundaryCase[]): Record<string, unknown> {
  const sets = new Set(values.map((v) => v.parameter));
  const base = sets.has('prompt') && !sets.has('negative_prompt') ? { prompt: 'x', negative_prompt: `infercheck ${marker}` } : baseBody(marker);
  return values.reduce<Record<string, unknown>>((body, value) => boundaryBody(body, value), base);
}

/** Fixed, so a recording replays the same bytes. */
export const FORM_BOUNDARY = 'infercheck-form-boundary';

/**
 * A multipart/form-data body of text fields (reference §1.2: the vendor takes multipart like JSON), with its
 * Content-Type. Values are written as strings, as a form carries them.
 */
export function multipartBody(fields: Readonly<Record<string, unknown>>): { readonly contentType: string; readonly text: string } {
  const parts = Object.entries(fields).map(([name, value]) => `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`);
  return { contentType: `multipart/form-data; boundary=${FORM_BOUNDARY}`, text: `${parts.join('')}--${FORM_BOUNDARY}--\r\n` };
}

let specBoundaries: BoundaryCase[] | undefined;

/** Every boundary case of the spec's text-to-image parameters (boundaries.ts), generated once per process. */
export function specBoundaryCases(): readonly BoundaryCase[] {
  specBoundaries ??= boundaryCases(baseBody('boundary')).cases;
  return specBoundaries;
}
