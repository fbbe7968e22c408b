// A scripted Segmind for tests: by default it keeps every rule the catalogue checks; each quirk breaks exactly one
// (several quirks, several rules), and `refuse` makes it reject chosen documented values. It is deliberately not the
// mock (mock/ is another engineer's code, and a check's proof must not depend on the thing it will later judge): it
// is the smallest conforming vendor a test needs. Pure behaviour — a request in, a reply out, with its own ledger of
// what it took on and charged (the ground truth money tests compare the suite's report against) — served by two
// shells: nock for in-process tests (contracts/testing/fake-vendor.ts) and a real HTTP server on 127.0.0.1
// (scripted-vendor.ts) for tests that run a command in a child process or drive the load engine against it. Images are minimal JPEG headers (SOI, SOF0 with the size, a COM
// with the seed, EOI): enough for the SOF reader and for byte comparison, cheap to make.

export const VENDOR_KEY = 'SG_00aa11bb22cc33dd';
export const FAIL_WORD = 'forbiddenword';
/** The request id of the catalogue's unknown-request-id probes (contracts/vendor-urls.ts). */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Each quirk breaks one documented rule (the check that must catch it, after //). */
export const QUIRKS = [
  'drop-unknown-id', // answered
  'status-202', // status-code-documented, an assumed rule: no document gives the code of a pending status
  'teapot', // status-code-documented: a wrong verb on a read answers 418, which no document lists
  'submit-text-plain', // content-type-documented
  'metrics-as-string', // response-schema-valid
  'no-remaining-credits-header', // documented-headers
  'error-as-message', // error-envelope
  'invalid-body-500', // not-a-server-error
  'reject-dpmpp', // bound-accepted
  'accept-everything', // out-of-range / wrong-type / missing-required
  'accept-out-of-range', // out-of-range-rejected alone: numbers outside their documented range are taken (and billed)
  'vague-400', // rejection-names-parameter
  'one-image', // image-count-matches-samples
  'always-512', // jpeg-dimensions
  'base64-garbage', // base64-mode-content
  'images-404', // output-urls-serve-jpeg
  'seed-drift', // seed-echoed
  'nondeterministic', // same-seed-same-image
  'backwards', // job-state-transitions
  'failed-200', // failed-job-422
  'early-output', // output-only-when-completed
  'relative-urls', // submit-urls
  'wrong-request-id', // request-id-consistent
  'slow-generation-time', // v1-generation-time-plausible
  'expire-on-reread', // result-retained
  'inflated-total-time', // server-metrics-consistent
  'unknown-id-200', // unknown-request-id-404
  'ignore-missing-key', // missing-key-401
  'accept-any-key', // wrong-key-401
  'accept-bearer', // bearer-only-401
  'ignore-content-type', // wrong-content-type-406
  'multipart-406', // multipart-invalid-400: refuses multipart/form-data like any other content type
  'malformed-500', // malformed-json-400
  'unknown-model-400', // unknown-model-404
  'wrong-method-404', // wrong-method-405
  'overcharge', // success-billed-its-cost
  'bill-rejections', // rejections-not-billed
  'no-rate-limit', // rate-limit-429
  'submit-202', // spec conflict submit-status-code: a finding, not a failure
] as const;

export type Quirk = (typeof QUIRKS)[number];

/**
 * Ways to be more lenient than the spec that break no documented rule (the spec's own assumptions, Txt2ImgRequest
 * `seed:minimum`, `null`, `strings`): a vendor written from the same pages may well behave so, and the suite must
 * not fail it — only list each as a finding (a failure under --strict).
 */
export const LENIENCIES = [
  'accept-negative-seed', // any negative seed draws one, and is reported back as sent (x-seed-value "-2")
  'null-as-absent', // a parameter sent as null is read as not sent: its default
  'coerce-strings', // a number or boolean sent as its string ("20", "true") is read as the value
] as const;

export type Leniency = (typeof LENIENCIES)[number];

export const VENDOR_MODELS = new Set(['sd1.5-scifi', 'sd1.5-epicrealism']);
const COST = 0.002;
const SCHEDULERS = new Set(['DDIM', 'DPM Multi', 'DPM Single', 'Euler a', 'Euler', 'Heun', 'DPM2 a Karras', 'DPM2 Karras', 'LMS', 'PNDM', 'DDPM', 'UniPC', 'dpmpp_2m', 'dpmpp_sde_ancestral', 'euler', 'euler_a', 'ddim']);

interface Job {
  readonly id: string;
  readonly params: Record<string, unknown>;
  readonly failed: boolean;
  statusReads: number;
  resultReads: number;
  billed: boolean;
  /** The balance right after this job was charged: what its result reports, however often it is read. */
  balanceAfter?: number;
}

export function fakeJpeg(width: number, height: number, tag: string): Buffer {
  const comment = Buffer.from(tag, 'utf8');
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xfe, ((comment.length + 2) >> 8) & 0xff, (comment.length + 2) & 0xff]),
    comment,
    Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, (height >> 8) & 0xff, height & 0xff, (width >> 8) & 0xff, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function envelope(status: number, error: string, quirks: ReadonlySet<Quirk>): Reply {
  if (quirks.has('error-as-message')) return [status, { message: error }, { 'content-type': 'application/json' }];
  return [status, { error }, { 'content-type': 'application/json' }];
}

