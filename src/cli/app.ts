import { resolve } from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import { DEFAULT_OPEN_AGE, type Width } from '../ages/grid.js';
import { GRADUATION_METHODS, type GraduationMethod } from '../base/graduate.js';
import { describeError, EXIT } from './errors.js';
import { parseBounds, parseInteger, parseNumberList, parseTarget, parseWidth } from './inputs.js';
import { MIGRATION_FLAGS, parseFlowDifference, parseMigrationPath, takeMigrationOptions, type MigrationOptions } from './migration.js';
import { VERSION, type CommandResult, type Format, type Progress } from './output.js';
import { baseCommand } from './commands/base.js';
import { compareCommand } from './commands/compare.js';
import { projectCommand } from './commands/project.js';
import { schemaCommand, SCHEMA_NAMES } from './commands/schema.js';
import { solveCommand, type SolveKind } from './commands/solve.js';
import { yingkouCommand } from './commands/yingkou.js';
import { parseWorkers, simulateCommand } from './commands/simulate.js';
import { MAX_WORKERS } from '../validate/schemas.js';

export interface CliEnvironment {
  /** Makes a progress display; absent in a pipe and in tests. */
  progress?: () => Progress;
  /**
   * Makes the `--out` directory before the command runs (main.ts: `makeDirectory`), so that one
   * that cannot be made fails at once; its UserError exits 2. Absent in tests: nothing is written.
   */
  prepareOut?: (dir: string) => Promise<void>;
}

/** What a run of the command gives: the text for stdout and stderr, the files to write, the exit code. */
export interface CliResult {
  stdout: string;
  stderr: string;
  /** Absolute paths (under `--out`) and contents; `main.ts` writes them. */
  files: { path: string; content: string }[];
  exitCode: 0 | 1 | 2;
}

const FORMATS: Format[] = ['table', 'csv', 'json'];

/** What `--width` and `--graduation` give the action (absent when not given). */
interface GridFlags {
  width?: Width;
  graduation?: GraduationMethod;
}

/**
 * Runs `ccmpp` on its arguments (without `node` and the script) and returns what it would print and
 * write: the whole command as a function, for tests; `main.ts` is the thin wrapper that prints,
 * writes and exits. Never throws: user errors give exit code 2 with a plain message, internal errors
 * exit code 1 with the stack.
 */
export async function runCli(argv: readonly string[], env: CliEnvironment = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  let result: CommandResult | undefined;
  let outDir: string | undefined;
  const done = (r: CommandResult, dir: string | undefined) => {
    result = r;
    outDir = dir;
  };
  const program = buildProgram(out, err, done, env);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version'))
      return { stdout: out.join(''), stderr: err.join(''), files: [], exitCode: EXIT.ok };
    const { message, exitCode } = describeError(e);
    return { stdout: out.join(''), stderr: err.join('') + message, files: [], exitCode };
  }
  if (!result) return { stdout: out.join(''), stderr: err.join(''), files: [], exitCode: EXIT.ok };
  const dir = outDir;
  // A file's notice (report.html without its charts) is printed once, however many files carry it.
  const notices = dir === undefined ? [] : [...new Set(result.files.flatMap((f) => (f.notice === undefined ? [] : [f.notice])))];
  return {
    stdout: out.join('') + result.stdout,
    stderr: err.join('') + notices.map((n) => `${n}\n`).join(''),
    files: dir === undefined ? [] : result.files.map((f) => ({ path: resolve(dir, f.name), content: f.content })),
    exitCode: EXIT.ok,
  };
}

