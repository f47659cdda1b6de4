import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { yingkouReportWithProgress } from '../../src/cli/commands/yingkou.js';
import { jsonText, type Progress } from '../../src/cli/output.js';
import { closeSimulationWorkers } from '../../src/parallel.js';
import { PROGRESS_CHUNK } from '../../src/stochastic/simulate.js';
import { InputError } from '../../src/validate/errors.js';
import { YINGKOU_TRAJECTORIES, yingkouReport } from '../../src/yingkou/report.js';
import { TEMPLATES } from './helpers.js';

// The Yingkou report's simulations (answer 7: 100,000 trajectories per scenario) drive a progress
// bar on a terminal, as `simulate` does: yingkouReport's onProgress changes no figure, the command
// starts, advances and stops the display, and a pipe gets none.

afterAll(closeSimulationWorkers);

/** A progress display that records what it is told. */
function recorder(): Progress & { calls: string[]; done: number[] } {
  const calls: string[] = [];
  const done: number[] = [];
  return {
    calls,
    done,
    start: (total) => calls.push(`start ${total}`),
    update: (d) => {
      done.push(d);
      calls.push('update');
    },
    stop: () => calls.push('stop'),
  };
}

describe("yingkouReport's onProgress", () => {
  const trajectories = 2500;
  const plain = yingkouReport({ trajectories });

  it('changes nothing, bit for bit, and counts every trajectory of every simulated scenario', () => {
    const seen: [number, number][] = [];
    const withProgress = yingkouReport({ trajectories, onProgress: (d, t) => seen.push([d, t]) });
    expect(jsonText(withProgress)).toBe(jsonText(plain));
    const runs = plain.uncertainty.runs.length;
    expect(runs).toBe(2); // the plan, and the plan with the migration reaching 2.6 million
    const total = runs * trajectories;
    expect(seen.every(([, t]) => t === total)).toBe(true);
    // Chunks of PROGRESS_CHUNK within each scenario's run, the second counted on from the first's total.
    expect(seen.map(([d]) => d)).toEqual([1000, 2000, 2500, 3500, 4500, 5000]);
    expect(PROGRESS_CHUNK).toBe(1000);
  });

  it('a non-function is refused with the option named', () => {
    expect(() => yingkouReport({ trajectories, onProgress: 5 as never })).toThrow(InputError);
    expect(() => yingkouReport({ trajectories, onProgress: 5 as never })).toThrow('options.onProgress: expected a function (done, total) => void, got 5');
    expect(() => yingkouReport({ trajectories, extra: 1 } as never)).toThrow('options: expected options { targets?, trajectories?, width?, onProgress? }, got "extra"');
    expect(() => yingkouReport(null as never)).toThrow('options: expected options { targets?, trajectories?, width?, onProgress? }, got null');
  });

  it('the display is started with the total, advanced, and stopped however the run ends', () => {
    const p = recorder();
    expect(jsonText(yingkouReportWithProgress({ trajectories }, p))).toBe(jsonText(plain));
    expect(p.calls[0]).toBe(`start ${2 * trajectories}`);
    expect(p.calls.at(-1)).toBe('stop');
    expect(p.calls.filter((c) => c === 'stop')).toHaveLength(1);
    expect(p.done.at(-1)).toBe(2 * trajectories);
    const failing: Progress & { stopped: boolean } = {
      stopped: false,
      start: () => undefined,
      update: () => {
        throw new Error('interrupted');
      },
      stop() {
        this.stopped = true;
      },
    };
    expect(() => yingkouReportWithProgress({ trajectories }, failing)).toThrow('interrupted');
    expect(failing.stopped).toBe(true);
  });
});

describe('ccmpp yingkou with a progress display', { timeout: 120_000 }, () => {
  it('on a terminal (env.progress): the bar follows the 2 × 100,000 trajectories; the output is the same', async () => {
    const p = recorder();
    const withBar = await runCli(['yingkou', '--format', 'json'], { progress: () => p });
    const without = await runCli(['yingkou', '--format', 'json']);
    expect(withBar.exitCode, withBar.stderr).toBe(0);
    expect(withBar.stdout).toBe(without.stdout);
    expect(withBar.stderr).toBe('');
    expect(p.calls[0]).toBe(`start ${2 * YINGKOU_TRAJECTORIES}`);
    expect(p.calls.at(-1)).toBe('stop');
    expect(p.done).toHaveLength((2 * YINGKOU_TRAJECTORIES) / PROGRESS_CHUNK);
    expect(p.done.every((d, i) => i === 0 || d > p.done[i - 1]!)).toBe(true);
  });

  it('in a pipe: no bar, nothing on stderr', async () => {
    const r = await new Promise<{ code: number; stderr: string; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'yingkou', '--format', 'csv'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 110_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/,/);
  });

  it('simulate --workers above 1 shows no bar (the workers report only when done)', async () => {
    const p = recorder();
    const argv = ['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030', '--trajectories', '2000', '--format', 'json'];
    const r = await runCli([...argv, '--workers', '2'], { progress: () => p });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(p.calls).toEqual([]);
    const q = recorder();
    expect((await runCli(argv, { progress: () => q })).stdout).toBe(r.stdout);
    expect(q.calls[0]).toBe('start 2000');
  });
});
