import { afterEach, describe, expect, it, vi } from 'vitest';

// Where code generation is refused (a strict Content-Security-Policy makes `new Function` throw an
// EvalError), the step runs the loop and gives the same numbers; any other error of the generated
// source is a fault and surfaces (it must not hide behind the slower loop).

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function freshKernel() {
  vi.resetModules();
  return import('../../src/project/kernel.js');
}

function period(G: number, migration: boolean) {
  const f = (v: number) => new Float64Array(G).fill(v);
  const asfr = f(0);
  for (let x = Math.floor(G / 3); x < Math.floor(G / 2); x++) asfr[x] = 0.05;
  return {
    width: 1 as const,
    sf: f(0.99).subarray(0, G - 1),
    sm: f(0.985).subarray(0, G - 1),
    bf: 0.995,
    bm: 0.994,
    asfr,
    femaleShare: 100 / 207,
    mf: migration ? f(3) : null,
    mm: migration ? f(-1) : null,
    startShare: 0.5,
    out: null,
  };
}

/** Makes `new Function(…)`, the kernel's code generation, throw `error` (until the globals are unstubbed). */
function failCodeGeneration(error: Error): void {
  vi.stubGlobal(
    'Function',
    new Proxy(Function, {
      construct() {
        throw error;
      },
    }),
  );
}

describe('the step where code generation is refused', () => {
  it('falls back to the loop on an EvalError, bit for bit', async () => {
    const reference = await freshKernel();
    failCodeGeneration(new EvalError('Refused to evaluate a string as JavaScript (Content-Security-Policy)'));
    const csp = await freshKernel();
    for (const [G, migration] of [[21, false], [101, true]] as const) {
      const k = period(G, migration);
      const pf = new Float64Array(G).fill(1000);
      const pm = new Float64Array(G).fill(1100);
      const a = [new Float64Array(G), new Float64Array(G), new Float64Array(reference.TOTALS_SIZE)] as const;
      const b = [new Float64Array(G), new Float64Array(G), new Float64Array(reference.TOTALS_SIZE)] as const;
      expect(csp.step(pf, pm, k, a[0], a[1], a[2])).toBe(reference.loopStep(pf, pm, k, b[0], b[1], b[2]));
      a.forEach((v, j) => expect(Array.from(v)).toEqual(Array.from(b[j]!)));
    }
  });

  it('lets any other error of code generation through', async () => {
    failCodeGeneration(new SyntaxError('a fault in the generated source'));
    const broken = await freshKernel();
    const k = period(21, false);
    const z = () => new Float64Array(21);
    expect(() => broken.step(z().fill(1), z().fill(1), k, z(), z(), new Float64Array(broken.TOTALS_SIZE))).toThrow(SyntaxError);
  });
});
