// What the checks ask of the spec, answered from the generated artefacts only: the operation table
// (spec/generated/operations.ts), the standalone ajv validators (validators.mjs) and, for header value schemas that
// the operation table does not carry, the spec as JSON (through core/spec.ts). Nothing here restates the contract.
import { jobStateMachine } from '../core/spec.ts';

// Conformance (documented statuses, media types, schemas, header schemas) is judged in one place for every stage.
export { documentedResponse, documentedStatuses, headerSchema, headerValueProblem, schemaErrors, validatorFor } from '../core/conformance.ts';

export const JOB_STATES = jobStateMachine();

export function isTerminal(status: string): boolean {
  return JOB_STATES.terminal.includes(status);
}

/** Whether `to` may follow `from` in the spec's transition table (x-infercheck-job-states). */
export function transitionAllowed(from: string, to: string): boolean {
  return (JOB_STATES.transitions[from] ?? []).includes(to);
}