const NUMERIC = new Set(['num_inference_steps', 'guidance_scale', 'samples', 'seed', 'img_width', 'img_height']);

/** A parameter's string read as its type, the way a form field is (reference §1.2); otherwise the string itself. */
function readString(name: string, text: string): unknown {
  if (NUMERIC.has(name) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (name === 'base64' && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
  return text;
}

/** The fields of a multipart/form-data body (text fields only), or undefined when it cannot be parsed. */
export function formFields(contentType: string, raw: string): Record<string, string> | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker || !raw.includes(`--${marker}`)) return undefined;
  const fields: Record<string, string> = {};
  for (const part of raw.split(`--${marker}`).slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name === undefined) return undefined;
    fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return fields;
}

/** What the vendor reads from a body: a form's strings as their types; with its leniencies, null as absent and strings as values. */
function readBody(body: Record<string, unknown>, form: boolean, lenient: ReadonlySet<Leniency>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === null && lenient.has('null-as-absent')) continue;
    out[name] = typeof value === 'string' && (form || lenient.has('coerce-strings')) ? readString(name, value) : value;
  }
  return out;
}

/** Validates like the spec does, with the quirks that make it lenient or wrong. Returns the 400 message or undefined. */
function invalidReason(body: Record<string, unknown>, quirks: ReadonlySet<Quirk>, lenient: ReadonlySet<Leniency> = new Set()): string | undefined {
  if (quirks.has('accept-everything')) return undefined;
  const problems: string[] = [];
  if (typeof body['prompt'] !== 'string' || body['prompt'].length === 0) problems.push('prompt is required and must be a non-empty string');
  if ('negative_prompt' in body && typeof body['negative_prompt'] !== 'string') problems.push('negative_prompt must be a string');
  if ('scheduler' in body && !SCHEDULERS.has(String(body['scheduler'])) ) problems.push('scheduler must be one of the listed values');
  if ('scheduler' in body && typeof body['scheduler'] !== 'string') problems.push('scheduler must be a string');
  if (quirks.has('reject-dpmpp') && typeof body['scheduler'] === 'string' && body['scheduler'].startsWith('dpmpp')) problems.push('scheduler not supported');
  const inRange = (v: number, min: number, max: number): boolean => quirks.has('accept-out-of-range') || (v >= min && v <= max);
  const intRange = (name: string, min: number, max: number) => {
    if (!(name in body)) return;
    const v = body[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || !inRange(v, min, max)) problems.push(`${name} must be an integer in ${min}..${max}`);
  };
  intRange('num_inference_steps', 20, 100);
  intRange('samples', 1, 4);
  intRange('seed', lenient.has('accept-negative-seed') ? Number.MIN_SAFE_INTEGER : -1, Number.MAX_SAFE_INTEGER);
  if ('guidance_scale' in body) {
    const v = body['guidance_scale'];
    if (typeof v !== 'number' || !inRange(v, 0.1, 25)) problems.push('guidance_scale must be a number in 0.1..25');
  }
  for (const name of ['img_width', 'img_height']) {
    if (name in body && ![512, 768, 1024].includes(body[name] as number)) problems.push(`${name} must be 512, 768 or 1024`);
  }
  if ('base64' in body && typeof body['base64'] !== 'boolean') problems.push('base64 must be a boolean');
  if (problems.length === 0) return undefined;
  return quirks.has('vague-400') ? 'Bad Request' : problems[0];
}

/** Rejects a documented value the spec says must be accepted: `{ parameter: 'scheduler', value: 'UniPC', api: 'v2' }`. */
export interface RefusedValue {
  readonly parameter: string;
  readonly value: unknown;
  /** Only on this API; both when absent. */
  readonly api?: 'v1' | 'v2';
}

