// The contract run's spend in words — billable requests by how they ended, against the plan and the cap, the credits
// the vendor's cost fields name, the balance before and after, and whether they agree — one sentence for the
// contract suite's console and for the report's console, HTML and Markdown alike (both read ContractSpend only).
import type { ContractSpend } from './result-files.ts';

/** Credits as the vendor's balance shows them: six places. */
export function balanceCredits(value: number): string {
  return value.toFixed(6);
}

/** "12 billable requests (12 billed 2xx; 3 refused and 0 never sent, given back) of 14 planned, … — agree: …". */
export function contractSpendText(spend: ContractSpend): string {
  const r = spend.requests;
  const cap = spend.maxBillable === null ? 'no cap' : `cap ${spend.maxBillable}`;
  const balance = spend.balance.before !== null && spend.balance.after !== null ? `; balance ${balanceCredits(spend.balance.before)} → ${balanceCredits(spend.balance.after)}` : '';
  return (
    `${r.billed + r.unknown} billable requests (${r.billed} billed 2xx${r.unknown ? `, ${r.unknown} unanswered, counted as spent` : ''}; ${r.refused} refused and ${r.notSent} never sent, given back) ` +
    `of ${spend.planned.expected} planned, at most ${spend.planned.worstCase} possible, ${cap}; ${balanceCredits(spend.creditsReported)} credits per the cost fields${balance} — ${spend.agreement.verdict}: ${spend.agreement.detail}`
  );
}
