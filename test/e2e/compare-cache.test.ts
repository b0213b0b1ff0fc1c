/**
 * The cache `guild compare` keeps of each run's row (attributes, opref,
 * scalar summaries) is only a cache: after runs are changed behind its back
 * (attributes edited in place as Guild AI and hand edits do, event files
 * replaced, added, appended to or deleted, runs deleted, a staged run
 * finished), compare prints what it prints with no cache at all.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { extractStore, GUILD_STORES } from "../helpers/guild-stores.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("compare: row cache", () => {
  let p: TempProject;
  let trials: string[];
  /** The first trial's own events, before a test replaces them. */
  let eventsOfA: Buffer;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const cacheFile = () => join(p.home, "cache", "compare-rows-v2.json");
  /** The table (`--csv -`) and every scalar of every run (`--print-scalars`). */
  const compare = async () => {
    let out = "";
    for (const args of [["--csv", "-"], ["-t"], ["--print-scalars"]]) {
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
  /** The cache file's identity: a rewrite (atomic) gives it a new inode. */
  const cacheVersion = () => {
    const st = statSync(cacheFile());
    return `${st.ino}:${st.ctimeMs}`;
  };
  const cachedRuns = () => (JSON.parse(readFileSync(cacheFile(), "utf8")) as { runs: Record<string, unknown> }).runs;
  const attrFile = (id: string, name: string) => join(p.home, "runs", id, ".guild", "attrs", name);
  /** Rewrites a file in place (same inode, as Guild AI writes attributes). */
  const writeInPlace = (path: string, text: string) => {
    const ino = statSync(path).ino;
    writeFileSync(path, text);
    assert.equal(statSync(path).ino, ino);
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
    const cache = cachedRuns();
    for (const id of trials) assert.ok(join(p.home, "runs", id) in cache, `${id} cached`);
    const version = cacheVersion();
    assert.equal(await compare(), first);
    assert.equal(cacheVersion(), version, "every row answered from the cache: nothing to rewrite");
    assert.match(first, /acc/);
  });

  test("a flag edited in place in a run's attributes: the new value", async () => {
    await compare();
    const [a] = trials as [string];
    const version = cacheVersion();
    writeInPlace(attrFile(a, "flags"), "epochs: 3\nx: 7.25\n");
    const after = await agreed();
    assert.notEqual(cacheVersion(), version);
    assert.match(after, /,7\.25,/);
  });

  test("a label changed in place, added, and removed; a run marked", async () => {
    await compare();
    const [a, b] = trials as [string, string];
    writeInPlace(attrFile(a, "label"), "relabelled in place\n");
    assert.match(await agreed(), /relabelled in place/);
    rmSync(attrFile(b, "label"));
    await compare();
    writeFileSync(attrFile(b, "label"), "a new label\n");
    assert.match(await agreed(), /a new label/);
    rmSync(attrFile(a, "label"));
    assert.doesNotMatch(await agreed(), /relabelled in place/);
    writeFileSync(attrFile(b, "marked"), "true\n");
    assert.match(await agreed(), /train\.py \[marked\]/);
  });

  test("started and stopped edited in place: the new time", async () => {
    const before = await compare();
    const [a] = trials as [string];
    const started = Number(readFileSync(attrFile(a, "started"), "utf8"));
    writeInPlace(attrFile(a, "stopped"), `${started + 3_723_000_000}\n`);
    const after = await agreed();
    assert.notEqual(after, before);
    assert.match(after, /1:02:03/);
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
    writeFileSync(cacheFile(), JSON.stringify({ paths: [["", 1]], runs: { [join(p.home, "runs", trials[0] as string)]: { p: 0, s: 3 } } }));
    assert.equal(await compare(), good);
    // Stamps that hold, with contents that do not decode: read from the files.
    const cache = JSON.parse(readFileSync(cacheFile(), "utf8")) as { runs: Record<string, Record<string, unknown>> };
    for (const row of Object.values(cache.runs)) {
      row.a = { flags: ["m", "x", ["q"]] };
      row.e = [["", [], ["loss"], [1, 2], [[0, "bad"]]]];
    }
    writeFileSync(cacheFile(), JSON.stringify(cache));
    assert.equal(await compare(), good);
  });

  test("damaged lines, a cut file and an older version's file are ignored", async () => {
    const good = await compare();
    const text = readFileSync(cacheFile(), "utf8");
    const lines = text.split("\n");
    assert.ok(lines.length > 4, "a line a run");
    // Each run's line kept, its stamps holding, its contents not decoding.
    const damaged = lines.map((line) => {
      if (!line.startsWith('"')) return line;
      const comma = line.endsWith(",") ? "," : "";
      const keyEnd = line.indexOf('":');
      const row = JSON.parse(line.slice(keyEnd + 2, line.length - comma.length)) as Record<string, unknown>;
      return `${line.slice(0, keyEnd + 2)}${JSON.stringify({ ...row, a: { flags: ["m", "x", ["q"]] }, e: [["", [], ["loss"], [1, 2], [[0, "bad"]]]] })}${comma}`;
    });
    writeFileSync(cacheFile(), damaged.join("\n"));
    const version = cacheVersion();
    assert.equal(await compare(), good);
    assert.notEqual(cacheVersion(), version, "the runs read again are cached again");
    // A row's stamped paths pointing past the file's lists.
    writeFileSync(cacheFile(), lines.map((l) => l.replace(/^("[^"]*":\{"p":)\d+/, (_, key: string) => `${key}9`)).join("\n"));
    assert.equal(await compare(), good);
    writeFileSync(cacheFile(), text.slice(0, text.length - 4));
    assert.equal(await compare(), good);
    // The same rows in the file an older version wrote: not read.
    writeFileSync(cacheFile(), text.replace('{"version":2,', '{"version":1,'));
    assert.equal(await compare(), good);
    const runsOf = (t: string) => Object.keys((JSON.parse(t) as { runs: object }).runs).sort();
    assert.deepEqual(runsOf(readFileSync(cacheFile(), "utf8")), runsOf(text), "written again, every run in it");
  });

  test("a cache that cannot be read or written costs nothing but time", async () => {
    const good = await compare();
    rmSync(cacheFile());
    mkdirSync(cacheFile());
    assert.equal(await compare(), good);
    assert.equal(await compare(), good);
    rmSync(cacheFile(), { recursive: true });
  });

  test("values JSON alone cannot hold (a NaN float, -0.0) read back as they were", async () => {
    for (const x of ["nan", "-0.0"]) {
      const r = await guild(["run", "train.py", `x=${x}`, "-y"], g());
      assert.equal(r.exitCode, 0, r.stderr);
    }
    await compare();
    const cached = await agreed();
    assert.match(cached, /,nan,/);
    assert.match(cached, /,-0\.0,/);
  });

  test("a staged run started and finished: its status, time and scalars", async () => {
    const staged = await guild(["run", "train.py", "x=3.5", "--stage", "-y"], g());
    assert.equal(staged.exitCode, 0, staged.stderr);
    const id = readdirSync(join(p.home, "runs")).find((r) => existsSync(join(p.home, "runs", r, ".guild", "STAGED"))) as string;
    assert.ok(id);
    await compare();
    const before = await agreed();
    assert.match(before, new RegExp(`${id.slice(0, 8)},train\\.py,[^,]*,,staged,`));
    const started = await guild(["run", "--start", id, "-y"], g());
    assert.equal(started.exitCode, 0, started.stderr);
    const after = await agreed();
    assert.match(after, new RegExp(`${id.slice(0, 8)},train\\.py,[^,]*,0:00:0\\d,completed,.*,3\\.5,3,`));
  });

  test("a run deleted: gone from compare and from the cache", async () => {
    await compare();
    const [, b] = trials as [string, string];
    rmSync(join(p.home, "runs", b), { recursive: true });
    const after = await agreed();
    assert.doesNotMatch(after, new RegExp(b.slice(0, 8)));
    await compare();
    assert.ok(!(join(p.home, "runs", b) in cachedRuns()));
  });
});

describe("compare: row cache over the stores Guild AI wrote", () => {
  let events: Buffer;
  before(async () => {
    const p = tempProject("fixtures/projects/scalars");
    try {
      const r = await guild(["run", "train.py", "-y"], { cwd: p.cwd, home: p.home });
      assert.equal(r.exitCode, 0, r.stderr);
      const [id] = readdirSync(join(p.home, "runs")) as [string];
      const dir = join(p.home, "runs", id, ".guild");
      events = readFileSync(join(dir, readdirSync(dir).find((n) => n.includes(".tfevents.")) as string));
    } finally {
      p.cleanup();
    }
  });

  for (const name of GUILD_STORES) {
    test(`${name}: cached alike, then a label Guild AI rewrote and event files added`, async () => {
      const store = extractStore(name);
      try {
        const g = { cwd: store.project, home: store.home, env: { TZ: "UTC" } };
        const cacheFile = join(store.home, "cache", "compare-rows-v2.json");
        const compare = async () => {
          let out = "";
          for (const args of [["--csv", "-"], ["-t"], ["--print-scalars"]]) {
            const r = await guild(["compare", "--include-batch", ...args], g);
            assert.equal(r.exitCode, 0, r.stderr);
            out += r.stdout;
          }
          return out;
        };
        const agreed = async () => {
          await compare();
          const cached = await compare();
          rmSync(cacheFile, { force: true });
          assert.equal(await compare(), cached, "compare with the cache differs from compare without it");
          return cached;
        };
        const first = await agreed();
        const runs = join(store.home, "runs");
        const labelled = readdirSync(runs).find((id) => existsSync(join(runs, id, ".guild", "attrs", "label"))) as string;
        const label = join(runs, labelled, ".guild", "attrs", "label");
        writeFileSync(label, "relabelled by Guild AI\n");
        assert.match(await agreed(), /relabelled by Guild AI/);
        // In every run (a batch's linked trials and a pipeline's steps included).
        for (const id of readdirSync(runs)) writeFileSync(join(runs, id, ".guild", "events.out.tfevents.1700000000.guild.1.0"), events);
        const withEvents = await agreed();
        assert.notEqual(withEvents, first);
        assert.match(withEvents, /loss/);
      } finally {
        store.cleanup();
      }
    });
  }
});
