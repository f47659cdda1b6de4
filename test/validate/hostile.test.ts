import { fork } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The hostile-input sweep (issue 11 §5): every public function, from a valid call, gets NaN, ±Infinity,
// 1e308, 5e-324, −1, strings, null, undefined, {}, [], wrong lengths and huge sizes in each argument
// and each field of its objects, in turn (hostile.cases.ts). Every call must end in an InputError in
// the library's grammar, or in a result without NaN, Infinity or negative people. The calls run in a
// child process (hostile.worker.ts) that announces each one: a call that stays silent longer than
// HANG_GUARD_MS, or crashes the process (out of memory), is counted as a hang and the sweep goes on
// after it. The guard only tells a hang from a slow call; nothing here asserts a speed.

/** Silence after which a call counts as hung (a guard, not a speed requirement: the slowest call takes well under 1 s). */
const HANG_GUARD_MS = 30_000;

interface Counts {
  calls: number;
  notInputError: number;
  badOutput: number;
  rawZod: number;
  hangs: number;
  longMessages: number;
}

function sweep(): Promise<{ counts: Counts; examples: string[] }> {
  const counts: Counts = { calls: 0, notInputError: 0, badOutput: 0, rawZod: 0, hangs: 0, longMessages: 0 };
  const examples: string[] = [];
  const note = (s: string) => {
    if (examples.length < 40) examples.push(s);
  };
  let first = 0;
  const run = () =>
    new Promise<boolean>((resolve) => {
      const child = fork(join(import.meta.dirname, 'hostile.worker.ts'), [String(first)], {
        execArgv: ['--import', 'tsx', '--max-old-space-size=1024'],
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      let current: { id: number; where: string } | undefined;
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
      };
      arm();
      child.on('message', (m: { type: string; id: number; where: string; outcome?: string; detail?: string; count?: number }) => {
        arm();
        if (m.type === 'start') current = m;
        else if (m.type === 'end') {
          current = undefined;
          counts.calls++;
          const key = ({ 'not-input-error': 'notInputError', 'non-finite': 'badOutput', 'negative-people': 'badOutput', 'raw-zod': 'rawZod', 'long-message': 'longMessages' } as const)[
            m.outcome as 'raw-zod'
          ];
          if (key) {
            counts[key]++;
            note(`${m.outcome}: ${m.where}: ${m.detail ?? ''}`);
          }
        } else if (m.type === 'done') finished = true;
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (finished) return resolve(true);
        counts.hangs++;
        note(`hang: ${current?.where ?? `after call ${first}`} (exit ${code}, ${signal})`);
        if (current) counts.calls++;
        first = (current?.id ?? first) + 1;
        resolve(false);
      });
    });
  return (async () => {
    while (!(await run()));
    return { counts, examples };
  })();
}

describe('hostile inputs to every public function (issue 11 §5)', () => {
  it('every call ends in an InputError in the library grammar or in a clean result: 0 non-InputError throws, 0 NaN/Infinity/negative outputs, 0 raw zod messages, 0 hangs', async () => {
    const { counts, examples } = await sweep();
    console.log(
      `hostile sweep: ${counts.calls} calls; ${counts.notInputError} throws not InputError, ${counts.badOutput} outputs with NaN/Infinity/negative people, ` +
        `${counts.rawZod} raw zod messages, ${counts.hangs} hangs (${counts.longMessages} messages over the length bound)`,
    );
    expect(examples).toEqual([]);
    expect([counts.notInputError, counts.badOutput, counts.rawZod, counts.hangs, counts.longMessages]).toEqual([0, 0, 0, 0, 0]);
    expect(counts.calls).toBeGreaterThan(7000);
  }, 600_000);
});
