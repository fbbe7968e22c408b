// `infercheck k8s --segments N [--image …] [--out-dir …] -- <load flags>`: one load test as a Kubernetes Indexed Job
// (manifests.ts), printed as YAML or written to --out-dir. The load flags after `--` are parsed by the load command's
// own definition and planned by its own planner (load/run.ts planTest), so a setting `infercheck load` would refuse —
// a bad rate, a start-at in the past, a billable target without a budget — is refused here, before a manifest exists.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { stringify } from 'yaml';
import { COMMON_ENVIRONMENT, COMMON_EXIT_CODES, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { emitResult } from '../core/cli-output.ts';
import { EXIT } from '../core/exit-codes.ts';
import { UsageError } from '../core/target.ts';
import { loadCommand, optionsFromFlags, type LoadFlags } from '../load/command.ts';
import { DEFAULT_SLO_FILE, planTest } from '../load/run.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { buildConfigMap, buildJob, CONFIG_DIR, labelValue, OBJECTIVES_FILE, type JobPlan, type ResultsStore } from './manifests.ts';

interface K8sFlags {
  segments: string;
  firstSegment: string;
  pods?: string;
  image?: string;
  outDir?: string;
  name?: string;
  namespace?: string;
  secret: string;
  secretKey?: string;
  pvc?: string;
  objectStore?: string;
  uploadImage?: string;
  uploadCommand?: string;
  maxBillableTotal?: string;
  cpu: string;
  memory: string;
}

/** Load flags the k8s command sets itself for every pod. */
const OWNED_FLAGS: Readonly<Record<string, string>> = {
  '--segment': 'each pod runs the segment of its Job index (--segments, --first-segment)',
  '--out': `each pod writes <results>/<test id>/segment-<i>/ (--pvc or --object-store)`,
  '--max-billable': 'give the whole test\'s budget as --max-billable-total: each pod gets ⌊total / pods⌋',
};

const integer = (flag: string, text: string | undefined, min: number): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${text}"`);
  return n;
};

/** The pod's load flags, checked by the load command's own parser; its --sla/--slo file is read here, not in the pod. */
function parseLoadArgs(args: readonly string[]): { flags: LoadFlags; passed: string[]; objectivesFile: string | undefined } {
  for (const arg of args) {
    const flag = arg.split('=')[0]!;
    if (flag in OWNED_FLAGS) throw new UsageError(`${flag} is not a load flag for k8s: ${OWNED_FLAGS[flag]}`);
    if (arg.includes('\n')) throw new UsageError(`a load flag holds a line break: ${JSON.stringify(arg)}`);
  }
  const command = loadCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  let flags: LoadFlags | undefined;
  command.action((f: LoadFlags) => void (flags = f));
  try {
    command.parse([...args], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw new UsageError(`load flags after --: ${err.message.replace(/^error:\s*/, '')}`);
    throw err;
  }
  // the objectives travel in the ConfigMap; the pods read them from there
  const passed: string[] = [];
  let objectivesFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (flag === '--sla' || flag === '--slo') {
      objectivesFile = inline ?? args[++i];
      continue;
    }
    passed.push(arg);
  }
  return { flags: flags!, passed, objectivesFile };
}

export interface K8sManifests {
  readonly plan: JobPlan;
  readonly yaml: { readonly configMap: string; readonly job: string };
  /** What the user should know, one line each (stderr). */
  readonly notes: readonly string[];
}

