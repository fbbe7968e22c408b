// The CPU cost of judging responses inside k6, isolated from the network: one VU judges a recorded v2 exchange
// (submit, two status polls, result) as fast as it can, then the same VU only parses it. Run by
// bench/load-validation-cost.bench.ts; not a load scenario.
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { judgeResponse, parseOnly, type OperationId, type ResponseView } from './lib/validate.ts';

const exchanges = new Counter('ic_bench_exchanges');
const seconds = Number(__ENV['IC_BENCH_S'] ?? 5);

export const options = {
  scenarios: {
    judged: { executor: 'constant-vus', vus: 1, duration: `${seconds}s`, exec: 'judged', tags: { mode: 'judged' } },
    parsed: { executor: 'constant-vus', vus: 1, duration: `${seconds}s`, exec: 'parsed', startTime: `${seconds + 1}s`, tags: { mode: 'parsed' } },
  },
  thresholds: { 'ic_bench_exchanges{mode:judged}': [], 'ic_bench_exchanges{mode:parsed}': [] },
};

const id = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
const base = 'http://127.0.0.1:8080';
const json = (status: number, body: unknown): ResponseView => ({ status, headers: { 'Content-Type': 'application/json' }, bodyText: JSON.stringify(body) });
const exchange: readonly [OperationId, ResponseView][] = [
  ['submitAsync', json(200, { request_id: id, status: 'QUEUED', poll_url: `${base}/v1/requests/${id}`, status_url: `${base}/v2/requests/${id}/status`, response_url: `${base}/v2/requests/${id}` })],
  ['getRequestStatus', json(200, { status: 'PROCESSING', request_id: id, status_url: `${base}/v2/requests/${id}/status`, response_url: `${base}/v2/requests/${id}`, metrics: {} })],
  ['getRequestStatus', json(200, { status: 'COMPLETED', request_id: id, metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.9 } })],
  ['getRequestResult', json(200, { status: 'COMPLETED', request_id: id, error: null, output: `${base}/images/${id}/0.jpg`, images: [{ url: `${base}/images/${id}/0.jpg`, content_type: 'image/jpeg', file_name: `${id}-0.jpg` }], seed: 5, metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.9 } })],
];

export function judged(): void {
  for (const [op, res] of exchange) if (judgeResponse(op, res).failures.length > 0) exec.test.abort(`recorded ${op} does not conform`);
  exchanges.add(1);
}

export function parsed(): void {
  for (const [, res] of exchange) parseOnly(res);
  exchanges.add(1);
}

export function handleSummary(data: { metrics: Record<string, { values: Record<string, number> }> }): Record<string, string> {
  return { [__ENV['IC_SUMMARY_PATH'] ?? 'validation-cost.json']: JSON.stringify(data.metrics) };
}
