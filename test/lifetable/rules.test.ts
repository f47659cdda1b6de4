import { describe, expect, it } from 'vitest';

// The rule names and defaults of the life-table layer. The modules are imported inside the tests
// on purpose: a module that throws while loading then fails a test (Stryker's vitest runner does
// not see a file that fails to load).

describe('life-table rules', () => {
  it('a0 rules: Andreev–Kingkade (the default) and Coale–Demeny', async () => {
    const { A0_RULES, DEFAULT_A0_RULE } = await import('../../src/lifetable/a0.js');
    expect(A0_RULES).toEqual(['andreev-kingkade', 'coale-demeny']);
    expect(DEFAULT_A0_RULE).toBe('andreev-kingkade');
  });

  it('nax rules: Mortpak (the default, floor 0.97) and midpoint', async () => {
    const { AX_RULES, DEFAULT_AX_RULE, MORTPAK_AX_FLOOR } = await import('../../src/lifetable/ax.js');
    expect(AX_RULES).toEqual(['mortpak', 'midpoint']);
    expect(DEFAULT_AX_RULE).toBe('mortpak');
    expect(MORTPAK_AX_FLOOR).toBe(0.97);
  });

  it('the rule schemas take exactly those names', async () => {
    const { a0RuleSchema, axRuleSchema } = await import('../../src/lifetable/schemas.js');
    const { parseWith } = await import('../../src/validate/parse.js');
    expect(parseWith(a0RuleSchema, 'coale-demeny')).toBe('coale-demeny');
    expect(parseWith(axRuleSchema, 'midpoint')).toBe('midpoint');
    expect(() => parseWith(a0RuleSchema, 'brass')).toThrow(/a0Rule|expected/);
    expect(() => parseWith(axRuleSchema, 'greville')).toThrow(/expected/);
  });
});