export interface VendorScriptOptions {
  /** Where the vendor says it is: status_url, response_url, poll_url and image URLs are built on it. */
  readonly baseUrl: string;
  readonly quirks?: readonly Quirk[];
  /** Leniencies the spec's assumptions do not expect, but the documents allow. */
  readonly lenient?: readonly Leniency[];
  readonly refuse?: readonly RefusedValue[];
  /** Requests per minute per key; 0 or absent = no rate limit. */
  readonly rpm?: number;
  /** Starting balance (default 100). */
  readonly credits?: number;
}

/** What the vendor itself counted: its ground truth. */
export interface VendorLedger {
  /** Every request it received. */
  readonly requests: number;
  /** Billable requests it took on: 2xx answers to POST /v1/{model} and /v2/{model}. */
  readonly billable: number;
  /** Credits it took from the balance. */
  readonly charged: number;
}

/** `[status, body, headers]`, or DROP: close the connection without an answer. */
export type Reply = [number, string | Buffer | Record<string, unknown>, Record<string, string>];
export const DROP = 'drop' as const;

export interface VendorScript {
  handle(method: string, path: string, headers: Record<string, string | string[] | undefined>, rawBody: unknown): Reply | typeof DROP;
  balance(): number;
  ledger(): VendorLedger;
}

function refusedValue(body: Record<string, unknown>, api: 'v1' | 'v2', refuse: readonly RefusedValue[]): string | undefined {
  const hit = refuse.find((r) => (r.api === undefined || r.api === api) && r.parameter in body && JSON.stringify(body[r.parameter]) === JSON.stringify(r.value));
  return hit ? `${hit.parameter} ${JSON.stringify(hit.value)} is not supported` : undefined;
}

