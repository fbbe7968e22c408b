// The money ledger, run alone so nothing else moves the balance meanwhile: success, success, four refusals (an invalid
// body on v1 and v2, a wrong content type, an unknown model) and a FAILED job, success — each success reporting its
// cost and the balance after it (x-cost / x-remaining-credits on v1, metrics on a v2 result). success-billed-its-cost
// and rejections-not-billed read the balance steps. The three successes (and the FAILED job's submit) are reserved
// before the ledger starts; a refusal the budget has no room for is left out, never half-sent.
import { jsonObject, numberHeader, reportedStatus } from '../exchange.ts';
import { followJob } from '../job.ts';
import { BudgetExhausted } from '../runner.ts';
import { GENERATE_OPERATION, UNKNOWN_MODEL, generateUrl } from '../vendor-urls.ts';
import type { Exchange, LedgerEntry, Subject } from '../types.ts';
import type { CaseKind, CaseBase } from './kind.ts';

export interface LedgerCase extends CaseBase {
  readonly kind: 'ledger';
  readonly failPrompt?: string;
}

/** The refusals between the second and third success: each must leave the balance untouched. */
const REFUSALS = 4;

export const ledger: CaseKind<LedgerCase> = {
  kind: 'ledger',
  phase: 'serial',
  plan: ({ models, failPrompt }) => [{ kind: 'ledger', id: `money/ledger/${models[0]!}`, model: models[0]!, ...(failPrompt ? { failPrompt } : {}) }],
  info: (def) => ({ id: def.id, intent: 'ledger', model: def.model }),
  expected: ({ cases }) => [GENERATE_OPERATION.v1, GENERATE_OPERATION.v2, ...(cases[0]!.failPrompt ? [GENERATE_OPERATION.v2] : []), GENERATE_OPERATION.v1],
  worstCase: ({ cases }) => 3 + REFUSALS + (cases[0]!.failPrompt ? 1 : 0),
  async run({ runner, wallet }, { cases }) {
    const def = cases[0]!;
    const info = ledger.info(def);
    const entries: LedgerEntry[] = [];
    const subjects: Subject[] = [];
    const v1Success = async (label: string): Promise<void> => {
      const exchange = await runner.generate(def.id, def.model, 'v1', { prompt: `infercheck ${def.id} ${label}` }, wallet);
      subjects.push({ kind: 'generation', case: { ...info, api: 'v1', params: exchange.request.json as Record<string, unknown> }, api: 'v1', first: exchange });
      const balance = numberHeader(exchange, 'x-remaining-credits');
      const cost = numberHeader(exchange, 'x-cost');
      entries.push({ label, kind: exchange.response?.status === 200 ? 'success' : 'rejected', exchanges: [exchange], ...(balance === undefined ? {} : { balanceAfter: balance }), ...(cost === undefined ? {} : { cost }) });
    };
    const v2Job = async (label: string, prompt: string): Promise<{ submit: Exchange; job: Awaited<ReturnType<typeof followJob>> }> => {
      const submit = await runner.generate(def.id, def.model, 'v2', { prompt }, wallet);
      const job = await followJob(runner, def.id, submit);
      subjects.push({ kind: 'generation', case: { ...info, api: 'v2', params: { prompt } }, api: 'v2', first: submit, ...(job ? { job } : {}) });
      return { submit, job };
    };
    const v2Success = async (label: string): Promise<void> => {
      const { submit, job } = await v2Job(label, `infercheck ${def.id} ${label}`);
      const metrics = jsonObject(job?.result)?.['metrics'] as Record<string, unknown> | undefined;
      const balance = typeof metrics?.['remaining_credits'] === 'number' ? metrics['remaining_credits'] : undefined;
      const cost = typeof metrics?.['cost'] === 'number' ? metrics['cost'] : undefined;
      const ok = reportedStatus(job?.result) === 'COMPLETED';
      entries.push({ label, kind: ok ? 'success' : 'rejected', exchanges: [submit, ...(job ? job.polls : []), ...(job?.result ? [job.result] : [])], ...(balance === undefined ? {} : { balanceAfter: balance }), ...(cost === undefined ? {} : { cost }) });
    };
    await v1Success('v1 success A');
    await v2Success('v2 success B');
    const refusals: Array<[string, () => Promise<Exchange>]> = [
      ['400 invalid body (v1)', () => runner.generate(def.id, def.model, 'v1', { prompt: `infercheck ${def.id} 400 v1`, samples: 0 })],
      ['400 invalid body (v2)', () => runner.generate(def.id, def.model, 'v2', { prompt: `infercheck ${def.id} 400 v2`, samples: 0 })],
      ['406 wrong content type (v1)', () => runner.request({ caseId: def.id, operationId: GENERATE_OPERATION.v1, model: def.model, method: 'POST', url: generateUrl(runner.baseUrl, 'v1', def.model), bodyText: JSON.stringify({ prompt: `infercheck ${def.id} 406` }), headers: { 'content-type': 'text/plain' } })],
      ['404 unknown model (v2)', () => runner.generate(def.id, UNKNOWN_MODEL, 'v2', { prompt: `infercheck ${def.id} 404` })],
    ];
    for (const [label, send] of refusals) {
      try {
        // A refusal the target accepted instead may have been billed: the balance step after it shows that.
        entries.push({ label, kind: 'rejected', exchanges: [await send()] });
      } catch (err) {
        if (!(err instanceof BudgetExhausted)) throw err;
      }
    }
    if (def.failPrompt) {
      const { submit, job } = await v2Job('FAILED job (v2)', def.failPrompt);
      entries.push({ label: 'FAILED job (v2)', kind: 'failed-job', exchanges: [submit, ...(job?.polls ?? []), ...(job?.result ? [job.result] : [])] });
    }
    await v1Success('v1 success C');
    subjects.push({ kind: 'ledger', case: info, entries });
    return subjects;
  },
};
