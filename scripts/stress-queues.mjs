// `npm run test:stress [-- --trials N --queues N --kills N --seed N]`:
// the queue stress test at full size (see test/stress/queue-stress.ts).
import { parseArgs } from "node:util";
import { runQueueStress } from "../dist/test/stress/queue-stress.js";

const { values } = parseArgs({
  options: {
    trials: { type: "string", default: "200" },
    queues: { type: "string", default: "4" },
    kills: { type: "string", default: "20" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    "timeout-min": { type: "string", default: "20" },
  },
});
const opts = {
  trials: Number(values.trials),
  queues: Number(values.queues),
  kills: Number(values.kills),
  seed: Number(values.seed),
  timeoutMs: Number(values["timeout-min"]) * 60_000,
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
};
for (const [name, v] of Object.entries(opts)) {
  if (typeof v === "number" && !(Number.isInteger(v) && v >= 0)) {
    console.error(`stress: --${name} must be a whole number, got '${values[name]}'`);
    process.exit(2);
  }
}
if (opts.trials < 1 || opts.queues < 1) {
  console.error("stress: --trials and --queues must be at least 1");
  process.exit(2);
}
console.log(`stress: ${opts.trials} trials, ${opts.queues} queues, ${opts.kills} kills, seed ${opts.seed}`);
try {
  const report = await runQueueStress(opts);
  console.log(`stress: passed ${JSON.stringify(report)}`);
} catch (e) {
  console.error(`stress: FAILED (seed ${opts.seed})\n${e?.stack ?? e}`);
  process.exit(1);
}