export function createVendorScript(options: VendorScriptOptions): VendorScript {
  const quirks = new Set(options.quirks ?? []);
  const lenient = new Set(options.lenient ?? []);
  const base = options.baseUrl;
  const jobs = new Map<string, Job>();
  let balance = options.credits ?? 100;
  const ledger = { requests: 0, billable: 0, charged: 0 };
  let nextId = 1;
  let renders = 0;
  let windowCount = 0;

  const accounting = (job: { params: Record<string, unknown> }): Record<string, string> => {
    const sent = job.params['seed'];
    // -1 draws a seed (reported as 7); a lenient vendor takes any other negative seed as given and reports it so.
    const seed = typeof sent === 'number' && (sent >= 0 || (lenient.has('accept-negative-seed') && sent !== -1)) ? sent : 7;
    return {
      'x-cost': String(COST),
      ...(quirks.has('no-remaining-credits-header') ? {} : { 'x-remaining-credits': String(balance) }),
      'x-request-id': `req-${nextId}`,
      'x-generation-time': quirks.has('slow-generation-time') ? '30' : '0.001',
      'x-seed-value': String(quirks.has('seed-drift') ? seed + 1 : seed),
    };
  };
  const debit = (amount: number): void => {
    balance = Math.round((balance - amount) * 1e9) / 1e9;
    ledger.charged = Math.round((ledger.charged + amount) * 1e9) / 1e9;
  };
  const charge = (): void => debit(quirks.has('overcharge') ? 2 * COST : COST);
  const chargeRejection = (): void => {
    if (quirks.has('bill-rejections')) debit(COST);
  };
  /** A 2xx to a billable POST: the vendor took the request on (what --max-billable counts). */
  const tookOn = <T>(reply: T): T => {
    ledger.billable++;
    return reply;
  };
  const image = (params: Record<string, unknown>, index: number): Buffer => {
    const width = quirks.has('always-512') ? 512 : Number(params['img_width'] ?? 512);
    const height = quirks.has('always-512') ? 512 : Number(params['img_height'] ?? 512);
    const tag = `${JSON.stringify(params['seed'] ?? -1)}:${params['prompt']}:${index}${quirks.has('nondeterministic') ? `:${renders++}` : ''}`;
    return fakeJpeg(width, height, tag);
  };
  const urls = (id: string) => ({
    status_url: quirks.has('relative-urls') ? `/v2/requests/${id}/status` : `${base}/v2/requests/${id}/status`,
    response_url: `${base}/v2/requests/${id}`,
    poll_url: `${base}/v1/requests/${id}`,
  });
  const metrics = (job: Job, completed: boolean): Record<string, unknown> => {
    const timing = { queue_time: 0, inference_time: 0.001, total_time: quirks.has('inflated-total-time') ? 999.001 : 0.001 };
    if (!completed) return quirks.has('early-output') ? { ...timing, cost: COST } : timing;
    return { ...timing, cost: COST, remaining_credits: job.balanceAfter ?? balance };
  };
  const statusOf = (job: Job): string => {
    // QUEUED on the first read, PROCESSING on the second, then terminal; 'backwards' goes back to QUEUED once.
    const n = job.statusReads;
    if (quirks.has('backwards')) return ['QUEUED', 'PROCESSING', 'QUEUED', 'PROCESSING'][n] ?? (job.failed ? 'FAILED' : 'COMPLETED');
    return ['QUEUED', 'PROCESSING'][n] ?? (job.failed ? 'FAILED' : 'COMPLETED');
  };
  const settle = (job: Job): void => {
    if (!job.failed && !job.billed) {
      job.billed = true;
      charge();
      job.balanceAfter = balance;
    }
  };
  const jobBody = (job: Job, status: string, withOutput: boolean): Reply => {
    if (status === 'FAILED') {
      const body = { status: 'FAILED', request_id: job.id, error: 'Content policy violation', metrics: metrics(job, false) };
      return [quirks.has('failed-200') ? 200 : 422, body, { 'content-type': 'application/json' }];
    }
    if (status === 'COMPLETED') {
      settle(job);
      const samples = Number(job.params['samples'] ?? 1);
      const count = quirks.has('one-image') ? 1 : samples;
      const images = Array.from({ length: count }, (_, i) => ({ url: `${base}/images/${job.id}/${i}.jpg`, content_type: 'image/jpeg' }));
      const totalMetrics = quirks.has('metrics-as-string') ? { ...metrics(job, true), total_time: '0.001' } : metrics(job, true);
      const body: Record<string, unknown> = withOutput
        ? { status: 'COMPLETED', request_id: job.id, error: null, output: images[0]?.url, images, seed: job.params['seed'] ?? 7, metrics: totalMetrics }
        : { status: 'COMPLETED', request_id: job.id, metrics: totalMetrics };
      return [200, body, { 'content-type': 'application/json' }];
    }
    const pending: Record<string, unknown> = { status, request_id: quirks.has('wrong-request-id') ? `${job.id.slice(0, -1)}f` : job.id, ...urls(job.id), metrics: metrics(job, false) };
    if (quirks.has('early-output')) pending['output'] = `${base}/images/${job.id}/0.jpg`;
    return [quirks.has('status-202') ? 202 : 200, pending, { 'content-type': 'application/json' }];
  };

  function handle(method: string, path: string, headers: Record<string, string | string[] | undefined>, rawBody: unknown): Reply | typeof DROP {
    ledger.requests++;
    if (quirks.has('drop-unknown-id') && method === 'GET' && path.includes(UNKNOWN_ID)) return DROP;
    if (path.startsWith('/images/')) {
      if (quirks.has('images-404')) return [404, { error: 'not found' }, { 'content-type': 'application/json' }];
      const [, , id, file] = path.split('/');
      const job = jobs.get(id ?? '');
      if (!job) return [404, { error: 'not found' }, { 'content-type': 'application/json' }];
      return [200, image(job.params, Number.parseInt(file ?? '0', 10)), { 'content-type': 'image/jpeg' }];
    }
    // Rate limit first, like a gateway would (reference §1.5: x-rate-limit-reset-at-utc, no Retry-After).
    if (options.rpm && !quirks.has('no-rate-limit')) {
      windowCount++;
      if (windowCount > options.rpm) return [429, { error: 'Rate limit exceeded' }, { 'content-type': 'application/json', 'x-rate-limit-reset-at-utc': new Date(Date.now() + 60_000).toISOString() }];
    }
    const key = headers['x-api-key'];
    if (key === undefined) {
      const bearer = String(headers['authorization'] ?? '');
      if (!(quirks.has('accept-bearer') && bearer === `Bearer ${VENDOR_KEY}`) && !quirks.has('ignore-missing-key')) {
        return envelope(401, 'Missing Authorization or x-api-key in header', quirks);
      }
    } else if (key !== VENDOR_KEY && !quirks.has('accept-any-key')) {
      return envelope(401, 'Unauthorized. API key is invalid or may have expired...', quirks);
    }
    // reference §1.1 [DOCS-CRED]: the account balance.
    if (method === 'GET' && path === '/v1/get-user-credits') return [200, { credits: balance, 'free-credits': 0 }, { 'content-type': 'application/json' }];
    const segments = path.split('/').filter(Boolean);
    const isModelRoute = segments.length === 2 && (segments[0] === 'v1' || segments[0] === 'v2') && segments[1] !== 'requests';
    if (isModelRoute) {
      if (method !== 'POST') return quirks.has('wrong-method-404') ? envelope(404, 'Not found', quirks) : [405, '<html><body>405 Method Not Allowed</body></html>', { 'content-type': 'text/html' }];
      if (!VENDOR_MODELS.has(segments[1]!)) {
        chargeRejection();
        return quirks.has('unknown-model-400') ? envelope(400, 'bad model', quirks) : envelope(404, `Model ${segments[1]} not found`, quirks);
      }
      const contentType = String(headers['content-type'] ?? '');
      // reference §1.2: application/json and multipart/form-data are taken; anything else is a 406.
      const form = contentType.startsWith('multipart/form-data') && !quirks.has('multipart-406');
      if (!contentType.startsWith('application/json') && !form && !quirks.has('ignore-content-type')) {
        chargeRejection();
        return envelope(406, 'Invalid content type', quirks);
      }
      let sent: Record<string, unknown>;
      if (form) {
        const fields = formFields(contentType, typeof rawBody === 'string' ? rawBody : '');
        if (!fields) return envelope(400, 'Request body is not valid multipart/form-data', quirks);
        sent = fields;
      } else {
        try {
          sent = typeof rawBody === 'string' ? JSON.parse(rawBody) : (rawBody as Record<string, unknown>);
        } catch {
          return quirks.has('malformed-500') ? envelope(500, 'internal error', quirks) : envelope(400, 'Request body is not valid JSON', quirks);
        }
      }
      const body = readBody(sent, form, lenient);
      const reason = invalidReason(body, quirks, lenient) ?? refusedValue(body, segments[0] as 'v1' | 'v2', options.refuse ?? []);
      if (reason) {
        chargeRejection();
        return quirks.has('invalid-body-500') ? envelope(500, 'internal error', quirks) : envelope(400, reason, quirks);
      }
      const id = `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
      const job: Job = { id, params: body, failed: String(body['prompt']).includes(FAIL_WORD), statusReads: 0, resultReads: 0, billed: false };
      jobs.set(id, job);
      if (segments[0] === 'v1') {
        settle(job);
        if (body['base64'] === true) {
          const samples = Number(body['samples'] ?? 1);
          const encoded = Array.from({ length: samples }, (_, i) => (quirks.has('base64-garbage') ? 'not base64!' : image(body, i).toString('base64')));
          return tookOn([200, { image: encoded[0]!, images: encoded, status: 'Success' }, { 'content-type': 'application/json', ...accounting(job) }]);
        }
        return tookOn([200, image(body, 0), { 'content-type': quirks.has('submit-text-plain') ? 'text/plain' : 'image/jpeg', ...accounting(job) }]);
      }
      const submit = { request_id: id, status: 'QUEUED', ...urls(id) };
      return tookOn([quirks.has('submit-202') ? 202 : 200, submit, { 'content-type': quirks.has('submit-text-plain') ? 'text/plain' : 'application/json' }]);
    }
    const match = /^\/v([12])\/requests\/([^/]+)(\/status)?$/.exec(path);
    if (match) {
      if (method !== 'GET' && quirks.has('teapot')) return envelope(418, "I'm a teapot", quirks);
      if (method !== 'GET') return quirks.has('wrong-method-404') ? envelope(404, 'Not found', quirks) : [405, '<html><body>405</body></html>', { 'content-type': 'text/html' }];
      const job = jobs.get(match[2]!);
      if (!job) return quirks.has('unknown-id-200') ? [200, { status: 'QUEUED', request_id: match[2]! }, { 'content-type': 'application/json' }] : envelope(404, `Request ${match[2]} not found`, quirks);
      const isResult = match[1] === '2' && !match[3];
      if (isResult) {
        if (job.statusReads < 2) return jobBody(job, statusOf(job), false);
        job.resultReads++;
        if (quirks.has('expire-on-reread') && job.resultReads > 1) return envelope(404, `Request ${job.id} not found`, quirks);
        return jobBody(job, statusOf(job), true);
      }
      const reply = jobBody(job, statusOf(job), false);
      if (match[1] === '2') job.statusReads++;
      return reply;
    }
    return envelope(404, 'Not found', quirks);
  }
  return { handle, balance: () => balance, ledger: () => ({ ...ledger }) };
}
