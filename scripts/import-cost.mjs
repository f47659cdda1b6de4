#!/usr/bin/env node
/**
 * What `import('ccmpp')` costs, against `import('zod')` alone, side by side in one run: each import
 * in a fresh Node process (the built package, dist/: run `npm run build` first), alternating, ROUNDS
 * times each. A child measures only its import — CPU time (user + system, process.cpuUsage) and
 * memory (resident set and V8 heap after the import, minus before) — not Node's own start-up.
 * Prints the medians and the goals of issue 12: CPU ≤ 1.5× zod's, memory ≤ zod's + 15 MB.
 *
 *   node scripts/import-cost.mjs [rounds]     (npm run import-cost)
 *
 * Exits 1 when a goal is missed.
 */
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ROUNDS = Number(process.argv[2] ?? 15);
const CPU_RATIO_GOAL = 1.5;
const MEMORY_GOAL_MB = 15;

// Run from the repository's root, where Node resolves 'ccmpp' to the package itself (its "exports").
const child = (specifier) => `
const m0 = process.memoryUsage();
const c0 = process.cpuUsage();
const t0 = performance.now();
await import(${JSON.stringify(specifier)});
const cpu = process.cpuUsage(c0);
const wall = performance.now() - t0;
const m1 = process.memoryUsage();
console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: wall, rssMB: (m1.rss - m0.rss) / 2 ** 20, heapMB: (m1.heapUsed - m0.heapUsed) / 2 ** 20 }));`;

function measure(specifier) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child(specifier)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import(${specifier}) failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const runs = { zod: [], ccmpp: [] };
for (let i = 0; i < ROUNDS; i++) {
  // Alternate the order, so that neither always runs on a warmer machine.
  for (const name of i % 2 ? ['ccmpp', 'zod'] : ['zod', 'ccmpp']) runs[name].push(measure(name));
}
const summary = Object.fromEntries(
  Object.entries(runs).map(([name, rs]) => [name, Object.fromEntries(['cpuMs', 'wallMs', 'rssMB', 'heapMB'].map((k) => [k, median(rs.map((r) => r[k]))]))]),
);

const { zod, ccmpp } = summary;
const cpuRatio = ccmpp.cpuMs / zod.cpuMs;
const extraRss = ccmpp.rssMB - zod.rssMB;
const f = (x, d = 1) => x.toFixed(d);
console.log(`import cost, medians of ${ROUNDS} fresh processes each (Node ${process.version}, built package dist/):`);
console.log(`                   CPU ms   wall ms   RSS +MB   heap +MB`);
for (const [name, s] of Object.entries(summary)) {
  console.log(`import('${name}')`.padEnd(17) + `${f(s.cpuMs).padStart(8)}${f(s.wallMs).padStart(10)}${f(s.rssMB).padStart(10)}${f(s.heapMB).padStart(11)}`);
}
const cpuOk = cpuRatio <= CPU_RATIO_GOAL;
const memOk = extraRss <= MEMORY_GOAL_MB;
console.log(`CPU: ccmpp / zod = ${f(cpuRatio, 2)}× (goal ≤ ${CPU_RATIO_GOAL}×) ${cpuOk ? 'ok' : 'MISSED'}`);
console.log(`memory: ccmpp − zod = ${f(extraRss)} MB RSS (goal ≤ ${MEMORY_GOAL_MB} MB) ${memOk ? 'ok' : 'MISSED'}`);
if (!cpuOk || !memOk) process.exitCode = 1;
