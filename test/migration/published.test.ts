import { describe, expect, it } from 'vitest';

// The published parameter sets of the migration layer. The modules are imported inside the tests on
// purpose: a module that throws while loading then fails a test (Stryker's vitest runner does not
// see a file that fails to load).

describe('published migration parameters', () => {
  it('Rogers & Castro (1981) standard schedule: a1 .02, α1 .1, a2 .06, α2 .1, μ2 20, λ2 .4, c .003', async () => {
    const { ROGERS_CASTRO_STANDARD } = await import('../../src/migration/rogersCastro.js');
    expect(ROGERS_CASTRO_STANDARD).toEqual({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003 });
    expect(Object.isFrozen(ROGERS_CASTRO_STANDARD)).toBe(true);
  });

  it('bayesPop Flow-Difference defaults β0 .07, β1 .5, m .02; none by default', async () => {
    const { FLOW_DIFFERENCE_BAYESPOP, resolveFlowDifference } = await import('../../src/migration/flowDifference.js');
    expect(FLOW_DIFFERENCE_BAYESPOP).toEqual({ beta0: 0.07, beta1: 0.5, m: 0.02 });
    expect(resolveFlowDifference('bayespop')).toBe(FLOW_DIFFERENCE_BAYESPOP);
    expect(resolveFlowDifference(undefined)).toEqual({ beta0: 0, beta1: 0, m: 0 });
    expect(Object.isFrozen(resolveFlowDifference(undefined))).toBe(true);
    const own = { beta0: 0.1, beta1: 0.2, m: 0.01 };
    expect(resolveFlowDifference(own)).toBe(own);
  });

  it('the last single age of a Rogers–Castro open group is 100', async () => {
    const { ROGERS_CASTRO_LAST_AGE } = await import('../../src/migration/profile.js');
    expect(ROGERS_CASTRO_LAST_AGE).toBe(100);
  });
});
