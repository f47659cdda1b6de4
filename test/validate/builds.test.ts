import { describe, expect, it } from 'vitest';
import { runNode } from '../entries/helpers.js';

// An InputError thrown by the CommonJS build is an instance of the ESM build's class and back
// (issue 11 §5): the classes test a Symbol.for brand, which both builds share, not their identity.
// Runs on the built package (dist/, built by `npm test`'s pretest, or `npm run build`).

describe('errors across the ESM and CommonJS builds', () => {
  it('instanceof InputError and CcmppError hold across dist/index.js and dist/index.cjs', () => {
    const r = runNode(
      'cross-build.mjs',
      `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const esm = await import('ccmpp');
const cjs = require('ccmpp');
if (esm.InputError === cjs.InputError) throw new Error('expected two builds, two classes');
const thrown = (m) => { try { m.project({ year: 2015, female: [1, 1], male: [1, 1] }, {}, { until: 2020 }); } catch (e) { return e; } };
const fromCjs = thrown(cjs);
const fromEsm = thrown(esm);
console.log(JSON.stringify([
  fromCjs instanceof esm.InputError, fromCjs instanceof esm.CcmppError, fromEsm instanceof cjs.InputError, fromEsm instanceof cjs.CcmppError,
  new Error('x') instanceof esm.InputError, new esm.CcmppError('x') instanceof cjs.InputError, new esm.CcmppError('x') instanceof cjs.CcmppError,
]));`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, true, true, false, false, true]);
  });
});
