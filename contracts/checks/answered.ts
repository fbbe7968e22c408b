import { finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Every request must get an HTTP answer within the request timeout; a reset connection or a hang is a failure of the
// target (and, when replaying, means the recording does not cover today's plan).
export const answered: CheckDefinition<'exchange'> = {
  id: 'answered',
  title: 'Every request gets an HTTP response',
  family: 'conformance',
  severity: 'critical',
  subject: 'exchange',
  applies: () => true,
  run: (_ctx, { exchange }) =>
    exchange.response ? undefined : finding(`${exchange.request.method} ${exchange.request.url} got no response: ${exchange.error ?? 'unknown'}`, 'no-response', exchange),
  sampleFailure: 'POST http://127.0.0.1:41234/v2/sd1.5-scifi got no response: TimeoutError: The operation was aborted due to timeout',
  rules: { main: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: 'The API returns standard HTTP status codes.' } },
};
