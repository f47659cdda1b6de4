import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

const { assertHolds } = invariants;

describe('lifeTable — properties over generated mx (Siler laws, ccmpp/testing)', () => {
  it('satisfies the life-table identities (0 ≤ qx ≤ 1, lx non-increasing, Σdx = l0, Tx = Σ Lx, ex = Tx/lx)', () => {
    fc.assert(
      fc.property(arbitraries.lifeTable({ openAge: { min: 20, max: 110 }, radix: { min: 1, max: 1e6 } }), (lt) =>
        assertHolds(invariants.lifeTableIdentities(lt)),
      ),
    );
  });

  // A rise of at least 1 %: the a0 and 4a1 rules jump by up to 0.002 years at their breakpoints
  // (Coale–Demeny 4a1 at m0 = 0.107, Andreev–Kingkade a0 at m0 = 0.06891), which an infinitesimal
  // rise of mx crossing a breakpoint could outweigh.
  it('gives a strictly lower e0 when every mx rises by a factor k > 1', () => {
    fc.assert(
      fc.property(
        arbitraries.mx({ openAge: { min: 20, max: 110 } }),
        arbitraries.uniform(1.01, 3),
        fc.constantFrom('female', 'male'),
        fc.constantFrom('andreev-kingkade', 'coale-demeny'),
        fc.constantFrom('mortpak', 'midpoint'),
        (mx, k, sex, a0Rule, axRule) => {
          const e0 = (m: ArrayLike<number>) => lifeTable(m, { sex, a0Rule, axRule }).ex[0]!;
          const raised = mx.map((m) => m * k);
          return assertHolds(invariants.decreasingIn([1, k], [e0(mx), e0(raised)], { strict: true, input: 'mx factor', output: 'e0' }));
        },
      ),
    );
  });
});
