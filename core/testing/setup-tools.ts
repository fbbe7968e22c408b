// The tools scripts/setup installs for the project's own tests only — Chromium (the browser test of the HTML report)
// and the Python SDK (the interop test) — and whether a test that needs one runs. Present: it runs. Absent, and setup
// recorded why it could not install it ($INFERCHECK_TOOLS/unavailable/<tool>, default .tools): the test is skipped
// with that reason, in one line. Absent without a record (setup never ran here): the test runs and fails saying to run
// ./scripts/setup — a machine that can install the tool (CI) never skips it silently.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SetupTool = 'chromium' | 'python-sdk';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TOOLS_DIR = process.env['INFERCHECK_TOOLS'] ?? join(ROOT, '.tools');
export const CHROMIUM = '/usr/bin/chromium';
const pythonIn = (toolsDir: string): string => join(toolsDir, 'venv', 'bin', 'python');
export const SDK_PYTHON = pythonIn(TOOLS_DIR);

/** Why a test that needs `tool` is skipped, or false when it runs (the tool is there, or setup never said it cannot be). */
export function skipWithout(tool: SetupTool, toolsDir: string = TOOLS_DIR): string | false {
  if (existsSync(tool === 'chromium' ? CHROMIUM : pythonIn(toolsDir))) return false;
  const record = join(toolsDir, 'unavailable', tool);
  if (!existsSync(record)) return false;
  return `${tool} not installed: ${readFileSync(record, 'utf8').trim()} (scripts/setup)`;
}
