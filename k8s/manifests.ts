// One load test as a Kubernetes Indexed Job: pod i runs `infercheck load --segment (i + first)/N`, all pods wait for
// one --start-at, each writes its own run folder, and `infercheck report --merge` of the folders is the whole test.
// Pure: a plan in, a ConfigMap and a Job out, each built as a kubernetes-models object and validated against the
// Kubernetes OpenAPI schemas (1.27) before it is returned, so nothing the API server would reject is ever printed.
//
// What the manifests hold, and why:
//   - the ConfigMap carries the test: the load flags (one per line), the objectives file, N, the first segment, the
//     test id, and the script each pod runs (run.sh) — readable and editable in one place;
//   - the key comes from a Secret by name (secretKeyRef): no value is ever in a manifest;
//   - backoffLimit 0 and restartPolicy Never: a retried pod would send its billable requests again, and its
//     --max-billable is per invocation, so the cap would not hold across retries;
//   - exit 1 (an objective failed) is a verdict, not a failure of the pod: run.sh records it and exits 0, so one
//     segment's verdict does not stop the others (the merged report judges the whole test); 2, 3 and signals fail
//     the pod and, with backoffLimit 0, the Job — nothing is retried;
//   - results go to a shared volume (a PersistentVolumeClaim the user names) or, for an object store, to an
//     emptyDir the load writes in an init container and the user's upload container ships when it is done.
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Job } from 'kubernetes-models/batch/v1/Job';

/** Where the ConfigMap is mounted in every pod. */
export const CONFIG_DIR = '/etc/infercheck';
/** Where every pod writes `<test id>/segment-<i>/`. */
export const RESULTS_DIR = '/results';
/** The objectives file inside CONFIG_DIR (the load flags point --sla at it). */
export const OBJECTIVES_FILE = 'objectives.yaml';

export type ResultsStore =
  | { readonly kind: 'pvc'; readonly claimName: string }
  | { readonly kind: 'object-store'; readonly url: string; readonly uploadImage: string; readonly uploadCommand: string };

export interface JobPlan {
  /** DNS-1123 label for the Job (the ConfigMap is `<name>-settings`). */
  readonly name: string;
  readonly namespace?: string;
  readonly image: string;
  readonly testId: string;
  /** N of `--segment i/N`. */
  readonly segments: number;
  /** This Job runs segments first … first + pods − 1 (another Job, in another region, may run the rest). */
  readonly firstSegment: number;
  readonly pods: number;
  /** The load flags every pod runs with (without --segment, --out, --no-progress: run.sh adds those). */
  readonly loadArgs: readonly string[];
  readonly objectivesYaml: string;
  /** The environment variable the load reads the key from, and the Secret it comes from; null for the embedded mock. */
  readonly apiKey: { readonly env: string; readonly secretName: string; readonly secretKey: string } | null;
  readonly results: ResultsStore;
  /** Kubernetes ends the Job after this long, whatever happens (start-at wait + the run's own deadline + slack). */
  readonly activeDeadlineSeconds: number;
  /** Pod labels (the run's --label pairs as `infercheck.dev/<key>`). */
  readonly labels: Readonly<Record<string, string>>;
  readonly resources: { readonly cpu: string; readonly memory: string };
}

/**
 * The script each pod runs: its segment from the Job's completion index, its folder in the shared results, the
 * load flags from the ConfigMap (one per line: no word splitting, no globbing), and the exit-code policy above.
 */
export function runScript(): string {
  return `#!/bin/sh
# infercheck k8s: one segment of a split load test (generated; the settings are the files beside this one).
set -u
cfg=${CONFIG_DIR}
n=$(cat "$cfg/segments")
first=$(cat "$cfg/first-segment")
test_id=$(cat "$cfg/test-id")
segment=$((JOB_COMPLETION_INDEX + first))
out="$RESULTS_DIR/$test_id/segment-$segment"
mkdir -p "$out"
# the load flags, one per line
IFS='
'
set -f
set -- $(cat "$cfg/load-args")
infercheck load "$@" --segment "$segment/$n" --out "$out/load" --no-progress
code=$?
echo "$code" > "$out/exit-code"
# 1: an objective failed, a verdict the merged report gives for the whole test; the pod itself succeeded
[ "$code" -eq 1 ] && exit 0
exit "$code"
`;
}

