/**
 * The event files output scalars are written to, decoded by the independent
 * reader in test/helpers/tfevent-decode.ts (framing, masked CRC-32C, Event
 * and Summary fields) and checked value by value against what the scripts
 * printed; plus the output-scalars forms of guild.yml and
 * --test-output-scalars.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { decodeEvent, decodeRecords, type DecodedEvent } from "../helpers/tfevent-decode.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

interface Expected {
  tag: string;
  value: number;
  step: bigint | undefined;
}

/** Guild's default rule, restated: `key: number` lines; `step` sets the step; flag names skipped. */
function expectedFromOutput(output: string, flags: string[]): Expected[] {
  const out: Expected[] = [];
  let step: bigint | undefined;
  for (const line of output.split("\n")) {
    const m = /^(\S+):\s+([0-9.e-]+)$/.exec(line.trimEnd());
    if (!m) continue;
    const [, key = "", value = ""] = m;
    if (key === "step") step = BigInt(Number(value));
    else if (!flags.includes(key)) out.push({ tag: key, value: Math.fround(Number(value)), step });
  }
  return out;
}

function eventsOf(runDir: string): DecodedEvent[] {
  const dir = join(runDir, ".guild");
  const files = readdirSync(dir).filter((n) => n.startsWith("events.out.tfevents."));
  assert.equal(files.length, 1, `one event file in ${dir}`);
  return decodeRecords(readFileSync(join(dir, files[0] as string))).map(decodeEvent);
}

describe("event files", () => {
  let p: TempProject;
  let s: Session;
  const startedAt = Date.now() / 1000;
  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    await s.run(["run", "train.py", "x=[0.25,3]", "epochs=4", "-y"]);
  });
  after(() => p.cleanup());

  test("hold exactly the printed values, steps and tags, in valid records", async () => {
    const runsDir = join(p.home, "runs");
    const trials = readdirSync(runsDir).filter((id) => !readdirSync(join(runsDir, id, ".guild")).includes("proto"));
    assert.equal(trials.length, 2);
    for (const id of trials) {
      const runDir = join(runsDir, id);
      const expected = expectedFromOutput(readFileSync(join(runDir, ".guild", "output"), "utf8"), ["x", "epochs"]);
      assert.equal(expected.length, 8, "4 steps of loss and acc");
      const [first, ...events] = eventsOf(runDir);
      assert.equal(first?.fileVersion, "brain.Event:2");
      assert.equal(first?.values, undefined);
      for (const e of [first, ...events]) {
        assert.deepEqual(e?.unknownFields, []);
        assert.ok((e?.wallTime ?? 0) >= Math.floor(startedAt) && (e?.wallTime ?? 0) <= Date.now() / 1000 + 1, "wall time");
      }
      const got = events.map((e) => {
        assert.equal(e.values?.length, 1, "one value per event");
        return { tag: e.values?.[0]?.tag, value: e.values?.[0]?.simpleValue, step: e.step };
      });
      assert.deepEqual(got, expected);
    }
  });

  test("guild.yml patterns: map, named groups, _key/_val, a step pattern, no", async () => {
    await s.run(["run", "custom", "-y"]);
    await s.run(["run", "named", "-y"]);
    await s.run(["run", "quiet", "-y"]);
    assert.equal(
      await s.run(["compare", "--print-scalars", "1:3"]),
      text`
        [~3~] quiet
        [~4~] named
          f1: 0.750000 (step 0)
          precision: 0.500000 (step 0)
        [~5~] custom
          loss: 0.500000 (step 2)
          lr: 0.100000 (step 2)
          val_acc: 0.700000 (step 2)
      `,
    );
    const { stdout } = await guild(["compare", "--json", "1:3"], { cwd: p.cwd, home: p.home });
    const idOf = (op: string) => (JSON.parse(stdout) as { id: string; operation: string }[]).find((r) => r.operation === op)?.id ?? "?";
    const named = join(p.home, "runs", idOf("named"));
    assert.deepEqual(eventsOf(named).slice(1).map((e) => [e.step, e.values]), [
      [undefined, [{ tag: "f1", simpleValue: 0.75 }]],
      [undefined, [{ tag: "precision", simpleValue: 0.5 }]],
    ]);
    const quiet = join(p.home, "runs", idOf("quiet"));
    assert.deepEqual(readdirSync(join(quiet, ".guild")).filter((n) => n.includes("tfevents")), []);
  });

  test("--test-output-scalars shows what each pattern logs", async () => {
    writeFileSync(join(p.cwd, "sample.txt"), "Epoch 3 loss=0.1\nval acc 1e-05\n");
    assert.equal(
      await s.run(["run", "custom", "--test-output-scalars", "sample.txt"]),
      text`
        Epoch 3 loss=0.1
          'Epoch ([0-9]+)': [('3',)] (step=3.0)
          '(?P<_key>\\\\w+)=(?P<_val>[0-9\\\\.e\\\\-]+)': [('loss', '0.1')] (loss=0.1)
          'val acc ([0-9\\\\.e\\\\-]+)': <no matches>
        val acc 1e-05
          'Epoch ([0-9]+)': <no matches>
          '(?P<_key>\\\\w+)=(?P<_val>[0-9\\\\.e\\\\-]+)': <no matches>
          'val acc ([0-9\\\\.e\\\\-]+)': [('1e-05',)] (val_acc=1e-05)
      `,
    );
    const { stdout } = await guild(["run", "train.py", "--test-output-scalars", "-"], { cwd: p.cwd, home: p.home }, "loss: 2\n");
    assert.equal(stdout, "loss: 2\n  '^([^ \\t]+):\\\\s+([0-9\\\\.e\\\\-]+)$': [('loss', '2')] (loss=2.0)\n");
    assert.equal(await s.run(["run", "quiet", "--test-output-scalars", "sample.txt"]), "Output scalars disabled, nothing to test\n");
    assert.equal(await s.run(["run", "custom", "--test-output-scalars", "nope.txt"]), "guild: nope.txt does not exist\n<exit 1>\n");
  });
});
