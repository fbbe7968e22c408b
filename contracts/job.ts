// Following what a generation request started: a v2 job polled through the spec's transition table until terminal,
// then its result, the v1 poll and its images read; a v1 answer as it came. Every case kind that generates uses
// these, so a job is followed the same way whichever case started it.
import { isSuccess, jsonObject, reportedStatus } from './exchange.ts';
import { isTerminal } from './spec-access.ts';
import { READ_OPERATION } from './vendor-urls.ts';
import type { CaseRunner, Wallet } from './runner.ts';
import type { Api, CaseInfo, Exchange, JobTrace, Subject, SubjectOf } from './types.ts';

/** The first poll waits this long; each next one twice as long, up to the run's poll interval. */
const FIRST_POLL_GAP_MS = 50;

/** Follows a submitted job: polls status_url verbatim until terminal, then reads the result, the v1 poll and the images. */
export async function followJob(runner: CaseRunner, caseId: string, submit: Exchange, options: { readonly earlyResult?: boolean } = {}): Promise<JobTrace | undefined> {
  const body = jsonObject(submit);
  if (!isSuccess(submit) || !body || typeof body['status_url'] !== 'string') return undefined;
  const requestId = typeof body['request_id'] === 'string' ? body['request_id'] : undefined;
  const responseUrl = typeof body['response_url'] === 'string' ? body['response_url'] : undefined;
  const pollUrl = typeof body['poll_url'] === 'string' ? body['poll_url'] : undefined;
  const statusUrl = body['status_url'];
  const earlyResult = options.earlyResult && responseUrl ? await runner.get(caseId, READ_OPERATION.result, responseUrl) : undefined;
  const polls: Exchange[] = [];
  const settled = (e: Exchange): boolean => {
    const status = reportedStatus(e);
    if (status !== undefined && isTerminal(status)) return true;
    // Stop on anything that is not a pending answer: 404, auth errors, transport errors, unparseable bodies.
    return !e.response || (e.response.status !== 200 && e.response.status !== 429) || status === undefined;
  };
  // Short gaps first, so a fast target is not held up, growing to the run's interval so a slow one is not flooded.
  const { pollIntervalMs, pollTimeoutMs } = runner.options;
  const deadline = Date.now() + pollTimeoutMs;
  let timedOut = false;
  for (let gap = Math.min(FIRST_POLL_GAP_MS, pollIntervalMs); ; gap = Math.min(gap * 2, pollIntervalMs)) {
    const exchange = await runner.get(caseId, READ_OPERATION.status, statusUrl);
    polls.push(exchange);
    if (settled(exchange)) break;
    if (Date.now() >= deadline) {
      timedOut = true;
      break;
    }
    await runner.sleep(runner.wallClock ? gap : 0);
  }
  const terminalPoll = polls.find((e) => isTerminal(reportedStatus(e) ?? ''));
  const result = responseUrl ? await runner.get(caseId, READ_OPERATION.result, responseUrl) : undefined;
  // The result is where a v2 job reports what it cost and the balance after (reference §2.3): one record per job.
  if (result && reportedStatus(result) === 'COMPLETED') runner.recordCharges(result, caseId);
  const v1Poll = pollUrl ? await runner.get(caseId, READ_OPERATION['v1-poll'], pollUrl) : undefined;
  const images: Exchange[] = [];
  const resultBody = jsonObject(result);
  if (reportedStatus(result) === 'COMPLETED' && resultBody) {
    const urls = Array.isArray(resultBody['images'])
      ? (resultBody['images'] as Array<Record<string, unknown>>).map((i) => i?.['url']).filter((u): u is string => typeof u === 'string')
      : typeof resultBody['output'] === 'string'
        ? [resultBody['output']]
        : [];
    // Images are public (reference §2.3): never send the API key to an image host.
    for (const url of urls) images.push(await runner.get(caseId, null, url, 'none'));
  }
  return {
    submit,
    ...(requestId ? { requestId } : {}),
    polls,
    ...(earlyResult ? { earlyResult } : {}),
    ...(result ? { result } : {}),
    ...(v1Poll ? { v1Poll } : {}),
    images,
    ...(terminalPoll ? { observedE2eMs: terminalPoll.finishedAt - submit.startedAt } : {}),
    timedOut,
  };
}

/** Sends one generation request and, on v2, follows the job it started. */
export async function generation(
  runner: CaseRunner,
  info: CaseInfo,
  request: { readonly model: string; readonly api: Api; readonly params: unknown; readonly earlyResult?: boolean; readonly wallet?: Wallet },
): Promise<SubjectOf<'generation'>> {
  const first = await runner.generate(info.id, request.model, request.api, request.params, request.wallet);
  const job = request.api === 'v2' ? await followJob(runner, info.id, first, { earlyResult: request.earlyResult ?? false }) : undefined;
  return { kind: 'generation', case: info, api: request.api, first, ...(job ? { job } : {}) };
}

/** The image bytes a generation produced (v1's body, v2's downloads), for comparing two runs. */
export function generatedBytes(subject: Subject): Exchange[] {
  if (subject.kind !== 'generation') return [];
  if (subject.api === 'v1') return subject.first.response?.status === 200 ? [subject.first] : [];
  return [...(subject.job?.images ?? [])];
}

/** Retention: every terminal result is read again at the end of the run (spec conflict retention-anchor). */
export async function rereadResults(runner: CaseRunner, subjects: readonly Subject[]): Promise<void> {
  for (const subject of subjects) {
    if (subject.kind !== 'generation' || !subject.job?.result) continue;
    const status = reportedStatus(subject.job.result);
    if (status !== 'COMPLETED' && status !== 'FAILED') continue;
    const reread = await runner.get(subject.case.id, READ_OPERATION.result, subject.job.result.request.url);
    (subject.job as { reread?: Exchange }).reread = reread;
  }
}
