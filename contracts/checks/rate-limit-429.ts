import { finding } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// With --rpm N, a burst beyond N requests inside a minute must be refused with 429 carrying
// x-rate-limit-reset-at-utc (reference §1.5: that header, no Retry-After); no more than N may get through.
export const rateLimit429: CheckDefinition<'rate-limit'> = {
  id: 'rate-limit-429',
  title: 'Exceeding the rate limit gets 429 with x-rate-limit-reset-at-utc',
  family: 'rate-limit',
  severity: 'major',
  subject: 'rate-limit',
  needs: ['rpm'],
  applies: (_ctx, { exchanges }) => exchanges.length > 0,
  run: (_ctx, { rpm, exchanges }) => {
    const out: Finding[] = [];
    const limited = exchanges.filter((e) => e.response?.status === 429);
    const through = exchanges.filter((e) => e.response && e.response.status !== 429);
    if (limited.length === 0) out.push(finding(`${exchanges.length} requests in a burst against a limit of ${rpm}/min: none got 429`, 'no-429', exchanges[exchanges.length - 1]));
    if (through.length > rpm) out.push(finding(`${through.length} of a burst got through a limit of ${rpm}/min`, 'over-limit', through[through.length - 1]));
    for (const exchange of limited) {
      const reset = exchange.response!.headers['x-rate-limit-reset-at-utc'];
      if (!reset) out.push(finding(`429 without x-rate-limit-reset-at-utc`, 'no-reset-header', exchange));
      else if (Number.isNaN(Date.parse(reset)) && !/^\d+(\.\d+)?$/.test(reset)) out.push(finding(`429 x-rate-limit-reset-at-utc "${reset}" is not a time`, 'reset-not-time', exchange));
    }
    return out;
  },
  sampleFailure: '12 requests in a burst against a limit of 5/min: none got 429',
};
