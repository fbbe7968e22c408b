// Paths of infercheck's own modules that are handed to another program by file name (Playwright's config, global
// setup and reporter, the command a stage runs in a child process), named by their source: `./x.ts` is the source in
// a checkout (run through tsx), the compiled `./x.js` in the installed package (dist/, where no TypeScript runs).
import { fileURLToPath } from 'node:url';

/** Whether this copy runs from the TypeScript sources (a checkout) rather than the build. */
export const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** The file of the module `relative` (written with its `.ts` name) beside `base` (an import.meta.url), as it exists in this copy. */
export function ownModule(relative: string, base: string): string {
  if (!relative.endsWith('.ts')) throw new Error(`ownModule: ${relative} is not named by its .ts source`);
  return fileURLToPath(new URL(FROM_SOURCES ? relative : `${relative.slice(0, -3)}.js`, base));
}
