#!/usr/bin/env node
// Measures guild's performance targets (issues 6 and 13) as ratios against
// baselines measured in the same run, with public tools only: each whole
// process is run under a few lines of Python that report its CPU time and
// peak RSS from getrusage(RUSAGE_CHILDREN) (microseconds; /usr/bin/time
// rounds to 10 ms, too coarse for a 0.1 s process), A/B runs interleaved,
// medians reported.
//
//   node bench/bench.mjs [--sizes 1000,10000,100000] [--reps 9] [--only NAME,...]
//                        [--mixes mixed,staged,finished,running]
//
// Synthetic stores in Guild's format are built once under bench/.stores/.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { usePythonDirectly } from "../scripts/python-path.mjs";

usePythonDirectly();

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const GUILD = join(ROOT, "bin", "guild.js");
const STORES = join(ROOT, "bench", ".stores");
const PROJECT = join(ROOT, "bench", "project");
const args = parseArgs(process.argv.slice(2));
const SIZES = (args.sizes ?? "1000,10000,100000").split(",").map(Number);
const REPS = Number(args.reps ?? 9);
const ONLY = args.only?.split(",");
const rows = [];

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}

const RUSAGE = `
import resource, subprocess, sys, time
t0 = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write("\\n%d %.6f %.6f %d\\n" % (code, wall, r.ru_utime + r.ru_stime, r.ru_maxrss))
`;

