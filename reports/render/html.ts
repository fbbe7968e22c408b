// index.html: one self-contained file. Chart.js 4's UMD build is inlined from node_modules, the data travels as
// inline JSON, and a Content-Security-Policy of default-src 'none' guarantees the page fetches nothing at view time.
// Verdicts come first; the charts follow. Every string from a run is escaped (render/escape.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Analysis, GroupSummary, Spend } from '../analysis.ts';
import type { CapacityPlan } from '../capacity.ts';
import type { PercentileInterval } from '../stats/order-statistics.ts';
import { escapeHtml as h, inlineJson } from './escape.ts';
import { formatCount, formatFraction, formatMs, formatRate } from './format.ts';
import { basisText, baselinePowerText, boundText, capacityHeadline, checkCountsText, decisionText, estimateText, objectiveCountsText, spendLedgerLines, spendText, targetText } from './verdict-text.ts';
import { formatCredits } from './format.ts';
import { ESTIMATE_HEADER, ESTIMATE_NOTE, estimateRows, loadRunText } from './load-text.ts';
import { REGION_HEADER, REGION_NOTE, REGION_NUMERIC, regionTableRows } from './region-text.ts';

let chartJsSource: string | undefined;
function chartJs(): string {
  if (chartJsSource === undefined) {
    const entry = createRequire(import.meta.url).resolve('chart.js');
    chartJsSource = readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8').replace(/<\/(script)/gi, '<\\/$1');
  }
  return chartJsSource;
}

type ChartConfig = { id: string; title: string; config: unknown };

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b'];

function interval(iv: PercentileInterval | null): string {
  if (!iv) return '—';
  return `${formatMs(iv.estimate)} <span class="ci">[${formatMs(iv.lower)}, ${formatMs(iv.upper)}]</span>`;
}

function verdictBadge(verdict: string): string {
  return `<span class="badge ${h(verdict.toLowerCase())}">${h(verdict)}</span>`;
}

function verdictSection(a: Analysis): string {
  const rows = a.verdicts
    .map((v) => `<tr><td>${h(v.name)}</td><td>${verdictBadge(v.detail.verdict)}</td><td class="num">${formatCount(v.detail.n)}</td><td class="num">${h(estimateText(v))}</td><td>${h(boundText(v))}</td><td>${h(decisionText(v))}</td></tr>`)
    .join('\n');
  const contracts = a.contracts
    ? `<tr><td>contract checks (${a.contracts.checks})</td><td>${verdictBadge(a.contracts.failedChecks ? 'FAIL' : 'PASS')}</td><td class="num">${formatCount(a.results.contracts?.cases)}</td><td class="num">${formatCount(a.contracts.failures)} failing cases</td><td colspan="2" class="counts">${h(checkCountsText(a.contracts))}</td></tr>`
    : '';
  const rule = a.sampleSizeRule;
  return `<section id="verdicts"><h2>Verdicts</h2>
${a.verdicts.length ? `<p class="counts" id="objective-counts">Objectives: ${h(objectiveCountsText(a.verdicts))}.</p>` : ''}
<p>Objectives from <code>${h(a.objectivesSource)}</code>, judged at ${Math.round(a.confidence * 100)} % confidence with distribution-free bounds:
PASS when the one-sided bound is inside the limit, FAIL when the opposite bound is outside it, INCONCLUSIVE otherwise.</p>
<table class="verdicts"><thead><tr><th>objective</th><th>verdict</th><th>n</th><th>estimate</th><th>bound</th><th>decision</th></tr></thead><tbody>
${contracts}
${rows || '<tr><td colspan="6">no load run in this folder: no SLA verdicts</td></tr>'}
</tbody></table>
<p class="note">Sample size: claiming p99 ≤ X with no job above X takes ${formatCount(rule.p99)} jobs at ${Math.round(rule.confidence * 100)} % (p95: ${formatCount(rule.p95)});
at LoadGen's 99 % it takes ${formatCount(rule.p99At99)} (LoadGen's h_min 459), and ${formatCount(rule.p99At99OneOver)} if one job may be over — MLPerf LoadGen's minimum of 662 queries is that same binomial rule with one over-latency query allowed.
This report also stops early on FAIL and states how many more jobs would decide an INCONCLUSIVE.</p>
${a.notes.map((n) => `<p class="note">${h(n)}</p>`).join('\n')}
</section>`;
}

