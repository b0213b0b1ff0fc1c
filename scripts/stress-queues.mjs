// `npm run test:stress [-- --trials N --queues N --kills N --group-kills N --seed N]`:
// the queue stress test at full size (see test/stress/queue-stress.ts).
// Every failure prints the seed; `--seed N` replays it.
import { parseArgs } from "node:util";
import { usePythonDirectly } from "./python-path.mjs";

usePythonDirectly();

const USAGE = `Usage: node scripts/stress-queues.mjs [options]

Queues drain staged trials while some are killed; checks that every trial
completes exactly once and no run lies about its status.

Options:
  --trials N        trials to stage (default 200)
  --queues N        queues running at once (default 4)
  --kills N         queues killed with SIGKILL (default 20)
  --group-kills N   queues whose whole process group is killed while their
                    run works (default 3)
  --seed N          random seed, to replay a failure (default: drawn)
  --timeout-min N   give up after N minutes (default 20)
  -h, --help        show this message
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      trials: { type: "string", default: "200" },
      queues: { type: "string", default: "4" },
      kills: { type: "string", default: "20" },
      "group-kills": { type: "string", default: "3" },
      seed: { type: "string", default: String(Date.now() % 1_000_000) },
      "timeout-min": { type: "string", default: "20" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (e) {
  console.error(`stress: ${e?.message ?? e}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const opts = {
  trials: Number(values.trials),
  queues: Number(values.queues),
  kills: Number(values.kills),
  groupKills: Number(values["group-kills"]),
  seed: Number(values.seed),
  timeoutMs: Number(values["timeout-min"]) * 60_000,
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
};
const OPTION_NAMES = { groupKills: "group-kills", timeoutMs: "timeout-min" };
for (const [name, v] of Object.entries(opts)) {
  if (typeof v === "number" && !(Number.isInteger(v) && v >= 0)) {
    const option = OPTION_NAMES[name] ?? name;
    console.error(`stress: --${option} must be a whole number, got '${values[option]}'`);
    process.exit(2);
  }
}
if (opts.trials < 1 || opts.queues < 1) {
  console.error("stress: --trials and --queues must be at least 1");
  process.exit(2);
}
console.log(`stress: ${opts.trials} trials, ${opts.queues} queues, ${opts.kills} kills, ${opts.groupKills} group kills, seed ${opts.seed}`);
try {
  // Loaded only now: `--help` and bad options work before a build.
  const { runQueueStress } = await import("../dist/test/stress/queue-stress.js");
  const report = await runQueueStress(opts);
  console.log(`stress: passed ${JSON.stringify(report)}`);
} catch (e) {
  console.error(`stress: FAILED (seed ${opts.seed}; replay with --seed ${opts.seed})\n${e?.stack ?? e}`);
  process.exit(1);
}
