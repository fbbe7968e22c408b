// A v2 job the target fails on purpose (--fail-prompt: a prompt its content policy refuses), per model: the FAILED
// job must answer 422 with its error on every read and must not be billed. Its submit is a 2xx, so it counts as
// billed in the ledger until the balance shows otherwise (rejections-not-billed).
import { generation } from '../job.ts';
import { GENERATE_OPERATION } from '../vendor-urls.ts';
import type { CaseKind, CaseBase } from './kind.ts';

export interface FailedJobCase extends CaseBase {
  readonly kind: 'failed-job';
  readonly params: Record<string, unknown>;
}

export const failedJobs: CaseKind<FailedJobCase> = {
  kind: 'failed-job',
  phase: 'billable',
  plan: ({ models, failPrompt }) => (failPrompt ? models.map((model) => ({ kind: 'failed-job', id: `lifecycle/failed-job/${model}`, model, params: { prompt: failPrompt } })) : []),
  info: (def) => ({ id: def.id, intent: 'failed-job', model: def.model, api: 'v2', params: def.params }),
  expected: () => [GENERATE_OPERATION.v2],
  worstCase: () => 1,
  async run({ runner, wallet }, { cases }) {
    const def = cases[0]!;
    return [await generation(runner, failedJobs.info(def), { model: def.model, api: 'v2', params: def.params, wallet })];
  },
};