/** One row per group: the check, the rule it broke and what that rests on, and the request that showed it. */
function groupRows(groups: Analysis['failureGroups']): string {
  return groups
    .map((g) => {
      const ex = g.example;
      const request = ex ? `<code>${h(ex.request.method)} ${h(ex.request.url)}</code> → ${ex.response ? h(ex.response.status) : 'no response'}` : '—';
      const detail = ex
        ? `<details><summary>request and response</summary><pre>${h(JSON.stringify({ request: ex.request, response: ex.response }, null, 2))}</pre></details>`
        : '';
      return `<tr class="sev-${h(g.severity)} basis-${h(g.basis)}"><td><code>${h(g.check)}</code></td><td>${h(g.severity)}</td><td>${h(g.title)}<div class="msg">${h(g.message)}</div></td><td>${h(g.basis)}<div class="msg">${h(basisText(g))}</div></td><td class="num">${g.count}</td><td>${h(g.operations.join(', '))}${g.models.length ? `<div class="msg">${h(g.models.join(', '))}</div>` : ''}</td><td>${request}${detail}</td></tr>`;
    })
    .join('\n');
}

const GROUP_HEAD = '<thead><tr><th>check</th><th>severity</th><th>failure</th><th>rule: basis and source</th><th>count</th><th>operations</th><th>request that showed it</th></tr></thead>';

function failuresSection(a: Analysis): string {
  if (!a.results.contracts) return '';
  const findings = a.findingGroups.length
    ? `<section id="findings"><h2>Findings on assumed rules (not failing)</h2><p>The target differs from an assumption of the spec, not from what the vendor's documents say: listed so a person can judge, never failing the gate (<code>--strict</code> makes them failures).</p>
<table>${GROUP_HEAD}<tbody>
${groupRows(a.findingGroups)}</tbody></table></section>`
    : '';
  if (!a.failureGroups.length) return `<section id="failures"><h2>Failed checks</h2><p>No contract check failed.</p></section>${findings}`;
  return `<section id="failures"><h2>Failed checks</h2><p>Grouped by check and severity; each with the rule it broke and the request that showed it.</p>
<table>${GROUP_HEAD}<tbody>
${groupRows(a.failureGroups)}</tbody></table></section>${findings}`;
}

