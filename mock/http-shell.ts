// The thin HTTP shell over the core: node:http, no framework (the status poll is the hot path of every load test,
// so it is a string split, a Map lookup and one JSON.stringify). It parses, authenticates, applies configured faults
// and translates core outcomes into the spec's codes, bodies and headers. Every decision about jobs, time, money and
// limits lives in core.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { validateTxt2ImgRequest } from '../spec/generated/validators.mjs';
import type { MockCore, Job, Api } from './core.ts';
import { errors, methodNotAllowedHtml, printable, validationMessage, type ErrorReply } from './errors.ts';
import { fnv1a, type JpegCache } from './images.ts';
import type { Rng } from '../core/rng.ts';

export interface FaultConfig {
  /** Fraction of vendor requests answered with errorStatus (default 500) instead of being served. */
  readonly errorRate: number;
  readonly errorStatus: number;
  /** Periodic outage: during the first durationMs of every everyMs (wall clock), vendor requests get `status`. */
  readonly burst: { readonly status: number; readonly everyMs: number; readonly durationMs: number } | null;
  /** Extra delay before answering, applied to a slowRate fraction of vendor requests. */
  readonly slowMs: number;
  readonly slowRate: number;
  /** Fraction of vendor requests whose connection is destroyed without an answer. */
  readonly dropRate: number;
}

export interface ShellConfig {
  readonly apiKeys: readonly string[];
  readonly adminToken: string | null;
  /** False when bound beyond loopback without an admin token: the admin surface then answers 403. */
  readonly adminOpenWithoutToken: boolean;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly faults: FaultConfig;
  /** `host:port` to use in absolute URLs when the request's Host header is missing or malformed. */
  fallbackAuthority: string;
  readonly rpm: number;
  /** The effective options, for GET /__mock/config (no keys, no token). */
  readonly publicConfig: Readonly<Record<string, unknown>>;
}

const JSON_TYPE = 'application/json';
/** Most timelines one GET /__mock/requests returns (about 300 bytes each). */
export const ADMIN_LIST_LIMIT = 50_000;
// A Host header we are willing to echo into absolute URLs: a DNS name or IPv4 with an optional port, or [IPv6].
const SAFE_AUTHORITY = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Extra headers for every answer (the rate-limit reset when limits are on). */
  extra: Record<string, string> | null;
  delayMs: number;
  counted: boolean;
}

export interface Shell {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Cancels pending v1 answers (server shutdown). */
  shutdown(): void;
}

/**
 * One request header by lower-case name, read from rawHeaders: touching `req.headers` makes Node build the whole
 * header object, which is measurable on the status-poll hot path. Duplicates are joined like Node does.
 */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const raw = req.rawHeaders;
  let found: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === name.length && (key === name || key.toLowerCase() === name)) found = found === undefined ? raw[i + 1]! : `${found}, ${raw[i + 1]!}`;
  }
  return found;
}

