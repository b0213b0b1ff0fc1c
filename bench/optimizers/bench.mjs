#!/usr/bin/env node
// Quality and overhead of the Bayesian optimizers (issue 15).
//
//   node bench/optimizers/bench.mjs [--mode direct|guild] [--functions branin,hartmann6,noisy1d]
//       [--optimizers random,gp,tpe,forest,gbrt] [--trials 20,40] [--seeds 10] [--overhead yes|no]
//
// Quality: for each function, budget and optimizer, the best value found in
// each of `seeds` searches (seeds 1..N), reported as median and quartiles.
// `--mode guild` runs every search through the real `guild run` path (a temp
// GUILD_HOME, bench/optimizers/project/objective.py printing `loss`, one
// Python process per trial, prev-trials=batch so searches stay apart);
// `--mode direct` (the default) runs the same optimizer code in-process on
// the same functions (bench/optimizers/functions.mjs), which takes seconds
// instead of hours on a shared machine.
// Overhead: CPU time (process.cpuUsage, so other load on the machine does
// not count) of choosing one trial from 40 observations, median of 9.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FUNCTIONS } from "./functions.mjs";
import { usePythonDirectly } from "../../scripts/python-path.mjs";

usePythonDirectly();

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const GUILD = join(ROOT, "bin", "guild.js");
const { flagDims, randomTrials } = await import(join(ROOT, "dist/src/core/batch/search-space.js"));
const { nextTrial } = await import(join(ROOT, "dist/src/core/batch/seq-trials.js"));
const { seededRandom } = await import(join(ROOT, "dist/src/core/util/seeded-random.js"));

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const MODE = args.mode ?? "direct";
const FNS = (args.functions ?? "branin,hartmann6,noisy1d").split(",");
const OPTS = (args.optimizers ?? "random,gp,tpe,forest,gbrt").split(",");
const TRIALS = (args.trials ?? "20,40").split(",").map(Number);
const SEEDS = Number(args.seeds ?? 10);
const SETTINGS = { randomStarts: 3, acqFunc: "gp_hedge", kappa: 1.96, xi: 0.05, noise: "gaussian" };

const num = (v) => (typeof v === "number" ? v : v.value);
const values = (flags) => Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, typeof v === "string" ? v : num(v)]));

function gaussianFrom(rng) {
  return () => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-300))) * Math.cos(2 * Math.PI * rng());
}

/** One search in-process: the best objective value found. */
function directSearch(fname, optimizer, trials, seed) {
  const fn = FUNCTIONS[fname];
  const dims = flagDims(fn.flags);
  const rng = seededRandom(seed);
  const noise = gaussianFrom(seededRandom(seed + 1000));
  const evaluate = (flags) => fn.f(values(flags), noise());
  if (optimizer === "random") return Math.min(...randomTrials(fn.flags, dims, trials, rng).map(evaluate));
  const search = { optimizer, dims, protoFlags: fn.flags, settings: SETTINGS, rng };
  const obs = [];
  for (let i = 0; i < trials; i++) {
    const { flags } = nextTrial(search, obs, i);
    obs.push({ flags, value: evaluate(flags) });
  }
  return Math.min(...obs.map((o) => o.value));
}

/** One search through `guild run`: the best `loss` the trials printed. */
function guildSearch(fname, optimizer, trials, seed) {
  const dir = mkdtempSync(join(tmpdir(), "guild-bench-opt-"));
  try {
    cpSync(join(ROOT, "bench", "optimizers", "project"), join(dir, "project"), { recursive: true });
    const flagArgs = Object.entries(FUNCTIONS[fname].flags).map(([k, v]) => `${k}=${v}`);
    const optArgs = optimizer === "random" ? [] : ["-Fo", "prev-trials=batch"];
    const r = spawnSync(
      process.execPath,
      [GUILD, "run", "objective.py", `fn=${fname}`, ...flagArgs, "-o", optimizer, "-m", String(trials), "--random-seed", String(seed), ...optArgs, "-y"],
      { cwd: join(dir, "project"), env: { ...process.env, GUILD_HOME: join(dir, "home") }, encoding: "utf8", maxBuffer: 1 << 26 },
    );
    const losses = [...r.stdout.matchAll(/^loss: (\S+)$/gm)].map((m) => Number(m[1]));
    if (r.status !== 0 || losses.length !== trials) throw new Error(`guild run failed (${r.status}): ${r.stderr.slice(-500)}`);
    return Math.min(...losses);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function quartiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => {
    const pos = p * (s.length - 1);
    const lo = Math.floor(pos);
    return s[lo] + (pos - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
  };
  return [at(0.25), at(0.5), at(0.75)];
}

function cpuMs(f) {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function overhead(fname, optimizer) {
  const fn = FUNCTIONS[fname];
  const dims = flagDims(fn.flags);
  const rng = seededRandom(1);
  const obs = randomTrials(fn.flags, dims, 40, rng).map((flags) => ({ flags, value: fn.f(values(flags), 0) }));
  const search = { optimizer, dims, protoFlags: fn.flags, settings: SETTINGS, rng };
  nextTrial(search, obs, 39); // warm-up
  const times = Array.from({ length: 9 }, () => cpuMs(() => nextTrial(search, obs, 39)));
  return quartiles(times)[1];
}

console.log(`mode: ${MODE}, seeds 1..${SEEDS}`);
console.log("| function | trials | optimizer | median best | 25% | 75% |");
console.log("|---|---|---|---|---|---|");
for (const fname of FNS) {
  for (const trials of TRIALS) {
    for (const optimizer of OPTS) {
      const search = MODE === "guild" ? guildSearch : directSearch;
      const best = Array.from({ length: SEEDS }, (_, i) => search(fname, optimizer, trials, i + 1));
      const [q1, med, q3] = quartiles(best);
      console.log(`| ${fname} | ${trials} | ${optimizer} | ${med.toFixed(4)} | ${q1.toFixed(4)} | ${q3.toFixed(4)} |`);
    }
  }
}
if (args.overhead !== "no") {
  console.log("\n| choosing a trial at 40 observations (CPU ms, median of 9) | " + OPTS.filter((o) => o !== "random").join(" | ") + " |");
  console.log("|---|" + OPTS.filter((o) => o !== "random").map(() => "---").join("|") + "|");
  for (const fname of ["branin", "hartmann6"]) {
    console.log(`| ${fname} (${flagDims(FUNCTIONS[fname].flags).length}-D) | ` + OPTS.filter((o) => o !== "random").map((o) => overhead(fname, o).toFixed(1)).join(" | ") + " |");
  }
}
