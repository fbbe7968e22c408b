// Auth and transport probes: one deliberately wrong request each (no key, a wrong key, the key as Bearer only, a
// text/plain body, broken JSON, a multipart body without the prompt, an unknown model, a wrong verb, an unknown
// request id), against both APIs of every model and the three GETs. Bodies lack the required prompt, so a target that
// wrongly lets one through still answers 400 and generates nothing; those that carry the key to a billable operation
// still count against the budget.
import { multipartBody, unbillableBody } from '../bodies.ts';
import { mayBeBilled, type RequestSpec } from '../runner.ts';
import { GENERATE_OPERATION, READ_OPERATION, UNKNOWN_MODEL, UNKNOWN_REQUEST_ID, generateUrl, requestUrls } from '../vendor-urls.ts';
import type { CaseIntent } from '../types.ts';
import type { CaseKind, CaseBase } from './kind.ts';

export type ProbeTarget = 'v1' | 'v2' | 'status' | 'result' | 'v1-poll';

export interface ProbeCase extends CaseBase {
  readonly kind: 'probe';
  readonly intent: CaseIntent;
  readonly on: ProbeTarget;
}

/** The request a probe sends. */
export function probeRequest(baseUrl: string, def: ProbeCase): RequestSpec {
  const on = def.on;
  const common = { caseId: def.id, model: def.model };
  const body = unbillableBody(def.id);
  if (on === 'v1' || on === 'v2') {
    const post = { ...common, operationId: GENERATE_OPERATION[on], method: 'POST', url: generateUrl(baseUrl, on, def.model) } as const;
    switch (def.intent) {
      case 'missing-key':
        return { ...post, json: body, auth: 'none' };
      case 'wrong-key':
        return { ...post, json: body, auth: 'wrong' };
      case 'bearer-only':
        return { ...post, json: body, auth: 'bearer' };
      case 'wrong-content-type':
        return { ...post, bodyText: JSON.stringify(body), headers: { 'content-type': 'text/plain' } };
      case 'malformed-json':
        return { ...post, bodyText: `{"prompt": "infercheck ${def.id}",` };
      case 'multipart-invalid': {
        const form = multipartBody(body);
        return { ...post, bodyText: form.text, headers: { 'content-type': form.contentType } };
      }
      case 'unknown-model':
        return { ...post, url: generateUrl(baseUrl, on, UNKNOWN_MODEL), json: body };
      case 'wrong-method':
        return { ...post, method: 'GET' };
    }
  } else {
    const read = { ...common, operationId: READ_OPERATION[on], method: 'GET', url: requestUrls(baseUrl, UNKNOWN_REQUEST_ID)[on] } as const;
    switch (def.intent) {
      case 'missing-key':
        return { ...read, auth: 'none' };
      case 'wrong-key':
        return { ...read, auth: 'wrong' };
      case 'bearer-only':
        return { ...read, auth: 'bearer' };
      case 'unknown-request-id':
        return read;
      case 'wrong-method':
        return { ...read, method: on === 'result' ? 'DELETE' : 'POST', json: body };
    }
  }
  throw new Error(`no probe for intent ${def.intent} on ${on}`);
}

export const probes: CaseKind<ProbeCase> = {
  kind: 'probe',
  phase: 'free',
  plan({ models }) {
    const out: ProbeCase[] = [];
    const firstModel = models[0]!;
    const add = (id: string, intent: CaseIntent, model: ProbeCase['model'], on: ProbeTarget): void => {
      out.push({ kind: 'probe', id, intent, model, on });
    };
    // Auth and transport: every intent against both APIs of every model, and against the three GETs.
    for (const intent of ['missing-key', 'wrong-key', 'bearer-only'] as const) {
      for (const model of models) for (const on of ['v1', 'v2'] as const) add(`auth/${intent}/${on}/${model}`, intent, model, on);
      for (const on of ['status', 'result', 'v1-poll'] as const) add(`auth/${intent}/${on}`, intent, firstModel, on);
    }
    for (const intent of ['wrong-content-type', 'malformed-json', 'multipart-invalid'] as const) {
      for (const model of models) for (const on of ['v1', 'v2'] as const) add(`transport/${intent}/${on}/${model}`, intent, model, on);
    }
    for (const on of ['v1', 'v2'] as const) add(`transport/unknown-model/${on}`, 'unknown-model', firstModel, on);
    for (const model of models) for (const on of ['v1', 'v2'] as const) add(`transport/wrong-method/${on}/${model}`, 'wrong-method', model, on);
    for (const on of ['status', 'result', 'v1-poll'] as const) {
      add(`transport/wrong-method/${on}`, 'wrong-method', firstModel, on);
      add(`lifecycle/unknown-request-id/${on}`, 'unknown-request-id', firstModel, on);
    }
    return out;
  },
  info: (def) => ({ id: def.id, intent: def.intent, model: def.model }),
  expected: () => [],
  worstCase: ({ cases }) => cases.filter((def) => mayBeBilled(probeRequest('http://target', def))).length,
  async run({ runner }, { cases }) {
    const def = cases[0]!;
    const exchange = await runner.request(probeRequest(runner.baseUrl, def));
    return [{ kind: 'exchange', case: probes.info(def), exchange }];
  },
};
