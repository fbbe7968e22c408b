// The auth and transport probes share one shape: a deliberately wrong request must get one documented status with
// the error envelope. Each probe is its own check (own id, own row in the table, own self-test); this builds them.
import { describe, envelopeProblem, finding, jsonObject } from './helpers.ts';
import type { RuleBasis } from '../../core/rule-basis.ts';
import type { CaseIntent, CheckDefinition } from '../types.ts';

export interface ExpectedStatusSpec {
  readonly id: string;
  readonly title: string;
  readonly intent: CaseIntent;
  readonly status: number;
  /** Whether the body must be the JSON envelope; 405 may be HTML (spec conflict wrong-method-body). */
  readonly envelope: 'required' | 'if-json';
  readonly why: string;
  /** The error message must name this (a parameter's 400 names the parameter). */
  readonly names?: string;
  readonly sampleFailure: string;
  /** What the expected answer rests on. */
  readonly rule: RuleBasis;
}

export function expectedStatusCheck(spec: ExpectedStatusSpec): CheckDefinition<'exchange'> {
  return {
    id: spec.id,
    title: spec.title,
    family: 'auth-transport',
    severity: spec.status === 401 ? 'critical' : 'major',
    subject: 'exchange',
    applies: (_ctx, subject) => subject.case.intent === spec.intent && subject.exchange.response !== undefined,
    run: (_ctx, { exchange }) => {
      const response = exchange.response!;
      if (response.status !== spec.status) {
        return finding(`${describe(exchange)}: ${spec.why} must answer ${spec.status}, got ${response.status}`, `${exchange.operationId}:${response.status}`, exchange);
      }
      if (spec.envelope === 'if-json' && response.mediaType !== 'application/json') return undefined;
      const problem = envelopeProblem(exchange);
      if (problem) return finding(`${describe(exchange)}: ${spec.status} without the error envelope: ${problem}`, `${exchange.operationId}:envelope`, exchange);
      const message = String(jsonObject(exchange)!['error']);
      if (spec.names && !message.toLowerCase().includes(spec.names.toLowerCase())) {
        return finding(`${describe(exchange)}: the ${spec.status} says "${message.slice(0, 120)}", which does not name ${spec.names}`, `${exchange.operationId}:names`, exchange, { rules: ['names'] });
      }
      return undefined;
    },
    sampleFailure: spec.sampleFailure,
    rules: {
      main: spec.rule,
      names: { basis: 'assumed', source: 'seed-scifi', where: 'Common Error Codes', quote: 'Detailed error messages are provided in the response body.', why: 'a detailed message need not name the parameter; infercheck asks it to' },
    },
  };
}