function spendSection(a: Analysis): string {
  const s = a.spend;
  if (!s) return '';
  const row = (label: string, r: Spend['total'], strong = false): string => {
    const cell = (v: string): string => (strong ? `<b>${v}</b>` : v);
    return `<tr><td>${label}</td><td class="num">${formatCount(r.jobs)}</td><td class="num">${formatCount(r.priced)}</td><td class="num">${formatCount(r.images)}</td><td class="num">${cell(formatCredits(r.credits))}</td><td class="num">${formatCredits(r.perJob)}</td><td class="num">${formatCredits(r.perImage)}</td></tr>`;
  };
  const rows = s.rows.map((r) => row(`${h(r.model)} · ${h(r.api)}`, r)).join('');
  const ledgers = spendLedgerLines(s).map((line) => `<li>${h(line)}</li>`).join('');
  return `<section id="spend"><h2>Spend</h2>${s.rows.length ? `<p>${h(spendText(s.total))}. From the vendor's own cost field on each job (v2 <code>metrics.cost</code>, v1 <code>x-cost</code>), in credits.</p>` : ''}
${s.rows.length ? `<table><thead><tr><th>model · api</th><th>jobs</th><th>jobs with a cost</th><th>images</th><th>credits</th><th>per job</th><th>per image</th></tr></thead><tbody>${rows}${row('total', s.total, true)}</tbody></table>` : ''}
${ledgers ? `<ul class="note">${ledgers}</ul>` : ''}</section>`;
}

function distributionSection(a: Analysis, charts: ChartConfig[]): string {
  if (!a.groups.length) return '';
  const blocks = a.groups.map((g: GroupSummary, gi) => {
    const id = `cdf-${gi}`;
    charts.push({
      id,
      title: `${g.model} ${g.api}`,
      config: {
        type: 'line',
        data: { datasets: g.metrics.map((m, i) => ({ label: m.label, data: m.cdf.map(([x, y]) => ({ x: Math.max(1, x), y })), borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 2, stepped: true })) },
        options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: true, scales: { x: { type: 'logarithmic', title: { display: true, text: 'ms (log scale; waits of 0 drawn at 1 ms)' } }, y: { min: 0, max: 1, title: { display: true, text: 'fraction of jobs ≤ x' } } }, plugins: { title: { display: true, text: `CDF — ${g.model} ${g.api}` } } },
      },
    });
    const rows = g.metrics.map((m) => `<tr><td>${h(m.label)}</td><td class="num">${formatCount(m.n)}</td><td>${interval(m.p50)}</td><td>${interval(m.p95)}</td><td>${interval(m.p99)}</td></tr>`).join('');
    const e = g.queueWaitEstimator;
    const estimator = e
      ? `<p class="note">Client queue-wait estimate vs the server's queue_time on ${formatCount(e.n)} jobs: bias ${formatMs(e.biasMs)}, mean |error| ${formatMs(e.meanAbsErrorMs)}, p95 |error| ${formatMs(e.p95AbsErrorMs)}${e.coverage === null ? '' : `, server value within the stated ± bound for ${formatFraction(e.coverage)}`}.</p>`
      : '';
    return `<div class="group"><h3>${h(g.model)} · ${h(g.api)} <small>${g.completed}/${g.jobs} completed</small></h3>
<div class="chart"><canvas id="${id}" data-chart="${id}" aria-label="CDF ${h(g.model)} ${h(g.api)}"></canvas></div>
<table><thead><tr><th>metric</th><th>n</th><th>p50 [${Math.round(a.confidence * 100)} % CI]</th><th>p95</th><th>p99</th></tr></thead><tbody>${rows}</tbody></table>${estimator}</div>`;
  });
  const power = a.baselinePower.length ? `<p class="note" id="baseline-power">As a gate baseline, end-to-end slowdowns caught 95 % of the time (<code>infercheck gate</code>, tolerance 10 %): ${h(baselinePowerText(a.baselinePower))}.</p>` : '';
  return `<section id="distributions"><h2>Latency distributions</h2><p>Empirical CDFs per model and API version; percentile intervals from order statistics (exact coverage ≥ the stated level).</p>${power}${blocks.join('\n')}</section>`;
}

function regionSection(a: Analysis): string {
  const rows = a.results.load ? regionTableRows(a.results.load) : [];
  if (!rows.length) return '';
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${REGION_NUMERIC.has(i) ? ' class="num"' : ''}>${h(cell)}</td>`).join('')}</tr>`).join('');
  return `<section id="regions"><h2>Per region</h2><p>${h(REGION_NOTE)}</p>
<table><thead><tr>${REGION_HEADER.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function sweepSection(a: Analysis, charts: ChartConfig[]): string {
  if (!a.sweep) return '';
  const rows = a.sweep;
  // The knee on this chart is the stage where every model/API still met the SLA (capacity plans judge each group).
  const kneeRates = a.capacity.map((p) => rows.find((r) => r.tag === p.kneeMeasured?.tag)?.offeredRate ?? 0);
  const knee = kneeRates.length && Math.min(...kneeRates) > 0 ? Math.min(...kneeRates) : null;
  const maxY = Math.max(1, ...rows.map((r) => r.e2e.p99 ?? 0));
  const minY = Math.max(0.1, Math.min(...rows.map((r) => r.e2e.p50 ?? maxY)) / 2);
  const datasets: unknown[] = [
    { label: 'p50 e2e (ms)', data: rows.map((r) => ({ x: r.offeredRate, y: r.e2e.p50 })), borderColor: COLORS[0], backgroundColor: COLORS[0], yAxisID: 'y' },
    { label: 'p95 e2e (ms)', data: rows.map((r) => ({ x: r.offeredRate, y: r.e2e.p95?.estimate ?? null })), borderColor: COLORS[1], backgroundColor: COLORS[1], yAxisID: 'y' },
    { label: 'p99 e2e (ms)', data: rows.map((r) => ({ x: r.offeredRate, y: r.e2e.p99 })), borderColor: COLORS[3], backgroundColor: COLORS[3], yAxisID: 'y' },
    { label: 'throughput (jobs/s)', data: rows.map((r) => ({ x: r.offeredRate, y: r.throughput })), borderColor: COLORS[2], backgroundColor: COLORS[2], borderDash: [4, 4], yAxisID: 'y2' },
  ];
  if (knee !== null) datasets.push({ label: `knee: highest rate meeting the SLA (${knee.toFixed(2)}/s)`, data: [{ x: knee, y: minY }, { x: knee, y: maxY }], borderColor: '#000', backgroundColor: '#000', borderDash: [2, 2], pointRadius: 0, yAxisID: 'y' });
  charts.push({
    id: 'sweep',
    title: 'sweep',
    config: {
      type: 'line',
      data: { datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { type: 'linear', title: { display: true, text: 'offered load (jobs/s)' } }, y: { type: 'logarithmic', title: { display: true, text: 'e2e latency (ms)' } }, y2: { position: 'right', min: 0, title: { display: true, text: 'throughput (jobs/s)' }, grid: { drawOnChartArea: false } } }, plugins: { title: { display: true, text: 'Latency percentiles and throughput against offered load' } } },
    },
  });
  const table = rows.map((r) => `<tr><td>${h(r.tag)}</td><td class="num">${formatRate(r.offeredRate)}</td><td class="num">${formatRate(r.throughput)}</td><td class="num">${formatCount(r.jobs)}</td><td class="num">${formatMs(r.e2e.p50)}</td><td>${interval(r.e2e.p95)}</td><td class="num">${formatMs(r.e2e.p99)}</td></tr>`).join('');
  return `<section id="sweep"><h2>Sweep</h2><div class="chart"><canvas id="sweep-chart" data-chart="sweep" aria-label="sweep"></canvas></div>
