import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.js';

/**
 * The JSON Schema of scenario files, generated from the library's zod schema (`scenarioSchema`, the
 * single source of the rules) and annotated for editors: a description on every field (hover text
 * and autocompletion), anchor years as property-name patterns, the fertility pattern's 7 (or 35) shares,
 * and the `$schema` key with which a scenario file names its schema. `parseScenario` stays the judge:
 * the JSON Schema cannot express every rule (shares summing to 1, anchors in increasing order).
 */

type JsonSchema = Record<string, unknown>;

/** Descriptions of the Rogers-Castro parameters under `path` (an age profile or an out-migration schedule). */
function rogersCastroDescriptions(path: string): Record<string, string> {
  const text = {
    a1: 'level of the childhood component',
    alpha1: 'rate of descent of the childhood component',
    a2: 'level of the labour-force component',
    alpha2: 'rate of descent of the labour-force component',
    mu2: 'position (age) of the labour-force peak',
    lambda2: 'rate of ascent of the labour-force component',
    c: 'constant (level across all ages)',
  };
  return Object.fromEntries(Object.entries(text).map(([k, t]) => [`${path}.${k}`, `Rogers-Castro: ${t}.`]));
}

/** Descriptions by field path (`.` between keys; `female`/`male` under e0 share the e0 text). */
const DESCRIPTIONS: Record<string, string> = {
  '': 'A ccmpp projection scenario: fertility, mortality, migration and the sex ratio at birth over time. A path is a number (constant) or an object of anchor year → value, joined linearly and held constant outside the anchors.',
  $schema: 'Location of this JSON Schema (for editors; ignored by ccmpp).',
  fertility: 'Fertility: a TFR path and an age pattern.',
  'fertility.tfr': 'Total fertility rate, children per woman (>= 0): a number or { "year": value } anchors, e.g. { "2015": 0.71, "2020": 1.2, "2030": 1.8 }.',
  'fertility.pattern': "Age pattern of fertility: 'china-2015' (UN WPP 2019, China 2015-2020), 7 shares of TFR for ages 15-19 … 45-49, or 35 for single ages 15 … 49, summing to 1 (within 1e-9).",
  mortality: 'Mortality: a life-expectancy path and the model that turns it into death rates.',
  'mortality.e0': 'Life expectancy at birth in years: a both-sex path (split by sexGap) or { "female": path, "male": path }.',
  'mortality.e0.female': 'Female life expectancy at birth, years: a number or anchors.',
  'mortality.e0.male': 'Male life expectancy at birth, years: a number or anchors.',
  'mortality.sexGap': 'Female-minus-male e0 gap, years, for a both-sex e0 path; default 4.5 (UN WPP 2019, China 2015-2020). Not allowed with sex-specific e0.',
  'mortality.model': "'log-quadratic' (default; Wilmoth et al. 2012) or { \"baseline\": 'china-2015' | { female, male } } (proportional hazards on a baseline mx schedule).",
  'mortality.model.baseline': "'china-2015' (UN WPP 2019 China 2015-2020 mx) or { female, male } death rates at ages 0, 1, 5, 10, …, open.",
  'mortality.model.baseline.female': 'Female death rates per person-year at ages 0, 1, 5, 10, …, open (the open rate > 0).',
  'mortality.model.baseline.male': 'Male death rates per person-year at ages 0, 1, 5, 10, …, open (the open rate > 0).',
  migration: 'Migration (optional; none when absent), as gross flows: give netPerYear (turned into in- and out-migrants by the Flow-Difference Method), or inPerYear and/or outRate. In-migrants follow the age profile and femaleShare; out-migrants leave in proportion to outSchedule(x) × the people present at age x.',
  'migration.netPerYear': 'Net migrants a year, both sexes (negative: net out-migration): a number or anchors. Turned into gross flows by flowDifference; not with inPerYear or outRate.',
  'migration.flowDifference': "How netPerYear becomes gross flows (Flow-Difference Method, Ševčíková, Raymer & Raftery 2024): in-migrants IM = max(beta0·P + beta1·N, m·P, m·P + N), out-migrants OM = IM − N, N the net a year, P the population. 'bayespop' (beta0 0.07, beta1 0.5, m 0.02: bayesPop's national defaults, about 7 % of the population moving each way a year) or { beta0, beta1, m }. Default all 0: a positive net is all in-migration, a negative net all out-migration. Only with netPerYear.",
  'migration.flowDifference.beta0': 'Flow-Difference beta0: in-migrants a year per person of the population (>= 0).',
  'migration.flowDifference.beta1': 'Flow-Difference beta1: in-migrants per net migrant, in [0, 1] (out-migration then falls as net migration rises).',
  'migration.flowDifference.m': 'Flow-Difference m: the least gross in-migration a year per person of the population (>= 0).',
  'migration.inPerYear': 'Gross in-migrants a year, both sexes (>= 0): a number or anchors. Instead of netPerYear; alone, or with outRate.',
  'migration.outRate': 'Gross out-migrants a year per person present, both sexes, in [0, 1) (e.g. 0.01: 1 % leave each year): a number or anchors. Instead of netPerYear; alone, or with inPerYear.',
  'migration.profile': "Age profile of in-migrants: 'rogers-castro' (default; standard parameters of Rogers & Castro 1981), custom Rogers-Castro parameters, or one share per 5-year age group summing to 1.",
  ...rogersCastroDescriptions('migration.profile'),
  'migration.outSchedule': "Age schedule of out-migration rates: people at age x leave in proportion to outSchedule(x) × their number. 'rogers-castro' (default; the standard Rogers-Castro schedule, read as rates), custom Rogers-Castro parameters, or one relative rate (>= 0, some > 0) per 5-year age group of the projection grid (only the ratios matter).",
  ...rogersCastroDescriptions('migration.outSchedule'),
  'migration.femaleShare': "Share of women among in-migrants, in [0, 1]; default 0.5. (Out-migrants' sexes follow the people present.)",
  'migration.timing': "'even' (default: half the period's migrants at its start, half at its end) or 'end' (all at the end: they give no births in the period).",
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
  if (path === 'migration' && isObject(node.properties)) migrationForms(node);
  if (path === 'fertility.pattern' && Array.isArray(node.anyOf)) {
    // Shares by 5-year group (7) or by single year of age (35).
    node.anyOf = (node.anyOf as JsonSchema[]).flatMap((branch) =>
      branch.type === 'array' ? [{ ...branch, minItems: 7, maxItems: 7 }, { ...branch, minItems: 35, maxItems: 35 }] : [branch],
    );
  }
  for (const [k, v] of Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {})) annotate(v, path ? `${path}.${k}` : k);
  for (const v of (node.anyOf as JsonSchema[] | undefined) ?? []) annotate(v, path, false);
  if (isObject(node.items)) annotate(node.items, path, false);
}

