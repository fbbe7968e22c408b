// What a run really spent, from the one money ledger (core/billable-budget.ts) and the vendor's own numbers: the
// billable requests by how each ended, the credits the vendor's cost fields name (x-cost, metrics.cost), and the
// balance three ways — the credits endpoint before and after, and the lowest balance the answers reported
// (x-remaining-credits, metrics.remaining_credits). They agree when the balance fell by what the cost fields name and
// the answers' last word on the balance is what the credits endpoint says afterwards.
import type { BudgetTotals } from '../core/billable-budget.ts';
import type { ContractSpend } from '../core/result-files.ts';
import { balanceCredits as credits, contractSpendText } from '../core/spend-text.ts';

/** Credits are decimals with a few places (0.002 per image); float sums of them stay far inside a millionth. */
const CREDIT_TOLERANCE = 1e-6;


function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export interface SpendInput {
  readonly ledger: string | null;
  readonly maxBillable: number | null;
  readonly planned: ContractSpend['planned'];
  /** The ledger's totals when this stage began and ended (a ledger handed down by a parent holds other stages' spend). */
  readonly start: BudgetTotals;
  readonly end: BudgetTotals;
  /** The credits endpoint before and after; null when it did not answer. */
  readonly before: number | null;
  readonly after: number | null;
}

export function agreementOf(creditsReported: number, billed: number, balance: ContractSpend['balance']): ContractSpend['agreement'] {
  const parts: string[] = [];
  let compared = 0;
  let differs = false;
  const { before, after, lowestReported } = balance;
  if (before !== null && after !== null) {
    compared++;
    const drop = round(before - after);
    if (Math.abs(drop - creditsReported) <= CREDIT_TOLERANCE) parts.push(`the balance fell by ${credits(drop)}, what the cost fields name`);
    else {
      differs = true;
      parts.push(`the balance fell by ${credits(drop)} but the cost fields name ${credits(creditsReported)}`);
    }
  } else {
    parts.push('the credits endpoint did not answer before and after the run');
  }
  if (billed > 0 && lowestReported !== null && after !== null) {
    compared++;
    if (Math.abs(lowestReported - after) <= CREDIT_TOLERANCE) parts.push(`the answers' lowest reported balance is the balance after (${credits(after)})`);
    else {
      differs = true;
      parts.push(`the answers reported a balance as low as ${credits(lowestReported)}, the credits endpoint says ${credits(after)} after`);
    }
  }
  return { verdict: differs ? 'disagree' : compared > 0 ? 'agree' : 'unknown', detail: parts.join('; ') };
}

export function spendOf(input: SpendInput): ContractSpend {
  const { start, end } = input;
  const requests = {
    reserved: end.reserved - start.reserved,
    billed: end.billed - start.billed,
    refused: end.refused - start.refused,
    notSent: end.notSent - start.notSent,
    unknown: end.unknown - start.unknown,
  };
  const creditsReported = round(end.credits - start.credits);
  const balance = { before: input.before, after: input.after, lowestReported: requests.billed > 0 ? end.lowestBalance : null };
  return {
    ledger: input.ledger,
    maxBillable: input.maxBillable,
    planned: input.planned,
    requests,
    creditsReported,
    costsReported: end.costsReported - start.costsReported,
    balance,
    agreement: agreementOf(creditsReported, requests.billed, balance),
  };
}

/** "spend: …": the contract run's spend as its console (and the report) words it (core/spend-text.ts). */
export function formatSpend(spend: ContractSpend): string {
  return `spend: ${contractSpendText(spend)}`;
}
