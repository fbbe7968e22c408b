import { createHash } from 'node:crypto';
import { finding } from './helpers.ts';
import type { CheckDefinition, Exchange } from '../types.ts';

function digests(exchanges: readonly Exchange[]): string[] {
  return exchanges.map((e) => createHash('sha256').update(e.response?.bytes ?? new Uint8Array()).digest('hex').slice(0, 16));
}

// Determinism, kept apart from the other output checks because a vendor may legitimately not promise it (GPU
// non-determinism); the spec's seed ("for replay", reference §1.4) says it should hold, so it is a minor finding.
export const sameSeedSameImage: CheckDefinition<'determinism'> = {
  id: 'same-seed-same-image',
  title: 'The same seed and parameters give the same image bytes',
  family: 'outputs',
  severity: 'minor',
  subject: 'determinism',
  needs: ['billable'],
  applies: (_ctx, subject) => subject.first.length > 0 && subject.second.length > 0,
  run: (_ctx, subject) => {
    const a = digests(subject.first);
    const b = digests(subject.second);
    if (a.length === b.length && a.every((d, i) => d === b[i])) return undefined;
    return finding(
      `${subject.case.api ?? ''} ${subject.case.model ?? ''}: two runs with seed ${String(subject.case.params?.['seed'])} gave different images (${a.join(',')} vs ${b.join(',')})`,
      `${subject.case.api}:${subject.case.model}`,
      subject.second[0],
    );
  },
  sampleFailure: 'v1 sd1.5-scifi: two runs with seed 1234 gave different images (9f2c41d07be1aa03 vs 41aa0c9d3e2b7f10)',
  rules: {
    main: { basis: 'assumed', source: 'reference', where: '§1.4 [AE]', quote: 'x-seed-value | seed actually used (when seed: -1), for replay', why: '"for replay" suggests it; no document promises byte-identical images (GPUs need not be deterministic)' },
  },
};
