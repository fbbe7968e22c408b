// What `infercheck report` prints: the header warnings, the verdicts and counts in the report's own words, the money
// and the capacity headline. Presenting only; every number is the Analysis the files were written from.
import type { Analysis } from '../analysis.ts';
import { capacityHeadline, checkCountsText, objectiveCountsText, spendLedgerLines, spendText } from './verdict-text.ts';

export function reportConsoleLines(a: Analysis): string[] {
  const lines: string[] = [];
  for (const w of a.warnings) lines.push(`⚠ ${w}`);
  for (const v of a.verdicts) lines.push(`${v.detail.verdict.padEnd(12)} ${v.name}`);
  if (a.verdicts.length) lines.push(`objectives: ${objectiveCountsText(a.verdicts)}`);
  if (a.contracts) lines.push(`${(a.contracts.failedChecks ? 'FAIL' : 'PASS').padEnd(12)} contract checks: ${checkCountsText(a.contracts)}`);
  for (const g of a.findingGroups.slice(0, 5)) lines.push(`${'finding'.padEnd(12)} ${g.check}: ${g.message.slice(0, 120)} (${g.rule}, assumed; ×${g.count})`);
  if (a.findingGroups.length > 5) lines.push(`${''.padEnd(12)} … and ${a.findingGroups.length - 5} more findings in index.html and summary.md`);
  if (a.spend) {
    if (a.spend.rows.length) lines.push(`spend        ${spendText(a.spend.total)}`);
    for (const line of spendLedgerLines(a.spend)) lines.push(`spend        ${line}`);
  }
  for (const plan of a.capacity) lines.push(`capacity     ${capacityHeadline(plan)}`);
  return lines;
}
