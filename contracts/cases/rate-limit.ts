// The rate-limit burst (--rpm N): 2N + 2 requests at once, unpaced; some must get 429 with x-rate-limit-reset-at-utc.
// Bodies lack the prompt, so none can generate, but each carries the key to a billable operation and reserves a unit.
// Last, because it empties the rate-limit window every other case needs.
import { unbillableBody } from '../bodies.ts';
import { GENERATE_OPERATION, generateUrl } from '../vendor-urls.ts';
import type { Exchange } from '../types.ts';
import type { CaseKind, CaseBase } from './kind.ts';

export interface RateLimitCase extends CaseBase {
  readonly kind: 'rate-limit';
  readonly rpm: number;
}

const burstSize = (rpm: number): number => rpm * 2 + 2;

export const rateLimit: CaseKind<RateLimitCase> = {
  kind: 'rate-limit',
  phase: 'last',
  plan: ({ models, rpm }) => (rpm ? [{ kind: 'rate-limit', id: `rate-limit/burst/${models[0]!}`, model: models[0]!, rpm }] : []),
  info: (def) => ({ id: def.id, intent: 'rate-limit', model: def.model }),
  expected: () => [],
  worstCase: ({ cases }) => burstSize(cases[0]!.rpm),
  async run({ runner }, { cases }) {
    const def = cases[0]!;
    const exchanges: Exchange[] = [];
    for (let i = 0; i < burstSize(def.rpm); i++) {
      exchanges.push(
        await runner.request({ caseId: def.id, operationId: GENERATE_OPERATION.v1, model: def.model, method: 'POST', url: generateUrl(runner.baseUrl, 'v1', def.model), json: unbillableBody(`${def.id}/${i}`), burst: true }),
      );
    }
    return [{ kind: 'rate-limit', case: rateLimit.info(def), rpm: def.rpm, exchanges }];
  },
};
