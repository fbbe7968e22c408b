// How long a simulated GPU takes for one job. Two sources of truth: a named profile (a cost model in steps, pixels
// and samples, with jitter and cold starts) or an exact `--service-time` distribution with no jitter and no cold
// start, so that queueing theory (Erlang C) can be checked against the mock.
import { exponential, lognormal, type Rng } from '../core/rng.ts';
import type { ServiceTimeSpec } from '../core/service-time.ts';

export { parseServiceTime, type ServiceTimeSpec } from '../core/service-time.ts';

export type ProfileName = 'realistic' | 'ci';

export interface JobShape {
  readonly steps: number;
  readonly width: number;
  readonly height: number;
  readonly samples: number;
}

export interface LatencyProfile {
  readonly name: ProfileName;
  /** Milliseconds per denoising step for one 512×512 image. */
  readonly stepMs: number;
  /** Fixed per-job time outside the denoising loop: text encoder, VAE decode, safety checker, upload. */
  readonly overheadMs: number;
  /** Cost grows as (pixels / 512²)^pixelExponent: UNet convolutions are linear in pixels, attention super-linear. */
  readonly pixelExponent: number;
  /** Cost grows as samples^sampleExponent: a batch shares the GPU better than sequential images. */
  readonly sampleExponent: number;
  /** Sigma of the log-normal jitter applied to every job (median 1). */
  readonly jitterSigma: number;
  /** Time to load the checkpoint on a worker that has never run or sat idle for longer than idleColdMs. */
  readonly coldStartMs: number;
  readonly idleColdMs: number;
}

// realistic — calibrated from published SD 1.5 end-to-end figures at 512×512, 50 steps, batch 1, A100 80GB SXM:
//   diffusers (torch 2.1, SDPA)            1.604 s  → 31.19 it/s
//   diffusers (torch 2.1, SDPA, compiled)  1.354 s  → 36.93 it/s
//   TensorRT 9.0 (CUDA graphs)             0.819 s  → 61.14 it/s
//   ("Stable Diffusion Benchmarks" README, "SD1.5 (End-to-end) Benchmarks" table, run on an A100 80G SXM hosted at
//    fal.ai; read at geeksrepos.com/strint/stable-diffusion-benchmarks)
// and "SD1.5 out of the box with torch 2.1 SDPA is ~32it/s" on an A100 40G, batch 1 (chengzeyi/stable-fast issue #2).
// A serverless vendor most plausibly runs the plain diffusers path: 1 / 31.19 it/s ≈ 32 ms per step. Lambda Labs'
// inference benchmark (lambdalabs.com/blog/inference-benchmark-stable-diffusion) puts one 512² image at a few
// seconds on every recent GPU, consistent with that scale. The fixed overhead outside the denoising loop (VAE
// decode, safety checker, JPEG encode, upload to the image store: 250 ms), the cold start (checkpoint load, ~2 GB of
// fp16 weights: 6 s) and the 5-minute idle scale-down are assumed: the vendor publishes none of them.
export const PROFILES: Readonly<Record<ProfileName, LatencyProfile>> = {
  realistic: {
    name: 'realistic',
    stepMs: 32,
    overheadMs: 250,
    pixelExponent: 1.15,
    sampleExponent: 0.9,
    jitterSigma: 0.08,
    coldStartMs: 6000,
    idleColdMs: 300_000,
  },
  // ci — the same shape scaled down ~60× so a whole suite runs in seconds: 20 steps at 512² ≈ 14 ms.
  ci: {
    name: 'ci',
    stepMs: 0.5,
    overheadMs: 4,
    pixelExponent: 1.15,
    sampleExponent: 0.9,
    jitterSigma: 0.08,
    coldStartMs: 40,
    idleColdMs: 300_000,
  },
};

export interface LatencyModel {
  /** Inference milliseconds for one job (without any cold start). */
  inferenceMs(shape: JobShape, rng: Rng): number;
  /** Cold-start milliseconds, or 0 when this model has none. */
  readonly coldStartMs: number;
  /** A worker idle for longer than this is cold again. */
  readonly idleColdMs: number;
  readonly description: string;
}

export function profileModel(profile: LatencyProfile): LatencyModel {
  return {
    description: `profile ${profile.name}`,
    coldStartMs: profile.coldStartMs,
    idleColdMs: profile.idleColdMs,
    inferenceMs(shape, rng) {
      const pixelRatio = (shape.width * shape.height) / (512 * 512);
      const work = shape.steps * profile.stepMs * pixelRatio ** profile.pixelExponent * shape.samples ** profile.sampleExponent;
      return (profile.overheadMs + work) * lognormal(rng, 1, profile.jitterSigma);
    },
  };
}

export function serviceTimeModel(spec: ServiceTimeSpec): LatencyModel {
  const description =
    spec.kind === 'fixed' ? `fixed:${spec.ms}` : spec.kind === 'exp' ? `exp:${spec.meanMs}` : `lognormal:${spec.medianMs},${spec.sigma}`;
  return {
    description: `service time ${description}`,
    coldStartMs: 0,
    idleColdMs: Number.POSITIVE_INFINITY,
    inferenceMs(_shape, rng) {
      if (spec.kind === 'fixed') return spec.ms;
      if (spec.kind === 'exp') return exponential(rng, spec.meanMs);
      return lognormal(rng, spec.medianMs, spec.sigma);
    },
  };
}
