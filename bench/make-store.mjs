#!/usr/bin/env node
// Builds a synthetic Guild home with N runs in Guild AI's format (opref,
// YAML attrs, markers), as a store of years of runs would look: mostly
// completed say.py runs, some errors and terminated runs, a few staged.
// Usage: node bench/make-store.mjs HOME N [STAGED_PERCENT] [scalars|running]
// (`scalars`: finished runs get an event file of loss/acc over 3 steps, as
// output scalars write it; needs `npm run build` for the encoder.
// `running`: that share of runs is running instead of staged: a LOCK naming
// pid 1, which is always alive, as Guild's LOCK holds the run's pid.)
// (1% of the runs are staged by default: live runs are re-read by every
// listing, so they are what a listing's cost depends on besides the count.)
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";

const [home, countArg, stagedArg = "1", mode] = process.argv.slice(2);
const events = mode === "scalars" ? await eventEncoder() : undefined;
const liveKind = mode === "running" ? "running" : "staged";
const stagedEvery = Number(stagedArg) > 0 ? Math.round(100 / Number(stagedArg)) : 0;
const count = Number(countArg);
if (!home || !Number.isInteger(count)) {
  console.error("usage: make-store.mjs HOME N");
  process.exit(2);
}
const runs = join(home, "runs");
mkdirSync(runs, { recursive: true });
writeFileSync(join(home, ".guild-nocopy"), "");

const OP = `deps: []
flag-null-labels: {}
label-template: null
op-cmd:
  cmd-args:
  - \${python_exe}
  - -um
  - guild.op_main
  - say
  - __flag_args__
  cmd-env:
    FLAGS_DEST: args
    GUILD_PLUGINS: ''
    PROJECT_DIR: .
  cmd-flags:
    loud:
      arg-switch: true
  flags-dest: args
output-scalars: null
python-requires: null
sourcecode-root: .guild/sourcecode
`;

// Start times one minute apart, ending now, in µs.
const now = Date.now() * 1000;
for (let i = 0; i < count; i++) {
  const id = randomUUID().replaceAll("-", "");
  const dir = join(runs, id);
  const attrs = join(dir, ".guild", "attrs");
  mkdirSync(attrs, { recursive: true });
  const started = now - (count - i) * 60_000_000;
  const kind = stagedEvery && i % stagedEvery === stagedEvery - 1 ? liveKind : i % 20 === 7 ? "error" : i % 50 === 13 ? "terminated" : "completed";
  const msg = `m${i}`;
  writeFileSync(join(dir, ".guild", "opref"), "script:/srv/project '' '' say.py\n");
  const files = {
    id: id,
    initialized: String(started - 1000),
    started: String(started),
    flags: `loud: false\nmsg: ${msg}`,
    label: `loud=no msg=${msg}`,
    op: OP.trimEnd(),
    cmd: `- /usr/bin/python3\n- -um\n- guild.op_main\n- say\n- --msg\n- ${msg}`,
  };
  if (kind !== "staged" && kind !== "running") {
    files.stopped = String(started + 2_000_000);
    files.exit_status = kind === "completed" ? "0" : kind === "error" ? "1" : "-15";
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(attrs, name), `${text}\n`);
  if (kind === "staged") writeFileSync(join(dir, ".guild", "STAGED"), "");
  else if (kind === "running") writeFileSync(join(dir, ".guild", "LOCK"), "1");
  else writeFileSync(join(dir, ".guild", "output"), `${msg}\n`);
  if (events && kind !== "staged" && kind !== "running") writeFileSync(join(dir, ".guild", `events.out.tfevents.${Math.floor(started / 1e6)}.bench.1.0`), events(i, started / 1e6));
  if (i % 10000 === 0 && i) process.stderr.write(`${i} runs\n`);
}
if (!existsSync(join(home, "tmp"))) mkdirSync(join(home, "tmp"));

/** An event file's bytes: the version event, then loss and acc at steps 1 to 3. */
async function eventEncoder() {
  const { encodeEvent, FILE_VERSION } = await import("../dist/src/core/tfevent/event.js");
  const { frameRecord } = await import("../dist/src/core/tfevent/tfrecord.js");
  return (i, wallTime) => {
    const records = [encodeEvent({ wallTime, fileVersion: FILE_VERSION })];
    for (let step = 1; step <= 3; step++) {
      for (const [tag, value] of [["loss", 1 / (step + (i % 7))], ["acc", 1 - 1 / (step + 2)]]) {
        records.push(encodeEvent({ wallTime: wallTime + step, step, scalars: [{ tag, value }] }));
      }
    }
    return Buffer.concat(records.map((r) => frameRecord(r)));
  };
}
