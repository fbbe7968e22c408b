// infercheck's version, from its one source: the `version` of the package.json of the copy that is running — the
// checkout's, or the installed package's (whose code runs from dist/). `--version` prints it and every result file
// carries it (`infercheckVersion`, beside the spec's version), so a result can always be traced to the tool that
// wrote it. Nothing else reads package.json for it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the package.json named "infercheck" nearest above this module. */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'infercheck') return dir;
    if (dirname(dir) === dir) throw new Error(`infercheck: no package.json of infercheck above ${fileURLToPath(import.meta.url)}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
export const INFERCHECK_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
