// `infercheck load`: run one scenario against the embedded mock, the vendor or any URL with the project's own engine,
// show progress, and leave run.json, summary.json and jobs.ndjson in --out. All the work is in run.ts (runLoad), so
// the main job, the benches and the tests call the same code; this file turns flags into options and results into
// a few lines and the exit code.
import { Command } from 'commander';
import { optionalDurationS, parseDurationS } from '../core/duration.ts';
import { parseRunLabels } from '../core/run-labels.ts';
import { COMMON_EXIT_CODES, TARGET_ENVIRONMENT, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { emitResult } from '../core/cli-output.ts';
import { formatQueueWaitFigures } from '../core/queue-wait.ts';
import type { LoadSummary } from '../core/result-files.ts';
import { UsageError } from '../core/target.ts';
import { DEFAULT_OUT_DIR, EXIT, objectiveLines, runLoad, type LoadOptions } from './run.ts';
import { SCENARIOS } from './scenarios/index.ts';

export interface LoadFlags {
  target: string;
  scenario: string;
  rate?: string;
  rateTo?: string;
  rates?: string;
  duration?: string;
  vus?: string;
  models?: string;
  sla?: string;
  slo?: string;
  maxBillable?: string;
  out: string;
  apiKeyEnv?: string;
  arrivals?: string;
  poll?: string;
  pollInterval?: string;
  seed?: string;
  mockProfile?: string;
  workers?: string;
  serviceTime?: string;
  rpm?: string;
  jobTimeout?: string;
  requestTimeout?: string;
  grace?: string;
  deadline?: string;
  unreachableAfter?: string;
  connections?: string;
  expectedInferenceMs?: string;
  segment?: string;
  testId?: string;
  startAt?: string;
  label?: string[];
  metricsPort?: string;
  metricsHost?: string;
  otlp?: string;
  otlpInterval?: string;
  validate: boolean;
  progress: boolean;
  json?: boolean;
}

/**
 * The judge's counts, labelled by what the rules broken rest on: a violation of a documented rule is a contract
 * violation; a difference from one of the spec's assumptions is a finding and is never called an error.
 */
function conformanceText(c: LoadSummary['conformance']): string {
  const findings = c.assumed ? `; ${c.assumed} differences from assumed rules (findings, not violations)` : '';
  return `contract violations ${c.violations} of ${c.judged} judged (documented rules)${findings}`;
}

function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number, got "${text}"`);
  return value;
}

function labelsFlag(items: readonly string[]): LoadOptions['labels'] | undefined {
  if (!items.length) return undefined;
  const parsed = parseRunLabels(items);
  if (!parsed.ok) throw new UsageError(parsed.problem);
  return parsed.labels;
}

export function optionsFromFlags(flags: LoadFlags): LoadOptions {
  if (flags.sla !== undefined && flags.slo !== undefined && flags.sla !== flags.slo) throw new UsageError(`--sla and --slo name the same objectives file; give one (got "${flags.sla}" and "${flags.slo}")`);
  const rates = flags.rates?.split(',').map((r) => numberFlag('--rates', r.trim()) as number);
  const opt = <K extends keyof LoadOptions>(key: K, value: LoadOptions[K] | undefined): Partial<LoadOptions> => (value === undefined ? {} : { [key]: value });
  return {
    scenario: flags.scenario,
    target: flags.target,
    out: flags.out,
    validate: flags.validate,
    progress: flags.progress,
    handleSignals: true,
    collectJobs: false,
    ...opt('rate', numberFlag('--rate', flags.rate)),
    ...opt('rateTo', numberFlag('--rate-to', flags.rateTo)),
    ...opt('rates', rates),
    ...opt('durationS', optionalDurationS(flags.duration, '--duration')),
    ...opt('vus', numberFlag('--vus', flags.vus)),
    ...opt('models', flags.models?.split(',').map((m) => m.trim()).filter(Boolean)),
    ...opt('slo', flags.sla ?? flags.slo),
    ...opt('maxBillable', numberFlag('--max-billable', flags.maxBillable)),
    ...opt('apiKeyEnv', flags.apiKeyEnv),
    ...opt('arrivals', flags.arrivals as LoadOptions['arrivals']),
    ...opt('poll', flags.poll as LoadOptions['poll']),
    ...opt('pollIntervalMs', flags.pollInterval === undefined ? undefined : parseDurationS(flags.pollInterval, '--poll-interval') * 1000),
    ...opt('seed', numberFlag('--seed', flags.seed)),
    ...opt('mockProfile', flags.mockProfile as LoadOptions['mockProfile']),
    ...opt('workers', numberFlag('--workers', flags.workers)),
    ...opt('serviceTime', flags.serviceTime),
    ...opt('rpm', numberFlag('--rpm', flags.rpm)),
    ...opt('jobTimeoutS', optionalDurationS(flags.jobTimeout, '--job-timeout')),
    ...opt('requestTimeoutS', optionalDurationS(flags.requestTimeout, '--request-timeout')),
    ...opt('graceS', optionalDurationS(flags.grace, '--grace', { allowZero: true })),
    ...opt('deadlineS', optionalDurationS(flags.deadline, '--deadline')),
    ...opt('unreachableAfterS', optionalDurationS(flags.unreachableAfter, '--unreachable-after')),
    ...opt('connections', numberFlag('--connections', flags.connections)),
    ...opt('expectedInferenceMs', numberFlag('--expected-inference-ms', flags.expectedInferenceMs)),
    ...opt('segment', flags.segment),
    ...opt('testId', flags.testId),
    ...opt('startAt', flags.startAt),
    ...opt('labels', labelsFlag(flags.label ?? [])),
    ...opt('metricsPort', numberFlag('--metrics-port', flags.metricsPort)),
    ...opt('metricsHost', flags.metricsHost),
    ...opt('otlp', flags.otlp),
    ...opt('otlpIntervalS', optionalDurationS(flags.otlpInterval, '--otlp-interval')),
  };
}

const SCENARIO_HELP = SCENARIOS.map((s) => `  ${s.name.padEnd(7)} ${s.summary}`).join('\n');

export const LOAD_HELP: CommandHelp = {
  examples: [
    'npx infercheck load --scenario async --rate 4 --duration 3s   # open-model v2 load on the embedded mock',
    'npx infercheck load --scenario sync --vus 2 --duration 3s      # closed-model v1 load on the embedded mock',
    'npx infercheck load --target live --scenario smoke --max-billable 10   # the vendor: refused without --max-billable',
    'npx infercheck load --scenario sweep --rates 0.5,1,2 --duration 60s    # a rate sweep for capacity planning',
  ],
  environment: TARGET_ENVIRONMENT,
  exitCodes: [
    [EXIT.pass, 'every objective held'],
    [EXIT.failed, 'an objective failed (the verdict; every file is written)'],
    COMMON_EXIT_CODES.usage,
    [EXIT.unreachable, 'the target could not be reached or died, or the deadline passed; run.json marks the run cut short'],
    COMMON_EXIT_CODES.signals,
  ],
};

/** The load command's flags, help and exit codes, without its action: `infercheck k8s` parses a pod's load flags with it. */
export function loadCommand(): Command {
  return new Command('load')
    .description('run a load scenario with the built-in engine (open model for v2, closed for v1) and record every job')
    .option('--target <target>', 'mock | live | URL (live and URLs need --max-billable)', 'mock')
    .option('--scenario <name>', SCENARIOS.map((s) => s.name).join(' | '), 'smoke')
    .option('--rate <jobs/s>', 'open model: arrival rate (sweep: the middle rate)')
    .option('--rate-to <jobs/s>', 'open model: ramp linearly from --rate to this over each stage')
    .option('--rates <list>', 'sweep: comma-separated arrival rates, e.g. 0.5,1,2')
    .option('--duration <d>', 'how long arrivals keep coming (per stage in a sweep): 30s, 2m')
    .option('--vus <n>', 'closed model: concurrent clients; open model: a cap on jobs in flight (late starts are counted)')
    .option('--models <a,b>', 'models to load, comma-separated (default: all in the spec)')
    .option('--sla <file>', 'objectives file (YAML/JSON), checked before anything runs; a failed one makes the exit code 1 (default load/objectives.default.yaml)')
    .option('--slo <file>', 'the same as --sla (the name scripts already use)')
    .option('--max-billable <n>', 'the most billable requests this run may send, counted at send (required for live and URL targets)')
    .option('--out <dir>', 'where run.json, summary.json and jobs.ndjson go', DEFAULT_OUT_DIR)
    .option('--api-key-env <name>', 'environment variable holding the API key (default SEGMIND_API_KEY)')
    .option('--arrivals <process>', 'poisson (default: seeded exponential gaps) | even', undefined)
    .option('--poll <strategy>', 'adaptive (default) | fixed (the SDK: every 1 s) | both (a seeded coin per job)')
    .option('--poll-interval <d>', 'the fixed strategy\'s interval (default 1s, the SDK\'s)')
    .option('--seed <n>', 'seed of the arrival schedule, payloads and poll jitter')
    .option('--mock-profile <name>', 'embedded mock latency profile: ci (default) | realistic')
    .option('--workers <n>', 'embedded mock: GPU workers per model')
    .option('--service-time <dist>', 'embedded mock: fixed:MS | exp:MEAN_MS | lognormal:MEDIAN_MS,SIGMA')
    .option('--rpm <n>', "the target's per-key request limit per minute; polling is spaced to stay under it")
    .option('--job-timeout <d>', 'give up on a job after this long (default 600s, the SDK default; 30s on the ci mock)')
    .option('--request-timeout <d>', 'per request: the longest wait for an answer (default 60s)')
    .option('--grace <d>', 'after SIGINT/SIGTERM, how long jobs in flight may finish (default 30s)')
    .option('--deadline <d>', 'everything is over by then (default: duration + job timeout + grace)')
    .option('--unreachable-after <d>', 'refused/dropped/unanswered requests for this long end the run, exit 3 (default 10s)')
    .option('--connections <n>', 'connections per host (default 256; a request that finds them all busy leaves late, and is counted so)')
    .option('--expected-inference-ms <ms>', 'adaptive polling: inference time to expect before one is learned')
    .option('--segment <i/N>', 'run only share i (from 0) of N of the schedule, for a test split over N instances')
    .option('--test-id <id>', 'a name the instances of one split test share (run.json); `report --merge` merges only equal ones (default: derived from the settings, so instances started alike share it)')
    .option('--start-at <iso>', 'start the schedule at this instant (ISO-8601 with a zone, at most 1 h ahead), the same for every instance of a split test')
    .option('--label <key=value>', 'what this instance says about itself, e.g. region=eu-west (repeatable): in run.json, on every live metric; the report breaks a merge down by region', (item: string, all: string[]) => [...all, item], [] as string[])
    .option('--metrics-port <n>', 'serve live Prometheus metrics on this port while the run runs (0: any free port; the URL is printed)')
    .option('--metrics-host <host>', 'the address --metrics-port binds (default 127.0.0.1; 0.0.0.0 to let a Prometheus elsewhere scrape it)')
    .option('--otlp <url>', 'push live OpenTelemetry metrics over OTLP/HTTP to this URL, e.g. http://127.0.0.1:4318/v1/metrics (headers: $OTEL_EXPORTER_OTLP_HEADERS)')
    .option('--otlp-interval <d>', 'how often --otlp exports (default 10s); the last numbers are flushed at the end')
    .option('--no-validate', 'skip judging responses against the contract (measures its cost)')
    .option('--no-progress', 'no progress display')
    .option('--json', 'print one JSON result on stdout: exit code, files, the summary (human text goes to stderr)')
    .addHelpText('after', `\nScenarios (load/scenarios/):\n${SCENARIO_HELP}\n\n${helpSections(LOAD_HELP)}\n`);
}

export function registerLoadCommand(program: Command): void {
  program.addCommand(
    // the program's output and error settings, as `program.command()` would have copied them
    loadCommand().copyInheritedSettings(program).action(async (flags: LoadFlags) => {
      const result = await runLoad(optionsFromFlags(flags));
      const { meta, summary } = result;
      const out = (line: string): void => void process.stdout.write(line + '\n');
      for (const a of meta.queueWaitAccuracy ?? []) {
        out(
          `queue-wait estimate vs mock truth [${a.strategy}]: ${a.jobs} jobs, true mean ${a.trueMeanMs.toFixed(0)} ms, mean error ${a.meanErrorMs.toFixed(1)} ± ${a.meanErrorCi95Ms.toFixed(1)} ms (${a.meanErrorPct.toFixed(1)} %; midpoints alone ${a.midpointMeanErrorPct.toFixed(1)} %), p95 |error| ${a.p95AbsErrorMs.toFixed(0)} ms, inside bound ${(100 * a.coverage).toFixed(0)} %, median polls ${a.medianPolls}`,
        );
      }
      if (meta.arrivals) {
        const a = meta.arrivals;
        out(`arrivals (${a.process}): ${a.jobs} v2 jobs, ${a.ratePerS.toFixed(2)}/s, inter-arrival CV ${a.interArrivalCv.toFixed(2)}, KS to exponential ${a.ksToExponential?.toFixed(3) ?? '—'}; start lag p50/p99 ${a.startLagP50Ms?.toFixed(2) ?? '—'}/${a.startLagP99Ms?.toFixed(2) ?? '—'} ms, late ${a.late ?? 0}`);
      }
      const j = summary.jobs;
      for (const line of formatQueueWaitFigures(summary.queueWait)) out(line);
      out(`jobs: ${j.total} — completed ${j.completed}${j.resultUnread ? ` (${j.resultUnread} result unread)` : ''}, failed ${j.failed}, errors ${j.errors}, timeouts ${j.timeouts}, unknown submits ${j.unknownSubmits}, abandoned ${j.abandoned}`);
      const codes = Object.entries(summary.http.byCode).map(([code, n]) => `${code === '0' ? 'no answer' : code} ×${n}`).join(', ');
      out(`http: ${summary.http.requests} requests (${codes || 'none'}); dropped connections ${summary.http.droppedConnections}, retries ${summary.http.retries}; ${conformanceText(summary.conformance)}`);
      // Documented rules broken first: they are the errors; the assumed ones are findings.
      const examples = [...summary.conformance.examples].sort((a, b) => Number(a.basis === 'assumed') - Number(b.basis === 'assumed'));
      for (const v of examples.slice(0, 5)) out(`  ${v.basis === 'assumed' ? 'finding' : 'contract'}: ${v.operationId} → ${v.status}: ${v.message} [${v.rule}${v.specRules ? `: ${v.specRules}, ${v.basis}` : ''}]`);
      out(`spend: ${summary.spend.sent} billable requests sent, ${summary.spend.billed} billed, ${summary.spend.unknown} unknown, ${summary.spend.refused} refused${summary.spend.max !== null ? ` (budget ${summary.spend.max})` : ''}; credits reported ${summary.spend.credits}`);
      if (summary.objectives.length > 0) out(['objectives (point estimates):', ...objectiveLines(summary)].join('\n'));
      if (meta.cutShort) out(`cut short: ${meta.cutShort.message}`);
      out(`load: exit ${result.exitCode}${result.exitCode === EXIT.failed ? ' (an objective failed)' : ''}; files in ${result.outDir}`);
      process.exitCode = result.exitCode;
      const verdict = result.exitCode === EXIT.pass ? 'PASS' : result.exitCode === EXIT.failed ? 'FAIL' : 'INCOMPLETE';
      emitResult({ command: 'load', exitCode: result.exitCode, verdict, out: result.outDir, ...(meta.cutShort ? { cutShort: meta.cutShort } : {}), summary });
    }),
  );
}
