// How a boundary case ended, read from what the target did with it: rejected at submit, accepted and then FAILED
// (the documented vendor variant: "media-editing endpoints answer 200 even for an invalid body; the job then fails",
// reference §2.1, anchors §1), accepted and COMPLETED, or never finished.
import { finalStatus, jsonObject } from './helpers.ts';
import type { SubjectOf } from '../types.ts';

export type BoundaryVerdict =
  | { readonly kind: 'rejected'; readonly status: number }
  | { readonly kind: 'failed-job'; readonly billed: boolean }
  | { readonly kind: 'accepted'; readonly status: number }
  | { readonly kind: 'completed' }
  | { readonly kind: 'unfinished'; readonly last?: string }
  | { readonly kind: 'no-response' };

export function boundaryVerdict(subject: SubjectOf<'generation'>): BoundaryVerdict {
  const response = subject.first.response;
  if (!response) return { kind: 'no-response' };
  if (response.status >= 400) return { kind: 'rejected', status: response.status };
  if (subject.api === 'v1') return { kind: 'accepted', status: response.status };
  const job = subject.job;
  if (!job) return { kind: 'accepted', status: response.status };
  const last = finalStatus(job);
  if (last === 'COMPLETED') return { kind: 'completed' };
  if (last === 'FAILED') {
    // A FAILED job must not be billed: its body never carries billing fields (spec PartialMetrics: cost false).
    const bodies = [...job.polls, ...(job.result ? [job.result] : [])].map((e) => jsonObject(e));
    const billed = bodies.some((b) => {
      const metrics = b?.['metrics'];
      return metrics !== null && typeof metrics === 'object' && ('cost' in metrics || 'remaining_credits' in metrics);
    });
    return { kind: 'failed-job', billed };
  }
  return last === undefined ? { kind: 'unfinished' } : { kind: 'unfinished', last };
}

export function describeVerdict(verdict: BoundaryVerdict): string {
  switch (verdict.kind) {
    case 'rejected':
      return `rejected with ${verdict.status}`;
    case 'failed-job':
      return verdict.billed ? 'accepted, then FAILED and billed' : 'accepted, then FAILED (not billed)';
    case 'accepted':
      return `accepted with ${verdict.status}`;
    case 'completed':
      return 'accepted and COMPLETED';
    case 'unfinished':
      return `accepted, never terminal (last status ${verdict.last ?? 'none'})`;
    case 'no-response':
      return 'no response';
  }
}
