import { finding } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// With --rpm N, a burst beyond N requests inside a minute must be refused with 429 carrying
// x-rate-limit-reset-at-utc (reference §1.5: that header, no Retry-After); no more than N may get through — an
// assumption, as is the header's form: the window's algorithm (fixed or sliding) is unknown (reference §7).
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
    if (through.length > rpm) out.push(finding(`${through.length} of a burst got through a limit of ${rpm}/min`, 'over-limit', through[through.length - 1], { rules: ['window'] }));
    for (const exchange of limited) {
      const reset = exchange.response!.headers['x-rate-limit-reset-at-utc'];
      if (!reset) out.push(finding(`429 without x-rate-limit-reset-at-utc`, 'no-reset-header', exchange, { rules: ['reset-header'] }));
      else if (Number.isNaN(Date.parse(reset)) && !/^\d+(\.\d+)?$/.test(reset)) out.push(finding(`429 x-rate-limit-reset-at-utc "${reset}" is not a time`, 'reset-not-time', exchange, { rules: ['reset-form'] }));
    }
    return out;
  },
  sampleFailure: '12 requests in a burst against a limit of 5/min: none got 429',
  rules: {
    main: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: '429 Rate Limited Too many requests' },
    'reset-header': { basis: 'documented', source: 'reference', where: '§1.5 [AE]', quote: 'x-rate-limit-reset-at-utc header, no Retry-After' },
    'reset-form': { basis: 'assumed', why: 'no source gives the header\'s form; a time (ISO 8601 or epoch seconds) is assumed' },
    window: { basis: 'assumed', source: 'reference', where: '§7', quote: 'Rate-limit window algorithm (fixed vs sliding)', why: 'with a fixed window a burst across its edge may pass twice the limit' },
  },
};
