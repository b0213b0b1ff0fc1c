/** The builtin queue: failures, and several queues draining one store. */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exitOf, guild, spawnGuild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text } from "../helpers/transcript.js";
import { waitFor } from "../helpers/wait.js";

describe("queue", () => {
  let p: TempProject;
  beforeEach(() => (p = tempProject("fixtures/projects/queue")));
  afterEach(() => p.cleanup());

  test("a failed run is logged and the queue goes on", async () => {
    const s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    await s.run(["run", "fail.py", "code=[4,0]", "--stage-trials", "-y"]);
    assert.equal(
      await s.run(["run", "queue", "run-once=yes", "-y"]),
      text`
        INFO: [queue] <time> Processing staged runs
        INFO: [queue] <time> Starting staged run ~1~
        failing with 4
        ERROR: [queue] <time> ~1~ failed with exit code 4
        INFO: [queue] <time> Starting staged run ~2~
        failing with 0
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~2~]  fail.py   <time>  completed  code=0
        [2:~1~]  fail.py   <time>  error      code=4
        [3:~3~]  queue     <time>  completed  poll-interval=10 run-once=yes wait-for-running=no
        [4:~4~]  fail.py+  <time>  completed  |
      `,
    );
  });

  test("a staged run whose command has an invalid reference stays staged", async () => {
    const s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    await s.run(["run", "fail.py", "code=0", "--stage", "-y"]);
    // A run staged by another tool with a bad `${ref}` in its stored command.
    const [id = ""] = readdirSync(join(p.home, "runs"));
    const opAttr = join(p.home, "runs", id, ".guild", "attrs", "op");
    writeFileSync(opAttr, readFileSync(opAttr, "utf8").replace("  - __flag_args__\n", "  - ${nope}\n  - __flag_args__\n"));
    const invalid = "guild: invalid setting for operation: command contains invalid reference 'nope'";
    assert.equal(await s.run(["run", "--start", id, "-y"]), `${invalid}\n<exit 1>\n`);
    assert.equal(
      await s.run(["run", "queue", "run-once=yes", "-y"]),
      text`
        INFO: [queue] <time> Processing staged runs
        INFO: [queue] <time> Starting staged run ~1~
        ${invalid}
        ERROR: [queue] <time> ~1~ failed with exit code 1
      `,
    );
    assert.match(await s.run(["runs"]), /\[2:~1~\]  fail\.py  <time>  staged     code=0\n/);
  });

  test("run-once: a run removed while the queue works is passed over, one staged meanwhile is started", async () => {
    const g = { cwd: p.cwd, home: p.home };
    const gate = join(p.root, "gate");
    const stage = async (...args: string[]) => {
      const res = await guild(["run", ...args, "--stage", "-y"], g);
      assert.equal(res.exitCode, 0, res.stderr);
      return /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] as string;
    };
    const first = await stage("gate.py", `gate=${gate}`);
    const removed = await stage("fail.py", "code=1");
    const outPath = join(p.root, "queue.out");
    const fd = openSync(outPath, "w");
    const queue = spawnGuild(["run", "queue", "run-once=yes", "-y"], g, fd);
    const exited = exitOf(queue);
    const output = () => readFileSync(outPath, "utf8");
    // The queue has listed both and is running the first.
    await waitFor("the first run to start", () => output().includes(`Starting staged run ${first}`));
    assert.equal((await guild(["runs", "rm", "-y", removed], g)).exitCode, 0);
    const later = await stage("fail.py", "code=0");
    writeFileSync(gate, "");
    assert.equal(await exited, 0);
    closeSync(fd);
    const starts = [...output().matchAll(/Starting staged run ([0-9a-f]{32})/g)].map((m) => m[1]);
    assert.deepEqual(starts, [first, later]);
    const list = (await guild(["runs"], g)).stdout;
    assert.match(list, /^\[1:\w+\]  fail\.py  .*  completed  code=0\n\[2:\w+\]  gate\.py  .*  completed  gate=.*\n\[3:\w+\]  queue    .*  completed  poll-interval=10 run-once=yes wait-for-running=no\n$/);
  });

  test("three queues started together start each of eight staged runs exactly once", async () => {
    const g = { cwd: p.cwd, home: p.home };
    const log = join(p.root, "starts.log");
    const staged = await guild(["run", "record.py", "n=[1,2,3,4,5,6,7,8]", `log=${log}`, "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    const stagedIds = [...staged.stdout.matchAll(/staged as ([0-9a-f]{32})/g)].map((m) => m[1]);
    assert.equal(stagedIds.length, 8);

    const outputs = [0, 1, 2].map((i) => join(p.root, `queue-${i}.out`));
    const fds = outputs.map((path) => openSync(path, "w"));
    const queues = fds.map((fd) => spawnGuild(["run", "queue", "run-once=yes", "-y"], g, fd));
    const codes = await Promise.all(queues.map(exitOf));
    fds.forEach(closeSync);
    assert.deepEqual(codes, [0, 0, 0]);

    const starts = readFileSync(log, "utf8").trim().split("\n").sort();
    assert.deepEqual(starts, [...stagedIds].sort(), "each staged run started exactly once");
    const queueStarts = outputs
      .flatMap((path) => [...readFileSync(path, "utf8").matchAll(/Starting staged run ([0-9a-f]{32})/g)])
      .map((m) => m[1])
      .sort();
    assert.deepEqual(queueStarts, [...stagedIds].sort(), "the queues logged each start once");

    const list = await guild(["runs", "--all"], g);
    const statuses = list.stdout.trim().split("\n").map((line) => line.split(/\s{2,}/)[3]);
    assert.deepEqual(statuses, Array(statuses.length).fill("completed"));
    assert.equal(readdirSync(join(p.home, "runs")).length, 8 + 1 + 3);
  });
});

describe("queue in poll mode", () => {
  let p: TempProject;
  beforeEach(() => (p = tempProject("fixtures/projects/queue")));
  afterEach(() => p.cleanup());

  test("waits, picks up a run staged later, and ends terminated on SIGTERM", async () => {
    const g = { cwd: p.cwd, home: p.home };
    const outPath = join(p.root, "queue.out");
    const fd = openSync(outPath, "w");
    const queue = spawnGuild(["run", "queue", "poll-interval=1", "-y"], g, fd);
    const exited = exitOf(queue);
    const output = () => readFileSync(outPath, "utf8");
    await waitFor("the queue to wait", () => output().includes("Waiting for staged runs"));
    assert.equal((await guild(["run", "fail.py", "code=0", "--stage", "-y"], g)).exitCode, 0);
    await waitFor("the queue to wait again", () => output().split("Waiting for staged runs").length === 3);
    queue.kill("SIGTERM");
    await exited;
    closeSync(fd);
    assert.match(
      output(),
      /^INFO: \[queue\] \S+ \S+ Waiting for staged runs\nINFO: \[queue\] \S+ \S+ Starting staged run [0-9a-f]{32}\nfailing with 0\nINFO: \[queue\] \S+ \S+ Waiting for staged runs\n$/,
    );
    const list = (await guild(["runs"], g)).stdout;
    assert.match(list, /^\[1:\w+\]  fail\.py  .*  completed   code=0\n\[2:\w+\]  queue    .*  terminated  poll-interval=1 run-once=no wait-for-running=no\n$/);
  });
});
