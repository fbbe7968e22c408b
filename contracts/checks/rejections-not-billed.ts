import { closeTo, finding, numberHeader } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// 4xx answers and FAILED jobs cost nothing (reference §1.5: only 200 is billed; the 422 body has no cost). Measured
// as money, not as headers: between the success before and the success after a group of rejections, the balance may
// fall only by the second success's own cost. A rejection that reports a positive x-cost is a finding too.
export const rejectionsNotBilled: CheckDefinition<'ledger'> = {
  id: 'rejections-not-billed',
  title: '4xx answers and FAILED jobs are not billed',
  family: 'money',
  severity: 'critical',
  subject: 'ledger',
  needs: ['billable'],
  applies: (_ctx, { entries }) => entries.some((e) => e.kind !== 'success'),
  run: (_ctx, { entries }) => {
    const out: Finding[] = [];
    for (const entry of entries) {
      if (entry.kind === 'success') continue;
      for (const exchange of entry.exchanges) {
        const cost = numberHeader(exchange, 'x-cost');
        if (cost !== undefined && cost > 0) out.push(finding(`${entry.label}: answered ${exchange.response?.status} with x-cost ${cost}`, `${entry.kind}:x-cost`, exchange));
      }
    }
    let i = 0;
    while (i < entries.length) {
      if (entries[i]!.kind === 'success') {
        i++;
        continue;
      }
      const start = i;
      while (i < entries.length && entries[i]!.kind !== 'success') i++;
      const before = entries[start - 1];
      const after = entries[i];
      if (!before || !after || before.balanceAfter === undefined || after.balanceAfter === undefined || after.cost === undefined) continue;
      const extra = before.balanceAfter - after.balanceAfter - after.cost;
      if (!closeTo(extra, 0)) {
        const group = entries.slice(start, i).map((e) => e.label).join(', ');
        out.push(finding(`the balance fell by ${extra.toFixed(6)} more than the successes cost, across: ${group}`, 'balance', after.exchanges[0]));
      }
    }
    return out;
  },
  sampleFailure: 'the balance fell by 0.002000 more than the successes cost, across: 400 invalid body (v1), FAILED job (v2)',
  rules: { main: { basis: 'documented', source: 'reference', where: '§1.5 [DOCS-REF, AE]', quote: 'yes (only 200 is billed)' } },
};
