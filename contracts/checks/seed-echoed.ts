import { effectiveParam, finding, jsonObject, completedGeneration } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// The seed is what makes an image reproducible: v1 reports the seed it used in x-seed-value (reference §1.4) and v2
// results carry `seed` (reference §2.3). When the caller fixed a seed, the server must report that seed back.
export const seedEchoed: CheckDefinition<'generation'> = {
  id: 'seed-echoed',
  title: 'A fixed seed is reported back unchanged',
  family: 'outputs',
  severity: 'minor',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => {
    const seed = effectiveParam(subject.case.params, 'seed');
    if (typeof seed !== 'number' || seed < 0 || !completedGeneration(subject)) return false;
    if (subject.api === 'v1') return subject.first.response!.headers['x-seed-value'] !== undefined;
    return typeof jsonObject(subject.job!.result)?.['seed'] === 'number';
  },
  run: (_ctx, subject) => {
    const seed = effectiveParam(subject.case.params, 'seed') as number;
    const reported = subject.api === 'v1' ? subject.first.response!.headers['x-seed-value'] : String(jsonObject(subject.job!.result)!['seed']);
    if (reported === String(seed)) return undefined;
    return finding(`${subject.api}: sent seed ${seed}, the server reports ${reported}`, `${subject.api}:seed`, subject.api === 'v1' ? subject.first : subject.job!.result);
  },
  sampleFailure: 'v1: sent seed 516797155652, the server reports 516797155648',
};