/**
 * The two forms of a migration block, as JSON Schema can state them (with `anyOf`, `required` and
 * `propertyNames` only): a net figure (`netPerYear`, maybe `flowDifference`, no gross flows), or
 * gross flows (`inPerYear` and/or `outRate`, no `netPerYear` nor `flowDifference`).
 */
function migrationForms(node: JsonSchema): void {
  const keys = Object.keys(node.properties as JsonSchema);
  const without = (...drop: string[]) => ({ propertyNames: { enum: keys.filter((k) => !drop.includes(k)) } });
  node.anyOf = [
    { required: ['netPerYear'], ...without('inPerYear', 'outRate') },
    { anyOf: [{ required: ['inPerYear'] }, { required: ['outRate'] }], ...without('netPerYear', 'flowDifference') },
  ];
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
  // An object whose anyOf only adds rules (the migration block's forms) is an object.
  if (Array.isArray(node.anyOf) && node.type === undefined) return [...new Set((node.anyOf as JsonSchema[]).map(typeOf))].join(' | ');
  if (node.type === 'object' && node.properties === undefined && node.additionalProperties) return 'anchors';
  if (node.type === 'array') return `${isObject(node.items) ? typeOf(node.items) : 'any'}[]`;
  return typeof node.type === 'string' ? node.type : 'any';
}
