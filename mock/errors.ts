// Every error the mock answers, in one place: status + the vendor's `{"error": "..."}` envelope (reference §1.5).
// Wording follows the vendor where it is known (cited) and is marked assumed where it is not.

export interface ErrorReply {
  readonly status: number;
  readonly message: string;
}

const reply = (status: number, message: string): ErrorReply => ({ status, message });

/** Keeps an echoed, client-supplied value short and printable (odd ids and paths never bloat a response). */
export function printable(value: string, max = 80): string {
  const cleaned = value.replace(/[^\x20-\x7e]/g, '?');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}

export const errors = {
  // reference §1.1, §1.5 [AE errors]: the two 401 wordings.
  missingKey: () => reply(401, 'Missing Authorization or x-api-key in header'),
  invalidKey: () => reply(401, 'Unauthorized. API key is invalid or may have expired...'),
  // spec conflict bearer-auth: the key only as Authorization Bearer is a 401 (x-api-key is the only scheme).
  bearerOnly: () => reply(401, 'Unauthorized. Send the API key in the x-api-key header; Authorization Bearer is not accepted'),
  // reference §1.5: structured JSON 404 for an unknown slug.
  unknownModel: (model: string) => reply(404, `Model ${printable(model)} not found`),
  unknownPath: (path: string) => reply(404, `Endpoint ${printable(path)} not found`),
  // reference §2.4: the exact expired / unknown request wording.
  requestNotFound: (id: string) => reply(404, `Request ${printable(id)} not found`),
  imageNotFound: (path: string) => reply(404, `Image ${printable(path)} not found`),
  // reference §1.2: "Invalid content type".
  invalidContentType: () => reply(406, 'Invalid content type'),
  // reference §1.5: the credits 406 names the balance and the required cost.
  insufficientCredits: (available: number, cost: number) =>
    reply(406, `Insufficient credits: balance ${available} is below the cost ${cost} of this request`),
  // assumed (spec PayloadTooLarge): the limit is documented in mock/README.md.
  bodyTooLarge: (limit: number) => reply(413, `Request body exceeds the limit of ${limit} bytes`),
  // assumed: a body that trickles in slower than the read timeout (documented in mock/README.md).
  bodyTimeout: (ms: number) => reply(408, `Request body not received within ${ms} ms`),
  invalidJson: () => reply(400, 'Request body is not valid JSON'),
  notAnObject: () => reply(400, 'Request body must be a JSON object of model parameters'),
  // reference §1.5 [DOCS-RL]: 429 carries x-rate-limit-reset-at-utc and no Retry-After.
  rateLimited: (rpm: number) => reply(429, `Rate limit exceeded: ${rpm} requests per minute`),
  // assumed (spec QueueFull): the depth limit that keeps the mock's memory bounded.
  queueFull: (model: string, depth: number) => reply(503, `Queue for ${model} is full (${depth} requests waiting); retry later`),
  // content-policy block on v1, where the spec has no 422: answered as a 400 naming the policy.
  contentPolicy: (detail: string) => reply(400, detail),
  injected: (status: number) =>
    reply(status, status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Timeout' : status === 503 ? 'Service Unavailable' : 'Internal Server Error'),
  adminForbidden: () => reply(403, 'The /__mock admin surface needs the x-admin-token header'),
  adminDisabled: () => reply(403, 'The /__mock admin surface is disabled on a non-loopback host unless an admin token is configured'),
  internal: () => reply(500, 'Internal Server Error'),
  // mock limits (mock/README.md): answered on the raw socket when Node's parser gives up on a request.
  malformedRequest: () => reply(400, 'Malformed HTTP request'),
  headersTooLarge: () => reply(431, 'Request headers too large'),
  headersTimeout: () => reply(408, 'Request not received in time'),
  // assumed: the connection cap that keeps the mock's sockets and buffers bounded (mock/README.md).
  tooManyConnections: (cap: number) => reply(503, `Too many open connections (the mock's cap is ${cap}); retry later`),
} as const;

/** 405: the vendor answers an HTML page, not JSON (reference §1.5; spec conflict wrong-method-body). */
export function methodNotAllowedHtml(method: string): string {
  return `<!DOCTYPE html><html><head><title>405 Method Not Allowed</title></head><body><h1>405 Method Not Allowed</h1><p>The method ${printable(method, 16).replace(/[<>&"]/g, '?')} is not allowed for the requested URL.</p></body></html>`;
}

/**
 * The 400 message from the generated validator's first error, naming the parameter: the spec's own example is
 * `num_inference_steps must be <= 100` (spec responses.BadRequest).
 */
export function validationMessage(error: { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> } | undefined): string {
  if (!error) return 'Invalid request body';
  const name = (error.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const missing = String(error.params?.['missingProperty'] ?? 'a required parameter');
    return `${missing} is required`;
  }
  if (error.keyword === 'enum' && Array.isArray(error.params?.['allowedValues'])) {
    return `${name} must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
  }
  return `${name || 'body'} ${error.message ?? 'is invalid'}`;
}