export function buildConfigMap(plan: JobPlan): ConfigMap {
  const map = new ConfigMap({
    metadata: { name: `${plan.name}-settings`, ...(plan.namespace ? { namespace: plan.namespace } : {}), labels: commonLabels(plan) },
    data: {
      'load-args': plan.loadArgs.join('\n') + '\n',
      [OBJECTIVES_FILE]: plan.objectivesYaml,
      segments: String(plan.segments),
      'first-segment': String(plan.firstSegment),
      'test-id': plan.testId,
      'run.sh': runScript(),
    },
  });
  map.validate();
  return map;
}

function commonLabels(plan: JobPlan): Record<string, string> {
  return { 'app.kubernetes.io/name': 'infercheck', 'app.kubernetes.io/component': 'load', 'infercheck.dev/test-id': labelValue(plan.testId), ...plan.labels };
}

/** A label value: ≤ 63 characters of [A-Za-z0-9._-], starting and ending alphanumeric. */
export function labelValue(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'x';
}

export function buildJob(plan: JobPlan): Job {
  const env = [
    // set by the Job controller on Indexed Jobs; named here so the script's dependency is explicit
    { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    { name: 'RESULTS_DIR', value: RESULTS_DIR },
    ...(plan.apiKey ? [{ name: plan.apiKey.env, valueFrom: { secretKeyRef: { name: plan.apiKey.secretName, key: plan.apiKey.secretKey } } }] : []),
  ];
  const mounts = [
    { name: 'settings', mountPath: CONFIG_DIR, readOnly: true },
    { name: 'results', mountPath: RESULTS_DIR },
  ];
  const load = {
    name: 'load',
    image: plan.image,
    command: ['sh', `${CONFIG_DIR}/run.sh`],
    env,
    volumeMounts: mounts,
    resources: { requests: { cpu: plan.resources.cpu, memory: plan.resources.memory }, limits: { memory: plan.resources.memory } },
  };
  const store = plan.results;
  const upload =
    store.kind === 'object-store'
      ? {
          name: 'upload',
          image: store.uploadImage,
          command: ['sh', '-c', store.uploadCommand],
          env: [
            { name: 'RESULTS_DIR', value: RESULTS_DIR },
            { name: 'TEST_ID', value: plan.testId },
            // the test's folder under the user's object-store path; every pod uploads its own segment-<i> into it
            { name: 'DEST', value: `${store.url.replace(/\/+$/, '')}/${plan.testId}` },
          ],
          volumeMounts: [{ name: 'results', mountPath: RESULTS_DIR, readOnly: true }],
        }
      : undefined;
  const job = new Job({
    metadata: { name: plan.name, ...(plan.namespace ? { namespace: plan.namespace } : {}), labels: commonLabels(plan) },
    spec: {
      completionMode: 'Indexed',
      completions: plan.pods,
      // all at once: every pod must be waiting before the common start instant
      parallelism: plan.pods,
      backoffLimit: 0,
      activeDeadlineSeconds: plan.activeDeadlineSeconds,
      template: {
        metadata: { labels: commonLabels(plan) },
        spec: {
          restartPolicy: 'Never',
          // the load finishes before the upload starts: an init container, then the user's upload step
          ...(upload ? { initContainers: [load], containers: [upload] } : { containers: [load] }),
          volumes: [
            { name: 'settings', configMap: { name: `${plan.name}-settings`, defaultMode: 0o555 } },
            store.kind === 'pvc' ? { name: 'results', persistentVolumeClaim: { claimName: store.claimName } } : { name: 'results', emptyDir: {} },
          ],
        },
      },
    },
  });
  job.validate();
  return job;
}
