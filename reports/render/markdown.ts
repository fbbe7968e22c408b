// summary.md: the verdicts, failed checks and capacity plan in GitHub-flavoured Markdown, sized for a CI step summary
// ($GITHUB_STEP_SUMMARY). Same numbers as the HTML, from the same Analysis.
import type { Analysis } from '../analysis.ts';
import { escapeMarkdown as md } from './escape.ts';
import { formatCount, formatCredits, formatMs, formatRate } from './format.ts';
import { ESTIMATE_HEADER, ESTIMATE_NOTE, estimateRows, loadRunText } from './load-text.ts';
import { REGION_HEADER, REGION_NOTE, REGION_NUMERIC, regionTableRows } from './region-text.ts';
import { basisText, baselinePowerText, boundText, checkCountsText, decisionText, estimateText, objectiveCountsText, spendLedgerLines, spendText, targetText } from './verdict-text.ts';

const ICON: Record<string, string> = { PASS: '✅ PASS', FAIL: '❌ FAIL', INCONCLUSIVE: '⚠️ INCONCLUSIVE' };

export function renderMarkdown(a: Analysis): string {
  const out: string[] = [];
  const r = a.results;
  out.push(`## infercheck ${ICON[a.overall]} — \`${md(targetText(r))}\``, '');
  for (const w of a.warnings) out.push(`> ⚠️ **${md(w)}**`, '');
  out.push(`Spec ${md(r.specVersion)} · ${r.load ? `${md(r.load.scenario)} load run, ${formatCount(r.load.jobCount)} jobs` : 'no load run'} · confidence ${Math.round(a.confidence * 100)} % · objectives \`${md(a.objectivesSource)}\``, '');
  out.push('| objective | verdict | n | estimate | bound | decision |', '|---|---|---:|---:|---|---|');
  if (a.contracts) out.push(`| contract checks (${a.contracts.checks}) | ${a.contracts.failedChecks ? ICON['FAIL'] : ICON['PASS']} | ${formatCount(r.contracts?.cases)} | ${formatCount(a.contracts.failures)} failing cases | ${checkCountsText(a.contracts)} | |`);
  for (const v of a.verdicts) out.push(`| ${md(v.name)} | ${ICON[v.detail.verdict]} | ${formatCount(v.detail.n)} | ${md(estimateText(v))} | ${md(boundText(v))} | ${md(decisionText(v))} |`);
  out.push('');
  if (a.verdicts.length) out.push(`Objectives: ${objectiveCountsText(a.verdicts)}.`, '');
  const rule = a.sampleSizeRule;
  out.push(`Sample size to claim p99 with no job over the limit: ${formatCount(rule.p99)} jobs at ${Math.round(rule.confidence * 100)} %, ${formatCount(rule.p99At99)} at 99 % (MLPerf LoadGen needs 662, its rule with one over-latency query allowed: ${formatCount(rule.p99At99OneOver)} here).`, '');
  for (const note of a.notes) out.push(`> ${md(note)}`, '');

  const groupTable = (title: string, intro: string | null, groups: Analysis['failureGroups']): void => {
    if (!groups.length) return;
    out.push(`### ${title}`, '', ...(intro ? [intro, ''] : []), '| check | severity | failure | rule | count | request |', '|---|---|---|---|---:|---|');
    for (const g of groups) {
      const ex = g.example;
      out.push(`| ${md(g.check)} | ${md(g.severity)} | ${md(g.title)}: ${md(g.message)} | ${md(basisText(g))} | ${g.count} | ${ex ? `${md(ex.request.method)} ${md(ex.request.url)} → ${ex.response ? ex.response.status : 'no response'}` : '—'} |`);
    }
    out.push('');
  };
  groupTable('Failed checks', null, a.failureGroups);
  groupTable('Findings on assumed rules (not failing)', "The target differs from an assumption of the spec, not from what the vendor's documents say; `--strict` makes these failures.", a.findingGroups);
  if (a.spend) {
    const s = a.spend;
    out.push('### Spend', '');
    if (s.rows.length) out.push(`${md(spendText(s.total))}. From the vendor's cost field on each job (v2 \`metrics.cost\`, v1 \`x-cost\`), in credits.`, '');
    if (s.rows.length) {
      out.push('| model | api | jobs | jobs with a cost | images | credits | per job | per image |', '|---|---|---:|---:|---:|---:|---:|---:|');
      for (const row of [...s.rows, { model: '**total**', api: '', ...s.total }]) {
        out.push(`| ${row.model === '**total**' ? row.model : md(row.model)} | ${row.api} | ${formatCount(row.jobs)} | ${formatCount(row.priced)} | ${formatCount(row.images)} | ${formatCredits(row.credits)} | ${formatCredits(row.perJob)} | ${formatCredits(row.perImage)} |`);
      }
      out.push('');
    }
    const ledgers = spendLedgerLines(s);
    for (const line of ledgers) out.push(`- ${md(line)}`);
    if (ledgers.length) out.push('');
  }
  if (a.groups.length) {
    out.push('### Latency (p50 / p95 / p99)', '', '| model | api | metric | n | p50 | p95 | p99 |', '|---|---|---|---:|---:|---:|---:|');
    for (const g of a.groups) for (const m of g.metrics) out.push(`| ${md(g.model)} | ${g.api} | ${md(m.label)} | ${formatCount(m.n)} | ${formatMs(m.p50?.estimate)} | ${formatMs(m.p95?.estimate)} | ${formatMs(m.p99?.estimate)} |`);
    out.push('');
    if (a.baselinePower.length) out.push(`As a gate baseline, end-to-end slowdowns caught 95 % of the time (\`infercheck gate\`, tolerance 10 %): ${md(baselinePowerText(a.baselinePower))}.`, '');
    for (const g of a.groups) {
      const e = g.queueWaitEstimator;
      if (e) out.push(`- ${md(g.model)} ${g.api}: client queue-wait estimate vs server queue_time (${formatCount(e.n)} jobs): bias ${formatMs(e.biasMs)}, p95 |error| ${formatMs(e.p95AbsErrorMs)}${e.coverage === null ? '' : `, within the stated bound ${(e.coverage * 100).toFixed(1)} %`}`);
    }
    out.push('');
  }
  const regionRows = r.load ? regionTableRows(r.load) : [];
  if (regionRows.length) {
    out.push('### Per region', '', md(REGION_NOTE), '', `| ${REGION_HEADER.join(' | ')} |`, `|${REGION_HEADER.map((_, i) => (REGION_NUMERIC.has(i) ? '---:' : '---')).join('|')}|`);
    for (const row of regionRows) out.push(`| ${row.map(md).join(' | ')} |`);
    out.push('');
  }
  if (r.load) {
    out.push('### Load run', '', md(loadRunText(r.load)), '');
    const rows = estimateRows(r.load);
    if (rows.length) {
      out.push(`| ${ESTIMATE_HEADER.join(' | ')} |`, '|---|---:|---:|---:|---:|', ...rows.map((row) => `| ${row.map(md).join(' | ')} |`), '', `<sub>${md(ESTIMATE_NOTE)}</sub>`, '');
    }
  }
  if (a.capacity.length) {
    out.push('### Capacity plan', '', '| model | api | workers fitted (true) | effective workers (Little) | saturation (true) | highest rate meeting SLA: measured / model (true-parameter model) | jobs in flight at knee | held-out wait error (steady-state stages) |', '|---|---|---:|---:|---:|---|---:|---:|');
    for (const p of a.capacity) {
      const t = p.truth;
      out.push(
        `| ${md(p.model)} | ${p.api} | ${p.fit.c}${t ? ` (${t.workers})` : ''} | ${p.effectiveWorkers.value.toFixed(2)} | ${formatRate(p.saturationRate)}${t ? ` (${formatRate(t.saturationRate)})` : ''} | ${p.kneeMeasured ? `${formatRate(p.kneeMeasured.rate)} (${md(p.kneeMeasured.tag)})` : 'none'} / ${formatRate(p.kneeModel)}${t?.kneeModel != null ? ` (${formatRate(t.kneeModel)})` : ''} | ${p.vusAtKnee === null ? '—' : formatCount(p.vusAtKnee)} | ${p.meanHoldoutError === null ? '—' : `${(p.meanHoldoutError * 100).toFixed(1)} %`} (steady ${p.meanHoldoutErrorSteady === null ? '—' : `${(p.meanHoldoutErrorSteady * 100).toFixed(1)} %`}) |`,
      );
    }
    out.push('');
  }
  out.push(`<sub>node ${md(r.environment.node)} · ${md(r.environment.engine ?? 'no load engine')} · ${r.environment.hostCores} cores · generated ${md(r.generatedAt)}${r.infercheckVersion ? ` by infercheck ${md(r.infercheckVersion)}` : ''}</sub>`, '');
  return out.join('\n');
}
