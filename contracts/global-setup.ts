// Playwright's global setup: runs once per `playwright test` invocation, in the runner process — never in a worker,
// so a failing check (which replaces its worker) can never run the catalogue again. `infercheck contracts` runs the
// catalogue itself and sets INFERCHECK_CONTRACTS_OUTCOMES_READY; then this only lets the per-check tests read the
// outcomes it wrote. Run by hand (`npx playwright test -c contracts/playwright.config.ts`), it runs the catalogue
// here, once; SIGINT/SIGTERM stop it and what was judged so far is written.
import { formatSummary } from './summary.ts';
import { runInvocation } from './invocation.ts';
import { ENV, fromEnv } from './run-config.ts';

export default async function globalSetup(): Promise<void> {
  if (process.env[ENV.outcomesReady]) return;
  const controller = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => controller.abort({ reason: 'signal', signal, message: `stopped by ${signal}` });
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  for (const [signal, handler] of Object.entries(handlers)) process.once(signal, handler);
  try {
    const { outcomes } = await runInvocation(fromEnv(), { signal: controller.signal, log: (line) => console.log(line), command: 'playwright test -c contracts/playwright.config.ts' });
    console.log(formatSummary(outcomes));
  } finally {
    for (const [signal, handler] of Object.entries(handlers)) process.removeListener(signal, handler);
  }
}