<table><thead><tr><th>stage</th><th>offered</th><th>throughput</th><th>jobs</th><th>p50 e2e</th><th>p95 e2e [CI]</th><th>p99 e2e</th></tr></thead><tbody>${table}</tbody></table></section>`;
}

function capacityBlock(plan: CapacityPlan): string {
  const truth = plan.truth;
  const stageRows = plan.stages
    .map((s) => `<tr><td>${h(s.tag)}</td><td class="num">${formatRate(s.offeredRate)}</td><td class="num">${formatRate(s.throughput)}</td><td class="num">${s.busyWorkers.toFixed(2)}</td><td class="num">${formatMs(s.meanWaitMs)}</td><td class="num">${formatMs(s.p95E2eMs)}</td><td class="num">${formatCount(s.vusNeeded)}</td><td>${s.relaxationS === null ? 'overloaded' : s.reachedSteadyState ? 'yes' : `<b>no</b>: relaxes in ~${Math.round(s.relaxationS)} s`}</td><td>${s.meetsSla ? verdictBadge('PASS') : verdictBadge('FAIL')} ${h(s.objectives.filter((o) => !o.met).map((o) => `${o.objective.kind === 'latency' ? `${o.objective.stat} ${o.objective.metric}` : o.objective.metric} ${o.detail.verdict}`).join(', '))}</td></tr>`)
    .join('');
  const holdout = plan.holdout
    .map((x) => `<tr><td>${h(x.tag)}</td><td class="num">${x.fittedC}</td><td class="num">${formatMs(x.measuredMeanWaitMs)}</td><td class="num">${x.predictedMeanWaitMs === null ? 'overloaded' : formatMs(x.predictedMeanWaitMs)}</td><td class="num">${x.relativeError === null ? '—' : `${x.relativeError >= 0 ? '+' : ''}${formatFraction(x.relativeError)}`}</td><td class="num">${formatMs(x.measuredP95E2eMs)}</td><td class="num">${x.predictedP95E2eMs === null ? 'overloaded' : formatMs(x.predictedP95E2eMs)}</td></tr>`)
    .join('');
  const vs = (fitted: string, trueValue: string | null): string => (trueValue === null ? fitted : `${fitted} <span class="truth">(true: ${trueValue})</span>`);
  return `<div class="group"><h3>${h(plan.model)} · ${h(plan.api)}</h3>
