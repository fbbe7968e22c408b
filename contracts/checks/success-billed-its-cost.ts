import { closeTo, finding } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Money, read from the balance the API itself reports (x-remaining-credits on v1, metrics.remaining_credits on v2;
// reference §1.4, §2.3). Two successes in a row with nothing between: the balance must drop by exactly the second
// one's reported cost, and that cost must be positive (only 200 is billed, reference §1.5).
export const successBilledItsCost: CheckDefinition<'ledger'> = {
  id: 'success-billed-its-cost',
  title: 'A success is billed exactly the cost it reports',
  family: 'money',
  severity: 'critical',
  subject: 'ledger',
  needs: ['billable'],
  applies: (_ctx, { entries }) => entries.some((e, i) => i > 0 && e.kind === 'success' && entries[i - 1]!.kind === 'success'),
  run: (_ctx, { entries }) => {
    const out: Finding[] = [];
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (entry.kind !== 'success' || previous?.kind !== 'success') return;
      const last = entry.exchanges[entry.exchanges.length - 1];
      if (entry.cost === undefined || entry.balanceAfter === undefined || previous.balanceAfter === undefined) {
        out.push(finding(`${entry.label}: the API reported no cost or balance`, 'unreported', last));
        return;
      }
      if (!(entry.cost > 0)) out.push(finding(`${entry.label}: reported cost ${entry.cost} is not positive`, 'zero-cost', last));
      const charged = previous.balanceAfter - entry.balanceAfter;
      if (!closeTo(charged, entry.cost)) {
        out.push(finding(`${entry.label}: the balance fell by ${charged.toFixed(6)} but the reported cost is ${entry.cost}`, 'charged-differs', last));
      }
    });
    return out;
  },
  sampleFailure: 'v2 success: the balance fell by 0.004000 but the reported cost is 0.002',
  rules: { main: { basis: 'documented', source: 'reference', where: '§1.4 [AE]', quote: 'x-cost | credits charged for this request' } },
};
