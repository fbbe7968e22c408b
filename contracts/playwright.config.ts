// The contract suite as Playwright runs it. The catalogue runs once, outside the test workers: `infercheck contracts`
// runs it before starting Playwright, and run by hand the global setup does (global-setup.ts). The tests — one per
// check in the registry, so JUnit/HTML show each rule on its own line, failed with its findings and their curl
// reproducers, or skipped with why — only read the outcomes.json it wrote, so a failed test (which replaces its
// worker) re-runs nothing. `npm run test:e2e` runs the mock; `infercheck contracts --target …` names the project
// after its target kind and passes the run's options in environment variables (contracts/run-config.ts).
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ownModule } from '../core/own-module.ts';
import { fromEnv } from './run-config.ts';

const run = fromEnv();
const out = run.outDir;

export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: basename(ownModule('./contracts.spec.ts', import.meta.url)),
  outputDir: join(out, 'test-results'),
  globalSetup: ownModule('./global-setup.ts', import.meta.url),
  // Two workers, each test on its own: Playwright replaces a worker after every failed test, and one worker made a
  // vendor that fails 11 checks cost 1.45 × a clean run's wall time (11 replacements one after another); with two the
  // replacements overlap — 1.06 × (`npm run bench -- contracts-spend`). The tests only read outcomes.json: any order.
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  reporter: [
    // The console shows one contract table — infercheck's (the command's, or the global setup's when run by hand) —
    // and junit.xml is infercheck's own (invocation.ts): one JUnit file per run folder, with the table's counts.
    [ownModule('./quiet-reporter.ts', import.meta.url)],
    ['json', { outputFile: join(out, 'playwright.json') }],
    ['html', { outputFolder: join(out, 'html'), open: 'never' }],
  ],
  projects: [{ name: run.target.kind }],
});
