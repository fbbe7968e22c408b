// The contract suite as Playwright runs it: one project per target kind (mock | live | url | replay), each setting the
// typed `target` option fixture (contracts/fixtures.ts), so the same tests run against any of them. `npm run test:e2e`
// runs only the mock project (nothing reaches the internet by default); `infercheck contracts --target …` selects
// the project and passes the run's options in environment variables (contracts/run-config.ts).
// Reporters are stacked: list (console), json, junit, html (never opens a browser) and our own writer of
// outcomes.json / failures.json / drift.json (contracts/outcomes-reporter.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import type { ContractWorkerOptions } from './fixtures.ts';
import { ENV, fromEnv, type TargetOption } from './run-config.ts';

const run = fromEnv();
const out = run.outDir;
const requested = process.env[ENV.target] ?? 'mock';

const projects: Array<{ name: string; use: { target: TargetOption } }> = [{ name: 'mock', use: { target: { kind: 'mock' } } }];
if (requested !== 'mock') projects.push({ name: requested, use: { target: run.target } });

export default defineConfig<object, ContractWorkerOptions>({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: 'contracts.spec.ts',
  outputDir: join(out, 'test-results'),
  // One worker runs the engine once (a worker-scoped fixture); the per-check tests then read its outcomes.
  workers: 1,
  fullyParallel: false,
  // A billable live run may poll each job up to the SDK's 600 s deadline (reference §4.3); the engine bounds itself.
  timeout: 30_000,
  reporter: [
    ['list'],
    ['json', { outputFile: join(out, 'playwright.json') }],
    ['junit', { outputFile: join(out, 'junit.xml') }],
    ['html', { outputFolder: join(out, 'html'), open: 'never' }],
    [fileURLToPath(new URL('./outcomes-reporter.ts', import.meta.url)), { outDir: out }],
  ],
  projects,
});
