// The browser test of the HTML report (`npm run test:e2e` picks this file up). Debian's Chromium, headless and
// with no network side-traffic; never `npx playwright install`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from '../core/testing/setup-tools.ts';

export default defineConfig({
  testDir: '.',
  testMatch: 'report.spec.ts',
  outputDir: '../test-results/reports',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
