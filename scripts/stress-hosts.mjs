// `npm run test:stress-hosts [-- --hosts N --workers N --trials N --lease S]`:
// the distributed stress test (see test/stress/hosts-stress.ts). Needs root
// (simulated hosts are Linux namespaces) and Debian's redis-server.
import { parseArgs } from "node:util";
import { runHostsStress } from "../dist/test/stress/hosts-stress.js";
import { usePythonDirectly } from "./python-path.mjs";

usePythonDirectly();

const { values } = parseArgs({
  options: {
    hosts: { type: "string", default: "3" },
    workers: { type: "string", default: "2" },
    trials: { type: "string", default: "120" },
    lease: { type: "string", default: "5" },
    poll: { type: "string", default: "1" },
    "timeout-min": { type: "string", default: "15" },
  },
});
const opts = {
  hosts: Number(values.hosts),
  workersPerHost: Number(values.workers),
  trials: Number(values.trials),
  leaseSeconds: Number(values.lease),
  pollSeconds: Number(values.poll),
  timeoutMs: Number(values["timeout-min"]) * 60_000,
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
};
if (!(opts.hosts >= 2 && opts.workersPerHost >= 1 && opts.trials >= 6 && opts.leaseSeconds > 0 && opts.pollSeconds > 0)) {
  console.error("stress-hosts: needs --hosts >= 2, --workers >= 1, --trials >= 6, --lease > 0, --poll > 0");
  process.exit(2);
}
console.log(`stress-hosts: ${opts.hosts} hosts x ${opts.workersPerHost} workers, ${opts.trials} trials, lease ${opts.leaseSeconds} s`);
try {
  const report = await runHostsStress(opts);
  const limitMs = (opts.leaseSeconds + opts.pollSeconds) * 1000;
  console.log(`stress-hosts: passed ${JSON.stringify(report)} (lease + poll = ${limitMs} ms)`);
} catch (e) {
  console.error(`stress-hosts: FAILED\n${e?.stack ?? e}`);
  process.exit(1);
}
