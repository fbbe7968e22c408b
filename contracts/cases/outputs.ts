// What a success produces, per model: a v2 job with 2 samples at a non-square, non-default size and a fixed seed; the
// same on v1 as raw bytes; and v1 in base64 mode, width and height swapped. The v2 and v1-raw requests are each sent
// twice, identically, and the two outputs compared byte for byte (same seed, same image): the determinism pair reuses
// the output case's own body instead of buying two more images of its own.
import { FIXED_SEED, baseBody } from '../bodies.ts';
import { effectiveValue } from '../../core/effective-params.ts';
import { generatedBytes, generation } from '../job.ts';
import { GENERATE_OPERATION } from '../vendor-urls.ts';
import type { Api, Subject } from '../types.ts';
import type { CaseKind, CaseBase } from './kind.ts';

export interface OutputsCase extends CaseBase {
  readonly kind: 'outputs';
  readonly api: Api;
  readonly params: Record<string, unknown>;
  /** Send the same body a second time and compare the images (same-seed-same-image). */
  readonly repeat: boolean;
}

export const outputs: CaseKind<OutputsCase> = {
  kind: 'outputs',
  phase: 'billable',
  plan({ models }) {
    const width = 768; // not the default and not square, so swapped or ignored dimensions show
    const height = Number(effectiveValue(undefined, 'img_height'));
    return models.flatMap((model): OutputsCase[] => [
      { kind: 'outputs', id: `outputs/v2/${model}/samples-2`, model, api: 'v2', params: { ...baseBody(`outputs/v2/${model}`), samples: 2, img_width: width, img_height: height, seed: FIXED_SEED }, repeat: true },
      { kind: 'outputs', id: `outputs/v1/${model}/raw`, model, api: 'v1', params: { ...baseBody(`outputs/v1/${model}/raw`), img_width: width, img_height: height, seed: FIXED_SEED }, repeat: true },
      { kind: 'outputs', id: `outputs/v1/${model}/base64`, model, api: 'v1', params: { ...baseBody(`outputs/v1/${model}/base64`), base64: true, samples: 2, img_width: height, img_height: width, seed: FIXED_SEED }, repeat: false },
    ]);
  },
  info: (def) => ({ id: def.id, intent: 'outputs', model: def.model, api: def.api, params: def.params }),
  expected: ({ cases }) => cases.flatMap((def) => Array.from({ length: def.repeat ? 2 : 1 }, () => GENERATE_OPERATION[def.api])),
  worstCase: ({ cases }) => cases.reduce((n, def) => n + (def.repeat ? 2 : 1), 0),
  async run({ runner, wallet }, { cases }) {
    const def = cases[0]!;
    const request = { model: def.model, api: def.api, params: def.params, wallet };
    const first = await generation(runner, outputs.info(def), { ...request, earlyResult: true });
    if (!def.repeat) return [first];
    const second = await generation(runner, outputs.info(def), request);
    const pair: Subject = { kind: 'determinism', case: { ...outputs.info(def), intent: 'determinism' }, first: generatedBytes(first), second: generatedBytes(second) };
    return [first, second, pair];
  },
};