export function createShell(core: MockCore, images: JpegCache, config: ShellConfig, faultRng: Rng): Shell {
  const keyIndex = new Map<string, number>(config.apiKeys.map((key, i) => [key, i]));
  const pendingV1 = new Set<NodeJS.Timeout>();
  const adminTokenBytes = config.adminToken === null ? null : Buffer.from(config.adminToken);

  function finish(ex: Exchange, status: number, headers: Record<string, string | number>, body: string | Buffer, closeAfter = false): void {
    if (!ex.counted) {
      ex.counted = true;
      core.countResponse(status);
    }
    const send = (): void => {
      const res = ex.res;
      if (res.writableEnded || res.destroyed) return;
      const all: Record<string, string | number> = ex.extra ? { ...headers, ...ex.extra } : headers;
      all['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      if (closeAfter) all['connection'] = 'close';
      res.writeHead(status, all);
      if (closeAfter) res.end(body, () => ex.req.socket.destroy());
      else res.end(body);
    };
    if (ex.delayMs > 0) setTimeout(send, ex.delayMs).unref();
    else send();
  }

  function json(ex: Exchange, status: number, value: unknown, closeAfter = false): void {
    finish(ex, status, { 'content-type': JSON_TYPE }, JSON.stringify(value), closeAfter);
  }

  function fail(ex: Exchange, err: ErrorReply, closeAfter = false): void {
    json(ex, err.status, { error: err.message }, closeAfter);
  }

  function methodNotAllowed(ex: Exchange, allow: string): void {
    finish(ex, 405, { 'content-type': 'text/html; charset=utf-8', allow }, methodNotAllowedHtml(ex.req.method ?? ''));
  }

  function baseUrl(req: IncomingMessage): string {
    const host = headerValue(req, 'host');
    return `http://${host !== undefined && SAFE_AUTHORITY.test(host) ? host : config.fallbackAuthority}`;
  }

  /** Faults chosen by configuration; true when the request was consumed by one. */
  function injectFault(ex: Exchange): boolean {
    const f = config.faults;
    if (f.dropRate > 0 && faultRng.next() < f.dropRate) {
      core.countResponse(0); // 0 = dropped without an answer
      ex.counted = true;
      ex.req.socket.destroy();
      return true;
    }
    if (f.slowMs > 0 && (f.slowRate >= 1 || faultRng.next() < f.slowRate)) ex.delayMs = f.slowMs;
    if (f.burst && core.now() % f.burst.everyMs < f.burst.durationMs) {
      fail(ex, errors.injected(f.burst.status));
      return true;
    }
    if (f.errorRate > 0 && faultRng.next() < f.errorRate) {
      fail(ex, errors.injected(f.errorStatus));
      return true;
    }
    return false;
  }

  /** x-api-key only (reference §1.1); returns the key's index or undefined after answering 401 / 429. */
  function authenticate(ex: Exchange): number | undefined {
    const key = headerValue(ex.req, 'x-api-key');
    if (key === undefined || key.length === 0) {
      fail(ex, headerValue(ex.req, 'authorization') ? errors.bearerOnly() : errors.missingKey());
      return undefined;
    }
    const index = keyIndex.get(key);
    if (index === undefined) {
      fail(ex, errors.invalidKey());
      return undefined;
    }
    if (config.rpm > 0) {
      const rate = core.admit(index);
      const resetAt = new Date(rate.resetAtMs).toISOString();
      ex.extra = { 'x-rate-limit-reset-at-utc': resetAt };
      if (!rate.allowed) {
        // reference §1.5: x-rate-limit-reset-at-utc, and deliberately no Retry-After.
        fail(ex, errors.rateLimited(config.rpm));
        return undefined;
      }
    }
    return index;
  }

  function pendingBody(job: Job, status: string, base: string): Record<string, unknown> {
    return {
      status,
      request_id: job.id,
      status_url: `${base}/v2/requests/${job.id}/status`,
      response_url: `${base}/v2/requests/${job.id}`,
      metrics: {},
    };
  }

  function failedBody(job: Job): Record<string, unknown> {
    // reference §1.5: a FAILED body has timings but no cost / remaining_credits.
    return {
      status: 'FAILED',
      error: job.error,
      request_id: job.id,
      metrics: timingMetrics(job),
    };
  }

  function answerStatus(ex: Exchange, id: string, kind: 'status' | 'result'): void {
    const job = core.lookup(id);
    if (!job) return fail(ex, errors.requestNotFound(id));
    const status = core.statusOf(job);
    if (status === 'FAILED') return json(ex, 422, failedBody(job));
    const base = baseUrl(ex.req);
    if (status !== 'COMPLETED') return json(ex, 200, pendingBody(job, status, base));
    if (kind === 'status') {
      // A COMPLETED status body never changes, so it is serialised once per job and Host (the polling hot path).
      const cached = job.statusCache;
      if (cached && cached.base === base) return finish(ex, 200, { 'content-type': JSON_TYPE }, cached.body);
      const body = JSON.stringify({
        status,
        request_id: job.id,
        status_url: `${base}/v2/requests/${job.id}/status`,
        response_url: `${base}/v2/requests/${job.id}`,
        metrics: completedMetrics(job),
      });
      job.statusCache = { base, body };
      return finish(ex, 200, { 'content-type': JSON_TYPE }, body);
    }
    const metrics = completedMetrics(job);
    const urls = Array.from({ length: job.samples }, (_, n) => `${base}/images/${job.id}/${n}.jpg`);
    return json(ex, 200, {
      status,
      request_id: job.id,
      error: null,
      output: urls[0],
      images: urls.map((url, n) => ({ url, content_type: 'image/jpeg', file_name: `${job.id}-${n}.jpg` })),
      seed: job.seed,
      metrics,
    });
  }

  function completedMetrics(job: Job): Record<string, number> {
    return { ...timingMetrics(job), cost: job.cost, remaining_credits: job.remainingCredits ?? core.balance(job.keyIndex) };
  }

  function readJsonBody(ex: Exchange, onBody: (body: Record<string, unknown>) => void): void {
    const { req } = ex;
    const contentType = headerValue(req, 'content-type');
    // reference §1.2: anything but JSON is a 406 "Invalid content type" (the spec describes application/json only).
    if (contentType === undefined || !/^application\/json\s*(;|$)/i.test(contentType)) {
      return fail(ex, errors.invalidContentType(), true);
    }
    const declared = Number(headerValue(req, 'content-length'));
    if (Number.isFinite(declared) && declared > config.maxBodyBytes) return fail(ex, errors.bodyTooLarge(config.maxBodyBytes), true);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      fail(ex, errors.bodyTimeout(config.bodyTimeoutMs), true);
    }, config.bodyTimeoutMs);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > config.maxBodyBytes) {
        done = true;
        clearTimeout(timer);
        fail(ex, errors.bodyTooLarge(config.maxBodyBytes), true);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      done = true;
      clearTimeout(timer);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch {
        return fail(ex, errors.invalidJson());
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(ex, errors.notAnObject());
      onBody(parsed as Record<string, unknown>);
    });
  }

  function generate(ex: Exchange, model: string, api: Api, key: number): void {
    readJsonBody(ex, (body) => {
      // The generated validator decides what is a 400 (spec Txt2ImgRequest); the message names the parameter.
      if (!validateTxt2ImgRequest(body)) return fail(ex, { status: 400, message: validationMessage(validateTxt2ImgRequest.errors?.[0]) });
      const prompt = body['prompt'] as string;
      const steps = (body['num_inference_steps'] as number | undefined) ?? 20;
      const width = (body['img_width'] as number | undefined) ?? 512;
      const height = (body['img_height'] as number | undefined) ?? 512;
      const samples = (body['samples'] as number | undefined) ?? 1;
      const seed = (body['seed'] as number | undefined) ?? -1;
      const paramsDigest = fnv1a(
        JSON.stringify([model, prompt, body['negative_prompt'] ?? '', body['scheduler'] ?? 'UniPC', steps, body['guidance_scale'] ?? 7.5, width, height]),
      );
      const outcome = core.submit(model, api, key, { prompt, steps, width, height, samples, seed, paramsDigest });
      if (outcome.kind === 'insufficient-credits') return fail(ex, errors.insufficientCredits(outcome.available, outcome.cost));
      if (outcome.kind === 'queue-full') return fail(ex, errors.queueFull(model, outcome.depth));
      const job = outcome.job;
      if (api === 'v2') {
        const base = baseUrl(ex.req);
        return json(ex, 200, {
          request_id: job.id,
          status: 'QUEUED',
          poll_url: `${base}/v1/requests/${job.id}`,
          status_url: `${base}/v2/requests/${job.id}/status`,
          response_url: `${base}/v2/requests/${job.id}`,
        });
      }
      const wantBase64 = body['base64'] === true;
      let timer: NodeJS.Timeout | undefined;
      // Timers and the core's clock are different clocks: re-arm until the core agrees the job has finished, so the
      // answer always carries the settled balance.
      const arm = (): void => {
        const remaining = job.finishedAt - core.now();
        if (remaining <= 0) {
          timer = undefined;
          return answerSync(ex, job, wantBase64);
        }
        timer = setTimeout(() => {
          if (timer) pendingV1.delete(timer);
          arm();
        }, Math.ceil(remaining));
        pendingV1.add(timer);
      };
      ex.res.once('close', () => {
        if (timer) {
          clearTimeout(timer);
          pendingV1.delete(timer);
        }
      });
      arm();
    });
  }

  function answerSync(ex: Exchange, job: Job, wantBase64: boolean): void {
    core.settle();
    if (job.error !== null) return fail(ex, errors.contentPolicy(job.error));
    const headers: Record<string, string> = {
      'x-cost': String(job.cost),
      'x-remaining-credits': String(job.remainingCredits ?? core.balance(job.keyIndex)),
      'x-request-id': job.id,
      'x-generation-time': (job.inferenceMs / 1000).toFixed(3),
      'x-seed-value': String(job.seed),
    };
    const picture = (sample: number): Buffer => images.get({ digest: job.paramsDigest, seed: job.seed, sample, width: job.width, height: job.height });
    if (!wantBase64) {
      // spec conflict v1-multiple-samples: raw bytes carry the first image only (so only that one is encoded).
      return finish(ex, 200, { ...headers, 'content-type': 'image/jpeg' }, picture(0));
    }
    const pictures = Array.from({ length: job.samples }, (_, sample) => picture(sample));
    const encoded = pictures.map((p) => p.toString('base64'));
    // spec conflict base64-response: {"image": first, "images": all, "status": "Success"}.
    return finish(ex, 200, { ...headers, 'content-type': JSON_TYPE }, JSON.stringify({ image: encoded[0], images: encoded, status: 'Success' }));
  }

  function serveImage(ex: Exchange, id: string, file: string): void {
    const match = /^(\d)\.jpg$/.exec(file);
    const job = match ? core.lookup(id) : undefined;
    const sample = match ? Number(match[1]) : -1;
    if (!job || core.statusOf(job) !== 'COMPLETED' || sample >= job.samples) return fail(ex, errors.imageNotFound(`/images/${id}/${file}`));
    const bytes = images.get({ digest: job.paramsDigest, seed: job.seed, sample, width: job.width, height: job.height });
    finish(ex, 200, { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=604800, immutable' }, bytes);
  }

  function admin(ex: Exchange, segments: readonly string[], query: string): void {
    const { req } = ex;
    ex.counted = true; // the admin surface is ground truth, not traffic: it never moves the vendor counters
    if (adminTokenBytes) {
      const given = headerValue(req, 'x-admin-token');
      const givenBytes = given !== undefined ? Buffer.from(given) : Buffer.alloc(0);
      if (givenBytes.length !== adminTokenBytes.length || !timingSafeEqual(givenBytes, adminTokenBytes)) return fail(ex, errors.adminForbidden());
    } else if (!config.adminOpenWithoutToken) {
      return fail(ex, errors.adminDisabled());
    }
    const [, , what, id] = segments;
    const method = req.method ?? 'GET';
    if (what === 'reset') {
      if (method !== 'POST') return methodNotAllowed(ex, 'POST');
      core.reset();
      return json(ex, 200, { ok: true });
    }
    if (method !== 'GET') return methodNotAllowed(ex, 'GET');
    if (what === 'health' && segments.length === 3) return json(ex, 200, { ok: true });
    if (what === 'stats' && segments.length === 3) return json(ex, 200, { ...core.stats(), image_cache: { entries: images.size, hits: images.hits, misses: images.misses } });
    if (what === 'config' && segments.length === 3) return json(ex, 200, config.publicConfig);
    if (what === 'requests' && segments.length === 3) {
      const params = new URLSearchParams(query);
      const since = Number(params.get('since_ms') ?? '0');
      const asked = Number(params.get('limit') ?? String(ADMIN_LIST_LIMIT));
      const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, ADMIN_LIST_LIMIT) : ADMIN_LIST_LIMIT;
      // One more than asked tells whether the list was cut; the caller then pages on with since_ms.
      const found = core.timelines(Number.isFinite(since) ? since : 0, limit + 1);
      return json(ex, 200, { requests: found.slice(0, limit), truncated: found.length > limit });
    }
    if (what === 'requests' && id !== undefined && segments.length === 4) {
      const job = core.lookup(id);
      return job ? json(ex, 200, core.timeline(job)) : fail(ex, errors.requestNotFound(id));
    }
    return fail(ex, errors.unknownPath(segments.join('/')));
  }

  function route(ex: Exchange): void {
    const { req } = ex;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const segments = path.split('/');
    const method = req.method ?? 'GET';
    const top = segments[1];

    if (top === '__mock') return admin(ex, segments, q === -1 ? '' : url.slice(q + 1));
    if (top === 'images' && segments.length === 4) {
      if (method !== 'GET') return methodNotAllowed(ex, 'GET');
      return serveImage(ex, segments[2]!, segments[3]!);
    }
    if (top !== 'v1' && top !== 'v2') return fail(ex, errors.unknownPath(path));

    // Vendor namespace: match the operation, then the method, then faults, auth and rate limit, then the handler.
    let operation: 'submit' | 'status' | 'result' | 'credits';
    let arg = '';
    const second = segments[2] ?? '';
    if (segments.length === 3 && top === 'v1' && second === 'get-user-credits') {
      operation = 'credits';
    } else if (segments.length === 3 && second !== '' && second !== 'requests') {
      operation = 'submit';
      arg = decodeSegment(second);
    } else if (top === 'v2' && segments.length === 5 && second === 'requests' && segments[4] === 'status') {
      operation = 'status';
      arg = decodeSegment(segments[3]!);
    } else if (segments.length === 4 && second === 'requests') {
      // /v2/requests/{id} is the result; /v1/requests/{id} is the poll_url, answering the status body.
      operation = top === 'v2' ? 'result' : 'status';
      arg = decodeSegment(segments[3]!);
    } else {
      return fail(ex, errors.unknownPath(path));
    }
    const wanted = operation === 'submit' ? 'POST' : 'GET';
    if (method !== wanted) return methodNotAllowed(ex, wanted);
    if (injectFault(ex)) return;
    const key = authenticate(ex);
    if (key === undefined) return;
    switch (operation) {
      case 'submit':
        if (core.modelIndex(arg) === -1) return fail(ex, errors.unknownModel(arg), true);
        return generate(ex, arg, top, key);
      case 'status':
        return answerStatus(ex, arg, 'status');
      case 'result':
        return answerStatus(ex, arg, 'result');
      case 'credits':
        // reference §1.1 [DOCS-CRED]: the cheapest key check.
        return json(ex, 200, { credits: core.balance(key), 'free-credits': 0 });
    }
  }

  return {
    handle(req, res) {
      const ex: Exchange = { req, res, extra: null, delayMs: 0, counted: false };
      try {
        route(ex);
      } catch {
        // Hostile input must never crash the mock: anything unexpected is a 500 envelope.
        if (!res.headersSent) fail(ex, errors.internal(), true);
        else res.destroy();
      }
    },
    shutdown() {
      for (const timer of pendingV1) clearTimeout(timer);
      pendingV1.clear();
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function timingMetrics(job: Job): { inference_time: number; queue_time: number; total_time: number } {
  const round = (ms: number): number => Math.round(ms) / 1000;
  return {
    inference_time: round(job.inferenceMs),
    queue_time: round(job.startedAt - job.submittedAt),
    total_time: round(job.finishedAt - job.submittedAt),
  };
}

