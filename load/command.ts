// `infercheck load`: run one k6 scenario against the embedded mock, the vendor or any URL, show k6's progress, and
// leave run.json, summary.json and jobs.ndjson in --out. The exit code is k6's: 0 when every SLO threshold held,
// 99 when one failed (the verdict), anything else when the run itself broke. All the work is in run.ts (runLoad),
// so the main job and the benches call the same code.
import type { Command } from 'commander';
import { UsageError } from '../core/target.ts';
import { DEFAULT_OUT_DIR, runLoad, SCENARIOS, type LoadOptions, type Scenario } from './run.ts';

interface LoadFlags {
  target: string;
  scenario: string;
  rate?: string;
  rates?: string;
  duration?: string;
  vus?: string;
  models?: string;
  slo?: string;
  maxBillable?: string;
  out: string;
  apiKeyEnv?: string;
  arrivals?: string;
  poll?: string;
  seed?: string;
  mockProfile?: string;
  workers?: string;
  serviceTime?: string;
  rpm?: string;
  jobTimeout?: string;
  expectedInferenceMs?: string;
  validate: boolean;
  executionSegment?: string;
  executionSegmentSequence?: string;
  progress: boolean;
}

function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number, got "${text}"`);
  return value;
}

/** `30`, `30s`, `2m`, `1h` → seconds. */
export function parseDurationS(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--duration must look like 30s, 2m or 1h, got "${text}"`);
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  return unit === 'ms' ? value / 1000 : unit === 'm' ? value * 60 : unit === 'h' ? value * 3600 : value;
}

export function optionsFromFlags(flags: LoadFlags): LoadOptions {
  if (!(SCENARIOS as readonly string[]).includes(flags.scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')}, got "${flags.scenario}"`);
  }
  const maxBillable = numberFlag('--max-billable', flags.maxBillable);
  const rates = flags.rates?.split(',').map((r) => numberFlag('--rates', r.trim()) as number);
  const opt = <K extends keyof LoadOptions>(key: K, value: LoadOptions[K] | undefined): Partial<LoadOptions> => (value === undefined ? {} : { [key]: value });
  return {
    scenario: flags.scenario as Scenario,
    target: flags.target,
    out: flags.out,
    validate: flags.validate,
    progress: flags.progress,
    ...opt('rate', numberFlag('--rate', flags.rate)),
    ...opt('rates', rates),
    ...opt('durationS', parseDurationS(flags.duration)),
    ...opt('vus', numberFlag('--vus', flags.vus)),
    ...opt('models', flags.models?.split(',').map((m) => m.trim()).filter(Boolean)),
    ...opt('slo', flags.slo),
    ...opt('maxBillable', maxBillable),
    ...opt('apiKeyEnv', flags.apiKeyEnv),
    ...opt('arrivals', flags.arrivals as LoadOptions['arrivals']),
    ...opt('poll', flags.poll as LoadOptions['poll']),
    ...opt('seed', numberFlag('--seed', flags.seed)),
    ...opt('mockProfile', flags.mockProfile as LoadOptions['mockProfile']),
    ...opt('workers', numberFlag('--workers', flags.workers)),
    ...opt('serviceTime', flags.serviceTime),
    ...opt('rpm', numberFlag('--rpm', flags.rpm)),
    ...opt('jobTimeoutS', parseDurationS(flags.jobTimeout)),
    ...opt('expectedInferenceMs', numberFlag('--expected-inference-ms', flags.expectedInferenceMs)),
    ...opt('executionSegment', flags.executionSegment),
    ...opt('executionSegmentSequence', flags.executionSegmentSequence),
  };
}

export function registerLoadCommand(program: Command): void {
  program
    .command('load')
    .description('run a k6 load scenario (smoke | sync | async | sweep) and record every job')
    .option('--target <target>', 'mock | live | URL (live and URLs need --max-billable)', 'mock')
    .option('--scenario <name>', 'smoke | sync | async | sweep', 'smoke')
    .option('--rate <jobs/s>', 'open model: arrival rate (sweep: the middle rate)')
    .option('--rates <list>', 'sweep: comma-separated arrival rates, e.g. 0.5,1,2')
    .option('--duration <d>', 'how long arrivals keep coming (per stage in a sweep): 30s, 2m')
    .option('--vus <n>', 'closed model: concurrent clients; open model: fixed VU pool')
    .option('--models <a,b>', 'models to load, comma-separated (default: all in the spec)')
    .option('--slo <file>', 'objectives file (YAML/JSON) turned into k6 thresholds', undefined)
    .option('--max-billable <n>', 'the most billable jobs this run may submit (required for live and URL targets)')
    .option('--out <dir>', 'where run.json, summary.json and jobs.ndjson go', DEFAULT_OUT_DIR)
    .option('--api-key-env <name>', 'environment variable holding the API key (default SEGMIND_API_KEY)')
    .option('--arrivals <process>', 'poisson (default) | even', undefined)
    .option('--poll <strategy>', 'adaptive (default) | fixed (the SDK: every 1 s) | both (alternating)')
    .option('--seed <n>', 'seed of the arrival schedule, payloads and poll jitter')
    .option('--mock-profile <name>', 'embedded mock latency profile: ci (default) | realistic')
    .option('--workers <n>', 'embedded mock: GPU workers per model')
    .option('--service-time <dist>', 'embedded mock: fixed:MS | exp:MEAN_MS | lognormal:MEDIAN_MS,SIGMA')
    .option('--rpm <n>', "the target's per-key request limit per minute; polling is spaced to stay under it")
    .option('--job-timeout <d>', 'give up on a job after this long (default 600s, the SDK default)')
    .option('--expected-inference-ms <ms>', 'adaptive polling: inference time to expect before one is learned')
    .option('--execution-segment <seg>', 'run only this segment of the test, e.g. 0:1/2 (k6 scale-out)')
    .option('--execution-segment-sequence <seq>', 'all segments of the split, e.g. 0,1/2,1')
    .option('--no-validate', 'skip contract validation of responses (measures its cost)')
    .option('--no-progress', "hide k6's progress bars")
    .action(async (flags: LoadFlags) => {
      const result = await runLoad(optionsFromFlags(flags));
      const accuracy = result.meta.queueWaitAccuracy ?? [];
      for (const a of accuracy) {
        process.stdout.write(
          `queue-wait estimate vs mock truth [${a.strategy}]: ${a.jobs} jobs, true mean ${a.trueMeanMs.toFixed(0)} ms, mean error ${a.meanErrorMs.toFixed(1)} ± ${a.meanErrorCi95Ms.toFixed(1)} ms (${a.meanErrorPct.toFixed(1)} %; midpoints alone ${a.midpointMeanErrorPct.toFixed(1)} %), p95 |error| ${a.p95AbsErrorMs.toFixed(0)} ms, inside bound ${(100 * a.coverage).toFixed(0)} %, median polls ${a.medianPolls}\n`,
        );
      }
      if (result.meta.arrivals) {
        const a = result.meta.arrivals;
        process.stdout.write(`arrivals (${a.process}): ${a.jobs} v2 jobs, ${a.ratePerS.toFixed(2)}/s, inter-arrival CV ${a.interArrivalCv.toFixed(2)}\n`);
      }
      process.stdout.write(`load: k6 exit ${result.exitCode}${result.exitCode === 99 ? ' (an SLO threshold failed)' : ''}; files in ${result.outDir}\n`);
      process.exitCode = result.exitCode;
    });
}
