import { effectiveParameter, finding, jsonObject, completedGeneration } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// The seed is what makes an image reproducible: v1 reports the seed it used in x-seed-value (reference §1.4) and v2
// results carry `seed` (reference §2.3). When the caller fixed a seed (as the vendor applies it: a seed sent as
// "1234" is 1234 only if the vendor reads strings, an assumption), the server must report that seed back.
export const seedEchoed: CheckDefinition<'generation'> = {
  id: 'seed-echoed',
  title: 'A fixed seed is reported back unchanged',
  family: 'outputs',
  severity: 'minor',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => {
    const seed = effectiveParameter(subject.case.params, 'seed').value;
    if (typeof seed !== 'number' || seed < 0 || !completedGeneration(subject)) return false;
    if (subject.api === 'v1') return subject.first.response!.headers['x-seed-value'] !== undefined;
    return typeof jsonObject(subject.job!.result)?.['seed'] === 'number';
  },
  run: (_ctx, subject) => {
    const asked = effectiveParameter(subject.case.params, 'seed');
    const seed = asked.value as number;
    const reported = subject.api === 'v1' ? subject.first.response!.headers['x-seed-value'] : String(jsonObject(subject.job!.result)!['seed']);
    if (reported === String(seed)) return undefined;
    return finding(`${subject.api}: sent seed ${seed}, the server reports ${reported}`, `${subject.api}:seed`, subject.api === 'v1' ? subject.first : subject.job!.result, {
      rules: [subject.api === 'v1' ? 'main' : 'result-seed', ...asked.rules],
    });
  },
  sampleFailure: 'v1: sent seed 516797155652, the server reports 516797155648',
  rules: {
    main: { basis: 'documented', source: 'reference', where: '§1.4 [AE]', quote: 'x-seed-value | seed actually used (when seed: -1), for replay' },
    'result-seed': { basis: 'assumed', source: 'reference', where: '§2.3 [AE]', quote: 'also seed, prompt, timings, grounding', why: 'the result’s seed is named second-hand, without saying it is the seed used' },
  },
};
