import { finding, isSuccess, jsonObject } from './helpers.ts';
import type { CheckDefinition, Exchange, Finding } from '../types.ts';

// Submit's status_url, response_url and poll_url must be absolute and must work: the SDK polls them verbatim and
// httpx would glue a relative URL onto its /v1 base (reference §4.2). Each was used by the run; each must have
// answered a documented non-404 status, and each must name the job's request_id — the last only the docs' examples
// show (an assumption, a finding).
export const submitUrls: CheckDefinition<'generation'> = {
  id: 'submit-urls',
  title: "Submit's status_url, response_url and poll_url are absolute and work",
  family: 'lifecycle',
  severity: 'critical',
  subject: 'generation',
  applies: (_ctx, subject) => subject.api === 'v2' && isSuccess(subject.first) && jsonObject(subject.first) !== undefined,
  run: (_ctx, subject) => {
    const job = subject.job;
    const body = jsonObject(subject.first)!;
    const requestId = typeof body['request_id'] === 'string' ? body['request_id'] : undefined;
    const uses: Record<string, Exchange | undefined> = { status_url: job?.polls[0], response_url: job?.result ?? job?.earlyResult, poll_url: job?.v1Poll };
    const out: Finding[] = [];
    for (const field of ['status_url', 'response_url', 'poll_url'] as const) {
      const value = body[field];
      if (value === undefined && field === 'poll_url') continue; // optional in the spec
      if (typeof value !== 'string') {
        out.push(finding(`submit: ${field} is missing`, `${field}:missing`, subject.first));
        continue;
      }
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        out.push(finding(`submit: ${field} "${value}" is not an absolute http(s) URL`, `${field}:relative`, subject.first));
        continue;
      }
      if (requestId && !value.includes(requestId)) out.push(finding(`submit: ${field} "${value}" does not name request ${requestId}`, `${field}:other-id`, subject.first, { rules: ['names-id'] }));
      const used = uses[field];
      if (used && (!used.response || used.response.status === 404)) {
        out.push(finding(`submit: GET ${field} ${value} → ${used.response?.status ?? used.error}`, `${field}:broken`, used));
      }
    }
    return out;
  },
  sampleFailure: 'submit: status_url "/v2/requests/2c7f…/status" is not an absolute http(s) URL',
  rules: {
    main: { basis: 'documented', source: 'reference', where: '§4.2 [SDK]', quote: 'Polling uses the server-returned status_url / response_url verbatim', why: 'so they must be absolute and work (httpx would glue a relative one onto /v1)' },
    'names-id': { basis: 'assumed', source: 'reference', where: '§2.1 [DOCS-ASYNC]', quote: '"status_url": "https://api.segmind.com/v2/requests/2c7f59ea-.../status"', why: 'only the example shows the id in the URL' },
  },
};
