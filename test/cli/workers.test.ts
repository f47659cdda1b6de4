import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tsupConfig from '../../tsup.config.js';
import { runCli } from '../../src/cli/app.js';
import { MAX_WORKERS } from '../../src/validate/schemas.js';
import { simulateOutputSchema } from '../../src/cli/outputSchemas.js';
import { closeSimulationWorkers, simulateParallel } from '../../src/parallel.js';
import { InputError } from '../../src/validate/errors.js';
import { yingkou } from '../../src/yingkou/data.js';
import { TEMPLATES } from './helpers.js';

// `ccmpp simulate --workers n`: the Monte Carlo on worker threads (simulateParallel, ccmpp/parallel),
// the same JSON bit for bit as on the main thread — in process from the sources (as the tests run
// the command), as a child process from the sources (tsx), and from the built bundle (dist/cli.js,
// which finds stochastic-worker.js next to it).

afterAll(closeSimulationWorkers);

const sim = ['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030', '--trajectories', '2500', '--seed', '7'];
const withTargets = [...sim, '--uncertainty', TEMPLATES.uncertainty, '--target', '2030:1050000', '--target', '2025:1000000', '--format', 'json'];

async function stdoutOf(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout;
}

function child(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 110_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('--workers: the same results bit for bit', () => {
  it('1 (the default, main thread), 2 and 3 workers give the same JSON', async () => {
    const single = await stdoutOf(withTargets);
    expect(await stdoutOf([...withTargets, '--workers', '1'])).toBe(single);
    for (const workers of ['2', '3']) expect(await stdoutOf([...withTargets, '--workers', workers])).toBe(single);
    const doc = simulateOutputSchema.parse(JSON.parse(single));
    expect(doc.trajectories).toBe(2500);
    expect(doc.probabilities.map((p) => p.year)).toEqual([2030, 2025]);
  });

  it('at width 1, and with more workers than trajectories', async () => {
    const annual = [...sim.slice(0, -4), '--trajectories', '300', '--seed', '3', '--width', '1', '--format', 'json'];
    const single = await stdoutOf(annual);
    expect(await stdoutOf([...annual, '--workers', '2'])).toBe(single);
    const few = [...sim.slice(0, -4), '--trajectories', '3', '--seed', '3', '--format', 'json'];
    expect(await stdoutOf([...few, '--workers', '5'])).toBe(await stdoutOf(few));
  });

  it('an input error from the workers’ run names the files, as on the main thread', async () => {
    const bad = [...sim.slice(0, -4), '--trajectories', '100', '--seed', '1', '--open-age', '120'];
    const one = await runCli(bad);
    const two = await runCli([...bad, '--workers', '2']);
    expect(one.exitCode).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toMatch(/^ccmpp: cannot project data\/templates\/scenario\.json from data\/templates\/population\.csv:\n {2}/);
  });

  it('a bad --workers: the option named, with the rule and the value', async () => {
    const err = async (n: string) => {
      const r = await runCli([...sim, '--workers', n]);
      expect(r.exitCode).toBe(2);
      return r.stderr;
    };
    expect(await err('0')).toBe(`ccmpp: --workers: expected an integer from 1 to ${MAX_WORKERS} (worker threads), got 0\n`);
    expect(await err('257')).toBe('ccmpp: --workers: expected an integer from 1 to 256 (worker threads), got 257\n');
    expect(await err('2.5')).toBe('ccmpp: --workers: expected an integer from 1 to 256 (worker threads), got "2.5"\n');
    expect(await err('four')).toBe('ccmpp: --workers: expected an integer from 1 to 256 (worker threads), got "four"\n');
  });

  it('the limit is the library’s: simulateParallel refuses one worker more', async () => {
    const o = { trajectories: 10, seed: 1, until: 2020 };
    await expect(simulateParallel(yingkou.base2015, yingkou.scenarios.plan, {}, { ...o, workers: MAX_WORKERS + 1 })).rejects.toThrow(InputError);
    await expect(simulateParallel(yingkou.base2015, yingkou.scenarios.plan, {}, { ...o, workers: MAX_WORKERS + 1 })).rejects.toThrow(`options.workers: expected an integer from 1 to ${MAX_WORKERS}, got ${MAX_WORKERS + 1}`);
  });
});

describe('--workers from a child process', { timeout: 120_000 }, () => {
  /** The package's own tsup configuration, built without declarations into test/.tmp (dist/ is the release build's). */
  const DIST = join('test', '.tmp', 'cli-workers-dist');
  beforeAll(async () => {
    for (const c of tsupConfig as Options[]) await build({ ...c, outDir: DIST, dts: false, sourcemap: false, silent: true, config: false });
  }, 120_000);

  const argv = [...withTargets.slice(0, -2), '--format', 'json'];

  it('the built dist/cli.js finds its worker script next to it: the same JSON as the main thread', async () => {
    const single = await stdoutOf(argv);
    const r = await child([join(DIST, 'cli.js'), ...argv, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(single);
  });

  it('from the sources (tsx, as `npm start` runs it): the same JSON', async () => {
    const single = await stdoutOf(argv);
    const r = await child(['--import', 'tsx', 'src/cli/main.ts', ...argv, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(single);
  });
});
