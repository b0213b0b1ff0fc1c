/**
 * Bayesian search through the built bin (issue 15): each optimizer (gp,
 * forest, gbrt, tpe) on a quadratic, the batch and its trials as `guild
 * runs` and `runs info` show them, --maximize, failing and silent trials,
 * previous trials, a seed repeating a search, and Guild's refusals. Trial
 * counts stay small: each trial is a real Python process.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

const TRIAL_FLAGS = /^INFO: \[guild\] Running trial ~\d+~: quad\.py \(fail_above=10\.0, silent=no, x=(\d\.\d+|0|1), y=1\)$/;

function infoLines(output: string): string[] {
  return output.split("\n").filter((l) => l.startsWith("INFO: [guild] ") && !l.includes("Running trial"));
}

function trialXs(output: string): string[] {
  return output
    .split("\n")
    .filter((l) => l.includes("Running trial"))
    .map((l) => /x=([^,)]+)/.exec(l)?.[1] ?? "?");
}

describe("each optimizer runs trials one after another", { concurrency: 2 }, () => {
  for (const optimizer of ["gp", "forest", "gbrt", "tpe"]) {
    test(optimizer, async () => {
      const p = tempProject("fixtures/projects/optimize");
      try {
        const s = session({ cwd: p.cwd, home: p.home }, [p.root]);
        const out = await s.run(["run", "quad.py", "x=[0.0:1.0]", "-o", optimizer, "-m", "3", "-Fo", "random-starts=1", "--random-seed", "3", "-y"]);
        assert.deepEqual(infoLines(out), [
          "INFO: [guild] Random start for optimization (1 of 1)",
          "INFO: [guild] Found 1 previous trial(s) for use in optimization",
          "INFO: [guild] Found 2 previous trial(s) for use in optimization",
        ]);
        const running = out.split("\n").filter((l) => l.includes("Running trial"));
        assert.equal(running.length, 3);
        for (const line of running) assert.match(line, TRIAL_FLAGS);
        const runs = await s.run(["runs"]);
        const ops = runs.trimEnd().split("\n").map((l) => l.split(/\s+/)[1]);
        assert.deepEqual(ops, ["quad.py", "quad.py", "quad.py", `quad.py+${optimizer}`]);
        const info = await s.run(["runs", "info", "4"]);
        assert.match(info, new RegExp(`^operation: quad\\.py\\+${optimizer}$`, "m"));
        assert.match(info, /^optimizer:\n  name: \w+\n  objective: loss\n  scored-trials: 3\n  best-trial: ~\d+~ \(0\.\d{6}\)$/m);
        assert.match(info, /^  random-starts: 1$/m);
      } finally {
        p.cleanup();
      }
    });
  }
});

describe("objective, failures and previous trials", () => {
  let p: TempProject;
  let session1: Session;
  before(() => {
    p = tempProject("fixtures/projects/optimize");
    session1 = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());
  const s = () => session1;

  test("--maximize: the objective attr, the preview and the best trial", async () => {
    const preview = await guild(["run", "quad.py", "x=[0.0:1.0]", "-o", "gp", "-m", "2", "--maximize", "acc", "-Fo", "xi=0.1"], { cwd: p.cwd, home: p.home }, "n\n");
    assert.equal(
      preview.stderr,
      text`
        You are about to run quad.py with skopt:gp optimizer (2 trials, maximize acc)
          fail_above: 10.0
          silent: no
          x: [0.0:1.0]
          y: 1
        Optimizer flags:
          acq-func: gp_hedge
          kappa: 1.96
          noise: gaussian
          prev-trials: sourcecode
          random-starts: 3
          xi: 0.1
        Continue? (Y/n) |
      `.trimEnd() + " ",
    );
    await s().run(["run", "quad.py", "x=[0.0:1.0]", "-o", "tpe", "-m", "2", "--maximize", "acc", "-Fo", "prev-trials=batch", "-y"]);
    const batch = batchDirs(p.home, "tpe")[0] as string;
    assert.equal(readFileSync(join(batch, ".guild", "attrs", "objective"), "utf8"), "-acc\n");
    const info = await s().run(["runs", "info", "3"]);
    const best = /best-trial: (~\d+~) \((\S+)\)/.exec(info);
    assert.ok(best, info);
    assert.match(info, /objective: acc \(maximized\)/);
    const accs = [1, 2].map(async (i) => Number(/acc: (\S+)/.exec(await s().run(["runs", "info", String(i)]))?.[1]));
    assert.equal(Number(best[2]), Math.max(...(await Promise.all(accs))));
    const json = JSON.parse((await guild(["runs", "info", "3", "--json"], { cwd: p.cwd, home: p.home })).stdout) as {
      optimizer: { name: string; objective: string; scored_trials: number; best_trial: { id: string; value: number } };
    };
    const { best_trial: bestTrial, ...rest } = json.optimizer;
    assert.deepEqual(rest, { name: "tpe", objective: "acc (maximized)", scored_trials: 2 });
    assert.match(bestTrial.id, /^[0-9a-f]{32}$/);
    assert.ok(Math.abs(bestTrial.value - Number(best[2])) < 1e-6);
  });

  test("a failing trial and a trial without the objective are left out, with Guild's lines", async () => {
    const logLines = (out: string) =>
      out.split("\n").filter((l) => /^(INFO|ERROR|WARNING)/.test(l) && !l.includes("Running trial")).map((l) => l.replace(/~\d+~/, "~N~"));
    const fails = ["run", "quad.py", "x=[0.6:1.0]", "fail_above=0.5", "-o", "gp", "-m", "2", "-Fo", "random-starts=1", "-Fo", "prev-trials=batch", "-y"];
    assert.deepEqual(logLines(await s().run(fails)), [
      "INFO: [guild] Random start for optimization (1 of 1)",
      "ERROR: [guild] trial ~N~ exited with an error (see log for details)",
      "INFO: [guild] Random start for optimization (missing previous trials)",
      "ERROR: [guild] trial ~N~ exited with an error (see log for details)",
    ]);
    assert.match(await s().run(["runs", "info", "3"]), /scored-trials: 0\n  best-trial: none yet/);
    const silent = ["run", "quad.py", "x=[0.0:1.0]", "silent=yes", "-o", "forest", "-m", "2", "-Fo", "random-starts=1", "-Fo", "prev-trials=none", "-y"];
    assert.deepEqual(logLines(await s().run(silent)), [
      "INFO: [guild] Random start for optimization (1 of 1)",
      "WARNING: [guild] trial ~N~ logged no 'loss': the optimizer cannot use it",
      "INFO: [guild] Random start for optimization (cannot find objective 'loss')",
      "WARNING: [guild] trial ~N~ logged no 'loss': the optimizer cannot use it",
    ]);
  });

  test("earlier trials of the same operation and space seed the model, unless prev-trials=none", async () => {
    const own = tempProject("fixtures/projects/optimize");
    try {
      const s2 = session({ cwd: own.cwd, home: own.home }, [own.root]);
      const space = ["run", "quad.py", "x=[-1.0:2.0]", "-o", "gbrt", "-m", "1", "-Fo", "random-starts=0"];
      await s2.run(["run", "quad.py", "x=[0.0:1.0]", "-o", "random", "-m", "2", "-y"]);
      const none = await s2.run([...space, "-Fo", "prev-trials=none", "-y"]);
      assert.deepEqual(infoLines(none), ["INFO: [guild] Random start for optimization (missing previous trials)"]);
      // The random search's two trials and the run above fit this space.
      assert.deepEqual(infoLines(await s2.run([...space, "-y"])), ["INFO: [guild] Found 3 previous trial(s) for use in optimization"]);
      const batchOnly = await s2.run([...space, "-Fo", "prev-trials=batch", "-y"]);
      assert.deepEqual(infoLines(batchOnly), ["INFO: [guild] Random start for optimization (missing previous trials)"]);
      // None of them fits another space.
      const other = await s2.run(["run", "quad.py", "x=[5.0:6.0]", "-o", "gbrt", "-m", "1", "-Fo", "random-starts=0", "-y"]);
      assert.deepEqual(infoLines(other), ["INFO: [guild] Random start for optimization (missing previous trials)"]);
    } finally {
      own.cleanup();
    }
  });
});

describe("a seed repeats a search exactly", () => {
  test("same seed, same trials (prev-trials=batch)", async () => {
    const outs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const p = tempProject("fixtures/projects/optimize");
      try {
        const s = session({ cwd: p.cwd, home: p.home }, [p.root]);
        const args = ["run", "quad.py", "x=[0.0:1.0]", "y=[1:5]", "-o", "gp", "-m", "3", "-Fo", "random-starts=1", "-Fo", "prev-trials=batch", "--random-seed", "11", "-y"];
        outs.push(trialXs(await s.run(args)));
      } finally {
        p.cleanup();
      }
    }
    assert.equal(outs[0]?.length, 3);
    assert.deepEqual(outs[1], outs[0]);
  });
});

describe("refused before anything is stored", { concurrency: 4 }, () => {
  let p: TempProject;
  before(() => (p = tempProject("fixtures/projects/optimize")));
  after(() => p.cleanup());
  const TRY_HELP = "Try 'guild run --help' for more information.";
  const cases: [string[], string][] = [
    [["-o", "gp", "--stage-trials"], "guild: operation 'skopt:gp' does not support --stage-trials"],
    [["-o", "tpe", "--print-trials"], "ERROR: [guild] optimizer does not support printing trials"],
    [["-o", "forest", "--save-trials", "t.csv"], "ERROR: [guild] optimizer does not support saving trials"],
    [["-o", "gp", "-Fo", "foo=1"], "guild: unsupported flag 'foo'\nTry 'guild run skopt:gp --help-op' for a list of flags or use --force-flags to skip this check."],
    [["-o", "gp", "-Fo", "noise=abc"], "guild: invalid value abc for noise: expected 'gaussian' or a number not less than 0"],
    [["-o", "gbrt", "-Fo", "random-starts=-1"], "guild: invalid value -1 for random-starts: out of range (less than min 0)"],
    [["-o", "gp", "--minimize", "loss", "--maximize", "acc"], `guild: --minimize and --maximize cannot both be used\n${TRY_HELP}`],
    [["-o", "hyperband"], `guild: optimizer 'hyperband' is not supported (supported: random, gp, forest, gbrt, tpe, '+')\n${TRY_HELP}`],
  ];
  for (const [args, stderr] of cases) {
    test(args.join(" "), async () => {
      const r = await guild(["run", "quad.py", "x=[0.0:1.0]", ...args, "-y"], { cwd: p.cwd, home: p.home });
      assert.deepEqual([r.stderr, r.exitCode], [`${stderr}\n`, 1]);
      assert.deepEqual(runDirsIn(p.home), []);
    });
  }
  test("-o gp with no search dimension", async () => {
    const r = await guild(["run", "quad.py", "-o", "gp", "-y"], { cwd: p.cwd, home: p.home });
    assert.equal(r.stderr, "ERROR: [guild] flags for batch (fail_above=10.0, silent=no, x=0.5, y=1) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX].\n");
    assert.deepEqual(runDirsIn(p.home), []);
  });
  test("acq-func outside its choices", async () => {
    const r = await guild(["run", "quad.py", "x=[0.0:1.0]", "-o", "gp", "-Fo", "acq-func=EIps", "-y"], { cwd: p.cwd, home: p.home });
    assert.match(r.stderr, /^Unsupported value for 'acq-func' - supported values are:\n\n  LCB +Lower confidence bound\n/);
    assert.equal(r.exitCode, 1);
  });
});

function runDirsIn(home: string): string[] {
  try {
    return readdirSync(join(home, "runs"));
  } catch {
    return [];
  }
}

function batchDirs(home: string, optimizer: string): string[] {
  return runDirsIn(home)
    .map((id) => join(home, "runs", id))
    .filter((dir) => {
      try {
        return readFileSync(join(dir, ".guild", "opref"), "utf8").includes(` skopt ${optimizer}`);
      } catch {
        return false;
      }
    });
}
