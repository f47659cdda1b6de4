import type { Population, Projection } from 'ccmpp';
import { indicatorsCsv } from '../../src/cli/tables.js';
import { scenarioOf, type Assumptions } from './model.js';
import type { PageState } from './state.js';

/**
 * What the page lets a planner take away, in the command's own formats: the scenario file and the
 * base population `ccmpp project` reads, and the results as the CSV `ccmpp project --format csv`
 * prints (its writer, src/cli/tables.ts). Running the command on the two files gives the page's
 * numbers to the last digit (test/explorer/browser.test.ts).
 */

/** The scenario as the JSON file of `ccmpp project <scenario.json>`. */
export function scenarioJson(a: Assumptions): string {
  return `${JSON.stringify(scenarioOf(a), null, 2)}\n`;
}

/** The base population as the JSON `--base` reads: `{ year, female, male, width? }`, full precision. */
export function baseJson(b: Population): string {
  const out = { year: b.year, female: Array.from(b.female), male: Array.from(b.male), ...(b.width === 1 ? { width: 1 } : {}) };
  return `${JSON.stringify(out)}\n`;
}

/** The indicators by year and period, as `ccmpp project … --format csv` writes them. */
export function resultsCsv(p: Projection): string {
  return indicatorsCsv(p.indicators);
}

/** The command that reproduces the page from the two downloaded files. */
export function cliCommand(s: Pick<PageState, 'until' | 'target' | 'width'>): string {
  const until = Math.max(s.until, s.target.year);
  return `ccmpp project scenario.json --base base.json --until ${until}${s.width === 1 ? ' --width 1' : ''}\nccmpp solve migration scenario.json --base base.json --target ${s.target.year}:${s.target.population}${s.width === 1 ? ' --width 1' : ''}`;
}
