// The mock under hostile and careless clients (issue 16), over raw sockets where node:http would not send what a
// careless client sends: pipelines that end in garbage, half-closes, endless bodies, slow and idle connections.
// Every test starts its own mock on 127.0.0.1 with small limits (never the 10 s defaults) and is bounded in time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEV_KEY, startMock, type MockOptions, type RunningMock } from './index.ts';
import { parseResponses, rawConnect, send, sleep, type RawClient, type RawResponse } from './test-client.ts';

const JSON_HEADERS = { 'x-api-key': DEFAULT_DEV_KEY, 'content-type': 'application/json' };
const AUTH = { 'x-api-key': DEFAULT_DEV_KEY };
const MALFORMED = 'GARBAGE\x01 / HTTP/9.9\r\n\r\n';
const BIG = 64 * 2 ** 20; // an "endless" body: far beyond any limit, sent as fast as the mock takes it
const TEST = { timeout: 10_000 };
const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

/** The bytes of one HTTP/1.1 request, content-length framed (unless the headers say chunked). */
function rawRequest(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Buffer {
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
  const headers: Record<string, string> = { host: '127.0.0.1', ...(options.headers ?? {}) };
  if (options.body !== undefined && !('transfer-encoding' in headers)) headers['content-length'] ??= String(body.length);
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const submit = (api: 'v1' | 'v2', prompt: string): Buffer => rawRequest('POST', `/${api}/sd1.5-scifi`, { headers: JSON_HEADERS, body: JSON.stringify({ prompt }) });

async function withMock(options: MockOptions, body: (mock: RunningMock) => Promise<void>): Promise<void> {
  const mock = await startMock({ profile: 'ci', ...options });
  try {
    await body(mock);
  } finally {
    await mock.close();
  }
}

/** `infercheck mock` as its own process (127.0.0.1, ephemeral port), stopped with SIGTERM after `body`. */
async function withMockProcess(args: string[], body: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'mock', '--profile', 'ci', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`mock did not start: ${out}`)), 20_000);
      child.once('exit', (code) => reject(new Error(`mock exited ${code}: ${out}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    await body(url);
  } finally {
    child.removeAllListeners('exit');
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

async function counters(mock: RunningMock): Promise<Record<string, number>> {
  return (await send(mock.url, '/__mock/stats')).json().counters;
}

async function timelines(mock: RunningMock): Promise<Array<Record<string, unknown>>> {
  return (await send(mock.url, '/__mock/requests?since_ms=0')).json().requests;
}

async function balance(mock: RunningMock): Promise<number> {
  return (await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).json().credits;
}

function envelope(response: RawResponse | undefined, status: number, pattern: RegExp): void {
  assert.ok(response, `no ${status} answer`);
  assert.equal(response.status, status, response.body);
  assert.match(response.headers['content-type'] ?? '', /application\/json/);
  assert.match(JSON.parse(response.body).error, pattern);
}

/** The answer a client reads before anything went wrong on its connection, then how the connection ended. */
async function refusedWhileSending(client: RawClient, request: Buffer, bodyBytes: number): Promise<{ answer: RawResponse | undefined; accepted: number; how: string }> {
  client.socket.write(request);
  client.pump(bodyBytes);
  const end = await client.ended(5000);
  return { answer: end.beforeError[0], accepted: end.bodyBytesAccepted, how: end.how };
}

describe('pipelining: one answer per request, in order, whatever its validity', () => {
  it('five pipelined submits then a malformed request: five 200s, then the 400, then the connection closes', TEST, async () => {
    await withMock({}, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(Buffer.concat([...Array.from({ length: 5 }, (_, i) => submit('v2', `pipelined ${i}`)), Buffer.from(MALFORMED)]));
      const end = await client.ended(5000);
      assert.deepEqual(end.responses.map((r) => r.status), [200, 200, 200, 200, 200, 400]);
      const ids = new Set(end.responses.slice(0, 5).map((r) => JSON.parse(r.body).request_id));
      assert.equal(ids.size, 5);
      envelope(end.responses[5], 400, /^Malformed HTTP request$/);
      assert.equal(end.responses[5]!.headers['connection'], 'close');
      assert.equal(end.how, 'end');
      const c = await counters(mock);
      assert.equal(c['submitted'], 5, 'every created job was answered');
    });
  });

  it('a malformed request behind a waiting v1 answer is answered after it, never before', TEST, async () => {
    await withMock({ serviceTime: 'fixed:300' }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(Buffer.concat([submit('v1', 'slow sync'), submit('v2', 'behind it'), Buffer.from(MALFORMED)]));
      const end = await client.ended(5000);
      assert.deepEqual(end.responses.map((r) => r.status), [200, 200, 400]);
      assert.equal(end.responses[0]!.headers['content-type'], 'image/jpeg');
      assert.match(JSON.parse(end.responses[1]!.body).status, /^QUEUED$/);
      const c = await counters(mock);
      assert.equal(c['submitted'], 2);
      assert.ok(c['billed_credits']! > 0, 'the delivered v1 answer is billed');
    });
  });

  it('valid and invalid requests mixed on one keep-alive connection each get their own answer, in order', TEST, async () => {
    await withMock({ serviceTime: 'fixed:50' }, async (mock) => {
      const client = await rawConnect(mock.url);
      const unknown = '00000000-0000-4000-8000-000000000000';
      client.socket.write(
        Buffer.concat([
          submit('v1', 'first'),
          rawRequest('POST', '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: '{"prompt": ' }),
          rawRequest('GET', `/v2/requests/${unknown}/status`, { headers: AUTH }),
          rawRequest('GET', '/v1/get-user-credits'),
          rawRequest('POST', '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: '{"prompt":"x","num_inference_steps":101}' }),
          submit('v2', 'last'),
        ]),
      );
      const answers = await client.responses(6, 5000);
      assert.deepEqual(answers.map((r) => r.status), [200, 400, 404, 401, 400, 200]);
      assert.ok(answers.every((r) => r.headers['connection'] !== 'close'), 'no answer here needs the connection closed');
      client.socket.write(rawRequest('GET', '/v1/get-user-credits', { headers: AUTH }));
      assert.equal((await client.responses(7, 2000))[6]!.status, 200, 'the connection still serves');
      client.socket.destroy();
    });
  });

  it('two thousand requests pipelined behind a waiting v1 answer are all answered, in order', TEST, async () => {
    await withMock({ serviceTime: 'fixed:200' }, async (mock) => {
      const client = await rawConnect(mock.url);
      const polls = Array.from({ length: 2000 }, (_, i) => rawRequest('GET', `/v2/requests/id-${i}/status`, { headers: AUTH }));
      client.socket.write(Buffer.concat([submit('v1', 'head of line'), ...polls]));
      const answers = await client.responses(2001, 8000);
      assert.equal(answers[0]!.status, 200);
      answers.slice(1).forEach((r, i) => assert.equal(JSON.parse(r.body).error, `Request id-${i} not found`));
      client.socket.destroy();
    });
  });
});

describe('billing: a job exists and costs only once its request was read and its answer could be written', () => {
  it('a v1 client that half-closes after sending costs nothing, and its job (if any) shows as abandoned', TEST, async () => {
    await withMock({ serviceTime: 'fixed:200' }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.end(submit('v1', 'half-close')); // FIN right after the request: the client reads nothing more
      const end = await client.ended(3000);
      assert.equal(end.responses.length, 0);
      await sleep(400); // past the job's would-be completion
      const c = await counters(mock);
      assert.equal(c['billed_credits'], 0);
      assert.equal(c['client_gone'], 1);
      assert.equal(c['abandoned'], c['submitted'], 'a job created for this request is abandoned');
      assert.equal(await balance(mock), 1000);
      for (const t of await timelines(mock)) {
        assert.equal(typeof t['abandoned_at_ms'], 'number');
        assert.equal(t['cost'], null);
      }
    });
  });

  it('a v1 client that disconnects while its job is queued costs nothing; the GPU time is still spent', TEST, async () => {
    await withMock({ serviceTime: 'fixed:300', workers: 1 }, async (mock) => {
      const ahead = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'occupies the worker' } });
      assert.equal(ahead.status, 200);
      const client = await rawConnect(mock.url);
      client.socket.write(submit('v1', 'leaves while queued'));
      await sleep(100);
      client.socket.destroy();
      await sleep(700); // both jobs finished by now
      const c = await counters(mock);
      assert.equal(c['submitted'], 2);
      assert.equal(c['abandoned'], 1);
      assert.equal(c['billed_credits'], 0.002, 'only the v2 job, whose answer was written, is billed');
      assert.equal(await balance(mock), 999.998);
      const gone = (await timelines(mock)).find((t) => t['api'] === 'v1')!;
      assert.equal(typeof gone['abandoned_at_ms'], 'number');
      assert.equal(gone['cost'], null);
      assert.equal(gone['status'], 'COMPLETED', 'the simulated GPU ran it: abandoning does not rewrite the queue');
    });
  });

  it('a request whose body never completes creates no job', TEST, async () => {
    await withMock({}, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': '100' } }));
      client.socket.write('{"prompt": "half a bo');
      await sleep(100);
      client.socket.destroy();
      await sleep(100);
      const c = await counters(mock);
      assert.equal(c['submitted'], 0);
      assert.equal(c['client_gone'], 1);
    });
  });

  it('pipelined submits behind a waiting v1 answer are not created when the client leaves first', TEST, async () => {
    await withMock({ serviceTime: 'fixed:400' }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(Buffer.concat([submit('v1', 'waits'), submit('v2', 'behind 1'), submit('v2', 'behind 2')]));
      await sleep(150);
      client.socket.destroy();
      await sleep(500);
      const c = await counters(mock);
      assert.equal(c['submitted'], 1, 'the queued submits never got their turn');
      assert.equal(c['abandoned'], 1);
      assert.equal(c['billed_credits'], 0);
      assert.equal(c['client_gone'], 3);
    });
  });

  it('a delivered v1 answer is billed when written, and its timeline is not abandoned', TEST, async () => {
    await withMock({ serviceTime: 'fixed:50' }, async (mock) => {
      const reply = await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'delivered' } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['x-remaining-credits'], '999.998');
      const [t] = await timelines(mock);
      assert.equal(t!['abandoned_at_ms'], null);
      assert.equal(t!['cost'], 0.002);
      assert.equal((await counters(mock))['billed_credits'], 0.002);
    });
  });
});

describe('refusals before the body: answer, then close without reading the rest, readably', () => {
  it('413 for a declared oversized body reaches every client that is still sending (raw and fetch)', TEST, async () => {
    await withMock({ maxBodyBytes: 1024 }, async (mock) => {
      const raw = await Promise.all(
        Array.from({ length: 6 }, async () =>
          refusedWhileSending(await rawConnect(mock.url), rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': String(BIG) } }), BIG),
        ),
      );
      for (const r of raw) {
        envelope(r.answer, 413, /1024 bytes/);
        assert.equal(r.answer!.headers['connection'], 'close');
        assert.ok(r.accepted < BIG / 2, `the mock stopped reading (accepted ${r.accepted} of ${BIG} bytes)`);
      }
      assert.equal((await counters(mock))['submitted'], 0);
    });
    // undici (Node's fetch) meeting a reset while it still writes its body reports ECONNRESET, never the 413 it had
    // been sent. The race only shows when client and mock do not share an event loop, so this half runs the mock as
    // its own process, as users do.
    await withMockProcess(['--max-body-bytes', '1024'], async (url) => {
      const body = Buffer.alloc(8 * 2 ** 20, 0x61);
      for (let round = 0; round < 2; round++) {
        const seen = await Promise.all(
          Array.from({ length: 8 }, () =>
            fetch(`${url}/v2/sd1.5-scifi`, { method: 'POST', headers: JSON_HEADERS, body }).then(
              async (r) => `${r.status} ${((await r.json()) as { error: string }).error}`,
              (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
            ),
          ),
        );
        for (const answer of seen) assert.equal(answer, '413 Request body exceeds the limit of 1024 bytes');
      }
    });
  });

  it('413 for a chunked body that outgrows the limit reaches the client', TEST, async () => {
    await withMock({ maxBodyBytes: 1024 }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' } }));
      const piece = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x61), Buffer.from('\r\n')]);
      let sent = 0;
      const go = (): void => {
        while (sent < 512 && client.socket.writable) {
          sent++;
          if (!client.socket.write(piece)) return void client.socket.once('drain', go);
        }
      };
      go();
      const end = await client.ended(5000);
      envelope(end.beforeError[0], 413, /1024 bytes/);
    });
    await withMockProcess(['--max-body-bytes', '1024'], async (url) => {
      const seen = await Promise.all(
        Array.from({ length: 8 }, () => {
          let left = 128; // 128 × 64 KiB = 8 MiB, streamed: fetch sends it chunked
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (left-- > 0) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
              else controller.close();
            },
          });
          return fetch(`${url}/v2/sd1.5-scifi`, { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit).then(
            (r) => String(r.status),
            (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
          );
        }),
      );
      assert.deepEqual(seen, Array(8).fill('413'));
    });
  });

  it('a client waiting on Expect: 100-continue is refused without being asked for its body', TEST, async () => {
    await withMock({ maxBodyBytes: 1024 }, async (mock) => {
      const refused = await rawConnect(mock.url);
      refused.socket.write(rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': String(BIG), expect: '100-continue' } }));
      const end = await refused.ended(3000);
      assert.deepEqual(end.responses.map((r) => r.status), [413], 'no 100 Continue before the refusal');
      const accepted = await rawConnect(mock.url);
      accepted.socket.write(rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': '14', expect: '100-continue' } }));
      assert.equal((await accepted.responses(1, 2000))[0]!.status, 100, 'a body that will be read is asked for');
      accepted.socket.write('{"prompt":"x"}');
      assert.equal((await accepted.responses(2, 2000))[1]!.status, 200);
      accepted.socket.destroy();
    });
  });

  for (const [name, request, status] of [
    ['401 (no key)', rawRequest('POST', '/v2/sd1.5-scifi', { headers: { 'content-type': 'application/json', 'content-length': String(BIG) } }), 401],
    ['405 (wrong method)', rawRequest('PUT', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': String(BIG) } }), 405],
  ] as const) {
    it(`${name} with a 64 MiB body: answered at once with connection: close, the body is not read`, TEST, async () => {
      await withMock({}, async (mock) => {
        const r = await refusedWhileSending(await rawConnect(mock.url), request, BIG);
        assert.ok(r.answer, 'the client read an answer before its connection ended');
        assert.equal(r.answer.status, status);
        if (status === 401) envelope(r.answer, 401, /Missing Authorization or x-api-key/);
        else assert.match(r.answer.headers['content-type'] ?? '', /text\/html/);
        assert.equal(r.answer.headers['connection'], 'close');
        assert.ok(r.accepted < BIG / 2, `the mock stopped reading (accepted ${r.accepted} of ${BIG} bytes)`);
      });
    });
  }
});

describe('timeouts and the connection cap hold as documented', () => {
  it('slowloris headers get the 408 envelope at the header timeout, not tens of seconds later', TEST, async () => {
    await withMock({ headerTimeoutMs: 300 }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write('POST /v2/sd1.5-scifi HTTP/1.1\r\nhost: 127.0.0.1\r\n');
      const drip = setInterval(() => client.socket.writable && client.socket.write('x'), 50);
      const end = await client.ended(2500);
      clearInterval(drip);
      assert.notEqual(end.how, 'timeout', 'still open 2.5 s after a 300 ms header timeout');
      assert.ok(end.afterMs >= 250 && end.afterMs < 1000, `closed after ${end.afterMs.toFixed(0)} ms`);
      envelope(end.beforeError[0], 408, /^Request not received in time$/);
    });
  });

  it('a connection that never sends a byte is closed at the header timeout', TEST, async () => {
    await withMock({ headerTimeoutMs: 300 }, async (mock) => {
      const end = await (await rawConnect(mock.url)).ended(2500);
      assert.notEqual(end.how, 'timeout');
      assert.ok(end.afterMs >= 250 && end.afterMs < 1000, `closed after ${end.afterMs.toFixed(0)} ms`);
    });
  });

  it('an idle keep-alive connection is closed at the keep-alive timeout', TEST, async () => {
    await withMock({ keepAliveTimeoutMs: 300 }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(rawRequest('GET', '/v1/get-user-credits', { headers: AUTH }));
      const [answer] = await client.responses(1, 2000);
      // The client is told the timeout; Node closes 1 s after it, so a client that honours it never races the close.
      assert.match(answer!.headers['keep-alive'] ?? '', /^timeout=\d+$/);
      const end = await client.ended(2500);
      assert.notEqual(end.how, 'timeout');
      assert.ok(end.afterMs >= 250 && end.afterMs < 1500, `closed after ${end.afterMs.toFixed(0)} ms`);
    });
  });

  it('a body slower than the body timeout gets the 408 envelope on time', TEST, async () => {
    await withMock({ bodyTimeoutMs: 300 }, async (mock) => {
      const client = await rawConnect(mock.url);
      client.socket.write(rawRequest('POST', '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'content-length': '1000' } }));
      const drip = setInterval(() => client.socket.writable && client.socket.write('x'), 50);
      const end = await client.ended(2500);
      clearInterval(drip);
      assert.ok(end.afterMs >= 250 && end.afterMs < 1000, `closed after ${end.afterMs.toFixed(0)} ms`);
      envelope(end.beforeError[0], 408, /within 300 ms/);
      assert.equal((await counters(mock))['submitted'], 0);
    });
  });

  it('a client over the connection cap gets a 503 envelope and connection: close, not silence', TEST, async () => {
    await withMock({ maxConnections: 2 }, async (mock) => {
      const held = [await rawConnect(mock.url), await rawConnect(mock.url)];
      await sleep(50);
      const over = await rawConnect(mock.url);
      over.socket.write(rawRequest('GET', '/v1/get-user-credits', { headers: AUTH }));
      const end = await over.ended(2000);
      envelope(end.beforeError[0], 503, /connections/);
      assert.equal(end.beforeError[0]!.headers['connection'], 'close');
      assert.notEqual(end.how, 'timeout');
      held[0]!.socket.destroy();
      await sleep(50);
      assert.equal((await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).status, 200, 'a freed slot serves again');
      held[1]!.socket.destroy();
      assert.equal((await counters(mock))['rejected_connections'], 1);
    });
  });
});

describe('what already holds keeps holding', () => {
  it('bad JSON in all its forms is a 400 envelope and creates nothing', TEST, async () => {
    await withMock({}, async (mock) => {
      for (const body of ['{"prompt": ', '{"prompt":"x"} trailing', '{"prompt": NaN}', '\ufeff{"prompt":"x"}', '', 'null', '"prompt"']) {
        const reply = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body });
        assert.equal(reply.status, 400, `${JSON.stringify(body)} → ${reply.text()}`);
        assert.match(reply.json().error, /JSON/);
      }
      assert.equal((await counters(mock))['submitted'], 0);
    });
  });

  it('deep nesting is answered quickly: a 400 where the spec wants a string, accepted as an ignored extra field', TEST, async () => {
    await withMock({}, async (mock) => {
      const deep = `${'['.repeat(60_000)}${']'.repeat(60_000)}`;
      const started = performance.now();
      const typed = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: `{"prompt":"x","negative_prompt":${deep}}` });
      assert.equal(typed.status, 400);
      assert.match(typed.json().error, /^negative_prompt must be string$/);
      const extra = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: `{"prompt":"x","extra":${deep}}` });
      assert.equal(extra.status, 200, 'additionalProperties: true (reference §4.3)');
      assert.ok(performance.now() - started < 3000);
    });
  });

  it('invalid UTF-8: outside a string a 400, inside the prompt decoded with U+FFFD like Node does', TEST, async () => {
    await withMock({}, async (mock) => {
      const outside = Buffer.concat([Buffer.from('{"prompt":"x",'), Buffer.from([0xff, 0xfe]), Buffer.from('}')]);
      assert.equal((await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: outside })).status, 400);
      const inside = Buffer.concat([Buffer.from('{"prompt":"x'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
      const reply = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: inside });
      assert.equal(reply.status, 200, reply.text());
    });
  });

  it('traversal ids and paths are plain 404s that echo a printable id and never a file', TEST, async () => {
    await withMock({}, async (mock) => {
      for (const path of [
        '/v2/requests/..%2F..%2F..%2Fetc%2Fpasswd/status',
        '/v2/requests/../../etc/passwd',
        '/images/..%2F..%2Fpackage.json/0.jpg',
        '/images/x/..%2F..%2F..%2Fetc%2Fpasswd',
        '/v2/requests/%00%0d%0a/status',
        '/%2e%2e/%2e%2e/etc/passwd',
      ]) {
        const reply = await send(mock.url, path, { headers: AUTH });
        assert.equal(reply.status, 404, path);
        assert.ok(!/root:|"name": "infercheck"/.test(reply.text()), path);
        assert.ok(/^[\x20-\x7e]*$/.test(reply.json().error), `${path}: ${reply.json().error}`);
      }
    });
  });

  it('a header flood is a 431 envelope; many duplicate keys are a 401; the mock serves on', TEST, async () => {
    await withMock({}, async (mock) => {
      const client = await rawConnect(mock.url);
      const flood = Array.from({ length: 2000 }, (_, i) => `x-flood-${i}: ${'z'.repeat(10)}\r\n`).join('');
      client.socket.write(`GET /v1/get-user-credits HTTP/1.1\r\nhost: 127.0.0.1\r\n${flood}\r\n`);
      const end = await client.ended(3000);
      envelope(end.beforeError[0], 431, /headers too large/);
      const dup = await rawConnect(mock.url);
      dup.socket.write(`GET /v1/get-user-credits HTTP/1.1\r\nhost: 127.0.0.1\r\n${`x-api-key: ${DEFAULT_DEV_KEY}\r\n`.repeat(200)}\r\n`);
      const [answer] = await dup.responses(1, 2000);
      envelope(answer, 401, /invalid/);
      dup.socket.destroy();
      assert.equal((await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).status, 200);
    });
  });

  it('hundreds of idle and slowloris connections do not stall a normal request', TEST, async () => {
    await withMock({ headerTimeoutMs: 2000 }, async (mock) => {
      const idle = await Promise.all(Array.from({ length: 200 }, () => rawConnect(mock.url)));
      const slow = await Promise.all(Array.from({ length: 50 }, () => rawConnect(mock.url)));
      for (const s of slow) s.socket.write('GET /v1/get-user-credits HTTP/1.1\r\nhost: 127');
      const started = performance.now();
      assert.equal((await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).status, 200);
      assert.ok(performance.now() - started < 1000);
      for (const c of [...idle, ...slow]) c.socket.destroy();
    });
  });
});

// The raw framing helper itself: a wrong parse would make every test above meaningless.
describe('parseResponses', () => {
  it('splits pipelined responses and leaves an incomplete tail out', () => {
    const two = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbadHTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\npart');
    const parsed = parseResponses(two);
    assert.deepEqual(parsed.map((r) => [r.status, r.body, r.headers['connection']]), [[200, 'ok', undefined], [400, 'bad', 'close']]);
  });
});
