// junit.xml: one test case per contract check and per SLO, so CI systems list them natively. A FAIL verdict is a
// <failure>; an INCONCLUSIVE SLO is <skipped> with the number of jobs that would decide it (it is neither proven
// met nor proven missed); a check that never ran is <skipped> with its reason; a check whose only findings are on
// assumed rules passes, its findings in <system-out> (they fail only under --strict, and then they are <failure>s).
import { checkNeverRan, type Analysis } from '../analysis.ts';
import type { ContractFailure } from '../../core/result-files.ts';
import { escapeXml as x } from './escape.ts';
import { basisText, boundText, checkCountsText, decisionText, estimateText, objectiveCountsText } from './verdict-text.ts';

/** The counts in the words every other output uses, as a suite property CI systems show beside the attributes. */
const countsProperty = (text: string): string => `    <properties><property name="counts" value="${x(text)}"/></properties>`;

export function renderJunit(a: Analysis): string {
  const suites: string[] = [];
  const checks = a.checks;
  if (a.results.contracts) {
    const line = (f: ContractFailure): string =>
      `[${f.severity}] ${f.operation}${f.model ? ` ${f.model}` : ''}: ${f.title} — ${f.message}${f.exchange ? ` (${f.exchange.request.method} ${f.exchange.request.url} → ${f.exchange.response?.status ?? 'no response'})` : ''}${f.rule ? ` [rule ${basisText({ basis: f.basis ?? 'documented', rule: f.rule, source: f.source ?? '' })}]` : ''}`;
    const cases = checks.map((c) => {
      const name = `${c.id}: ${c.title}`;
      if (c.failed > 0) {
        const details = c.failures.slice(0, 20).map(line).join('\n');
        return `    <testcase classname="contracts" name="${x(name)}"><failure type="${x(c.severity)}" message="${x(`${c.failed} of ${c.cases} cases failed`)}">${x(details)}</failure></testcase>`;
      }
      if (checkNeverRan(c)) return `    <testcase classname="contracts" name="${x(name)}"><skipped message="${x(c.skipReason ?? 'skipped')}"/></testcase>`;
      if (c.findings?.length) {
        const details = [`${c.findings.length} finding${c.findings.length === 1 ? '' : 's'} on assumed rules (not failing):`, ...c.findings.slice(0, 20).map(line)].join('\n');
        return `    <testcase classname="contracts" name="${x(name)}"><system-out>${x(details)}</system-out></testcase>`;
      }
      return `    <testcase classname="contracts" name="${x(name)}"/>`;
    });
    const counts = a.contracts!;
    suites.push(`  <testsuite name="contracts" tests="${counts.checks}" failures="${counts.failedChecks}" skipped="${counts.skipped}">\n${countsProperty(checkCountsText(counts))}\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (a.verdicts.length) {
    const cases = a.verdicts.map((v) => {
      const text = `${v.detail.verdict}: estimate ${estimateText(v)}, ${boundText(v)}, n = ${v.detail.n}. ${decisionText(v)}`;
      if (v.detail.verdict === 'FAIL') return `    <testcase classname="slo" name="${x(v.name)}"><failure type="FAIL" message="${x(text)}"/></testcase>`;
      if (v.detail.verdict === 'INCONCLUSIVE') return `    <testcase classname="slo" name="${x(v.name)}"><skipped message="${x(text)}"/></testcase>`;
      return `    <testcase classname="slo" name="${x(v.name)}"><system-out>${x(text)}</system-out></testcase>`;
    });
    suites.push(`  <testsuite name="slo" tests="${a.verdicts.length}" failures="${a.verdicts.filter((v) => v.detail.verdict === 'FAIL').length}" skipped="${a.verdicts.filter((v) => v.detail.verdict === 'INCONCLUSIVE').length}">\n${countsProperty(objectiveCountsText(a.verdicts))}\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="infercheck">\n${suites.join('\n')}\n</testsuites>\n`;
}
