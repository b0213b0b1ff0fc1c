/**
 * The scalar summary cache `guild compare` keeps is only a cache: after
 * event files are replaced, added, moved into a new directory or deleted
 * behind its back, compare prints what it prints with no cache at all.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("compare: scalar summary cache", () => {
  let p: TempProject;
  let trials: string[];
  /** The first trial's own events, before a test replaces them. */
  let eventsOfA: Buffer;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const cacheFile = () => join(p.home, "cache", "compare-rows-v1.json");
  /** The table (`--csv -`) and every scalar of every run (`--print-scalars`). */
  const compare = async () => {
    let out = "";
    for (const args of [["--csv", "-"], ["--print-scalars"]]) {
      const r = await guild(["compare", ...args], g());
      assert.equal(r.exitCode, 0, r.stderr);
      out += r.stdout;
    }
    return out;
  };
  /** compare with the cache as it is, then with none: both must agree. */
  const agreed = async () => {
    const cached = await compare();
    rmSync(cacheFile(), { force: true });
    assert.equal(await compare(), cached, "compare with the cache differs from compare without it");
    return cached;
  };
  const eventFile = (id: string, sub = ".guild") => {
    const dir = join(p.home, "runs", id, sub);
    return join(dir, readdirSync(dir).find((n) => n.includes(".tfevents.")) as string);
  };

  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    const r = await guild(["run", "train.py", "x=[0.5,1.5]", "-y"], g());
    assert.equal(r.exitCode, 0, r.stderr);
    const runsDir = join(p.home, "runs");
    trials = readdirSync(runsDir).filter((id) => !existsSync(join(runsDir, id, ".guild", "proto")));
    assert.equal(trials.length, 2);
  });
  after(() => p.cleanup());

  test("the first call writes the cache; the second answers from it alike", async () => {
    rmSync(join(p.home, "cache"), { recursive: true, force: true });
    const first = await compare();
    const cache = JSON.parse(readFileSync(cacheFile(), "utf8")) as Record<string, unknown>;
    for (const id of trials) assert.ok(join(p.home, "runs", id) in cache, `${id} cached`);
    assert.equal(await compare(), first);
    assert.match(first, /acc/);
  });

  test("an event file replaced by another run's: the new values", async () => {
    const before = await compare();
    const [a, b] = trials as [string, string];
    eventsOfA = readFileSync(eventFile(a));
    copyFileSync(eventFile(b), eventFile(a));
    const after = await agreed();
    assert.notEqual(after, before);
  });

  test("an event file in a new directory of a run: a new prefix", async () => {
    await compare();
    const [a] = trials as [string];
    mkdirSync(join(p.home, "runs", a, "eval"));
    copyFileSync(eventFile(a), join(p.home, "runs", a, "eval", "events.out.tfevents.1700000000.host.1.0"));
    assert.match(await agreed(), /eval#acc/);
  });

  test("an event file appended to, and one deleted", async () => {
    const before = await compare();
    const [a] = trials as [string];
    const file = eventFile(a, "eval");
    writeFileSync(file, Buffer.concat([readFileSync(file), eventsOfA]));
    const appended = await agreed();
    assert.notEqual(appended, before);
    rmSync(file);
    const deleted = await agreed();
    assert.notEqual(deleted, appended);
    assert.doesNotMatch(deleted, /eval#acc/);
  });

  test("a damaged cache file is ignored", async () => {
    const good = await compare();
    writeFileSync(cacheFile(), '{"x": [1, 2');
    assert.equal(await compare(), good);
    writeFileSync(cacheFile(), JSON.stringify({ [trials[0] as string]: { ".guild": { files: "no", summaries: 3 } } }));
    assert.equal(await compare(), good);
  });
});
