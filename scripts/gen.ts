// spec/openapi.yaml → spec/generated/. The spec is the one hand-written contract; everything here is derived.
//   npm run gen            write the generated files
//   npm run gen -- --check exit 1 (naming each stale file) when the files on disk differ from what the spec gives
// Options --spec FILE and --out DIR exist so the staleness check itself can be tested on a scratch copy.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse as parseYaml } from 'yaml';
import type { OperationEntry, ResponseEntry } from '../core/operation-types.js';
import { BASIS_KEYWORD, collectSpecRules, refName } from '../core/spec-rules.ts';

// CommonJS packages seen through NodeNext types: the callable is their `default` export.
const standaloneCode = standaloneModule.default;
const addFormats = addFormatsModule.default;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_BASE = 'https://infercheck.dev/spec.json';

/** Keywords of the spec's own vocabulary that JSON Schema does not know; Ajv's strict mode must be told. */
export const SPEC_KEYWORDS = [BASIS_KEYWORD] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface GenOptions {
  specPath: string;
  outDir: string;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

function banner(specRel: string, comment: '//' | '#' = '//'): string {
  return `${comment} generated from ${specRel} — do not edit (npm run gen)\n`;
}

/** Rewrites `#/components/schemas/X` refs to `#/$defs/X`, so the schemas stand as one JSON Schema document. */
function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', '#/$defs/')
        : rewriteRefs(value);
  }
  return out;
}

/** The values a schema fixes for property `name` (its const or enum), or null when it does not fix them. */
function fixedValues(schema: JsonObject, name: string, defs: JsonObject): readonly Json[] | null {
  const resolved = typeof schema['$ref'] === 'string' ? (defs[schema['$ref'].replace('#/$defs/', '')] as JsonObject | undefined) : schema;
  if (!resolved || !Array.isArray(resolved['required']) || !resolved['required'].includes(name)) return null;
  const prop = (resolved['properties'] as JsonObject | undefined)?.[name] as JsonObject | undefined;
  if (!prop) return null;
  if (prop['const'] !== undefined) return [prop['const']];
  return Array.isArray(prop['enum']) ? prop['enum'] : null;
}

/**
 * A oneOf whose branches each require the same property and fix it to disjoint values (the job responses, by
 * `status`) is a discriminated union: Ajv is told so, and evaluates only the branch the value names — a status poll
 * validates several times faster and a wrong body gets that branch's errors, not every branch's. Detected here rather
 * than written into the spec, because openapi-typescript and Redocly read an OpenAPI discriminator differently.
 */
export function markDiscriminatedUnions(defs: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schemaJson] of Object.entries(defs)) {
    const schema = schemaJson as JsonObject;
    const branches = schema['oneOf'];
    const tag = Array.isArray(schema['required']) ? schema['required'].find((r) => typeof r === 'string') : undefined;
    if (Array.isArray(branches) && typeof tag === 'string' && (schema['properties'] as JsonObject | undefined)?.[tag]) {
      const values = branches.map((b) => fixedValues(b as JsonObject, tag, defs));
      const flat = values.flatMap((v) => v ?? []).map((v) => JSON.stringify(v));
      if (values.every((v) => v !== null) && new Set(flat).size === flat.length) {
        out[name] = { ...schema, discriminator: { propertyName: tag } };
        continue;
      }
    }
    out[name] = schema;
  }
  return out;
}

function asObject(value: Json | undefined, what: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`spec: ${what} is not an object`);
  }
  return value;
}

/** Follows a local `$ref` inside the spec document. */
function deref(spec: JsonObject, node: JsonObject): JsonObject {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  let cursor: Json = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    cursor = asObject(cursor, ref)[part.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null;
  }
  return asObject(cursor, ref);
}

/** The operation table: what each operation may answer and which validator judges each body. */
export function operationTable(spec: JsonObject): OperationEntry[] {
  const table: OperationEntry[] = [];
  const schemaName = (schema: JsonObject | undefined): string | null => {
    const ref = schema?.['$ref'];
    return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : null;
  };
  for (const [path, itemJson] of Object.entries(asObject(spec['paths'], 'paths'))) {
    const item = asObject(itemJson, path);
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const opJson = item[method];
      if (opJson === undefined) continue;
      const op = asObject(opJson, `${method} ${path}`);
      const operationId = String(op['operationId']);
      let requestSchema: string | null = null;
      if (op['requestBody'] !== undefined) {
        const body = deref(spec, asObject(op['requestBody'], `${operationId} requestBody`));
        const json = asObject(body['content'], `${operationId} request content`)['application/json'];
        requestSchema = schemaName(deref(spec, asObject(json ?? {}, 'media')).schema as JsonObject | undefined);
      }
      const responses: Record<string, ResponseEntry> = {};
      for (const [status, respJson] of Object.entries(asObject(op['responses'], `${operationId} responses`))) {
        const resp = deref(spec, asObject(respJson, `${operationId} ${status}`));
        const content: Record<string, string | null> = {};
        for (const [media, mediaJson] of Object.entries(asObject(resp['content'] ?? {}, 'content'))) {
          const schema = asObject(mediaJson, media)['schema'] as JsonObject | undefined;
          content[media] = media === 'application/json' ? schemaName(schema) : null;
        }
        const headers: Record<string, boolean> = {};
        const headerRules: Record<string, string> = {};
        for (const [name, headerJson] of Object.entries(asObject(resp['headers'] ?? {}, 'headers'))) {
          headers[name.toLowerCase()] = deref(spec, asObject(headerJson, name))['required'] === true;
          headerRules[name.toLowerCase()] = refName(headerJson as never) ?? `${operationId}.${status}.${name.toLowerCase()}`;
        }
        const rules = { response: refName(respJson as never) ?? `${operationId}.${status}`, headers: headerRules };
        responses[status] = { content, headers, rules };
      }
      table.push({
        operationId,
        method: method.toUpperCase(),
        path,
        billable: op['x-infercheck-billable'] === true,
        requestSchema,
        responses,
      });
    }
  }
  return table;
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    discriminator: true, // see markDiscriminatedUnions
    code: { source: true, esm: true, lines: true },
  });
  // ajv-formats' fast uri still demands a scheme (relative URLs fail, as the SDK needs absolute ones) but avoids the
  // full RFC 3986 regex, which would dominate the load engine's per-response validation time.
  addFormats(ajv, { mode: 'fast', formats: ['uri', 'uuid'] });
  ajv.addVocabulary([...SPEC_KEYWORDS]);
  return ajv;
}

