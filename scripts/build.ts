// npm run build (also npm pack's prepack): the package's JavaScript in dist/, from scratch every time.
//   1. dist/ is removed, so nothing of an earlier build can linger;
//   2. TypeScript compiles (tsconfig.build.json) every module reachable from the package's entry points — and from
//      the modules the code hands to another program by file name, found where it names them — with its .d.ts;
//   3. the files the code reads beside its modules (JSON, YAML, plain .mjs, …) are copied by one rule — every file of
//      a folder that holds a compiled module (below the root), except TypeScript sources, docs and tests — so a new schema or data file
//      next to the code that reads it needs no edit here;
//   4. the output is checked: no module imports a .ts file or a package the installed package does not install (only
//      `dependencies` and Node's own modules), every module has its .d.ts, and the public entry loads in plain Node.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** Files of a source folder that are not copied: TypeScript sources (compiled instead), docs, tests. */
export function isAsset(name: string): boolean {
  if (/\.d\.[cm]?ts$/.test(name)) return true; // declarations: they type the plain JavaScript beside them
  if (/\.[cm]?tsx?$/.test(name)) return false;
  if (/\.(md|py)$/.test(name)) return false; // READMEs; the Python SDK's interop test
  if (/\.(test|spec)\.[^.]+$/.test(name)) return false;
  return true;
}

/** Packages imported only by code that runs from a checkout (load/embedded-mock-thread.mjs registers tsx there). */
const CHECKOUT_ONLY = new Set(['tsx']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a relative or node: one. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('file:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module a JavaScript file imports by a literal name — static, dynamic, re-export, require — read by TypeScript's own scanner (comments and strings are not imports). */
export function specifiersIn(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

export function checkDist(dist: string = DIST): string[] {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const installed = new Set(Object.keys(pkg.dependencies ?? {}));
  const builtins = new Set(builtinModules);
  for (const file of walk(dist)) {
    const rel = relative(dist, file);
    if (!/\.[cm]?js$/.test(file)) continue;
    if (file.endsWith('.js') && !existsSync(file.replace(/\.js$/, '.d.ts'))) problems.push(`${rel}: no ${rel.replace(/\.js$/, '.d.ts')}`);
    for (const specifier of specifiersIn(readFileSync(file, 'utf8'))) {
      if (/^\.\.?\/.*\.tsx?$/.test(specifier)) problems.push(`${rel}: imports the TypeScript file ${specifier}`);
      const name = packageOf(specifier);
      if (name && !builtins.has(name) && !installed.has(name) && !CHECKOUT_ONLY.has(name)) problems.push(`${rel}: imports ${specifier}, but ${name} is not in package.json "dependencies"`);
    }
  }
  return problems;
}

/** Modules named by file to another program — `ownModule('./x.ts', import.meta.url)` (core/own-module.ts) — in a source. */
export function modulesNamedIn(file: string, code: string): string[] {
  return [...code.matchAll(/\bownModule\(\s*['"](\.{1,2}\/[^'"]+\.ts)['"]\s*,\s*import\.meta\.url\s*\)/g)].map((m) => join(dirname(file), m[1]!));
}

/**
 * The program to compile: tsconfig.build.json's entry points, plus every module the code hands to another program by
 * file name (Playwright's config, its global setup and reporter, the contract suite; the command a stage runs),
 * found where the code names it — so a new one needs no edit here — until no new one turns up.
 */
function buildProgram(): ts.Program {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const roots = new Set(config.fileNames);
  for (;;) {
    const program = ts.createProgram({ rootNames: [...roots], options: config.options, projectReferences: config.projectReferences ?? [] });
    const named = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/')).flatMap((f) => modulesNamedIn(f.fileName, f.text));
    const fresh = named.filter((file) => !program.getSourceFile(file));
    if (fresh.length === 0) return program;
    for (const file of fresh) {
      if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is named by ownModule() but does not exist`);
      roots.add(file);
    }
  }
}

export function build(): void {
  rmSync(DIST, { recursive: true, force: true });
  const program = buildProgram();
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    throw new Error(`tsc (tsconfig.build.json): ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}`);
  }

  // The root is the project's (package.json, configs, the lock), never the code's: index.ts reads nothing beside it.
  const folders = new Set(walk(DIST).filter((f) => f.endsWith('.js')).map((f) => relative(DIST, dirname(f))).filter((folder) => folder !== ''));
  let copied = 0;
  for (const folder of folders) {
    const source = join(ROOT, folder);
    for (const name of readdirSync(source)) {
      if (!statSync(join(source, name)).isFile() || !isAsset(name)) continue;
      copyFileSync(join(source, name), join(DIST, folder, name));
      copied++;
    }
  }

  const problems = checkDist();
  // The public entry and the command load in plain Node: no TypeScript loader, nothing from devDependencies.
  const load = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(DIST, 'index.js'))}); if (typeof m.startMock !== 'function') throw new Error('startMock is not exported');`], { encoding: 'utf8' });
  if (load.status !== 0) problems.push(`dist/index.js does not load in plain Node: ${load.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
  const version = spawnSync(process.execPath, [join(DIST, 'cli', 'bin.js'), '--version'], { encoding: 'utf8' });
  if (version.status !== 0) problems.push(`dist/cli/bin.js --version exited ${version.status}: ${version.stderr.trim()}`);
  if (problems.length > 0) throw new Error(`the build in dist/ is not usable:\n  ${problems.join('\n  ')}`);
  const modules = walk(DIST).filter((f) => f.endsWith('.js')).length;
  console.log(`build: dist/ — ${modules} modules with their .d.ts, ${copied} files copied beside them; loads in plain Node (infercheck ${version.stdout.trim()})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build();
  } catch (err) {
    console.error(`build: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
