import { isDeepStrictEqual } from 'node:util';
import { describe, finding, reportedStatus } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Results are retained 1 hour after submission (spec conflict retention-anchor; reference §2.4): a result read again
// at the end of the run must be the same status code and the same body — not expired early, not regenerated.
export const resultRetained: CheckDefinition<'generation'> = {
  id: 'result-retained',
  title: 'A result read again at the end of the run is unchanged',
  family: 'lifecycle',
  severity: 'major',
  subject: 'generation',
  applies: (_ctx, subject) => {
    const job = subject.job;
    const status = reportedStatus(job?.result);
    return job?.reread !== undefined && job.result?.response !== undefined && (status === 'COMPLETED' || status === 'FAILED');
  },
  run: (_ctx, subject) => {
    const { result, reread } = subject.job!;
    if (reread!.response?.status !== result!.response!.status) {
      return finding(`${describe(reread!)}: the same result answered ${result!.response!.status} earlier in the run`, `status:${result!.response!.status}->${reread!.response?.status}`, reread);
    }
    if (!isDeepStrictEqual(reread!.response?.json, result!.response!.json)) {
      return finding(`${describe(reread!)}: the result body changed since it was first read`, 'body-changed', reread);
    }
    return undefined;
  },
  sampleFailure: 'GET /v2/requests/2c7f… → 404: the same result answered 200 earlier in the run',
  rules: { main: { basis: 'documented', source: 'seed-scifi', where: 'Status states', quote: 'Results are retained for 1 hour, then expire.' } },
};
