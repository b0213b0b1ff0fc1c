// The `run_params` attr (spec §1.4): every `guild run` option by its Python
// name, compared with run_params files Guild itself wrote
// (fixtures/guild-stores/guild-2020.tgz).
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultRunOptions, runParamsFor, type RunOptions } from "../../../src/core/run/options.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";
import { extractStore } from "../../helpers/guild-stores.js";

const store = extractStore("guild-2020");
after(() => store.cleanup());

// run id → its run_params as Guild wrote them (proto run_params under `<id>/proto`).
function guildRunParams(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const runs = join(store.home, "runs");
  for (const id of readdirSync(runs)) {
    for (const [key, dir] of [[id, join(runs, id)], [`${id}/proto`, join(runs, id, ".guild", "proto")]] as const) {
      const path = join(dir, ".guild", "attrs", "run_params");
      if (existsSync(path)) out.set(key, loadYaml(readFileSync(path, "utf8")) as Record<string, unknown>);
    }
  }
  return out;
}
const GUILD = guildRunParams();
const byOpspec = (opspec: string) => [...GUILD.values()].find((p) => p.opspec === opspec && p.force_flags === false);
const opts = (over: Partial<RunOptions>): RunOptions => ({ ...defaultRunOptions(), ...over });

describe("same keys as Guild's run_params", () => {
  test("the fixture has run_params files", () => assert.ok(GUILD.size >= 10, `found ${GUILD.size}`));
  for (const [id, params] of GUILD) {
    test(id, () => assert.deepEqual(Object.keys(runParamsFor(defaultRunOptions())).sort(), Object.keys(params).sort()));
  }
  test("43 keys, in Guild's (sorted) order", () => {
    const keys = Object.keys(runParamsFor(defaultRunOptions()));
    assert.equal(keys.length, 43);
    assert.deepEqual(keys, [...keys].sort());
  });
});

describe("same values as Guild wrote", () => {
  const CASES: [string, Partial<RunOptions>][] = [
    ["say-many", { opspec: "say-many", yes: true }],
    ["sleepy.py", { opspec: "sleepy.py", flagArgs: ["seconds=0"], yes: true }],
    ["add.py", { opspec: "add.py", flagArgs: ["x=1", "y=2", "z=3"], stage: true, yes: true }],
    ["say.py", { opspec: "say.py", flagArgs: ["msg=[x,y]"], yes: true }],
  ];
  for (const [opspec, over] of CASES) {
    test(`guild run ${opspec}`, () => {
      const params = byOpspec(opspec);
      assert.ok(params, `no run_params for ${opspec}`);
      assert.deepEqual(plain(runParamsFor(opts(over))), plain(params));
    });
  }
});

describe("each option sets its key", () => {
  const CASES: [Partial<RunOptions>, Record<string, unknown>][] = [
    [{}, {}],
    [{ opspec: "train" }, { opspec: "train" }],
    [{ flagArgs: ["a=1", "b=[1, 2]"] }, { flags: ["a=1", "b=[1, 2]"] }],
    [{ label: "my ${name}" }, { label: "my ${name}" }],
    [{ tag: "q1" }, { tag: "q1" }],
    [{ batchLabel: "bl" }, { batch_label: "bl" }],
    [{ batchTag: "bt" }, { batch_tag: "bt" }],
    [{ stage: true }, { stage: true }],
    [{ stageTrials: true }, { stage_trials: true }],
    [{ start: "abc123" }, { restart: "abc123" }],
    [{ yes: true }, { yes: true }],
    [{ quiet: true }, { quiet: true }],
    [{ forceFlags: true }, { force_flags: true }],
    [{ gpus: "0,1" }, { gpus: "0,1" }],
    [{ noGpus: true }, { no_gpus: true }],
    [{ maxTrials: 5 }, { max_trials: 5 }],
    [{ randomSeed: 42 }, { random_seed: 42 }],
    [{ optimizer: "random" }, { optimizer: "random" }],
    [{ failOnTrialError: true }, { fail_on_trial_error: true }],
    [{ needed: true }, { needed: true }],
  ];
  const base = runParamsFor(defaultRunOptions());
  for (const [over, changed] of CASES) {
    test(JSON.stringify(over), () => assert.deepEqual(runParamsFor(opts(over)), { ...base, ...changed }));
  }
});