<table class="kv"><tbody>
<tr><th>workers, M/G/c fit</th><td>${vs(String(plan.fit.c), truth ? String(truth.workers) : null)}</td></tr>
<tr><th>effective workers (Little's law: throughput × mean processing)</th><td>${plan.effectiveWorkers.value.toFixed(2)} at ${h(plan.effectiveWorkers.stage)}</td></tr>
<tr><th>mean service time, c<sub>s</sub>²; arrivals c<sub>a</sub>²</th><td>${vs(formatMs(plan.queue.meanServiceMs), truth && Number.isFinite(truth.meanServiceMs) ? formatMs(truth.meanServiceMs) : null)}, ${plan.queue.serviceScv.toFixed(2)}; ${plan.queue.arrivalScv.toFixed(2)} (${h(plan.serviceSource)}; waits from ${h(plan.waitSource)})</td></tr>
<tr><th>saturation (c / E[S])</th><td>${vs(formatRate(plan.saturationRate), truth && Number.isFinite(truth.saturationRate) ? formatRate(truth.saturationRate) : null)}</td></tr>
<tr><th>highest arrival rate meeting the SLA — measured stage</th><td>${plan.kneeMeasured ? `${formatRate(plan.kneeMeasured.rate)} (${h(plan.kneeMeasured.tag)})` : 'no stage met the SLA'}</td></tr>
<tr><th>— model (Allen–Cunneen)</th><td>${vs(formatRate(plan.kneeModel), truth?.kneeModel != null ? formatRate(truth.kneeModel) : null)}</td></tr>
<tr><th>jobs in flight at the model knee (Little's law on e2e)</th><td>${plan.vusAtKnee === null ? '—' : formatCount(plan.vusAtKnee)} (client overhead ${formatMs(plan.clientOverheadMs)} per job)</td></tr>
<tr><th>mean held-out error of the mean wait (all stages; steady-state stages)</th><td>${plan.meanHoldoutError === null ? '—' : formatFraction(plan.meanHoldoutError)}; ${plan.meanHoldoutErrorSteady === null ? '—' : formatFraction(plan.meanHoldoutErrorSteady)}</td></tr>
</tbody></table>
<table><thead><tr><th>stage</th><th>offered</th><th>throughput</th><th>busy workers</th><th>mean wait</th><th>p95 e2e</th><th>VUs needed</th><th>steady state?</th><th>SLA at this stage</th></tr></thead><tbody>${stageRows}</tbody></table>
${holdout ? `<table><caption>Leave-one-stage-out: fit on the other stages, predict this one</caption><thead><tr><th>held-out stage</th><th>c fitted without it</th><th>measured mean wait</th><th>predicted</th><th>error</th><th>measured p95 e2e</th><th>predicted</th></tr></thead><tbody>${holdout}</tbody></table>` : ''}
</div>`;
}

function capacitySection(a: Analysis): string {
  if (!a.capacity.length) return '';
  return `<section id="capacity"><h2>Capacity plan</h2><p>From the sweep's stages (one offered rate each). A stage shorter than ~3 relaxation times of the fitted queue never reached steady state: its measured waits understate the long-run ones, so trust the model knee there. ${a.capacity.map((p) => h(capacityHeadline(p))).join('<br>')}</p>${a.capacity.map(capacityBlock).join('\n')}</section>`;
}

function timelineSection(a: Analysis, charts: ChartConfig[]): string {
  const t = a.timeline;
  if (!t) return '';
  const x = (i: number): number => Number(((i * t.stepMs) / 1000).toFixed(2));
  charts.push({
    id: 'timeline',
    title: 'timeline',
    config: {
      type: 'line',
      data: {
        datasets: [
          { label: 'in flight', data: t.inFlight.map((y, i) => ({ x: x(i), y })), borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 0, stepped: true },
          { label: 'queued (queue depth)', data: t.queued.map((y, i) => ({ x: x(i), y })), borderColor: COLORS[1], backgroundColor: COLORS[1], pointRadius: 0, stepped: true },
          { label: 'processing', data: t.processing.map((y, i) => ({ x: x(i), y })), borderColor: COLORS[2], backgroundColor: COLORS[2], pointRadius: 0, stepped: true },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { type: 'linear', title: { display: true, text: 's since the first submit' } }, y: { min: 0, title: { display: true, text: 'jobs' } } }, plugins: { title: { display: true, text: 'In-flight jobs and queue depth over time (from job timestamps)' } } },
    },
  });
  return `<section id="timeline"><h2>Over time</h2><div class="chart"><canvas id="timeline-chart" data-chart="timeline" aria-label="timeline"></canvas></div>
<p class="note">Queue depth counts v2 jobs between submit and the estimated start of processing; processing counts jobs between that start and their terminal status.</p></section>`;
}

function environmentSection(a: Analysis): string {
  const r = a.results;
  const e = r.environment;
  const load = r.load;
  return `<section id="environment"><h2>Run and environment</h2><table class="kv"><tbody>
<tr><th>target</th><td>${h(targetText(r))}</td></tr>
<tr><th>spec version</th><td>${h(r.specVersion)}</td></tr>
<tr><th>run</th><td>${h(e.runStartedAt ?? '—')} → ${h(e.runFinishedAt ?? '—')}</td></tr>
<tr><th>load</th><td>${load ? `${h(loadRunText(load))}; samples: ${h(load.samplesNote)}` : 'no load run'}</td></tr>
<tr><th>environment</th><td>node ${h(e.node)}, ${h(e.engine ?? 'no load engine')}, ${e.hostCores} cores, ${h(e.platform)}</td></tr>
<tr><th>generated</th><td>${h(r.generatedAt)}${r.infercheckVersion ? ` by infercheck ${h(r.infercheckVersion)}` : ''}</td></tr>
</tbody></table>${load ? estimatesTable(load) : ''}</section>`;
}

function estimatesTable(load: NonNullable<Analysis['results']['load']>): string {
  const rows = estimateRows(load);
  if (!rows.length) return '';
  return `<table id="estimates"><caption>End-to-end and processing: client-observed, estimate, bound</caption><thead><tr>${ESTIMATE_HEADER.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<td>${h(c)}</td>` : `<td class="num">${h(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>
<p class="note">${h(ESTIMATE_NOTE)}</p>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#222}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #e2e2e2;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.num{text-align:right;white-space:nowrap}.ci{color:#666;font-size:12px}.msg{color:#555;font-size:12px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px}.pass{background:#d9f2dd;color:#11652a}
.fail{background:#fbdada;color:#8c1616}.inconclusive{background:#fff1c9;color:#6b5200}.chart{position:relative;height:320px;margin:8px 0}
.note{color:#555;font-size:13px}pre{white-space:pre-wrap;word-break:break-all;background:#f8f8f8;padding:6px;font-size:12px}
.truth{color:#555}table.kv th{width:40%}caption{text-align:left;font-weight:600;padding:4px 0}.sev-critical td:first-child{border-left:4px solid #8c1616}
.sev-major td:first-child{border-left:4px solid #d9822b}.sev-minor td:first-child{border-left:4px solid #c9b400}
.warnings{background:#fff1c9;border:1px solid #e0c060;padding:4px 12px;margin:8px 0}.warnings p{margin:4px 0;font-weight:600;color:#6b5200}`;

// Draws every chart and exposes them for the browser test; a chart that fails to draw is logged as an error.
const INIT = `
(function(){
  var specs = JSON.parse(document.getElementById('infercheck-charts').textContent);
  window.__infercheckCharts = [];
  specs.forEach(function(spec){
    var canvas = document.querySelector('canvas[data-chart="' + spec.id + '"]');
    if (!canvas) { console.error('no canvas for chart ' + spec.id); return; }
    var chart = new Chart(canvas, spec.config);
    window.__infercheckCharts.push({ id: spec.id, chart: chart });
  });
})();`;

export function renderHtml(a: Analysis): string {
  const charts: ChartConfig[] = [];
  const body = [verdictSection(a), failuresSection(a), spendSection(a), distributionSection(a, charts), regionSection(a), sweepSection(a, charts), capacitySection(a), timelineSection(a, charts), environmentSection(a)].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>infercheck report — ${h(targetText(a.results))}</title>
<style>${STYLE}</style></head>
<body>
<h1>infercheck report ${verdictBadge(a.overall)}</h1>
<p>Target <code>${h(targetText(a.results))}</code> · spec ${h(a.results.specVersion)} · generated ${h(a.results.generatedAt)}</p>
${a.warnings.length ? `<div id="warnings" class="warnings">${a.warnings.map((w) => `<p>⚠ ${h(w)}</p>`).join('')}</div>` : ''}
${body}
<script type="application/json" id="infercheck-charts">${inlineJson(charts)}</script>
<script>${chartJs()}</script>
<script>${INIT}</script>
</body></html>
`;
}
