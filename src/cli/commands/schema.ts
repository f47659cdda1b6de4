import { z } from 'zod';
import { UserError } from '../userError.js';
import { scenarioJsonSchema, schemaFields } from '../jsonSchema.js';
import { jsonText, type CommandResult, type Format } from '../output.js';
import { toCsv } from '../csv.js';
import { tableText } from '../../report/table.js';
import { OUTPUT_SCHEMAS } from '../outputSchemas.js';

/** What `ccmpp schema` can print: the scenario file's schema, or the JSON output of a command. */
export const SCHEMA_NAMES = ['scenario', ...Object.keys(OUTPUT_SCHEMAS).map((k) => `${k}-output`)] as const;

export interface SchemaArgs {
  name?: string;
  /** Default 'json' (the schema itself); 'table' and 'csv' list its fields. */
  format?: Format;
  out?: string;
}

/** The JSON Schema of `name`: the annotated scenario schema, or an output's schema generated from its zod schema. */
function jsonSchemaOf(name: string): Record<string, unknown> {
  if (name === 'scenario') return scenarioJsonSchema();
  const key = name.replace(/-output$/, '');
  const schema = name.endsWith('-output') ? OUTPUT_SCHEMAS[key as keyof typeof OUTPUT_SCHEMAS] : undefined;
  if (!schema) throw new UserError(`schema: expected one of ${SCHEMA_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  return { title: `ccmpp ${key} output`, ...(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>) };
}

/** `ccmpp schema [name]`: a JSON Schema, for editors (`"$schema"` in a scenario file) and for the documentation of the JSON output. */
export function schemaCommand(args: SchemaArgs): CommandResult {
  const name = args.name ?? 'scenario';
  const schema = jsonSchemaOf(name);
  const json = jsonText(schema);
  const fields = schemaFields(schema);
  let stdout = json;
  if (args.format === 'csv') stdout = toCsv(['path', 'type', 'required', 'description'], fields.map((f) => [f.path, f.type, f.required, f.description]));
  else if (args.format === 'table')
    stdout = tableText({
      title: `Fields of ${name === 'scenario' ? 'a scenario file' : `the JSON output of ccmpp ${name.replace(/-output$/, '')}`}`,
      columns: [
        { key: 'path', label: 'field' },
        { key: 'type', label: 'type' },
        { key: 'required', label: 'required' },
        { key: 'description', label: 'description' },
      ],
      rows: fields.map((f) => ({ ...f, required: f.required ? 'yes' : '' })),
    });
  return { stdout, files: args.out === undefined ? [] : [{ name: `${name}.schema.json`, content: json }] };
}
