// The spec's own recorded conflicts (x-infercheck-conflicts, core/spec.ts conflicts()) become findings: for each
// conflict, what this run's target showed about it and whether that agrees with the decision the spec took. The
// probes are not extra requests: each `probe.kind` reads the cases the run already sent (the scheduler boundary
// cases, the base64 outputs case, the wrong-method probes, …). Reported on every target; on live they say which
// side of each conflict the vendor is on.
import { conflicts, type SpecConflict } from '../core/spec.ts';
import type { ConflictFinding } from '../core/result-files.ts';
import { effectiveValue } from '../core/effective-params.ts';
import { finalStatus, jsonObject, reportedStatus } from './exchange.ts';
import { isDeepStrictEqual } from 'node:util';
import type { Subject, SubjectOf } from './types.ts';

type Probe = (conflict: SpecConflict, subjects: readonly Subject[]) => Omit<ConflictFinding, 'conflict'>;

const NOT_OBSERVED = { observed: 'not observed in this run (the cases that probe it were not run)', agreesWithDecision: null } as const;

function generations(subjects: readonly Subject[]): SubjectOf<'generation'>[] {
  return subjects.filter((s): s is SubjectOf<'generation'> => s.kind === 'generation');
}

const PROBES: Readonly<Record<string, Probe>> = {
  'scheduler-acceptance': (conflict, subjects) => {
    const values = (conflict.probe['values'] as string[] | undefined) ?? [];
    const accepted = new Set<string>();
    const rejected = new Set<string>();
    for (const g of generations(subjects)) {
      // Accepted values share requests (cases/accepted-values.ts); a refused one ends alone in its own request.
      const named = (g.case.documentedValues ?? []).filter((b) => b.parameter === 'scheduler' && values.includes(String(b.value)));
      if (named.length === 0) continue;
      const status = g.first.response?.status ?? 0;
      const ok = status === 200 && (g.api === 'v1' || finalStatus(g.job ?? { polls: [] }) !== 'FAILED');
      for (const b of named) (ok ? accepted : rejected).add(`${String(b.value)} (${g.api})`);
    }
    if (accepted.size + rejected.size === 0) return NOT_OBSERVED;
    return {
      observed: `accepted: ${[...accepted].join(', ') || 'none'}; rejected: ${[...rejected].join(', ') || 'none'}`,
      agreesWithDecision: rejected.size === 0,
    };
  },
  'retention-reread': (_conflict, subjects) => {
    const reread = generations(subjects).filter((g) => g.job?.reread && g.job.result);
    if (reread.length === 0) return NOT_OBSERVED;
    const changed = reread.filter((g) => g.job!.reread!.response?.status !== g.job!.result!.response?.status || !isDeepStrictEqual(g.job!.reread!.response?.json, g.job!.result!.response?.json));
    const spanS = Math.round((Math.max(...reread.map((g) => g.job!.reread!.startedAt)) - Math.min(...reread.map((g) => g.job!.submit.startedAt))) / 1000);
    return { observed: `${reread.length - changed.length} of ${reread.length} results unchanged when read again (up to ${spanS} s after submission)`, agreesWithDecision: changed.length === 0 };
  },
  'base64-shape': (_conflict, subjects) => {
    const seen = generations(subjects).filter((g) => g.api === 'v1' && effectiveValue(g.case.params, 'base64') === true && g.first.response?.status === 200);
    if (seen.length === 0) return NOT_OBSERVED;
    const g = seen[0]!;
    const body = jsonObject(g.first);
    const keys = body ? Object.keys(body).sort().join(', ') : `(${g.first.response!.mediaType} body)`;
    const agrees = body !== undefined && typeof body['image'] === 'string' && body['status'] === 'Success';
    return { observed: `${g.first.response!.mediaType}; keys: ${keys}`, agreesWithDecision: agrees };
  },
  'v1-content-type': (_conflict, subjects) => {
    const seen = generations(subjects).filter((g) => g.api === 'v1' && effectiveValue(g.case.params, 'base64') === false && g.first.response?.status === 200);
    if (seen.length === 0) return NOT_OBSERVED;
    const types = [...new Set(seen.map((g) => g.first.response!.mediaType))];
    return { observed: `v1 with base64 false answered ${types.join(', ')}`, agreesWithDecision: types.length === 1 && types[0] === 'image/jpeg' };
  },
  'v1-samples': (_conflict, subjects) => {
    const seen = generations(subjects).filter(
      (g) => g.api === 'v1' && Number(effectiveValue(g.case.params, 'samples')) > 1 && effectiveValue(g.case.params, 'base64') === false && g.first.response?.status === 200,
    );
    if (seen.length === 0) return NOT_OBSERVED;
    const types = [...new Set(seen.map((g) => g.first.response!.mediaType))];
    return { observed: `v1 with samples > 1 and base64 false answered ${types.join(', ')}`, agreesWithDecision: types.length === 1 && types[0] === 'image/jpeg' };
  },
  'wrong-method': (_conflict, subjects) => {
    const seen = subjects.filter((s): s is SubjectOf<'exchange'> => s.kind === 'exchange' && s.case.intent === 'wrong-method' && s.exchange.response !== undefined);
    if (seen.length === 0) return NOT_OBSERVED;
    const answers = [...new Set(seen.map((s) => `${s.exchange.response!.status} ${s.exchange.response!.mediaType || '(no type)'}`))];
    return { observed: `wrong verbs answered: ${answers.join('; ')}`, agreesWithDecision: seen.every((s) => s.exchange.response!.status === 405) };
  },
  multipart: (_conflict, subjects) => {
    const seen = subjects.filter((s): s is SubjectOf<'exchange'> => s.kind === 'exchange' && s.case.intent === 'multipart-invalid' && s.exchange.response !== undefined);
    if (seen.length === 0) return NOT_OBSERVED;
    const statuses = [...new Set(seen.map((s) => s.exchange.response!.status))];
    return { observed: `a multipart/form-data body without the prompt answered ${statuses.join(', ')}`, agreesWithDecision: statuses.length === 1 && statuses[0] === 400 };
  },
  'bearer-only': (_conflict, subjects) => {
    const seen = subjects.filter((s): s is SubjectOf<'exchange'> => s.kind === 'exchange' && s.case.intent === 'bearer-only' && s.exchange.response !== undefined);
    if (seen.length === 0) return NOT_OBSERVED;
    const statuses = [...new Set(seen.map((s) => s.exchange.response!.status))];
    return { observed: `a Bearer-only key answered ${statuses.join(', ')}`, agreesWithDecision: statuses.length === 1 && statuses[0] === 401 };
  },
  'early-result': (_conflict, subjects) => {
    const seen = generations(subjects).filter((g) => g.job?.earlyResult?.response);
    if (seen.length === 0) return NOT_OBSERVED;
    const answers = [...new Set(seen.map((g) => `${g.job!.earlyResult!.response!.status} ${reportedStatus(g.job!.earlyResult) ?? '(no status)'}`))];
    const agrees = seen.every((g) => g.job!.earlyResult!.response!.status === 200 && (reportedStatus(g.job!.earlyResult) !== 'COMPLETED' || jsonObject(g.job!.earlyResult)?.['output'] !== undefined));
    return { observed: `a result read right after submit answered ${answers.join('; ')}`, agreesWithDecision: agrees };
  },
  none: () => ({ observed: 'not probed: the spec records no probe for this conflict', agreesWithDecision: null }),
};

/** Conflicts whose spec probe is `none` but whose decision still asks for a finding, read by conflict id. */
const OBSERVERS: Readonly<Record<string, Probe>> = {
  'submit-status-code': (_conflict, subjects) => {
    const codes = [...new Set(generations(subjects).filter((g) => g.api === 'v2' && g.first.response && g.first.response.status < 300).map((g) => g.first.response!.status))];
    if (codes.length === 0) return NOT_OBSERVED;
    return { observed: `successful submits answered ${codes.join(', ')}`, agreesWithDecision: codes.length === 1 && codes[0] === 200 };
  },
};

export function conflictFindings(subjects: readonly Subject[], list: readonly SpecConflict[] = conflicts()): ConflictFinding[] {
  return list.map((conflict) => {
    const probe = OBSERVERS[conflict.id] ?? PROBES[conflict.probe.kind];
    if (!probe) return { conflict: conflict.id, observed: `no probe implemented for kind "${conflict.probe.kind}"`, agreesWithDecision: null };
    return { conflict: conflict.id, ...probe(conflict, subjects) };
  });
}
