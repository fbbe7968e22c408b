// junit.xml: one test case per contract check and per SLO, so CI systems list them natively. A FAIL verdict is a
// <failure>; an INCONCLUSIVE SLO is <skipped> with the number of jobs that would decide it (it is neither proven
// met nor proven missed); a check that never ran is <skipped> with its reason; a check whose only findings are on
// assumed rules passes, its findings in <system-out> (they fail only under --strict, and then they are <failure>s).
// Each suite carries its stage's `timestamp` (start) and `time` (wall seconds); each check's testcase the time its
// judging took, each objective's the load run it was judged on. This is the run folder's one JUnit file: CI globs
// (`**/junit.xml`) count every check once, with the counts the console and the HTML show.
import { checkCounts, checkNeverRan, type Analysis } from '../analysis.ts';
import type { CheckOutcome, ContractFailure, ContractOutcomes } from '../../core/result-files.ts';

type CheckCounts = NonNullable<Analysis['contracts']>;
import { escapeXml as x } from './escape.ts';
import { basisText, boundText, checkCountsText, decisionText, estimateText, objectiveCountsText } from './verdict-text.ts';

/** The counts in the words every other output uses, as a suite property CI systems show beside the attributes. */
const countsProperty = (text: string): string => `    <properties><property name="counts" value="${x(text)}"/></properties>`;

/** Seconds between two ISO instants, as JUnit's `time` (3 decimals; 0 when either is missing). */
function wallSeconds(startedAt: string | undefined, finishedAt: string | undefined): string {
  const ms = startedAt && finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : 0;
  return seconds(Number.isFinite(ms) ? ms : 0);
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/** JUnit's `timestamp`: ISO 8601 without the zone suffix, as the Ant schema has it. */
const timestamp = (iso: string | undefined): string => (iso ? new Date(iso).toISOString().replace(/Z$/, '') : new Date(0).toISOString().replace(/Z$/, ''));

/** The contracts suite: one testcase per check, with the counts every other output shows. */
function contractsSuite(checks: readonly CheckOutcome[], counts: CheckCounts, stage: { readonly startedAt: string; readonly finishedAt: string }): string {
  const line = (f: ContractFailure): string =>
    `[${f.severity}] ${f.operation}${f.model ? ` ${f.model}` : ''}: ${f.title} — ${f.message}${f.exchange ? ` (${f.exchange.request.method} ${f.exchange.request.url} → ${f.exchange.response?.status ?? 'no response'})` : ''}${f.rule ? ` [rule ${basisText({ basis: f.basis ?? 'documented', rule: f.rule, source: f.source ?? '' })}]` : ''}`;
  const cases = checks.map((c) => {
    const name = `${c.id}: ${c.title}`;
    const head = `<testcase classname="contracts" name="${x(name)}" time="${seconds(c.judgeMs ?? 0)}"`;
    if (c.failed > 0) {
      const details = c.failures.slice(0, 20).map(line).join('\n');
      return `    ${head}><failure type="${x(c.severity)}" message="${x(`${c.failed} of ${c.cases} cases failed`)}">${x(details)}</failure></testcase>`;
    }
    if (checkNeverRan(c)) return `    ${head}><skipped message="${x(c.skipReason ?? 'skipped')}"/></testcase>`;
    if (c.findings?.length) {
      const details = [`${c.findings.length} finding${c.findings.length === 1 ? '' : 's'} on assumed rules (not failing):`, ...c.findings.slice(0, 20).map(line)].join('\n');
      return `    ${head}><system-out>${x(details)}</system-out></testcase>`;
    }
    return `    ${head}/>`;
  });
  return `  <testsuite name="contracts" tests="${counts.checks}" failures="${counts.failedChecks}" errors="0" skipped="${counts.skipped}" timestamp="${timestamp(stage.startedAt)}" time="${wallSeconds(stage.startedAt, stage.finishedAt)}">\n${countsProperty(checkCountsText(counts))}\n${cases.join('\n')}\n  </testsuite>`;
}

const document = (suites: readonly string[]): string => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="infercheck">\n${suites.join('\n')}\n</testsuites>\n`;

/** The JUnit file of `infercheck contracts` run on its own: the same contracts suite the report writes. */
export function renderContractsJunit(outcomes: ContractOutcomes): string {
  return document([contractsSuite(outcomes.checks, checkCounts(outcomes.checks), outcomes)]);
}

export function renderJunit(a: Analysis): string {
  const suites: string[] = [];
  if (a.results.contracts) suites.push(contractsSuite(a.checks, a.contracts!, a.results.contracts));
  if (a.verdicts.length) {
    const load = a.results.load;
    const time = wallSeconds(load?.startedAt, load?.finishedAt);
    const cases = a.verdicts.map((v) => {
      const text = `${v.detail.verdict}: estimate ${estimateText(v)}, ${boundText(v)}, n = ${v.detail.n}. ${decisionText(v)}`;
      if (v.detail.verdict === 'FAIL') return `    <testcase classname="slo" name="${x(v.name)}" time="${time}"><failure type="FAIL" message="${x(text)}"/></testcase>`;
      if (v.detail.verdict === 'INCONCLUSIVE') return `    <testcase classname="slo" name="${x(v.name)}" time="${time}"><skipped message="${x(text)}"/></testcase>`;
      return `    <testcase classname="slo" name="${x(v.name)}" time="${time}"><system-out>${x(text)}</system-out></testcase>`;
    });
    suites.push(`  <testsuite name="slo" tests="${a.verdicts.length}" failures="${a.verdicts.filter((v) => v.detail.verdict === 'FAIL').length}" errors="0" skipped="${a.verdicts.filter((v) => v.detail.verdict === 'INCONCLUSIVE').length}" timestamp="${timestamp(load?.startedAt ?? a.results.generatedAt)}" time="${time}">\n${countsProperty(objectiveCountsText(a.verdicts))}\n${cases.join('\n')}\n  </testsuite>`);
  }
  return document(suites);
}
