// The thin HTTP shell over the core: node:http, no framework (the status poll is the hot path of every load test,
// so it is a string split, a Map lookup and one JSON.stringify). It parses, authenticates, applies configured faults
// and translates core outcomes into the spec's codes, bodies and headers. Every decision about jobs, time, money and
// limits lives in core.ts.
//
// Connection discipline (issue 16), so that careless and hostile clients learn nothing wrong and cost nothing:
// - One request at a time per connection. Pipelined requests wait their turn and are answered in order, one answer
//   each; a request is handled (and a job created) only when every answer before it was handed to Node, so a job's
//   answer can always be written the moment it exists.
// - A request Node's parser gives up on (malformed, oversized headers, headers too slow) is answered only after the
//   answers owed before it, then the connection closes.
// - An answer given without reading the request's body (401, 405, 406, 413, 408, …) says `connection: close`, reads
//   no more of the body, and lingers before destroying the socket, so a client still sending reads the answer
//   instead of a TCP reset.
// - A client that goes away before its answer is written costs nothing: nothing is created for it, or its v1 job is
//   abandoned (core.abandon) and never billed.
// - Connections beyond `maxConnections` have each request answered 503 and are closed.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { validateTxt2ImgRequest } from '../spec/generated/validators.mjs';
import { effectiveParameters, readAs } from '../core/effective-params.ts';
import { isFormData, readFormBody } from './form-body.ts';
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
  /** Connections served at once; on one accepted beyond it every request is answered 503 and the connection closed. */
  readonly maxConnections: number;
  /** The effective options, for GET /__mock/config (no keys, no token). */
  readonly publicConfig: Readonly<Record<string, unknown>>;
}

const JSON_TYPE = 'application/json';
/** Most timelines one GET /__mock/requests returns (about 300 bytes each). */
export const ADMIN_LIST_LIMIT = 50_000;
// A Host header we are willing to echo into absolute URLs: a DNS name or IPv4 with an optional port, or [IPv6].
const SAFE_AUTHORITY = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * How long a connection closed after an answer stays open, reading nothing, before it is destroyed: long enough for a
 * client that is still sending to read the answer (see `lingerThenDestroy`), short enough to bound the sockets held.
 */
export const CLOSE_LINGER_MS = 1000;
/** Requests parsed ahead of their turn on one connection beyond which the mock stops reading from it. */
const PIPELINE_DEPTH = 32;

/** One client connection: its requests are handled one at a time, in arrival order. */
interface Connection {
  readonly socket: Socket;
  /** Accepted beyond the connection cap: every request on it is answered 503, then it closes. */
  readonly overCap: boolean;
  /** The exchange being handled; later pipelined ones wait in `queue`. */
  active: Exchange | null;
  readonly queue: Exchange[];
  pumping: boolean;
  /** Reading was paused because too many pipelined requests were waiting. */
  throttled: boolean;
  /** The last response handed to Node: a raw answer written on the socket must wait until it has gone out. */
  lastRes: ServerResponse | null;
  /** The answer to a request Node's parser gave up on, written once every answer owed before it is out. */
  final: Buffer | null;
  /** Nothing more is handled: the connection closes after the answers already given. */
  closing: boolean;
  closed: boolean;
}

interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly conn: Connection;
  /** Extra headers for every answer (the rate-limit reset when limits are on). */
  extra: Record<string, string> | null;
  counted: boolean;
  answered: boolean;
  /** The request body was read to its end; an answer given without reading it closes the connection instead. */
  bodyRead: boolean;
  /** A v1 job waiting to be answered, and the timer that will answer it. */
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export interface Shell {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Every accepted socket, before any request on it (the server's 'connection' event). */
  connection(socket: Socket): void;
  /** Node's parser gave up on a request (the server's 'clientError' event). */
  clientError(err: NodeJS.ErrnoException, socket: Socket): void;
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

/** True when the request announces a body (a non-zero content-length, or any transfer-encoding). */
function declaresBody(req: IncomingMessage): boolean {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === 14 && key.toLowerCase() === 'content-length') {
      if (raw[i + 1]!.trim() !== '0') return true;
    } else if (key.length === 17 && key.toLowerCase() === 'transfer-encoding') {
      return true;
    }
  }
  return false;
}