export async function generate({ specPath, outDir }: GenOptions): Promise<GeneratedFile[]> {
  const specText = await readFile(specPath, 'utf8');
  const spec = asObject(parseYaml(specText) as Json, 'document');
  const specRel = relative(ROOT, specPath) || specPath;
  const schemas = asObject(asObject(spec['components'], 'components')['schemas'], 'components.schemas');
  const operations = operationTable(spec);
  const files: GeneratedFile[] = [];
  const add = (name: string, content: string): void => {
    files.push({ path: join(outDir, name), content });
  };

  // 1. The spec as JSON, for code that reads its metadata (boundaries, conflicts, the model list) at run time.
  add('openapi.json', JSON.stringify({ 'x-generated': banner(specRel).slice(3).trim(), ...spec }, null, 2) + '\n');

  // 2. TypeScript types. --default-non-nullable=false: request fields that have defaults stay optional.
  //    openapi-typescript may rewrite the document it is given, hence the clone.
  const ast = await openapiTS(structuredClone(spec) as never, { defaultNonNullable: false, alphabetize: false });
  add('types.ts', banner(specRel) + '/* eslint-disable */\n' + astToString(ast));

  // 3. Ajv standalone validators (Ajv2020, strict), one per component schema, plus the operation table.
  const ajv = createAjv();
  ajv.addSchema({ $id: SCHEMA_BASE, $defs: markDiscriminatedUnions(rewriteRefs(schemas) as JsonObject) });
  const exportsMap: Record<string, string> = {};
  for (const name of Object.keys(schemas)) exportsMap[`validate${name}`] = `${SCHEMA_BASE}#/$defs/${name}`;
  const validatorSource = standaloneCode(ajv, exportsMap);
  // Ajv's standalone output loads its runtime helpers with require() even in ESM mode; give the module one.
  const nodePrelude = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
  add('validators.mjs', banner(specRel) + '/* eslint-disable */\n' + nodePrelude + validatorSource.replace(/^"use strict";\n/, ''));
  const names = Object.keys(exportsMap);
  add(
    'validators.d.mts',
    banner(specRel) +
      "import type { ValidateFunction } from 'ajv';\n" +
      names.map((n) => `export declare const ${n}: ValidateFunction;\n`).join(''),
  );
  add(
    'operations.ts',
    banner(specRel) +
      "import type { OperationEntry } from '../../core/operation-types.js';\n\n" +
      `export const SPEC_VERSION = ${JSON.stringify(String(asObject(spec['info'], 'info')['version']))};\n\n` +
      `export const MODELS = ${JSON.stringify(asObject(schemas['ModelId'], 'ModelId')['enum'])} as const;\n\n` +
      `export type ModelId = (typeof MODELS)[number];\n\n` +
      `export const OPERATIONS: readonly OperationEntry[] = ${JSON.stringify(operations, null, 2)};\n`,
  );

  // 4. Every rule and what it rests on (documented or assumed, the source and its words), checked for gaps.
  const rules = collectSpecRules(spec as never);
  add(
    'rules.ts',
    banner(specRel) +
      "import type { SpecRule } from '../../core/spec-rules.ts';\n\n" +
      '/** Every rule of the spec by id (`<label>:<key>`, core/spec-rules.ts), with its basis. */\n' +
      `export const RULES: Readonly<Record<string, SpecRule>> = ${JSON.stringify(Object.fromEntries(rules.map((r) => [r.id, r])), null, 2)};\n`,
  );
  return files;
}

export async function staleFiles(files: GeneratedFile[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const onDisk = await readFile(file.path, 'utf8').catch(() => undefined);
    if (onDisk !== file.content) stale.push(relative(ROOT, file.path));
  }
  return stale;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      spec: { type: 'string', default: join(ROOT, 'spec/openapi.yaml') },
      out: { type: 'string', default: join(ROOT, 'spec/generated') },
    },
  });
  const files = await generate({ specPath: resolve(values.spec), outDir: resolve(values.out) });
  if (values.check) {
    const stale = await staleFiles(files);
    if (stale.length > 0) {
      console.error(`gen: generated files are stale, run \`npm run gen\`: ${stale.join(', ')}`);
      return 1;
    }
    console.log(`gen: ${files.length} generated files match ${relative(ROOT, values.spec)}`);
    return 0;
  }
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.content);
  }
  console.log(`gen: wrote ${files.length} files into ${relative(ROOT, values.out) || values.out}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`gen: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
