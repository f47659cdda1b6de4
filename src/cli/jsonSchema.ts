import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.js';

/**
 * The JSON Schema of scenario files, generated from the library's zod schema (`scenarioSchema`, the
 * single source of the rules) and annotated for editors: a description on every field (hover text
 * and autocompletion), anchor years as property-name patterns, the fertility pattern's 7 shares,
 * and the `$schema` key with which a scenario file names its schema. `parseScenario` stays the judge:
 * the JSON Schema cannot express every rule (shares summing to 1, anchors in increasing order).
 */

type JsonSchema = Record<string, unknown>;

/** Descriptions by field path (`.` between keys; `female`/`male` under e0 share the e0 text). */
const DESCRIPTIONS: Record<string, string> = {
  '': 'A ccmpp projection scenario: fertility, mortality, migration and the sex ratio at birth over time. A path is a number (constant) or an object of anchor year → value, joined linearly and held constant outside the anchors.',
  $schema: 'Location of this JSON Schema (for editors; ignored by ccmpp).',
  fertility: 'Fertility: a TFR path and an age pattern.',
  'fertility.tfr': 'Total fertility rate, children per woman (>= 0): a number or { "year": value } anchors, e.g. { "2015": 0.71, "2020": 1.2, "2030": 1.8 }.',
  'fertility.pattern': "Age pattern of fertility: 'china-2015' (UN WPP 2019, China 2015-2020) or 7 shares of TFR for ages 15-19 … 45-49 summing to 1 (within 1e-9).",
  mortality: 'Mortality: a life-expectancy path and the model that turns it into death rates.',
  'mortality.e0': 'Life expectancy at birth in years: a both-sex path (split by sexGap) or { "female": path, "male": path }.',
  'mortality.e0.female': 'Female life expectancy at birth, years: a number or anchors.',
  'mortality.e0.male': 'Male life expectancy at birth, years: a number or anchors.',
  'mortality.sexGap': 'Female-minus-male e0 gap, years, for a both-sex e0 path; default 4.5 (UN WPP 2019, China 2015-2020). Not allowed with sex-specific e0.',
  'mortality.model': "'log-quadratic' (default; Wilmoth et al. 2012) or { \"baseline\": 'china-2015' | { female, male } } (proportional hazards on a baseline mx schedule).",
  'mortality.model.baseline': "'china-2015' (UN WPP 2019 China 2015-2020 mx) or { female, male } death rates at ages 0, 1, 5, 10, …, open.",
  'mortality.model.baseline.female': 'Female death rates per person-year at ages 0, 1, 5, 10, …, open (the open rate > 0).',
  'mortality.model.baseline.male': 'Male death rates per person-year at ages 0, 1, 5, 10, …, open (the open rate > 0).',
  migration: 'Net migration (optional; none when absent).',
  'migration.netPerYear': 'Net migrants a year, both sexes (negative: net out-migration): a number or anchors.',
  'migration.profile': "Age profile of migrants: 'rogers-castro' (default; standard parameters of Rogers & Castro 1981), custom Rogers-Castro parameters, or one share per 5-year age group summing to 1.",
  'migration.profile.a1': 'Rogers-Castro: level of the childhood component.',
  'migration.profile.alpha1': 'Rogers-Castro: rate of descent of the childhood component.',
  'migration.profile.a2': 'Rogers-Castro: level of the labour-force component.',
  'migration.profile.alpha2': 'Rogers-Castro: rate of descent of the labour-force component.',
  'migration.profile.mu2': 'Rogers-Castro: position (age) of the labour-force peak.',
  'migration.profile.lambda2': 'Rogers-Castro: rate of ascent of the labour-force component.',
  'migration.profile.c': 'Rogers-Castro: constant (level across all ages).',
  'migration.femaleShare': 'Share of women among net migrants, in [0, 1]; default 0.5.',
  'migration.timing': "'even' (default: half the period's migrants at its start, half at its end) or 'end'.",
  srb: 'Sex ratio at birth, males per 100 female births (> 0); default 105. A number or anchors.',
};

/** Anchor keys: years written as numbers (the library also checks they increase). */
const ANCHOR_YEAR = '^-?[0-9]+(\\.[0-9]+)?$';

/** The annotated JSON Schema (draft 2020-12) of scenario files. */
export function scenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input' }) as JsonSchema;
  annotate(schema, '');
  return { $schema: schema.$schema, title: 'ccmpp scenario', ...schema };
}

function annotate(node: JsonSchema, path: string, describe = true): void {
  const text = DESCRIPTIONS[path];
  if (describe && text !== undefined && node.description === undefined) node.description = text;
  // A path's anchors: { "2015": 0.71, … }.
  if (node.type === 'object' && isObject(node.additionalProperties) && isObject(node.propertyNames) && node.properties === undefined) {
    node.propertyNames = { type: 'string', pattern: ANCHOR_YEAR };
    node.minProperties = 1;
    node.description ??= 'Anchors: year → value, years in increasing order.';
  }
  if (path === 'fertility.pattern') {
    for (const branch of (node.anyOf as JsonSchema[] | undefined) ?? []) if (branch.type === 'array') Object.assign(branch, { minItems: 7, maxItems: 7 });
  }
  for (const [k, v] of Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {})) annotate(v, path ? `${path}.${k}` : k);
  for (const v of (node.anyOf as JsonSchema[] | undefined) ?? []) annotate(v, path, false);
  if (isObject(node.items)) annotate(node.items, path, false);
}

function isObject(v: unknown): v is JsonSchema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** One line per field of a JSON Schema: its path, type, whether it is required, and its description. */
export function schemaFields(schema: JsonSchema): { path: string; type: string; required: boolean; description: string }[] {
  const out: { path: string; type: string; required: boolean; description: string }[] = [];
  const walk = (node: JsonSchema, path: string, required: boolean) => {
    if (path) out.push({ path, type: typeOf(node), required, description: typeof node.description === 'string' ? node.description : '' });
    const branches = [node, ...((node.anyOf as JsonSchema[] | undefined) ?? [])];
    for (const b of branches) {
      const req = new Set((b.required as string[] | undefined) ?? []);
      for (const [k, v] of Object.entries((b.properties as Record<string, JsonSchema> | undefined) ?? {})) walk(v, path ? `${path}.${k}` : k, req.has(k));
    }
  };
  walk(schema, '', true);
  return out;
}

function typeOf(node: JsonSchema): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (Array.isArray(node.anyOf)) return [...new Set((node.anyOf as JsonSchema[]).map(typeOf))].join(' | ');
  if (node.type === 'object' && node.properties === undefined && node.additionalProperties) return 'anchors';
  if (node.type === 'array') return `${isObject(node.items) ? typeOf(node.items) : 'any'}[]`;
  return typeof node.type === 'string' ? node.type : 'any';
}