/** Stops pulling the request body off the wire: whatever is unread stays unread (the connection is closing). */
function stopReading(req: IncomingMessage): void {
  req.removeAllListeners('data');
  req.pause();
  // A zero-byte read marks the body as consumed; otherwise Node itself would read and discard the rest ("dump") to
  // keep the connection usable — the whole 100 MB the issue saw read after a 401.
  req.read(0);
}

/**
 * Node ends a `connection: close` exchange with socket.destroySoon(): our FIN, then destroy() as soon as it is out.
 * With a request body we never read still arriving, that destroy is a TCP reset, and a client still sending meets it
 * while writing: undici (Node's fetch) then reports ECONNRESET instead of the answer it had been sent (RFC 9112 §9.6
 * warns of exactly this and describes the lingering close). So on this socket destroySoon keeps the FIN and destroys
 * CLOSE_LINGER_MS later, reading nothing meanwhile.
 */
function lingerThenDestroy(socket: Socket): void {
  socket.destroySoon = function lingeringDestroySoon(this: Socket): void {
    if (this.writable) this.end();
    setTimeout(() => this.destroy(), CLOSE_LINGER_MS).unref();
  };
}

/** The raw bytes of an error envelope, for a request Node's parser gave up on (no ServerResponse exists for it). */
function rawEnvelope(reply: ErrorReply): Buffer {
  const body = JSON.stringify({ error: reply.message });
  return Buffer.from(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Error'}\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createShell(core: MockCore, images: JpegCache, config: ShellConfig, faultRng: Rng): Shell {
  const keyIndex = new Map<string, number>(config.apiKeys.map((key, i) => [key, i]));
  const pendingV1 = new Set<NodeJS.Timeout>();
  const adminTokenBytes = config.adminToken === null ? null : Buffer.from(config.adminToken);
  const connections = new WeakMap<Socket, Connection>();
  let admitted = 0;

  function attach(socket: Socket, overCap: boolean): Connection {
    const conn: Connection = { socket, overCap, active: null, queue: [], pumping: false, throttled: false, lastRes: null, final: null, closing: false, closed: false };
    connections.set(socket, conn);
    if (overCap) core.countRejectedConnection();
    else admitted++;
    socket.once('close', () => closed(conn));
    return conn;
  }

  /** The connection is gone: whatever was not answered yet was abandoned by its client. */
  function closed(conn: Connection): void {
    conn.closed = true;
    if (!conn.overCap) admitted--;
    let gone = conn.queue.length;
    conn.queue.length = 0;
    const ex = conn.active;
    conn.active = null;
    if (ex && !ex.answered) {
      gone++;
      if (ex.timer) {
        clearTimeout(ex.timer);
        pendingV1.delete(ex.timer);
      }
      if (ex.job) core.abandon(ex.job);
    }
    if (gone > 0) core.countClientGone(gone);
  }

  /** True while an answer written now would reach the client. */
  function alive(ex: Exchange): boolean {
    return !ex.conn.closed && ex.req.socket.writable && !ex.res.destroyed;
  }

  /** Handles one exchange, now that every answer before it on its connection was given. */
  function run(ex: Exchange): void {
    ex.conn.active = ex;
    try {
      if (ex.conn.overCap) fail(ex, errors.tooManyConnections(config.maxConnections), true);
      else route(ex);
    } catch {
      crashed(ex);
    }
  }

  /** The same guard for work that resumes later (a body's end, a timer). */
  function guarded(ex: Exchange, work: () => void): void {
    try {
      work();
    } catch {
      crashed(ex);
    }
  }

  /** Hostile input must never crash the mock: anything unexpected is a 500 envelope. */
  function crashed(ex: Exchange): void {
    if (!ex.answered && !ex.res.headersSent) fail(ex, errors.internal(), true);
    else ex.req.socket.destroy();
  }

  /** The exchange is answered (or dropped): hand the connection to the next request waiting on it. */
  function done(ex: Exchange): void {
    const conn = ex.conn;
    if (conn.active === ex) conn.active = null;
    conn.lastRes = ex.res;
    if (conn.closing) conn.queue.length = 0;
    else pump(conn);
  }

  function pump(conn: Connection): void {
    if (conn.pumping) return; // an answer given synchronously inside run(): the loop below picks the next one up
    conn.pumping = true;
    while (conn.active === null && !conn.closing && !conn.closed && conn.queue.length > 0) run(conn.queue.shift()!);
    conn.pumping = false;
    if (conn.throttled && conn.queue.length < PIPELINE_DEPTH / 2) {
      conn.throttled = false;
      conn.socket.resume();
    }
    if (conn.final && conn.active === null && conn.queue.length === 0) writeFinal(conn);
  }

  /** Writes the answer to an unparseable request after the last response before it has gone out, then closes. */
  function writeFinal(conn: Connection): void {
    if (conn.closing || conn.closed || !conn.final) return;
    conn.closing = true;
    const bytes = conn.final;
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      const socket = conn.socket;
      if (!socket.writable) return void socket.destroy();
      socket.end(bytes);
      setTimeout(() => socket.destroy(), CLOSE_LINGER_MS).unref();
    };
    // A response's 'close' follows its 'finish', once all its bytes were handed to the socket (destroyed is then set).
    const last = conn.lastRes;
    if (last && !last.destroyed) last.once('close', write);
    else write();
  }

  function finish(ex: Exchange, status: number, headers: Record<string, string | number>, body: string | Buffer, closeAfter = false): void {
    const { res, conn } = ex;
    // Answered already, or the client went away first (then `closed` counts it as client_gone).
    if (ex.answered || conn.closed || res.destroyed) return;
    ex.answered = true;
    if (!ex.counted) {
      ex.counted = true;
      core.countResponse(status);
    }
    const all: Record<string, string | number> = ex.extra ? { ...headers, ...ex.extra } : headers;
    all['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    // A body the mock did not read is never read: the answer closes the connection instead (issue 16).
    if (closeAfter || conn.overCap || (!ex.bodyRead && declaresBody(ex.req))) {
      all['connection'] = 'close';
      conn.closing = true;
      stopReading(ex.req);
      lingerThenDestroy(ex.req.socket);
    }
    res.writeHead(status, all);
    res.end(body);
    done(ex);
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

  /** The drop fault: true when the connection was destroyed without an answer. */
  function dropFault(ex: Exchange): boolean {
    const f = config.faults;
    if (!(f.dropRate > 0 && faultRng.next() < f.dropRate)) return false;
    core.countResponse(0); // 0 = dropped without an answer
    ex.counted = true;
    ex.answered = true; // dropped by the mock, not abandoned by the client
    ex.conn.closing = true;
    ex.req.socket.destroy();
    done(ex);
    return true;
  }

  /**
   * The slow fault: how long to hold this request before handling it. The delay comes before the request is handled
   * rather than before its answer is written, so a job is still created only when its answer can go out at once.
   */
  function slowFault(): number {
    const f = config.faults;
    return f.slowMs > 0 && (f.slowRate >= 1 || faultRng.next() < f.slowRate) ? f.slowMs : 0;
  }

  /** The answering faults chosen by configuration; true when the request was answered by one. */
  function injectFault(ex: Exchange): boolean {
    const f = config.faults;
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
    // file_size: the bytes GET url serves (images.ts knows it without building the image). A string, as the one
    // source that types it has it (reference §2.3 is second-hand; the spec takes a string or an integer): a client
    // tested against the less convenient form works against either (mock/README.md).
    const fileSize = (sample: number): string => String(images.byteLength({ digest: job.paramsDigest, seed: job.seed, sample, width: job.width, height: job.height }));
    return json(ex, 200, {
      status,
      request_id: job.id,
      error: null,
      output: urls[0],
      images: urls.map((url, n) => ({ url, content_type: 'image/jpeg', file_name: `${job.id}-${n}.jpg`, file_size: fileSize(n) })),
      seed: job.seed,
      metrics,
    });
  }

  function completedMetrics(job: Job): Record<string, number> {
    return { ...timingMetrics(job), cost: job.cost, remaining_credits: job.remainingCredits ?? core.balance(job.keyIndex) };
  }

  function readParametersBody(ex: Exchange, onBody: (body: Record<string, unknown>) => void): void {
    const { req } = ex;
    const contentType = headerValue(req, 'content-type');
    // reference §1.2: a JSON object, or multipart/form-data fields; anything else is a 406 "Invalid content type".
    const form = contentType !== undefined && isFormData(contentType);
    if (contentType === undefined || (!form && !/^application\/json\s*(;|$)/i.test(contentType))) {
      return fail(ex, errors.invalidContentType());
    }
    const declared = Number(headerValue(req, 'content-length'));
    if (Number.isFinite(declared) && declared > config.maxBodyBytes) return fail(ex, errors.bodyTooLarge(config.maxBodyBytes));
    // Every check that needs no body has passed: only now ask a client waiting on `Expect: 100-continue` to send it.
    if (headerValue(req, 'expect')?.toLowerCase() === '100-continue') ex.res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      fail(ex, errors.bodyTimeout(config.bodyTimeoutMs));
    }, config.bodyTimeoutMs);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > config.maxBodyBytes) {
        done = true;
        clearTimeout(timer);
        fail(ex, errors.bodyTooLarge(config.maxBodyBytes));
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
      ex.bodyRead = true;
      // Fully read, but is anyone still there? A client that left (or half-closed) gets nothing created for it.
      if (!alive(ex)) return;
      if (form) {
        // undici parses the form; its fields are read as the spec's types, then judged like a JSON body.
        void readFormBody(contentType, Buffer.concat(chunks, size), readAs).then(
          (reading) => {
            if (!alive(ex)) return;
            if (reading.kind === 'invalid') return fail(ex, { status: 400, message: reading.message });
            guarded(ex, () => onBody(reading.body));
          },
          () => crashed(ex),
        );
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch {
        return fail(ex, errors.invalidJson());
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(ex, errors.notAnObject());
      guarded(ex, () => onBody(parsed as Record<string, unknown>));
    });
  }

  function generate(ex: Exchange, model: string, api: Api, key: number): void {
    readParametersBody(ex, (body) => {
      // The generated validator decides what is a 400 (spec Txt2ImgRequest); the message names the parameter.
      if (!validateTxt2ImgRequest(body)) return fail(ex, { status: 400, message: validationMessage(validateTxt2ImgRequest.errors?.[0]) });
      // What was asked, as the spec's defaults complete it (core/effective-params.ts: one reading for the mock and the checks).
      const asked = effectiveParameters(body);
      const prompt = asked['prompt'] as string;
      const steps = asked['num_inference_steps'] as number;
      const width = asked['img_width'] as number;
      const height = asked['img_height'] as number;
      const samples = asked['samples'] as number;
      const seed = asked['seed'] as number;
      const paramsDigest = fnv1a(JSON.stringify([model, prompt, asked['negative_prompt'] ?? '', asked['scheduler'], steps, asked['guidance_scale'], width, height]));
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
      const wantBase64 = asked['base64'] === true;
      // The job waits on this connection; if the client goes away first, `closed` abandons it (never billed).
      ex.job = job;
      // Timers and the core's clock are different clocks: re-arm until the core agrees the job has finished.
      const arm = (): void => {
        const remaining = job.finishedAt - core.now();
        if (remaining <= 0) {
          ex.timer = null;
          return guarded(ex, () => answerSync(ex, job, wantBase64));
        }
        const timer = setTimeout(() => {
          pendingV1.delete(timer);
          arm();
        }, Math.ceil(remaining));
        ex.timer = timer;
        pendingV1.add(timer);
      };
      arm();
    });
  }

  function answerSync(ex: Exchange, job: Job, wantBase64: boolean): void {
    if (!alive(ex)) {
      core.abandon(job);
      return;
    }
    core.settle();
    if (job.error !== null) return fail(ex, errors.contentPolicy(job.error));
    const picture = (sample: number): Buffer => images.get({ digest: job.paramsDigest, seed: job.seed, sample, width: job.width, height: job.height });
    let contentType: string;
    let body: string | Buffer;
    if (!wantBase64) {
      // spec conflict v1-multiple-samples: raw bytes carry the first image only (so only that one is encoded).
      contentType = 'image/jpeg';
      body = picture(0);
    } else {
      const encoded = Array.from({ length: job.samples }, (_, sample) => picture(sample).toString('base64'));
      // spec conflict base64-response: {"image": first, "images": all, "status": "Success"}.
      contentType = JSON_TYPE;
      body = JSON.stringify({ image: encoded[0], images: encoded, status: 'Success' });
    }
    // Billed now, with the answer ready to hand to a live connection (core.deliver); the answer carries the balance after.
    const remaining = core.deliver(job) ?? core.balance(job.keyIndex);
    finish(
      ex,
      200,
      {
        'x-cost': String(job.cost),
        'x-remaining-credits': String(remaining),
        'x-request-id': job.id,
        'x-generation-time': (job.inferenceMs / 1000).toFixed(3),
        'x-seed-value': String(job.seed),
        'content-type': contentType,
      },
      body,
    );
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
    if (dropFault(ex)) return;
    const delay = slowFault();
    if (delay > 0) {
      setTimeout(() => {
        if (alive(ex)) guarded(ex, () => serveVendor(ex, operation, arg, top));
      }, delay).unref();
      return;
    }
    serveVendor(ex, operation, arg, top);
  }

  function serveVendor(ex: Exchange, operation: 'submit' | 'status' | 'result' | 'credits', arg: string, top: Api): void {
    if (injectFault(ex)) return;
    const key = authenticate(ex);
    if (key === undefined) return;
    switch (operation) {
      case 'submit':
        if (core.modelIndex(arg) === -1) return fail(ex, errors.unknownModel(arg));
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
      const conn = connections.get(req.socket) ?? attach(req.socket, false);
      if (conn.closing || conn.closed) return; // after an answer that closes the connection nothing more is handled
      const ex: Exchange = { req, res, conn, extra: null, counted: false, answered: false, bodyRead: false, job: null, timer: null };
      if (conn.active === null && conn.queue.length === 0) return run(ex);
      conn.queue.push(ex);
      if (conn.queue.length >= PIPELINE_DEPTH && !conn.throttled) {
        conn.throttled = true;
        conn.socket.pause();
      }
    },
    connection(socket) {
      attach(socket, admitted >= config.maxConnections);
    },
    clientError(err, socket) {
      const conn = connections.get(socket) ?? attach(socket, false);
      if (conn.final || conn.closing || conn.closed) return; // the parser keeps failing on what follows: answered once
      // A client that reset, or ended its side in the middle of a request, is gone: its answers can never be read
      // (Node itself ends our side on a clean end), so everything unanswered on it counts as client_gone.
      if (!socket.writable || err.code === 'ECONNRESET' || err.code === 'HPE_INVALID_EOF_STATE') return void socket.destroy();
      conn.final = rawEnvelope(
        err.code === 'HPE_HEADER_OVERFLOW' ? errors.headersTooLarge() : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? errors.headersTimeout() : errors.malformedRequest(),
      );
      socket.pause(); // nothing after the unparseable request is read
      pump(conn);
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

