import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { scenarioJsonSchema } from '../../src/cli/jsonSchema.js';
import { parseScenario } from '../../src/scenario/schema.js';
import { InputError } from '../../src/validate/errors.js';
import { yingkou } from '../../src/yingkou/data.js';
import { validate } from './miniJsonSchema.js';

// `ccmpp schema`: the JSON Schema of scenario files, generated from the library's zod schema. It must
// accept the shipped templates and the Yingkou scenarios, reject what parseScenario rejects where
// JSON Schema can say so, and give editors a description of every field.

const template = JSON.parse(readFileSync('data/templates/scenario.json', 'utf8')) as Record<string, unknown>;

describe('the scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('is what `ccmpp schema` prints, and the shipped data/templates/scenario.schema.json is up to date', async () => {
    const r = await runCli(['schema']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(schema);
    expect(JSON.parse(readFileSync('data/templates/scenario.schema.json', 'utf8'))).toEqual(schema);
  });

  it('accepts the templates (with their $schema key) and the Yingkou scenarios', () => {
    expect(validate(schema, template)).toEqual([]);
    expect(validate(schema, JSON.parse(readFileSync('data/templates/shrinking-town.json', 'utf8')))).toEqual([]);
    // Both forms of migration: a net figure (with flow-difference parameters), or gross flows.
    const m = (migration: Record<string, unknown>) => validate(schema, { ...template, migration });
    expect(m({ netPerYear: -2000, flowDifference: 'bayespop', outSchedule: 'rogers-castro' })).toEqual([]);
    expect(m({ netPerYear: { 2015: -2000, 2030: 0 }, flowDifference: { beta0: 0.07, beta1: 0.5, m: 0.02 } })).toEqual([]);
    expect(m({ inPerYear: 6000, outRate: 0.008, femaleShare: 0.48 })).toEqual([]);
    expect(m({ outRate: { 2015: 0.01, 2030: 0.005 }, outSchedule: Array(21).fill(1) })).toEqual([]);
    for (const s of Object.values(yingkou.scenarios)) expect(validate(schema, JSON.parse(JSON.stringify(s)))).toEqual([]);
  });

  it('rejects what parseScenario rejects, where JSON Schema can express the rule', () => {
    const bad = (patch: (s: Record<string, any>) => void) => {
      const s = structuredClone(template) as Record<string, any>;
      patch(s);
      const { $schema: _, ...scenario } = s;
      expect(() => parseScenario(scenario)).toThrow(InputError); // the library refuses it …
      return validate(schema, s); // … and so does the JSON Schema
    };
    expect(bad((s) => (s.fertility.tfr = -1))).not.toEqual([]);
    expect(bad((s) => (s.fertility.tfr = { 2015: 'x' }))).not.toEqual([]);
    expect(bad((s) => (s.fertility.tfr = {}))).not.toEqual([]);
    expect(bad((s) => (s.fertility.tfr = { twenty: 1 }))).not.toEqual([]);
    expect(bad((s) => (s.fertility.pattern = [0.5, 0.5]))).not.toEqual([]);
    expect(bad((s) => (s.fertility.pattern = 'china-2016'))).not.toEqual([]);
    expect(bad((s) => (s.mortality.e0 = 0))).not.toEqual([]);
    expect(bad((s) => (s.mortality.model = 'lee-carter'))).not.toEqual([]);
    expect(bad((s) => (s.migration.timing = 'start'))).not.toEqual([]);
    expect(bad((s) => (s.migration.femaleShare = 1.5))).not.toEqual([]);
    expect(bad((s) => (s.srb = 0))).not.toEqual([]);
    // Migration: one of the two forms, each flow within its range.
    expect(bad((s) => (s.migration = {}))).not.toEqual([]);
    expect(bad((s) => (s.migration = { profile: 'rogers-castro' }))).not.toEqual([]);
    expect(bad((s) => (s.migration = { netPerYear: -2000, inPerYear: 100 }))).not.toEqual([]);
    expect(bad((s) => (s.migration = { netPerYear: -2000, outRate: 0.01 }))).not.toEqual([]);
    expect(bad((s) => (s.migration = { inPerYear: 100, flowDifference: 'bayespop' }))).not.toEqual([]);
    expect(bad((s) => (s.migration = { inPerYear: -1 }))).not.toEqual([]);
    expect(bad((s) => (s.migration = { outRate: 1 }))).not.toEqual([]);
    expect(bad((s) => (s.migration.flowDifference = 'bayes'))).not.toEqual([]);
    expect(bad((s) => (s.migration.flowDifference = { beta0: 0.07, beta1: 2, m: 0.02 }))).not.toEqual([]);
    expect(bad((s) => (s.migration.flowDifference = { beta0: 0.07, beta1: 0.5 }))).not.toEqual([]);
    expect(bad((s) => (s.migration.outSchedule = 'uniform'))).not.toEqual([]);
    expect(bad((s) => (s.extra = 1))).not.toEqual([]);
    expect(bad((s) => delete s.fertility)).not.toEqual([]);
  });

  it('describes every field for editors (hover text, autocompletion)', () => {
    const undocumented: string[] = [];
    const walk = (node: Record<string, any>, path: string) => {
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, any>)) {
        if (typeof v.description !== 'string' || v.description.length < 10) undocumented.push(`${path}${k}`);
        walk(v, `${path}${k}.`);
      }
      for (const b of node.anyOf ?? []) walk(b, path);
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
    expect(schema.title).toBe('ccmpp scenario');
  });

  it('lists its fields with --format table and csv', async () => {
    const table = await runCli(['schema', '--format', 'table']);
    expect(table.stdout).toMatch(/^fertility\.tfr\s+number \| anchors\s+yes\s+Total fertility rate/m);
    const csv = await runCli(['schema', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('path,type,required,description');
    expect(csv.stdout).toMatch(/^migration\.timing,"""even"" \| ""end""",false,/m);
    expect(table.stdout).toMatch(/^migration\s+object\s+Migration \(optional; none when absent\), as gross flows/m);
    expect(table.stdout).toMatch(/^migration\.flowDifference\.beta1\s+number\s+yes\s+Flow-Difference beta1/m);
    expect(table.stdout).toMatch(/^migration\.femaleShare\s+number\s+Share of women among in-migrants/m);
  });

  it('prints the JSON Schema of each command’s JSON output, and refuses an unknown name', async () => {
    for (const name of ['project-output', 'solve-output', 'simulate-output', 'compare-output', 'yingkou-output']) {
      const r = await runCli(['schema', name]);
      expect(r.exitCode).toBe(0);
      const s = JSON.parse(r.stdout) as Record<string, any>;
      expect(s.properties.format.const).toBe(`ccmpp.${name.replace('-output', '')}/1`);
    }
    const r = await runCli(['schema', 'population']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('schema: expected one of scenario, project-output');
  });

  it('writes <name>.schema.json with --out', async () => {
    const r = await runCli(['schema', '--out', '/tmp/ccmpp-schema-out']);
    expect(r.files.map((f) => f.path)).toEqual(['/tmp/ccmpp-schema-out/scenario.schema.json']);
    expect(JSON.parse(r.files[0]!.content)).toEqual(schema);
  });
});
