import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../../src/report/vegaLite.js';

/** Compiles a spec with vega-lite and returns the Vega spec and every warning vega-lite raised. */
export function compileSpec(spec: VegaLiteSpec): { warnings: string[]; vega: unknown } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => (warnings.push(`error: ${a.join(' ')}`), logger),
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const vega = compile(spec as unknown as TopLevelSpec, { logger: logger as never }).spec;
  return { warnings, vega };
}

/** The inline data rows of every layer of a layered spec (the top-level data for layers without their own). */
export function layerData(spec: VegaLiteSpec): Record<string, unknown>[][] {
  const top = (spec.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? [];
  return (spec.layer as { data?: { values: Record<string, unknown>[] } }[]).map((l) => l.data?.values ?? top);
}
