// `infercheck k8s`: the manifests it prints validate against the Kubernetes OpenAPI schemas (kubernetes-models, 1.27),
// and the validator is shown to fire on a broken Job; they carry the test, not the key; the budget is split never
// rounding up; the pods' script, run here with sh against the embedded mock, writes the folder `report --merge`
// takes; and what the load command would refuse is refused before anything is printed or written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { parseAllDocuments } from 'yaml';
import type { LoadRunMeta } from '../core/result-files.ts';
import { CONFIG_DIR, runScript } from './manifests.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'infercheck-k8s-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const KEY = 'SG_k8s-test-secret-value-0000';
const inMinutes = (m: number): string => new Date(Date.now() + m * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

function k8s(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/infercheck.mjs', 'k8s', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, SEGMIND_API_KEY: KEY } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Manifest = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };

function documents(yaml: string): Manifest[] {
  return parseAllDocuments(yaml).map((d) => d.toJS() as Manifest);
}

test('an Indexed Job and its ConfigMap: valid against the Kubernetes schemas, the key by Secret name only, the budget split down', () => {
  const startAt = inMinutes(20);
  const r = k8s(['--segments', '4', '--pvc', 'infercheck-results', '--max-billable-total', '1003', '--', '--target', 'live', '--scenario', 'sweep', '--rates', '1,2', '--duration', '1m', '--seed', '7', '--start-at', startAt, '--label', 'region=eu-west']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY), 'the key in the environment is never printed');
  const [configMap, job] = documents(r.stdout);
  // the printed text itself validates, not only the objects the command built
  assert.doesNotThrow(() => new ConfigMap(configMap as never).validate());
  assert.doesNotThrow(() => new Job(job as never).validate());
  assert.equal(job!.kind, 'Job');
  const spec = job!.spec;
  assert.deepEqual([spec.completionMode, spec.completions, spec.parallelism, spec.backoffLimit], ['Indexed', 4, 4, 0]);
  const pod = spec.template.spec;
  assert.equal(pod.restartPolicy, 'Never');
  const env = pod.containers[0].env as { name: string; value?: string; valueFrom?: any }[];
  assert.equal(env.find((e) => e.name === 'JOB_COMPLETION_INDEX')!.valueFrom.fieldRef.fieldPath, "metadata.annotations['batch.kubernetes.io/job-completion-index']");
  assert.deepEqual(env.find((e) => e.name === 'SEGMIND_API_KEY'), { name: 'SEGMIND_API_KEY', valueFrom: { secretKeyRef: { name: 'infercheck-api-key', key: 'SEGMIND_API_KEY' } } });
  assert.deepEqual(pod.volumes.find((v: { name: string }) => v.name === 'results').persistentVolumeClaim, { claimName: 'infercheck-results' });
  assert.equal(pod.volumes.find((v: { name: string }) => v.name === 'settings').configMap.name, configMap!.metadata.name);
  // the ConfigMap holds the test: the flags, the objectives, N, the test id and the script
  const args = configMap!.data!['load-args']!.trim().split('\n');
  const flag = (name: string): string | undefined => args[args.indexOf(name) + 1];
  assert.equal(flag('--start-at'), startAt);
  assert.equal(flag('--max-billable'), '250', '⌊1003 / 4⌋: the pods together never exceed the total');
  assert.equal(flag('--sla'), `${CONFIG_DIR}/objectives.yaml`);
  assert.match(flag('--test-id')!, /^t-[0-9a-f]{12}$/);
  assert.equal(configMap!.data!['test-id'], flag('--test-id'));
  assert.equal(configMap!.data!['segments'], '4');
  assert.match(configMap!.data!['objectives.yaml']!, /metric: e2e_ms/);
  assert.equal(configMap!.data!['run.sh'], runScript());
  assert.equal(job!.metadata.name, `infercheck-${flag('--test-id')}`);
  assert.match(r.stderr, /each --max-billable 250 \(⌊1003 \/ 4⌋\)/);
});

test('--json: one document on stdout carrying the same manifests; the notes too, and never the key', () => {
  const args = ['--segments', '2', '--pvc', 'infercheck-results', '--', '--scenario', 'async', '--rate', '4', '--duration', '10s', '--seed', '3'];
  const plain = k8s(args);
  const json = k8s(['--json', ...args]);
  assert.equal(json.status, 0, json.stderr);
  const result = JSON.parse(json.stdout) as { command: string; exitCode: number; manifests: { configMap: string; job: string }; notes: string[] };
  assert.deepEqual([result.command, result.exitCode], ['k8s', 0]);
  assert.equal(`${result.manifests.configMap}---\n${result.manifests.job}`, plain.stdout);
  assert.ok(!json.stdout.includes(KEY) && !json.stderr.includes(KEY));
});

test('the schema validation is real: a broken Job is rejected', () => {
  const r = k8s(['--segments', '2', '--pvc', 'results', '--', '--scenario', 'async', '--rate', '2', '--duration', '5s', '--start-at', inMinutes(10)]);
  assert.equal(r.status, 0, r.stderr);
  const job = documents(r.stdout)[1]!;
  const broken = (edit: (j: any) => void): Job => {
    const copy = structuredClone(job) as any;
    edit(copy);
    return new Job(copy);
  };
  assert.throws(() => broken((j) => (j.spec.completionMode = 'Parallel')).validate(), /completionMode must be equal to one of the allowed values/);
  assert.throws(() => broken((j) => (j.spec.completions = '2')).validate(), /completions must be integer/);
  assert.throws(() => broken((j) => delete j.spec.template.spec.containers[0].name).validate(), /must have required property 'name'|must have required property name/);
  // against the embedded mock: no key, so no Secret
  assert.ok(!(job.spec.template.spec.containers[0].env as { name: string }[]).some((e) => e.name === 'SEGMIND_API_KEY'));
});

test('an object-store path: the load runs first (an init container), then the user’s upload step with $DEST', () => {
  const outDir = join(tmp, 'manifests');
  const r = k8s(['--segments', '4', '--first-segment', '2', '--pods', '2', '--object-store', 's3://bucket/infercheck/', '--upload-image', 'amazon/aws-cli:2.22.0', '--upload-command', 'aws s3 cp --recursive "$RESULTS_DIR/$TEST_ID" "$DEST"', '--out-dir', outDir, '--', '--scenario', 'async', '--start-at', inMinutes(10), '--label', 'region=us-east']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.deepEqual(readdirSync(outDir).sort(), ['configmap.yaml', 'job.yaml']);
  const job = documents(readFileSync(join(outDir, 'job.yaml'), 'utf8'))[0]!;
  assert.doesNotThrow(() => new Job(job as never).validate());
  const pod = job.spec.template.spec;
  assert.deepEqual([job.spec.completions, pod.initContainers[0].name, pod.containers[0].name, pod.containers[0].image], [2, 'load', 'upload', 'amazon/aws-cli:2.22.0']);
  const testId = documents(readFileSync(join(outDir, 'configmap.yaml'), 'utf8'))[0]!.data!['test-id'];
  assert.equal(pod.containers[0].env.find((e: { name: string }) => e.name === 'DEST').value, `s3://bucket/infercheck/${testId}`);
  assert.deepEqual(pod.volumes.find((v: { name: string }) => v.name === 'results').emptyDir, {});
  assert.equal(documents(readFileSync(join(outDir, 'configmap.yaml'), 'utf8'))[0]!.data!['first-segment'], '2');
  // the files are not overwritten
  const again = k8s(['--segments', '2', '--pvc', 'r', '--out-dir', outDir, '--', '--start-at', inMinutes(10)]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /^infercheck: .*configmap\.yaml exists/);
});

test('what `infercheck load` would refuse is refused here, one line, exit 2, nothing written', () => {
  const outDir = join(tmp, 'refused');
  const cases: Array<[string[], RegExp]> = [
    [['--segments', '4', '--pvc', 'r', '--', '--target', 'live'], /--target live spends credits: pass --max-billable-total N/],
    [['--segments', '4', '--pvc', 'r', '--max-billable-total', '3', '--', '--target', 'live'], /--max-billable-total 3 over 4 pods gives each 0/],
    [['--segments', '4', '--pvc', 'r', '--', '--start-at', new Date(Date.now() - 3_600_000).toISOString()], /--start-at .* in the past/],
    [['--segments', '4', '--pvc', 'r', '--', '--rate', 'fast'], /--rate must be a number/],
    [['--segments', '4', '--pvc', 'r', '--', '--segment', '1/4'], /--segment is not a load flag for k8s/],
    [['--segments', '4', '--pvc', 'r', '--', '--max-billable', '10'], /--max-billable is not a load flag for k8s: give the whole test's budget as --max-billable-total/],
    [['--segments', '4', '--pvc', 'r', '--', '--bogus'], /load flags after --: unknown option '--bogus'/],
    [['--segments', '4', '--'], /where do the results go\? --pvc/],
    [['--segments', '4', '--object-store', 's3://b', '--'], /--object-store needs --upload-image and --upload-command/],
    [['--segments', '0', '--pvc', 'r', '--'], /--segments must be a whole number ≥ 1/],
    [['--segments', '4', '--first-segment', '3', '--pods', '2', '--pvc', 'r', '--'], /--first-segment 3 and --pods 2 run segments beyond 3/],
  ];
  for (const [args, pattern] of cases) {
    const r = k8s([...args.slice(0, args.indexOf('--')), '--out-dir', outDir, ...args.slice(args.indexOf('--'))]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^infercheck: ${pattern.source}`), args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(outDir), false, 'nothing written');
  }
});

test('the pod script, run with sh: Job index 1 runs segment 1/2 into <results>/<test id>/segment-1, exit 1 a verdict', { timeout: 120_000 }, () => {
  const r = k8s(['--segments', '2', '--pvc', 'r', '--', '--scenario', 'async', '--rate', '4', '--duration', '2s', '--seed', '3', '--label', 'region=eu-west']);
  assert.equal(r.status, 0, r.stderr);
  const configMap = documents(r.stdout)[0]!;
  // the ConfigMap as Kubernetes mounts it, and `infercheck` on the PATH as the image has it
  const cfg = join(tmp, 'etc-infercheck');
  const bin = join(tmp, 'bin');
  const results = join(tmp, 'results');
  mkdirSync(cfg, { recursive: true });
  mkdirSync(bin, { recursive: true });
  for (const [key, value] of Object.entries(configMap.data!)) writeFileSync(join(cfg, key), value.split(CONFIG_DIR).join(cfg));
  writeFileSync(join(bin, 'infercheck'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'bin', 'infercheck.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'infercheck'), 0o755);
  const run = spawnSync('sh', [join(cfg, 'run.sh')], { encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH']}`, JOB_COMPLETION_INDEX: '1', RESULTS_DIR: results } });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  const testId = configMap.data!['test-id']!;
  const folder = join(results, testId, 'segment-1');
  const meta = JSON.parse(readFileSync(join(folder, 'load', 'run.json'), 'utf8')) as LoadRunMeta;
  assert.deepEqual([meta.segment, meta.testId, meta.labels], ['1/2', testId, { region: 'eu-west' }]);
  assert.match(readFileSync(join(folder, 'exit-code'), 'utf8'), /^[01]\n$/);
});
