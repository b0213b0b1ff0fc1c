/**
 * `guild export` and `guild import` (Guild 0.9's runs_impl.export/import_
 * and run_util.export_runs/import_runs): a store's runs to a directory, a
 * zip or a tar.gz and back, listing identically; the archive Guild AI
 * itself exported (fixtures/guild-export) imports as Guild imported it;
 * and what we write, Python's zipfile (which Guild uses) reads.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { guild, REPO_ROOT } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

/** Every path under `dir` with what it is: file contents, link targets. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else out.push(`${rel} ${readFileSync(p).toString("base64")}`);
    }
  };
  walk(dir);
  return out;
}

describe("guild export and import", () => {
  let p: TempProject;
  let s: Session;
  const home = (name: string) => join(p.root, name);
  const as = (h: string, args: string[], input?: string) => guild(args, { cwd: p.cwd, home: h }, input);
  let listing: string;
  before(async () => {
    p = tempProject("examples/say");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    await s.run(["run", "say.py", "msg=[a,b]", "-y"]); // a batch linking its two trials
    await s.run(["run", "say.py", "msg=c", "-l", "the c", "-y"]);
    listing = (await as(p.home, ["runs", "-a"])).stdout;
  });
  after(() => p.cleanup());

  for (const location of ["exported", "exported.zip", "exported.tar.gz"]) {
    test(`round trip through ${location}: the runs list identically`, async () => {
      const out = await s.run(["export", "-y", location]);
      assert.match(out, /^(Copying ~\d+~\n){4}Exported 4 run\(s\) to exported(\.zip|\.tar\.gz)?\n$/);
      const other = home(`home-${location}`);
      const imported = await as(other, ["import", "-y", location]);
      assert.equal(imported.exitCode, 0, imported.stderr);
      assert.match(imported.stderr, /Imported 4 run\(s\) from /);
      assert.equal((await as(other, ["runs", "-a"])).stdout, listing);
      const ours = tree(join(p.home, "runs"));
      const theirs = tree(join(other, "runs"));
      // A zip holds no links (as Guild writes it): a batch's trial links come back as empty directories.
      if (location.endsWith(".zip")) assert.deepEqual(theirs, ours.map((l) => l.replace(/^(\w+\/\w+) -> \.\.\/\w+$/, "$1/")));
      else assert.deepEqual(theirs, ours);
      assert.deepEqual(readdirSync(join(other, "tmp", "new-runs")), [], "nothing left where the archive was extracted");
    });
  }

  test("a zip we write is one Python's zipfile (Guild's reader) reads and checks", () => {
    const py = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), len(z.namelist()), sorted(n for n in z.namelist() if n.endswith('/'))[0])";
    const out = execFileSync("python3", ["-c", py, join(p.cwd, "exported.zip")], { encoding: "utf8" });
    assert.match(out, /^None \d+ [0-9a-f]{32}\/\n$/);
  });

  test("the archive Guild AI exported imports, listing as Guild listed it", async () => {
    const other = home("home-guild-zip");
    const zip = join(REPO_ROOT, "fixtures", "guild-export", "guild-0.9.1-export.zip");
    const r = await as(other, ["import", "-y", zip]);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stderr, /Imported 9 run\(s\) from /);
    const guildListing = readFileSync(join(REPO_ROOT, "fixtures", "guild-export", "runs-list-after-import.txt"), "utf8");
    assert.equal((await as(other, ["runs", "-a"])).stdout, guildListing);
    // Importing again skips every run, as Guild does.
    const again = await as(other, ["import", "-y", zip, "1"]);
    assert.match(again.stderr, /^WARNING: [0-9a-f]{32} exists, skipping\nImported 0 run\(s\) from /);
  });

  test("export to an existing archive keeps its runs and skips those it has", async () => {
    const first = await s.run(["export", "-y", "two.zip", "1"]);
    const latest = /^Copying (~\d+~)\n/.exec(first)?.[1];
    assert.equal(first, `Copying ${latest}\nExported 1 run(s) to two.zip\n`);
    assert.match(await s.run(["export", "-y", "two.zip", "1:2"]), new RegExp(`^WARNING: ${latest} exists, skipping\nCopying ~\\d+~\nExported 1 run\\(s\\) to two.zip\n$`));
    const other = home("home-two");
    await as(other, ["import", "-y", "two.zip"]);
    assert.equal((await as(other, ["runs"])).stdout.split("\n").length - 1, 2);
    assert.equal(await s.run(["export", "-y", "exported", "1"]), `WARNING: exported/${latest} exists, skipping\nExported 0 run(s) to exported\n`);
  });

  test("--move: out of the store into a directory, and back", async () => {
    const t = tempProject("examples/say");
    try {
      const g = { cwd: t.cwd, home: t.home };
      await guild(["run", "say.py", "msg=m", "-y"], g);
      const before = (await guild(["runs"], g)).stdout;
      assert.match((await guild(["export", "-y", "--move", "out"], g)).stderr, /^Moving \w{32}\nExported 1 run\(s\) to out\n$/);
      assert.equal((await guild(["runs"], g)).stdout, "");
      assert.ok(existsSync(join(t.cwd, "out", ".guild-nocopy")));
      assert.match((await guild(["import", "-y", "--move", "out"], g)).stderr, /^Moving \w{32}\nImported 1 run\(s\) from out\n$/);
      assert.equal((await guild(["runs"], g)).stdout, before);
      assert.deepEqual(readdirSync(join(t.cwd, "out")), [".guild-nocopy"]);
    } finally {
      t.cleanup();
    }
  });

  test("without -y: Guild's preview and question; no changes nothing", async () => {
    const c = s.ids.shortNameFor(listing.slice(3, 11));
    assert.equal(
      await s.run(["export", "never.zip", "1"], "n\n"),
      text`
        You are about to copy the following runs to 'never.zip':
          [${c}]  say.py  <time>  completed  the c
      ` + "Continue? (Y/n) ",
    );
    assert.ok(!existsSync(join(p.cwd, "never.zip")));
    assert.equal(
      await s.run(["import", "exported.zip", "-Fl", "the c"], "n\n"),
      text`
        You are about to import (copy) the following runs from 'exported.zip':
          [${c}]  say.py  <time>  completed  the c
      ` + "Continue? (Y/n) ",
    );
  });

  test("bad archives: a clear message, exit 1, the store untouched", async () => {
    const other = home("home-bad");
    const bad = join(p.root, "bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "notes.txt"), "hi");
    writeFileSync(join(bad, "broken.zip"), "PK not really");
    // A zip naming a path outside the store, and one whose data does not match its CRC.
    const py = [
      "import sys, zipfile",
      "with zipfile.ZipFile(sys.argv[1] + '/evil.zip', 'w') as z: z.writestr('../evil.txt', 'x')",
      "with zipfile.ZipFile(sys.argv[1] + '/crc.zip', 'w') as z: z.writestr('a' * 32 + '/.guild/opref', 'guildfile:x y z w')",
      "d = bytearray(open(sys.argv[1] + '/crc.zip', 'rb').read()); i = d.index(b'guildfile'); d[i] = ord('G'); open(sys.argv[1] + '/crc.zip', 'wb').write(d)",
    ].join("\n");
    execFileSync("python3", ["-c", py, bad]);
    const cases: [string[], RegExp][] = [
      [["import", "-y", "no-such-dir"], /^guild: 'no-such-dir' is not a valid archive - use a path to a directory, a \.zip or a \.tar\.gz file\n$/],
      [["import", "-y", join(bad, "notes.txt")], /^guild: invalid archive .*notes\.txt - expected a directory, a zip file or a \.tar\.gz file\n$/],
      [["import", "-y", "--move", "exported.zip"], /^guild: '--move' cannot be used with zip archives\n$/],
      [["import", "-y", join(bad, "broken.zip")], /^guild: invalid archive .*broken\.zip: not a zip file\n$/],
      [["import", "-y", join(bad, "evil.zip")], /^guild: invalid archive .*evil\.zip: unsafe path '\.\.\/evil\.txt'\n$/],
      [["import", "-y", join(bad, "crc.zip")], /^guild: invalid archive .*crc\.zip: bad CRC-32 for 'a{32}\/\.guild\/opref'\n$/],
      [["export", "-y", join(bad, "notes.txt")], /^guild: '.*notes\.txt' is not a directory\n$/],
    ];
    for (const [args, want] of cases) {
      const r = await as(args[0] === "export" ? p.home : other, args);
      assert.equal(r.exitCode, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, want);
    }
    assert.ok(!existsSync(join(p.root, "evil.txt")));
    assert.deepEqual(readdirSync(join(other, "runs")), []);
    assert.deepEqual(readdirSync(join(other, "tmp", "new-runs")), []);
  });
});