function buildProgram(out: string[], err: string[], done: (r: CommandResult, outDir: string | undefined) => void, env: CliEnvironment): Command {
  const program = new Command('ccmpp')
    .description('Cohort-component population projections: estimate a base, project a scenario, compare scenarios, solve for what reaches a target, simulate, and the Yingkou report.')
    .version(VERSION, '-V, --version')
    .configureOutput({
      writeOut: (s) => out.push(s),
      writeErr: (s) => err.push(s),
      outputError: (s, write) => write(s.startsWith('error: ') ? `ccmpp: ${s.slice(7)}` : s),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage and examples)');
  const { prepareOut } = env;
  if (prepareOut)
    program.hook('preAction', async (_program, action) => {
      const dir = (action.opts() as { out?: string }).out;
      if (dir !== undefined) await prepareOut(dir);
    });
  program.addHelpText(
    'after',
    `
Every command takes --format table|csv|json (json is stable: see \`ccmpp schema <command>-output\`)
and --out <dir> to write its files there (JSON, tidy CSV and a self-contained report.html).
Exit codes: 0 done, 2 bad input (the message names the problem), 1 internal error.

Examples:
  $ ccmpp yingkou
  $ ccmpp project scenario.json --base population.csv --year 2015 --until 2030
  $ ccmpp project scenario.json --base population.csv --year 2015 --until 2030 --width 1   # single years, annual steps
  $ ccmpp solve migration scenario.json --base population.csv --year 2015 --target 2030:2600000
  $ ccmpp base --reference shape.csv --year 2015 --margins 0-14:260000,15-59:1693000,60+:490000 --format csv > base.csv
  $ ccmpp compare plan.json --variants --base base.csv --year 2015 --until 2030 --target 2030:2600000
  $ ccmpp simulate scenario.json --base base.csv --year 2015 --until 2030 --trajectories 100000 --workers 4
  $ ccmpp schema > scenario.schema.json`,
  );

  const common = (cmd: Command, defaultFormat: Format = 'table') =>
    cmd
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default(defaultFormat))
      .option('--out <dir>', 'also write the output files (JSON, CSV, report.html) into this directory');
  const int = (option: string, rule?: string) => (v: string) => parseInteger(v, option, rule);
  /** The options that set the scenario's migration (src/cli/migration.ts), in a help group of their own. */
  const migration = (cmd: Command) => {
    const path = (flag: string) => (v: string) => parseMigrationPath(v, flag);
    const opts = [
      new Option(`${MIGRATION_FLAGS.netPerYear} <n>`, 'net migrants a year (negative: net out-migration; replaces gross flows): a number or anchors year:value,…').argParser(path(MIGRATION_FLAGS.netPerYear)),
      new Option(`${MIGRATION_FLAGS.inPerYear} <n>`, 'gross in-migrants a year, >= 0 (replaces the net figure): a number or anchors').argParser(path(MIGRATION_FLAGS.inPerYear)),
      new Option(`${MIGRATION_FLAGS.outRate} <r>`, 'gross out-migrants a year per person present, in [0, 1) (replaces the net figure): a number or anchors').argParser(path(MIGRATION_FLAGS.outRate)),
      new Option(
        `${MIGRATION_FLAGS.flowDifference} <params>`,
        "how a net figure becomes gross flows (Flow-Difference Method): bayespop or beta0=…,beta1=…,m=… (default all 0: a positive net figure is all in-, a negative one all out-migration)",
      ).argParser((v) => parseFlowDifference(v)),
    ];
    for (const o of opts) cmd.addOption(o.helpGroup("Migration (sets the scenario's migration block):"));
    return cmd;
  };
  const widthOption = () =>
    new Option('--width <years>', "width of the age groups and periods: 5 (5-year groups, 5-year steps) or 1 (single years of age, annual steps, as UN WPP 2022); default: the base's").argParser((v) => parseWidth(v));
  /** `--width` and `--graduation`: the projection grid (single years or 5-year groups) of a command. */
  const grid = (cmd: Command) =>
    cmd
      .addOption(widthOption())
      .addOption(
        new Option('--graduation <method>', 'how a 5-year base becomes single years with --width 1 (default sprague; monotone never gives a negative age)').choices(GRADUATION_METHODS),
      );

  common(program.command('yingkou').description('the Yingkou report: is the plan’s 2.6 million by 2030 reachable? (runs on the shipped data)'))
    .addOption(widthOption())
    .addHelpText(
      'after',
      `
The seven answers of the Yingkou case, computed from data/yingkou/: the plan's own projection and its
gaps, the migration or fertility that would close them, the frontier between the two, the components
of change, the reality check against the 2020 census, and the probability of each target under the
default uncertainty (100,000 seeded Monte Carlo trajectories, with its 95 % interval). A progress
bar follows the simulations on a terminal (stderr), none in a pipe.

Examples:
  $ ccmpp yingkou
  $ ccmpp yingkou --out yingkou/          # + yingkou.json, yingkou.csv and report.html
  $ ccmpp yingkou --format csv > yingkou.csv
  $ ccmpp yingkou --width 1                # single years of age, annual steps`,
    )
    .action(async (o: { format: Format; out?: string; width?: Width }) => {
      done(await yingkouCommand(o, env.progress?.()), o.out);
    });

  common(
    migration(grid(program
      .command('project')
      .description('project a base population under a scenario, with its indicators')
      .argument('<scenario>', 'scenario JSON file (see `ccmpp schema`)')
      .requiredOption('--base <file>', 'base population: CSV with header age,female,male and rows 0-4, 5-9, … or single years 0, 1, … (needs --year), or JSON { year, female, male, width? }')
      .option('--year <year>', 'base year of a CSV population', int('--year', 'expected an integer year'))
      .requiredOption('--until <year>', 'last year of the projection (base year + a multiple of 5; any later year with --width 1)', int('--until', 'expected an integer year'))
      .option('--open-age <age>', 'open age group of the projection (a multiple of 5, >= 65)', int('--open-age', 'expected an integer age'), DEFAULT_OPEN_AGE)
      .addOption(new Option('--table <table>', 'what table and csv print').choices(['indicators', 'population']).default('indicators'))
      .option('--pyramid-years <years>', 'years of the pyramid in report.html, e.g. 2015,2030 (default: first and last)', (v) => parseNumberList(v, '--pyramid-years')))),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ ccmpp project data/templates/scenario.json --base data/templates/population.csv --year 2015 --until 2030
  $ ccmpp project scenario.json --base base.json --until 2050 --format csv --table population > population.csv
  $ ccmpp project scenario.json --base population.csv --year 2015 --until 2030 --width 1   # single years, every year
  $ ccmpp project scenario.json --base population.csv --year 2015 --until 2030 --width 1 --graduation monotone
  $ ccmpp project scenario.json --base single-years.csv --year 2015 --until 2030   # rows 0, 1, …, 100+: width 1
  $ ccmpp project scenario.json --base base.json --until 2030 --out results/   # + report.html
  $ ccmpp project data/templates/scenario.json --base data/templates/population.csv --year 2015 --until 2030 --net-per-year -2000
  $ ccmpp project scenario.json --base base.json --until 2030 --in-per-year 6000 --out-rate 0.008   # gross flows
  $ ccmpp project scenario.json --base base.json --until 2030 --net-per-year 2015:-3000,2030:-1000 --flow-difference bayespop`,
    )
    .action(
      async (
        scenario: string,
        o: { base: string; year?: number; until: number; openAge: number; table: 'indicators' | 'population'; pyramidYears?: number[]; format: Format; out?: string } & GridFlags & MigrationOptions,
      ) => {
        done(await projectCommand({ scenario, ...takeMigrationOptions(o) }), o.out);
      },
    );

  common(
    migration(grid(program
      .command('solve')
      .description('what constant net migration, or what TFR in the target year, reaches a population target')
      .addArgument(new Argument('<what>', 'what to solve for').choices(['migration', 'tfr']))
      .argument('<scenario>', 'scenario JSON file (see `ccmpp schema`)')
      .requiredOption('--base <file>', 'base population: CSV with header age,female,male and rows 0-4, 5-9, … or single years 0, 1, … (needs --year), or JSON { year, female, male, width? }')
      .option('--year <year>', 'base year of a CSV population', int('--year', 'expected an integer year'))
      .requiredOption('--target <year:population>', 'the target, e.g. 2030:2600000', (v) => parseTarget(v))
      .option('--from <year>', 'migration: first year of the constant net migration (default: the base year)', int('--from', 'expected an integer year'))
      .option('--bounds <low:high>', 'search range (migration: persons a year, default ±10 % of the base population; tfr: default 0:8)', (v) => parseBounds(v))
      .option('--open-age <age>', 'open age group of the projection (a multiple of 5, >= 65)', int('--open-age', 'expected an integer age'))
      .option('--frontier <tfr>', 'also the net migration needed for each target-year TFR: 1.2,1.5,1.8 or 1.2:3:0.1', (v) => parseNumberList(v, '--frontier'))
      .addOption(new Option('--table <table>', 'what table and csv print').choices(['result', 'frontier']).default('result')))),
  )
    .addHelpText(
      'after',
      `
A target no value within the bounds reaches is reported as unreachable, with the best the bounds
achieve (exit code 0: that is an answer). A target that cannot be posed (a year not on the base's
5-year grid, a population <= 0) is an error (exit code 2); with --width 1 any year after the base
is on the grid. The migration options set the scenario's
migration; \`solve migration\` replaces it from --from on by the net figure it solves for, which
--flow-difference turns into gross flows.

Examples:
  $ ccmpp solve migration scenario.json --base base.csv --year 2015 --target 2030:2600000
  $ ccmpp solve migration scenario.json --base base.csv --year 2015 --target 2028:2550000 --width 1   # annual steps
  $ ccmpp solve tfr scenario.json --base base.json --target 2030:2600000 --format json
  $ ccmpp solve migration scenario.json --base base.json --target 2030:2600000 --frontier 1.2:3:0.2 --out results/
  $ ccmpp solve migration scenario.json --base town.csv --year 2015 --target 2035:300000 --flow-difference bayespop
  $ ccmpp solve tfr scenario.json --base base.json --target 2030:2600000 --in-per-year 20000 --out-rate 0.01`,
    )
    .action(
      async (
        kind: SolveKind,
        scenario: string,
        o: { base: string; year?: number; target: { year: number; population: number }; from?: number; bounds?: [number, number]; openAge?: number; frontier?: number[]; table: 'result' | 'frontier'; format: Format; out?: string } & GridFlags & MigrationOptions,
      ) => {
        done(await solveCommand({ kind, scenario, ...takeMigrationOptions(o) }), o.out);
      },
    );

  common(
    migration(grid(program
      .command('simulate')
      .description('Monte Carlo around a scenario: quantiles of the population by year, and the probability of reaching targets')
      .argument('<scenario>', 'scenario JSON file (see `ccmpp schema`)')
      .requiredOption('--base <file>', 'base population: CSV with header age,female,male and rows 0-4, 5-9, … or single years 0, 1, … (needs --year), or JSON { year, female, male, width? }')
      .option('--year <year>', 'base year of a CSV population', int('--year', 'expected an integer year'))
      .requiredOption('--until <year>', 'last year (base year + a multiple of 5; any later year with --width 1)', int('--until', 'expected an integer year'))
      .option('--uncertainty <file>', 'JSON { tfr?: { sigma?, rho? }, e0?: { sigma? }, migration?: { sigma? } }; default: the documented defaults')
      .option('--trajectories <n>', 'number of trajectories', int('--trajectories', 'expected a whole number of trajectories'), 10000)
      .option('--seed <s>', 'random seed (the same seed gives the same result)', int('--seed', 'expected an integer seed'), 1)
      .option('--target <year:population>', 'a target whose probability to report (repeatable)', (v, prev: { year: number; population: number }[] | undefined) => [...(prev ?? []), parseTarget(v)])
      .option('--open-age <age>', 'open age group of the projection (a multiple of 5, >= 65)', int('--open-age', 'expected an integer age'))
      .option('--workers <n>', `worker threads, 1 to ${MAX_WORKERS} (default 1: the main thread); the same results bit for bit whatever the number`, (v) => parseWorkers(v)))),
  )
    .addHelpText(
      'after',
      `
A progress bar is shown on a terminal (stderr), none in a pipe; with --workers above 1, none either
(the workers report only when done). Trajectory i draws from its own random stream (seed, i), so
--workers changes the time taken, never the figures.

Examples:
  $ ccmpp simulate scenario.json --base base.csv --year 2015 --until 2030 --uncertainty data/templates/uncertainty.json --trajectories 20000 --seed 7
  $ ccmpp simulate scenario.json --base base.json --until 2030 --target 2030:2600000 --out results/
  $ ccmpp simulate scenario.json --base base.csv --year 2015 --until 2030 --width 1 --trajectories 2000   # annual steps
  $ ccmpp simulate scenario.json --base base.json --until 2030 --net-per-year 0 --uncertainty u.json   # u.json: { "migration": { "sigma": 2000 } }
  $ ccmpp simulate scenario.json --base base.json --until 2030 --trajectories 100000 --workers 4   # worker threads, same figures`,
    )
    .action(
      async (
        scenario: string,
        o: { base: string; year?: number; until: number; uncertainty?: string; trajectories: number; seed: number; target?: { year: number; population: number }[]; openAge?: number; workers?: number; format: Format; out?: string } & GridFlags & MigrationOptions,
      ) => {
        const { target, ...rest } = takeMigrationOptions(o);
        done(await simulateCommand({ scenario, ...rest, ...(target ? { targets: target } : {}) }, env.progress?.()), o.out);
      },
    );

  common(
    migration(grid(program
      .command('compare')
      .description('scenario files side by side from one base: totals by year and each one against the targets (with --variants, the first one’s UN-style variants)')
      .argument('<scenario...>', 'scenario JSON files (see `ccmpp schema`); each column is named by its file’s basename')
      .requiredOption('--base <file>', 'base population: CSV with header age,female,male and rows 0-4, 5-9, … or single years 0, 1, … (needs --year), or JSON { year, female, male, width? }')
      .option('--year <year>', 'base year of a CSV population', int('--year', 'expected an integer year'))
      .requiredOption('--until <year>', 'last year (base year + a multiple of 5; any later year with --width 1)', int('--until', 'expected an integer year'))
      .option('--target <year:population>', 'a target to give each scenario a verdict on (repeatable)', (v, prev: { year: number; population: number }[] | undefined) => [...(prev ?? []), parseTarget(v)])
      .option('--variants', 'replace the first scenario by its variants: medium (as given), high and low (TFR ± 0.5), constant-fertility, constant-mortality (held at the base year’s), zero-migration')
      .option('--open-age <age>', 'open age group of the projection (a multiple of 5, >= 65)', int('--open-age', 'expected an integer age')))),
  )
    .addHelpText(
      'after',
      `
The table has one column per scenario and one row per projected year (every 5 years; every year
with --width 1). The migration options set the migration of every scenario file (the
zero-migration variant has none).

Examples:
  $ ccmpp compare plan.json constant.json --base base.csv --year 2015 --until 2030 --target 2030:2600000
  $ ccmpp compare plan.json --variants --base base.json --until 2050 --target 2030:2600000
  $ ccmpp compare plan.json other.json --base base.csv --year 2015 --until 2030 --width 1   # every year
  $ ccmpp compare plan.json other.json --base base.json --until 2030 --net-per-year -2000 --format csv > comparison.csv
  $ ccmpp compare plan.json --variants --base base.json --until 2030 --out comparison/   # + report.html`,
    )
    .action(
      async (
        scenarios: string[],
        o: { base: string; year?: number; until: number; target?: { year: number; population: number }[]; variants?: boolean; openAge?: number; format: Format; out?: string } & GridFlags & MigrationOptions,
      ) => {
        const { target, ...rest } = takeMigrationOptions(o);
        done(await compareCommand({ scenarios, ...rest, ...(target ? { targets: target } : {}) }), o.out);
      },
    );

  common(
    program
      .command('base')
      .description('estimate a base population from a few known totals: a reference age-sex shape fitted to margins (iterative proportional fitting)')
      .requiredOption('--reference <file>', 'population giving the age-sex shape: CSV with header age,female,male (needs --year) or JSON { year, female, male, width? }, as --base reads it')
      .requiredOption('--margins <spec>', 'the known totals: [sex:][ages:]persons,… e.g. 0-14:260000,15-59:1693000,60+:490000,female:1220000; or a JSON file of margins [{ from?, to?, sex?, population }]')
      .option('--year <year>', 'year of the fitted population (default: the JSON reference’s year)', int('--year', 'expected an integer year')),
  )
    .addHelpText(
      'after',
      `
The margins: ages a-b (both included, as the group labels: 15-59 is ages 15 to 59), a+ (a and
over) or a single age, each optionally preceded by a sex (female:15-59:800000), or a sex alone
(female:1220000, every age); persons after the last colon. Margins may overlap (60+ and 65+, the
age groups and the sexes) but must agree with one another: the age groups and the sexes must sum
to the same total, and together cover every age of both sexes (the reference gives only the
shape: a group in no margin would keep its count). The shape within each margin is the reference's.

--format csv prints the population CSV that --base reads (persons rounded to the unit), json the
population JSON { year, female, male, width } at full precision; table also shows how well each
margin is met.

Examples:
  $ ccmpp base --reference china-2015.csv --year 2015 --margins 0-14:260000,15-59:1693000,60+:490000
  $ ccmpp base --reference china-2015.csv --year 2015 --margins 0-14:260000,15-59:1693000,60+:490000 --format csv > base.csv
  $ ccmpp project scenario.json --base base.csv --year 2015 --until 2030     # then project it
  $ ccmpp base --reference shape.json --margins 0-14:372000,15-59:1620000,60+:451000,female:1220000 --format json > base.json
  $ ccmpp base --reference shape.json --margins margins.json --out base/    # + base.json, base.csv, report.html`,
    )
    .action(async (o: { reference: string; margins: string; year?: number; format: Format; out?: string }) => {
      done(await baseCommand(o), o.out);
    });

  common(
    program
      .command('schema')
      .description('print the JSON Schema of scenario files (for editors), or of a command’s JSON output')
      .argument('[name]', `one of ${SCHEMA_NAMES.join(', ')}`, 'scenario'),
    'json',
  )
    .addHelpText(
      'after',
      `
--format json (the default) prints the JSON Schema; table and csv list its fields.

Examples:
  $ ccmpp schema > scenario.schema.json      # then "$schema": "./scenario.schema.json" in a scenario file
  $ ccmpp schema --format table               # the fields of a scenario, with their meaning
  $ ccmpp schema project-output               # the documented JSON of \`ccmpp project --format json\``,
    )
    .action((name: string, o: { format: Format; out?: string }) => {
      done(schemaCommand({ name, ...o }), o.out);
    });

  return program;
}
