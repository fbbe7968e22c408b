// Every range, allowed value and default on the vendor's two model pages is in the spec, for both models: this test
// reads the pages themselves (shared/seeds, beside the checkout) and compares them with spec/openapi.yaml, so an
// edit to either that makes them disagree fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODELS, componentSchema, requestExamples, requiredParameters, txt2imgParameters, type JsonSchema } from '../core/spec.ts';
import { parameterRule } from '../core/rule-basis.ts';

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seedsMissing = !existsSync(SEEDS) && 'the vendor pages (../shared/seeds) are not beside this checkout';

/** The pages come in two renderings (one line per field, or run together); with white space and labels removed
 * they read the same: `guidance_scaleoptionalnumberScaleforclassifier-freeguidance7.5Range:0.1-25img_height…`. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/Default:/g, '').replace(/Allowedvalues(\(\d+total\))?:/g, '');
}

interface PageParameter {
  readonly name: string;
  readonly required: boolean;
  readonly type: string;
  /** description + default + range/allowed values, run together. */
  readonly body: string;
}

function pageParameters(page: string, names: readonly string[]): PageParameter[] {
  const start = page.indexOf('Parameters');
  const end = page.indexOf('ResponseType', start);
  assert.ok(start >= 0 && end > start, 'the page has a Parameters section');
  const section = page.slice(start + 'Parameters'.length, end);
  const header = new RegExp(`(${names.map((n) => n.replace(/\W/g, '\\$&')).join('|')})(required|optional)(string|boolean|number|integer)`, 'g');
  const found = [...section.matchAll(header)];
  return found.map((m, i) => ({
    name: m[1]!,
    required: m[2] === 'required',
    type: m[3]!,
    body: section.slice(m.index! + m[0].length, found[i + 1]?.index ?? section.length),
  }));
}

/** What the page must print after the description, built from the spec: default, then range or allowed values. */
function expectedTail(schema: JsonSchema, documentedEnum: readonly unknown[] | undefined): string {
  const quote = (v: unknown): string => (typeof v === 'string' ? `"${v.replace(/\s+/g, '')}"` : String(v));
  let tail = schema.default === undefined ? '' : quote(schema.default);
  // a bound the page states is documented (x-infercheck-basis); the seed's bounds are assumed and the page shows none
  const basis = (schema['x-infercheck-basis'] ?? {}) as Record<string, { basis?: string } | undefined>;
  if (schema.minimum !== undefined && schema.maximum !== undefined && basis['minimum']?.basis === 'documented' && basis['maximum']?.basis === 'documented') {
    tail += `Range:${schema.minimum}-${schema.maximum}`;
  }
  if (documentedEnum) {
    // the pages list the first ten values and "+N more" (seed-scifi: "Allowed values (12 total)")
    const shown = documentedEnum.slice(0, 10).map(quote).join('');
    tail += documentedEnum.length > 10 ? `${shown}+${documentedEnum.length - 10}more` : shown;
  }
  return tail;
}

for (const file of existsSync(SEEDS) ? readdirSync(SEEDS).sort() : ['(none)']) {
  test(`seed page ${file}: every parameter, type, default, range and allowed value is in the spec`, { skip: seedsMissing }, () => {
    const page = normalise(readFileSync(SEEDS + file, 'utf8'));
    const model = MODELS.find((m) => page.includes(`/v1/${m}`) || page.includes(`/v2/${m}`));
    assert.ok(model, `${file} documents one of the spec's models (${MODELS.join(', ')})`);

    const params = txt2imgParameters();
    const onPage = pageParameters(page, params.map(([name]) => name));
    assert.deepEqual(onPage.map((p) => p.name).sort(), params.map(([name]) => name).sort(), 'the same parameters');

    const examples = requestExamples();
    for (const p of onPage) {
      const schema = componentSchema('Txt2ImgRequest').properties![p.name]!;
      assert.equal(p.type, schema.type, `${model} ${p.name}: type`);
      assert.equal(p.required, requiredParameters().includes(p.name), `${model} ${p.name}: required`);
      // enum values the pages' own examples and the SDK wrappers add (conflict scheduler-names) are not in the pages' list
      const offList = new Set(offListSchedulers());
      const documentedEnum = schema.enum?.filter((v) => schema.type !== 'string' || !offList.has(String(v)));
      const tail = expectedTail(schema, documentedEnum);
      assert.ok(p.body.endsWith(tail), `${model} ${p.name}: the page says "${p.body}", the spec gives "…${tail}"`);
      const pageDescription = p.body.slice(0, p.body.length - tail.length).replace(/\.$/, '');
      assert.ok(
        normalise(schema.description ?? '').startsWith(pageDescription),
        `${model} ${p.name}: description "${pageDescription}" vs spec "${schema.description}"`,
      );
    }
  });
}

/** The scheduler values after the pages' 12: the examples' ids (documented by the examples) and the SDK wrappers' (assumed). */
function offListSchedulers(): string[] {
  return (componentSchema('Txt2ImgRequest').properties!['scheduler']!.enum ?? []).slice(12).map(String);
}

test('the scheduler values outside the pages\' list: the ones the pages\' examples send (documented), then the SDK wrappers\' (assumed)', () => {
  const examples = Object.values(requestExamples()).map((ex) => String(ex['scheduler']));
  const offList = offListSchedulers();
  assert.deepEqual(offList.slice(0, examples.length), examples);
  for (const value of examples) assert.equal(parameterRule('scheduler', 'enum', value).basis, 'documented', value);
  for (const value of offList.slice(examples.length)) {
    const rule = parameterRule('scheduler', 'enum', value);
    assert.equal(rule.basis, 'assumed', value);
    assert.match(rule.where ?? '', /§3/, `${value}: the SDK wrappers (reference §3)`);
  }
  assert.deepEqual(offList.slice(examples.length), ['euler', 'euler_a', 'ddim']);
});
