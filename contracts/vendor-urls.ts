// The vendor's URL shapes, in one place: where a model generates (v1 sync, v2 async), where a job is read, where the
// account balance is, and the fixed ids and names the negative probes use. Everything else gets URLs from here or
// from the vendor's own answers (status_url, response_url, poll_url are followed verbatim, never rebuilt).
import type { Api } from './types.ts';

/** A fixed id for "unknown request id" probes, so a recording replays it (reference §2.4's own example id). */
export const UNKNOWN_REQUEST_ID = '00000000-0000-4000-8000-000000000000';
export const UNKNOWN_MODEL = 'sd1.5-infercheck-unknown-model';
/** Well-formed (`SG_` + 16 hex, reference §1.1) but issued to nobody. */
export const WRONG_KEY = 'SG_ffffffffffffffff';

/** The spec operation each generation API is. */
export const GENERATE_OPERATION = { v1: 'generateSync', v2: 'submitAsync' } as const satisfies Record<Api, string>;

export function generateUrl(baseUrl: string, api: Api, model: string): string {
  return `${baseUrl}/${api}/${model}`;
}

/** The three reads of one request id: v2 status, v2 result, and the v1 poll endpoint. */
export function requestUrls(baseUrl: string, requestId: string): { readonly status: string; readonly result: string; readonly 'v1-poll': string } {
  return { status: `${baseUrl}/v2/requests/${requestId}/status`, result: `${baseUrl}/v2/requests/${requestId}`, 'v1-poll': `${baseUrl}/v1/requests/${requestId}` };
}

export const READ_OPERATION = { status: 'getRequestStatus', result: 'getRequestResult', 'v1-poll': 'getRequestStatusV1' } as const;

/**
 * The account balance (reference §1.1 [DOCS-CRED]: `{"credits": 0.0, "free-credits": 0.0184921035}`). Not in the
 * spec's operation table: it is read before and after a run to report what the run cost, never judged.
 */
export function creditsUrl(baseUrl: string): string {
  return `${baseUrl}/v1/get-user-credits`;
}