export function buildManifests(k8s: K8sFlags, loadArgs: readonly string[], now = Date.now()): K8sManifests {
  const segments = integer('--segments', k8s.segments, 1)!;
  if (segments > 1000) throw new UsageError(`--segments ${segments}: at most 1000 pods in one Job`);
  const firstSegment = integer('--first-segment', k8s.firstSegment, 0)!;
  if (firstSegment >= segments) throw new UsageError(`--first-segment ${firstSegment} is not a segment of ${segments} (0 … ${segments - 1})`);
  const pods = integer('--pods', k8s.pods, 1) ?? segments - firstSegment;
  if (firstSegment + pods > segments) throw new UsageError(`--first-segment ${firstSegment} and --pods ${pods} run segments beyond ${segments - 1}`);
  const store = resultsStore(k8s);

  const { flags, passed, objectivesFile } = parseLoadArgs(loadArgs);
  const options = optionsFromFlags(flags);
  const billable = options.target !== undefined && options.target !== 'mock';
  const total = integer('--max-billable-total', k8s.maxBillableTotal, 0);
  if (billable && total === undefined) throw new UsageError(`--target ${options.target} spends credits: pass --max-billable-total N, the most billable requests the whole test may send (each of the ${pods} pods gets ⌊N / ${pods}⌋)`);
  // never rounding up: the pods together can never exceed the total
  const perPod = total === undefined ? undefined : Math.floor(total / pods);
  if (perPod === 0 && total! > 0) throw new UsageError(`--max-billable-total ${total} over ${pods} pods gives each 0 billable requests: raise it to at least ${pods}, or use fewer pods`);
  const objectivesPath = objectivesFile ?? DEFAULT_SLO_FILE;
  if (!existsSync(objectivesPath)) throw new UsageError(`objectives file ${objectivesPath} does not exist`);
  const test = planTest({ ...options, slo: objectivesPath, ...(perPod !== undefined ? { maxBillable: perPod } : {}) });
  const apiKeyEnv = test.target.kind === 'mock' ? null : test.target.apiKeyEnv;

  const startWaitS = test.startAtEpochMs === undefined ? 0 : Math.max(0, (test.startAtEpochMs - now) / 1000);
  const name = k8s.name ?? `infercheck-${labelValue(test.testId).toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 52).replace(/-+$/, '');
  if (!/^[a-z0-9]([a-z0-9-]{0,50}[a-z0-9])?$/.test(name)) throw new UsageError(`--name must be 1–52 lower-case letters, digits or dashes, starting and ending with a letter or digit (pods of an Indexed Job add a suffix), got "${name}"`);
  const plan: JobPlan = {
    name,
    ...(k8s.namespace ? { namespace: k8s.namespace } : {}),
    image: k8s.image ?? `infercheck:${INFERCHECK_VERSION}`,
    testId: test.testId,
    segments,
    firstSegment,
    pods,
    loadArgs: [...passed, '--sla', `${CONFIG_DIR}/${OBJECTIVES_FILE}`, '--test-id', test.testId, ...(perPod !== undefined ? ['--max-billable', String(perPod)] : [])],
    objectivesYaml: readFileSync(objectivesPath, 'utf8'),
    apiKey: apiKeyEnv ? { env: apiKeyEnv, secretName: k8s.secret, secretKey: k8s.secretKey ?? apiKeyEnv } : null,
    results: store,
    // the wait for the start, the run's own deadline, and ten minutes for scheduling and image pulls
    activeDeadlineSeconds: Math.ceil(startWaitS + test.deadlineS + 600),
    labels: Object.fromEntries(Object.entries(test.labels).map(([k, v]) => [`infercheck.dev/${k}`, v])),
    resources: { cpu: k8s.cpu, memory: k8s.memory },
  };
  const notes = [
    `k8s: test ${test.testId}, segments ${firstSegment}…${firstSegment + pods - 1} of ${segments} in ${pods} pod${pods === 1 ? '' : 's'} of Job ${name}${perPod !== undefined ? `, each --max-billable ${perPod} (⌊${total} / ${pods}⌋)` : ''}`,
    ...(test.startAtEpochMs === undefined ? ['k8s: no --start-at among the load flags: each pod starts its schedule when it is ready, so the segments do not interleave as one process (give one, at most 1 h ahead, and apply before it)'] : []),
  ];
  return {
    plan,
    yaml: { configMap: toYaml(buildConfigMap(plan).toJSON()), job: toYaml(buildJob(plan).toJSON()) },
    notes,
  };
}

/** Multi-line values (the script, the objectives) as literal blocks: the YAML reads like the files it holds. */
const toYaml = (value: unknown): string => stringify(value, { blockQuote: 'literal', lineWidth: 0 });

function resultsStore(k8s: K8sFlags): ResultsStore {
  if (k8s.pvc && k8s.objectStore) throw new UsageError('give --pvc or --object-store, not both');
  if (k8s.pvc) {
    if (k8s.uploadImage || k8s.uploadCommand) throw new UsageError('--upload-image and --upload-command go with --object-store');
    return { kind: 'pvc', claimName: k8s.pvc };
  }
  if (k8s.objectStore) {
    if (!k8s.uploadImage || !k8s.uploadCommand) throw new UsageError('--object-store needs --upload-image and --upload-command: the step that copies $RESULTS_DIR/$TEST_ID to $DEST (e.g. aws s3 cp --recursive)');
    return { kind: 'object-store', url: k8s.objectStore, uploadImage: k8s.uploadImage, uploadCommand: k8s.uploadCommand };
  }
  throw new UsageError('where do the results go? --pvc <claim> (a ReadWriteMany volume every pod mounts) or --object-store <url> with --upload-image and --upload-command');
}

export const K8S_HELP: CommandHelp = {
  examples: [
    'npx infercheck k8s --segments 4 --pvc infercheck-results -- --scenario async --rate 8 --duration 60s --seed 7   # print the ConfigMap and the Job',
    'npx infercheck k8s --segments 4 --pvc infercheck-results --max-billable-total 2000 --out-dir k8s-out -- --target live --scenario sweep --rates 1,2,4 --duration 2m --seed 7 --label region=eu-west',
  ],
  environment: [
    ['SEGMIND_API_KEY', 'not read: each pod reads the key from the Secret --secret names (--secret-key); no value is ever printed'],
    COMMON_ENVIRONMENT.noColor,
  ],
  exitCodes: [
    [EXIT.pass, 'manifests printed, or written to --out-dir'],
    COMMON_EXIT_CODES.usage,
  ],
};

export function registerK8sCommand(program: Command): void {
  program
    .command('k8s')
    .description('print a Kubernetes Indexed Job (and its ConfigMap) that runs one load test split over N pods; load flags follow --')
    .usage('--segments <n> (--pvc <claim> | --object-store <url> …) [options] -- <load flags>')
    .argument('[load flags...]', 'the flags of `infercheck load` every pod runs with, after --')
    .requiredOption('--segments <n>', 'N: the test is split into segments 0/N … N-1/N')
    .option('--first-segment <k>', 'this Job runs segments from k (another Job, e.g. in another region, runs the rest)', '0')
    .option('--pods <m>', 'how many segments this Job runs (default: N − first)')
    .option('--image <ref>', 'an image with infercheck on its PATH (default infercheck:<version>; k8s/README.md says how to build it)')
    .option('--out-dir <dir>', 'write configmap.yaml and job.yaml there instead of printing them')
    .option('--name <name>', 'the Job name (default infercheck-<test id>); the ConfigMap is <name>-settings')
    .option('--namespace <ns>', 'the namespace of both')
    .option('--secret <name>', 'the Secret holding the API key (never a value: create it with kubectl)', 'infercheck-api-key')
    .option('--secret-key <key>', 'the key in that Secret (default: the load\'s --api-key-env, SEGMIND_API_KEY)')
    .option('--pvc <claim>', 'results on this PersistentVolumeClaim (ReadWriteMany when pods land on several nodes)')
    .option('--object-store <url>', 'results uploaded under this path (s3://…, gs://…): with --upload-image and --upload-command')
    .option('--upload-image <ref>', 'the image of the upload step (e.g. amazon/aws-cli)')
    .option('--upload-command <sh>', 'the upload step, run by sh -c with $RESULTS_DIR, $TEST_ID and $DEST set, e.g. aws s3 cp --recursive "$RESULTS_DIR/$TEST_ID" "$DEST"')
    .option('--max-billable-total <n>', 'the most billable requests the whole test may send: each pod gets ⌊n / pods⌋ (required for billable targets)')
    .option('--cpu <q>', 'CPU request per pod', '1')
    .option('--memory <q>', 'memory request and limit per pod', '1Gi')
    .option('--json', 'print one JSON result on stdout: the manifests (or the files written) and the notes')
    .addHelpText('after', `\n${helpSections(K8S_HELP)}\n`)
    .action((loadArgs: string[], k8s: K8sFlags) => {
      const { yaml, notes } = buildManifests(k8s, loadArgs);
      const documents = `${yaml.configMap}---\n${yaml.job}`;
      if (k8s.outDir) {
        const files = ['configmap.yaml', 'job.yaml'].map((f) => join(k8s.outDir!, f));
        const taken = files.find((f) => existsSync(f));
        if (taken) throw new UsageError(`${taken} exists: choose another --out-dir or move it aside`);
        mkdirSync(k8s.outDir, { recursive: true });
        writeFileSync(files[0]!, yaml.configMap);
        writeFileSync(files[1]!, yaml.job);
        notes.forEach((n) => process.stderr.write(n + '\n'));
        process.stderr.write(`k8s: wrote ${files.join(' and ')}; kubectl apply -f ${k8s.outDir} (k8s/README.md: the recipe)\n`);
        emitResult({ command: 'k8s', exitCode: EXIT.pass, files, notes });
      } else {
        emitResult({ command: 'k8s', exitCode: EXIT.pass, manifests: { configMap: yaml.configMap, job: yaml.job }, notes });
        process.stdout.write(documents);
        notes.forEach((n) => process.stderr.write(n + '\n'));
      }
    });
}
