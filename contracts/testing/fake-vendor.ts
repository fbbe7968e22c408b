// The scripted vendor (vendor-script.ts) behind nock 14, which intercepts Node's fetch in this process: what the
// self-tests and the engine's in-process tests run against. Tests that run the command in a child process need the
// same vendor on a real port: scripted-vendor.ts.
import nock from 'nock';
import { DROP, UNKNOWN_ID, createVendorScript, type Quirk, type VendorLedger, type VendorScriptOptions } from '../../core/testing/vendor-script.ts';

export { FAIL_WORD, VENDOR_KEY, fakeJpeg, type Quirk } from '../../core/testing/vendor-script.ts';

export const VENDOR = 'http://vendor.infercheck.test';

export interface FakeVendor {
  readonly balance: () => number;
  readonly ledger: () => VendorLedger;
  readonly scope: nock.Scope;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Installs the fake vendor on VENDOR (call nock.cleanAll() after). */
export function installFakeVendor(quirkList: readonly Quirk[] = [], options: Omit<VendorScriptOptions, 'baseUrl' | 'quirks'> = {}): FakeVendor {
  const vendor = createVendorScript({ ...options, baseUrl: VENDOR, quirks: quirkList });
  const quirks = new Set(quirkList);
  const scope = nock(VENDOR).persist();
  // A dropped connection is nock's replyWithError; the HTTP shell destroys the socket instead.
  if (quirks.has('drop-unknown-id')) scope.get(new RegExp(UNKNOWN_ID)).replyWithError('socket hang up');
  // nock 14 JSON.parses a JSON-typed body before any reply function and throws on a broken one, so unparseable
  // bodies get their own interceptor with a static reply (its body matcher sees the raw string).
  const unparseable = (body: unknown): boolean => typeof body === 'string' && body.trim().startsWith('{') && !isJson(body);
  scope
    .post(/^\/v[12]\/[^/]+$/, unparseable)
    .reply(quirks.has('malformed-500') ? 500 : 400, { error: 'Request body is not valid JSON' }, { 'content-type': 'application/json' });
  for (const method of ['get', 'post', 'delete', 'put'] as const) {
    scope[method](/.*/).reply(function (this: { req: { headers: Record<string, string> } }, uri: string, body: unknown) {
      const reply = vendor.handle(method.toUpperCase(), uri, this.req.headers, body);
      return (reply === DROP ? [502, 'dropped'] : reply) as nock.ReplyFnResult; // DROP never reaches here: see above
    });
  }
  return { balance: vendor.balance, ledger: vendor.ledger, scope };
}

/**
 * The same vendor as an injectable fetch (EngineOptions.fetch): no interception and no socket, for tests that run
 * many whole catalogues. A dropped connection rejects like fetch does on a reset socket.
 */
export function fakeVendorFetch(quirkList: readonly Quirk[] = [], options: Omit<VendorScriptOptions, 'baseUrl' | 'quirks'> = {}): { fetch: (input: string, init?: RequestInit) => Promise<Response>; ledger: () => VendorLedger } {
  const vendor = createVendorScript({ ...options, baseUrl: VENDOR, quirks: quirkList });
  const fetchFn = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const reply = vendor.handle(init.method ?? 'GET', url.pathname + url.search, headers, typeof init.body === 'string' ? init.body : undefined);
    if (reply === DROP) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const [status, body, replyHeaders] = reply;
    const bytes = typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
    return new Response(bytes, { status, headers: replyHeaders });
  };
  return { fetch: fetchFn, ledger: vendor.ledger };
}
