/**
 * A small JSON Schema (draft 2020-12) validator for the keywords the scenario schema uses, so that
 * the tests can check the shipped schema against real files without another dependency. Any other
 * keyword throws: the validator never ignores a rule it does not know.
 */

type Schema = Record<string, unknown>;

/** Keywords this validator implements (annotations included). */
export const KNOWN_KEYWORDS = new Set([
  '$schema', 'title', 'description',
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'minProperties',
  'anyOf', 'const', 'enum',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern',
  'items', 'minItems', 'maxItems',
]);

/** Problems of `value` against `schema`, as `path: message`; empty when valid. */
export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
  const errors: string[] = [];
  const err = (m: string) => errors.push(`${path}: ${m}`);
  if (schema.anyOf) {
    const branches = schema.anyOf as Schema[];
    if (!branches.some((b) => validate(b, value, path).length === 0)) err('matches no anyOf branch');
  }
  if ('const' in schema && value !== schema.const) err(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) err(`expected one of ${JSON.stringify(schema.enum)}`);
  // `type` is one type or a list of them (a nullable field: ["string", "null"]).
  const type = schema.type as string | string[] | undefined;
  if (type !== undefined && !(Array.isArray(type) ? type : [type]).some((t) => hasType(value, t))) {
    err(`expected ${Array.isArray(type) ? type.join(' or ') : type}`);
    return errors;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) err(`expected >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) err(`expected <= ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) err(`expected > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) err(`expected < ${schema.exclusiveMaximum}`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) err(`expected to match ${schema.pattern}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) err(`expected at least ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) err(`expected at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) err(`missing required ${r}`);
    if (typeof schema.minProperties === 'number' && Object.keys(obj).length < schema.minProperties) err(`expected at least ${schema.minProperties} properties`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames as Schema, k, `${path}.${k} (name)`));
      if (k in props) errors.push(...validate(props[k]!, v, `${path}.${k}`));
      else if (schema.additionalProperties === false) err(`unknown property ${k}`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as Schema, v, `${path}.${k}`));
    }
  }
  return errors;
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      throw new Error(`unsupported type ${type}`);
  }
}