/** One whole-process run: CPU seconds (user+sys), wall seconds, peak RSS MiB. */
function measure(cmd, env = {}, cwd = ROOT) {
  const r = spawnSync("python3", ["-c", RUSAGE, ...cmd], {
    cwd,
    env: { ...process.env, NO_IMPORT_FLAGS_PROGRESS: "1", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [code, wall, cpu, rss] = last.split(" ").map(Number);
  if (code !== 0 || !Number.isFinite(wall)) throw new Error(`${cmd.join(" ")} failed: ${r.stderr.slice(-500)}`);
  return { wall, cpu, rssMiB: rss / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A and B interleaved; medians of each and of the pairwise ratios. */
function pair(a, b, { envA = {}, envB = {}, reps = REPS, cwd } = {}) {
  measure(a, envA, cwd);
  measure(b, envB, cwd);
  const ra = [];
  const rb = [];
  for (let i = 0; i < reps; i++) {
    ra.push(measure(a, envA, cwd));
    rb.push(measure(b, envB, cwd));
  }
  return {
    a: { cpu: median(ra.map((r) => r.cpu)), wall: median(ra.map((r) => r.wall)), rss: Math.max(...ra.map((r) => r.rssMiB)) },
    b: { cpu: median(rb.map((r) => r.cpu)), wall: median(rb.map((r) => r.wall)) },
    cpuRatio: median(ra.map((r, i) => r.cpu / Math.max(rb[i].cpu, 1e-3))),
    wallRatio: median(ra.map((r, i) => r.wall / rb[i].wall)),
  };
}

function want(name) {
  return !ONLY || ONLY.includes(name);
}

function report(name, figure, target, ok, note = "") {
  rows.push({ name, figure, target, ok, note });
  console.error(`${ok ? "met " : "MISS"}  ${name}: ${figure} (target ${target}) ${note}`);
}

/**
 * A store of `size` runs, 1% of them staged (`stagedPercent`); `mode`
 * "scalars": with event files; "running": that share running, not staged.
 */
function store(size, stagedPercent = 1, mode = undefined) {
  const name = mode === "running" ? `${size}-${stagedPercent}pct-running` : stagedPercent === 1 ? String(size) : `${size}-${stagedPercent}pct-staged`;
  const home = join(STORES, mode === "scalars" ? `${name}-scalars` : name);
  if (!existsSync(join(home, ".complete"))) {
    console.error(`building a store of ${size} runs in ${home} ...`);
    rmSync(home, { recursive: true, force: true });
    const args = [join(ROOT, "bench", "make-store.mjs"), home, String(size), String(stagedPercent), ...(mode ? [mode] : [])];
    execFileSync(process.execPath, args, { stdio: "inherit" });
    writeFileSync(join(home, ".complete"), "");
  }
  return home;
}

/**
 * A store for commands that change it: an empty scratch home, or a built
 * store whose new runs are removed afterwards (copying 100,000 runs would
 * take longer than the benchmark).
 */
function withHome(size, fn, stagedPercent = 1) {
  // Empty stores sit beside the built ones, so an empty and a full store are
  // compared on the same directory tree and disk.
  const home = size ? store(size, stagedPercent) : (mkdirSync(STORES, { recursive: true }), mkdtempSync(join(STORES, "empty-")));
  const before = size ? new Set(readdirSync(join(home, "runs"))) : undefined;
  try {
    return fn(home);
  } finally {
    if (before) {
      for (const id of readdirSync(join(home, "runs"))) if (!before.has(id)) rmSync(join(home, "runs", id), { recursive: true, force: true });
      rmSync(join(home, "trash"), { recursive: true, force: true });
    } else rmSync(home, { recursive: true, force: true });
  }
}

const NODE0 = [process.execPath, "-e", "0"];
const guild = (...a) => [process.execPath, GUILD, ...a];

function startup() {
  withHome(0, (home) => {
    for (const [name, a] of [["--version", ["--version"]], ["--help", ["--help"]]]) {
      const r = pair(guild(...a), NODE0, { envA: { GUILD_HOME: home } });
      report(`guild ${name}`, `${r.cpuRatio.toFixed(2)}x node -e 0 (CPU; wall ${r.wallRatio.toFixed(2)}x)`, "<= 1.2x", r.cpuRatio <= 1.2);
    }
  });
}

/** Store mixes: % staged (the rest completed, 5% errors, 2% terminated). */
const MIXES = [
  [1, "mixed: 1% staged", undefined, "mixed"],
  [100, "all staged", undefined, "staged"],
  [0, "all finished", undefined, "finished"],
  [1, "1% running", "running", "running"],
].filter(([, , , key]) => !args.mixes || args.mixes.split(",").includes(key));

function listing() {
  for (const size of SIZES) for (const [pct, mix, mode] of MIXES) listingOf(size, pct, mix, mode);
}

function listingOf(size, stagedPercent, mix, mode) {
  const home = store(size, stagedPercent, mode);
  measure(guild("runs"), { GUILD_HOME: home }); // builds the index outside the timed runs
  const r = pair(guild("runs"), NODE0, { envA: { GUILD_HOME: home } });
  const figure = `${r.cpuRatio.toFixed(2)}x node -e 0 (CPU; wall ${r.wallRatio.toFixed(2)}x), peak ${r.a.rss.toFixed(0)} MiB`;
  const name = `guild runs, ${size} runs (${mix})`;
  if (size >= 100000) report(name, figure, "<= 1.6x, < 100 MiB", r.cpuRatio <= 1.6 && r.a.rss < 100);
  else report(name, figure, "<= 1.3x", r.cpuRatio <= 1.3);
}

/** Status and operation filters read every run's status (a stat for a cached one). */
function filters() {
  const size = SIZES.includes(10000) ? 10000 : Math.max(...SIZES);
  for (const [pct, mix, mode] of MIXES) {
    const home = store(size, pct, mode);
    for (const args of [["--staged"], ["--completed"], ["-Fo", "say.py"]]) {
      measure(guild("runs", ...args), { GUILD_HOME: home });
      const r = pair(guild("runs", ...args), NODE0, { envA: { GUILD_HOME: home } });
      const figure = `${r.cpuRatio.toFixed(2)}x node -e 0 (CPU; wall ${r.wallRatio.toFixed(2)}x)`;
      report(`guild runs ${args.join(" ")}, ${size} runs (${mix})`, figure, "<= 1.5x", r.cpuRatio <= 1.5);
    }
  }
}

/** compare over 1,000 runs with scalars, called a second time (summaries cached). */
function compare() {
  const home = store(1000, 1, "scalars");
  for (const args of [["-t"], ["--csv", "-"]]) {
    measure(guild("compare", ...args), { GUILD_HOME: home }); // first call: fills the caches
    const r = pair(guild("compare", ...args), NODE0, { envA: { GUILD_HOME: home } });
    const figure = `${r.cpuRatio.toFixed(2)}x node -e 0 (CPU; wall ${r.wallRatio.toFixed(2)}x), peak ${r.a.rss.toFixed(0)} MiB`;
    report(`guild compare ${args.join(" ")}, 1000 runs with scalars, second call`, figure, "<= 2x", r.cpuRatio <= 2);
  }
}

/** A foreground run against starting the same script with python3 directly. */
function foreground() {
  withHome(0, (home) => {
    const env = { GUILD_HOME: home };
    measure(guild("run", "noop.py", "-y"), env, PROJECT); // flag import cache
    const r = pair(guild("run", "noop.py", "-y"), ["python3", "noop.py"], { envA: env, cwd: PROJECT });
    const ms = (r.a.wall - r.b.wall) * 1000;
    report("foreground guild run noop.py, beyond python3 noop.py", `${ms.toFixed(0)} ms wall (${((r.a.cpu - r.b.cpu) * 1000).toFixed(0)} ms CPU)`, "<= 60 ms", ms <= 60);
  });
}

function stageTrials(home, count, env = {}) {
  const values = Array.from({ length: count }, (_, i) => i).join(",");
  return measure(guild("run", "noop.py", `x=[${values}]`, "--stage-trials", "-y", "-q"), { GUILD_HOME: home, ...env }, PROJECT);
}

function staging() {
  const big = Math.max(...SIZES);
  const results = {};
  for (const [label, size, trials] of [["empty store", 0, 200], ["empty store", 0, 1000], [`${big}-run store`, big, 1000]]) {
    const [wall, cpu] = withHome(size, (home) => {
      stageTrials(home, 2); // flags import cache, index
      const one = [0, 1, 2].map(() => stageTrials(home, 1));
      const many = [0, 1, 2, 3, 4].map(() => stageTrials(home, trials));
      const per = (key) => ((median(many.map((r) => r[key])) - median(one.map((r) => r[key]))) / (trials - 1)) * 1000;
      return [per("wall"), per("cpu")];
    });
    if (trials === 1000) results[label] = cpu;
    report(
      `staging, per trial, ${trials} trials, ${label}`,
      `${cpu.toFixed(2)} ms CPU, ${wall.toFixed(2)} ms wall (less a 1-trial batch)`,
      "<= 2 ms",
      cpu <= 2,
    );
  }
  const [a, b] = Object.values(results);
  report("staging into a full store vs an empty one", `${(b / a).toFixed(2)}x`, "~1x", b / a <= 1.25);
}

function queueOverhead() {
  const K = 40;
  withHome(0, (home) => queueOverheadIn(home, K, "empty store"));
  const big = Math.max(...SIZES);
  // A store with no staged run of its own: a queue would start the mixed
  // store's (they fail, having no source) and leave it with none, so every
  // later "mixed" figure would be of another mix.
  if (big > 0) withHome(big, (home) => queueOverheadIn(home, K, `${big}-run store (all finished)`), 0);
}

/**
 * The queue's cost per run: its wall time, less an empty queue's (start-up),
 * less the time each run's own process took (from its `started`/`stopped`
 * attrs, which bracket the process), per run.
 */
function queueOverheadIn(home, K, label) {
  const ms = perRunOverhead(home, K, {});
  report(`queue overhead per started run, ${label}`, `${ms.toFixed(1)} ms beyond the run's own process`, "<= 15 ms", ms <= 15, `(${K} no-op runs)`);
}

/**
 * The broker (issue 11): a worker's cost per started run against the file
 * queue's, measured the same way in the same run (an empty store, a real
 * redis-server on a loopback port); then the throughput of 1,000 no-op
 * trials drained by 6 workers at once.
 */
async function brokerBench() {
  const { startRedis } = await import("../dist/test/helpers/redis.js");
  const redis = await startRedis();
  try {
    const K = 40;
    if (want("broker")) {
      const file = withHome(0, (home) => perRunOverhead(home, K, {}));
      const broker = withHome(0, (home) => perRunOverhead(home, K, { GUILD_BROKER: redis.url }));
      const more = broker - file;
      report("broker queue overhead per started run", `${broker.toFixed(1)} ms (file queue ${file.toFixed(1)} ms): ${more >= 0 ? "+" : ""}${more.toFixed(1)} ms`, "<= +20 ms", more <= 20, `(${K} no-op runs)`);
    }
    if (want("broker-throughput")) withHome(0, (home) => brokerThroughput(home, redis.url, 1000, 6));
  } finally {
    await redis.stop();
  }
}

/** A queue's wall time per run beyond the run's own process (see queueOverheadIn), with `env`. */
function perRunOverhead(home, K, env) {
  const stage = () => stageTrials(home, K, env);
  const queue = () => measure(guild("run", "queue", "run-once=yes", "-y"), { GUILD_HOME: home, ...env }, PROJECT);
  stage();
  queue();
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const empty = queue().wall;
    const before = new Set(readdirSync(join(home, "runs")));
    stage();
    const staged = readdirSync(join(home, "runs")).filter((id) => !before.has(id));
    const full = queue().wall;
    const processSeconds = staged.map((id) => runSeconds(join(home, "runs", id))).reduce((a, b) => a + b, 0);
    samples.push(((full - empty - processSeconds) / K) * 1000);
  }
  return median(samples);
}

function brokerThroughput(home, url, trials, workers) {
  const env = { ...process.env, GUILD_HOME: home, GUILD_BROKER: url, NO_IMPORT_FLAGS_PROGRESS: "1" };
  const values = Array.from({ length: trials }, (_, i) => i).join(",");
  execFileSync(process.execPath, [GUILD, "run", "noop.py", `x=[${values}]`, "--stage-trials", "-y", "-q"], { cwd: PROJECT, env, stdio: "ignore" });
  const script = Array.from({ length: workers }, () => `"${process.execPath}" "${GUILD}" run queue run-once=yes -y >/dev/null 2>&1 &`).join("\n") + "\nwait";
  const r = measure(["sh", "-c", script], env, PROJECT);
  const done = readdirSync(join(home, "runs")).filter((id) => existsSync(join(home, "runs", id, ".guild", "attrs", "exit_status"))).length;
  report(`broker throughput, ${trials} no-op trials, ${workers} workers`, `${(trials / r.wall).toFixed(1)} runs/s (${r.wall.toFixed(1)} s wall, ${done} runs finished)`, "-", done >= trials);
}

/** A run's process time from its attrs (0 for the batch run, which has no process). */
function runSeconds(dir) {
  const read = (name) => {
    try {
      return Number(readFileSync(join(dir, ".guild", "attrs", name), "utf8"));
    } catch {
      return NaN;
    }
  };
  const us = read("stopped") - read("started");
  return Number.isFinite(us) && !existsSync(join(dir, ".guild", "proto")) ? us / 1e6 : 0;
}

function sizeIndependence() {
  const small = Math.min(...SIZES);
  const big = Math.max(...SIZES);
  if (small === big) return;
  const cases = [
    ["guild runs info", () => ["runs", "info"]],
    ["guild run --start (one staged run)", null],
    ["guild runs rm (one run by id)", null],
  ];
  for (const [name] of cases) {
    const times = {};
    for (const size of [small, big]) {
      times[size] = withHome(size, (home) => {
        oneOp(name, home);
        return median([0, 1, 2, 3, 4].map(() => oneOp(name, home).cpu));
      });
    }
    const ratio = times[big] / times[small];
    report(`${name}: ${big} vs ${small} runs`, `${ratio.toFixed(2)}x (${(times[big] * 1000).toFixed(0)} vs ${(times[small] * 1000).toFixed(0)} ms CPU)`, "~1x", ratio <= 1.3);
  }
}

function oneOp(name, home) {
  const env = { GUILD_HOME: home };
  if (name.startsWith("guild runs info")) return measure(guild("runs", "info"), env);
  const staged = spawnSync(process.execPath, [GUILD, "run", "noop.py", "--stage", "-y"], { cwd: PROJECT, env: { ...process.env, ...env }, encoding: "utf8" });
  const id = /staged as ([0-9a-f]{32})/.exec(staged.stdout)?.[1];
  if (!id) throw new Error(`staging failed: ${staged.stderr}`);
  if (name.includes("--start")) return measure(guild("run", "--start", id, "-y"), env, PROJECT);
  return measure(guild("runs", "rm", "-y", id), env);
}

console.error(`machine: ${cpus().length} CPUs (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (want("startup")) startup();
if (want("listing")) listing();
if (want("filters")) filters();
if (want("foreground")) foreground();
if (want("compare")) compare();
if (want("staging")) staging();
if (want("queue")) queueOverhead();
if (want("independence")) sizeIndependence();
if (want("broker") || want("broker-throughput")) await brokerBench();

console.log("| measure | figure | target | met |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.figure} ${r.note} | ${r.target} | ${r.ok ? "yes" : "**no**"} |`);
