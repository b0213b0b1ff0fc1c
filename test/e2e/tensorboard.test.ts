/**
 * `guild tensorboard`: the log dir it prepares (Guild 0.9's tensorboard.py:
 * a directory per run named `<short id> <op> <started> [label]`, links to
 * the run's event files, HParams summaries beside them), checked by
 * decoding the summaries against TensorBoard's protos (test/helpers/
 * hparams-decode.ts); and TensorBoard started from PATH (a stand-in script
 * that records how it was called), or a clear message when it is missing.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { decodeMessage, Event, HParamsPluginData, type Decoded } from "../helpers/hparams-decode.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { decodeRecords } from "../helpers/tfevent-decode.js";

/** The plugin data of each summary value in an event file, by tag. */
function hparamsSummaries(file: string): { tag: string; data: Decoded; tensor: unknown; plugin: unknown }[] {
  return decodeRecords(readFileSync(file)).flatMap((record) => {
    const event = decodeMessage(record, Event);
    const values = ((event.summary as Decoded).value as Decoded[]) ?? [];
    return values.map((v) => {
      const pluginData = (v.metadata as Decoded).plugin_data as Decoded;
      return { tag: v.tag as string, plugin: pluginData.plugin_name, data: decodeMessage(pluginData.content as Buffer, HParamsPluginData), tensor: v.tensor };
    });
  });
}

describe("guild tensorboard", () => {
  let p: TempProject;
  const g = () => ({ cwd: p.cwd, home: p.home });
  /** --test-logdir keeps its dir, as Guild's does: removed here. */
  const kept: string[] = [];
  before(async () => {
    p = tempProject("fixtures/projects/compare-cols");
    await guild(["run", "train", "x=0.5", "-y"], g());
    await guild(["run", "train", "x=1.5", "-l", "hello", "-y"], g());
    await guild(["run", "train", "--stage", "-y"], g()); // staged: no event files, nothing to link
  });
  after(() => {
    p.cleanup();
    for (const dir of kept) rmSync(dir, { recursive: true, force: true });
  });

  test("--test-logdir: a dir per run, links to its event files, HParams summaries beside them", async () => {
    const r = await guild(["tensorboard", "--test-logdir"], g());
    assert.equal(r.exitCode, 0, r.stderr);
    const m = /^Preparing runs for TensorBoard\nInitialized log dir (.+)\n$/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const logdir = m[1] as string;
    kept.push(logdir);
    const runs = (await guild(["runs", "--json"], g())).stdout;
    const [, second, first] = (JSON.parse(runs) as { id: string; run_dir: string; started: number }[]).map((r) => ({ ...r, dir: r.run_dir }));
    const names = readdirSync(logdir).sort();
    assert.equal(names.length, 2);
    assert.match(names[0] as string, new RegExp(`^${second?.id.slice(0, 8)} train \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d hello$|^${first?.id.slice(0, 8)} train .* epochs=3 x=0.5$`));
    const firstDir = join(logdir, names.find((n) => n.startsWith(first?.id.slice(0, 8) as string)) as string, ".guild");
    const files = readdirSync(firstDir).sort();
    assert.equal(files[0], "events.out.tfevents.0000000000.hparams");
    assert.equal(readlinkSync(join(firstDir, files[1] as string)), join(first?.dir as string, ".guild", files[1] as string));

    const summaries = hparamsSummaries(join(firstDir, files[0] as string));
    assert.deepEqual(summaries.map((s) => [s.tag, s.plugin]), [
      ["_hparams_/experiment", "hparams"],
      ["_hparams_/session_start_info", "hparams"],
      ["_hparams_/session_end_info", "hparams"],
    ]);
    // metadata.NULL_TENSOR: DT_FLOAT, shape [0].
    for (const s of summaries) assert.deepEqual(s.tensor, { dtype: 1, tensor_shape: { dim: [{}] } });
    const [experiment, start, end] = summaries.map((s) => s.data);
    const exp = experiment?.experiment as Decoded;
    assert.equal(typeof exp.time_created_secs, "number");
    const digest = ((start?.session_start_info as Decoded).hparams as Decoded).sourcecode as Decoded;
    assert.deepEqual(exp.hparam_infos, [
      { name: "epochs", type: 3, domain_interval: { min_value: -Infinity, max_value: Infinity } },
      { name: "sourcecode", type: 1, domain_discrete: { values: [digest] } },
      { name: "x", type: 3, domain_interval: { min_value: -Infinity, max_value: Infinity } },
    ]);
    assert.deepEqual(exp.metric_infos, [{ name: { tag: "acc" } }, { name: { tag: "loss" } }]);
    assert.deepEqual(start, {
      session_start_info: {
        hparams: { epochs: { number_value: 3 }, sourcecode: digest, x: { number_value: 0.5 } },
        group_name: `${first?.id.slice(0, 8)} train`,
        start_time_secs: (first?.started as number) / 1e6,
      },
    });
    assert.match(digest.string_value as string, /^[0-9a-f]{8}$/);
    assert.deepEqual(end, { session_end_info: { status: 1 } });
  });

  test("--skip-hparams: links only", async () => {
    const r = await guild(["tensorboard", "--test-logdir", "--skip-hparams", "2"], g());
    const logdir = /Initialized log dir (.+)\n/.exec(r.stdout)?.[1] as string;
    kept.push(logdir);
    const [name] = readdirSync(logdir);
    assert.deepEqual(readdirSync(join(logdir, name as string, ".guild")).filter((f) => f.endsWith(".hparams")), []);
  });

  test("starts tensorboard from PATH on the log dir, then removes it", async () => {
    const bin = join(p.root, "bin");
    mkdirSync(bin, { recursive: true });
    const script = join(bin, "tensorboard");
    writeFileSync(script, '#!/bin/sh\necho "tensorboard $*"\nls "$2"\nexit 3\n');
    chmodSync(script, 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const r = await guild(["tensorboard", "-p", "6123", "-O", "reload_interval=5", "3"], { ...g(), env });
    assert.equal(r.exitCode, 3, r.stderr);
    const lines = r.stdout.split("\n");
    assert.equal(lines[0], "Preparing runs for TensorBoard", `${r.stdout}\n${r.stderr}`);
    const m = /^tensorboard --logdir (\S+) --port 6123 --reload_interval 5$/.exec(lines[1] as string);
    assert.ok(m, lines[1]);
    assert.match(lines[2] as string, / train .* epochs=3 x=0\.5$/);
    assert.ok(!existsSync(m[1] as string), "the log dir is removed");
  });

  test("no tensorboard on PATH: how to install it, exit 1", async () => {
    const r = await guild(["tensorboard"], { ...g(), env: { PATH: "/nonexistent" } });
    assert.equal(r.exitCode, 1);
    assert.equal(
      r.stderr,
      "guild: cannot find 'tensorboard' on PATH\n" +
        "Install TensorBoard with 'pip install tensorboard' (in the environment whose bin is on PATH),\n" +
        "or use --test-logdir to prepare the log dir without starting TensorBoard.\n",
    );
    assert.equal((await guild(["tensorboard", "--test-logdir", "-O", "nope"], g())).stderr, "guild: invalid TensorBoard option 'nope' - must be OPTION=VALUE\n");
  });
});
