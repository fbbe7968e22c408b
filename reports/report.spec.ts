// Opens a report generated from a fixture run in Chromium (file://, offline): every chart is drawn with data, the
// console stays free of errors, nothing is fetched, and a screenshot is saved into the test output folder.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateRun, SWEEP_FIXTURE } from './fixtures/generate-run.ts';
import { writeReport } from './report.ts';
import { skipWithout } from '../core/testing/setup-tools.ts';

// Skipped, with setup's reason, only where scripts/setup could not install Chromium (core/testing/setup-tools.ts).
const noBrowser = skipWithout('chromium');
test.skip(noBrowser !== false, noBrowser || '');

let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-browser-'));
  generateRun(dir, SWEEP_FIXTURE);
  await writeReport(dir);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the report draws every chart with data, offline, without console errors', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`network request: ${request.url()}`);
  });

  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await expect(page.locator('#verdicts table')).toBeVisible();
  // the verdict table comes first
  const firstSection = await page.locator('section').first().getAttribute('id');
  expect(firstSection).toBe('verdicts');

  const canvases = await page.locator('canvas[data-chart]').count();
  expect(canvases).toBeGreaterThanOrEqual(4); // 2 CDFs (one per model) + sweep + timeline
  await expect.poll(() => page.evaluate(() => (window as unknown as { __infercheckCharts?: unknown[] }).__infercheckCharts?.length ?? 0), { intervals: [100, 250, 500] }).toBe(canvases);

  const charts = await page.evaluate(() => {
    type ChartLike = { data: { datasets: { data: unknown[] }[] }; canvas: HTMLCanvasElement };
    const list = (window as unknown as { __infercheckCharts: { id: string; chart: ChartLike }[] }).__infercheckCharts;
    return list.map(({ id, chart }) => {
      const canvas = chart.canvas;
      const context = canvas.getContext('2d')!;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
      return { id, points: chart.data.datasets.reduce((sum, d) => sum + d.data.length, 0), datasets: chart.data.datasets.length, painted, width: canvas.width, height: canvas.height };
    });
  });
  for (const chart of charts) {
    expect(chart.datasets, `${chart.id} has datasets`).toBeGreaterThan(0);
    expect(chart.points, `${chart.id} has data`).toBeGreaterThan(0);
    expect(chart.width * chart.height, `${chart.id} has a size`).toBeGreaterThan(0);
    expect(chart.painted, `${chart.id} is not blank`).toBeGreaterThan(1000);
  }
  expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['cdf-0', 'cdf-1', 'sweep', 'timeline']));

  // escaped, not executed: the fixture's hostile response body shows as text
  await expect(page.locator('#failures')).toContainText('Undocumented status 418');
  await expect(page.locator('#capacity')).toContainText('true: 3');
  await expect(page.locator('#spend')).toContainText(/[\d.]+ credits on [\d,]+ jobs: 0\.0019 per job, 0\.0019 per image/);

  const screenshot = testInfo.outputPath('report.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('report', { path: screenshot, contentType: 'image/png' });
  expect(problems).toEqual([]);
});
