/**
 * The V8 code cache of the command bundles (src/load-bundle.ts) is only a
 * cache: made beside the bundles, or in the user's cache dir when the
 * install cannot be written, replaced when stale or damaged, and never the
 * reason a command fails or says anything. Each case runs a private copy of
 * the bin and bundles, so it sees its own cache and no other test's.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/guild-cli.js";

describe("code cache of the command bundles", () => {
  let tmp: string;
  let install: string;
  let xdg: string;
  let home: string;
  const besides = () => join(install, "dist", ".code-cache", "runs.js.cache");
  const userCaches = () => {
    const dir = join(xdg, "guild-ts", "code-cache");
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  };

  beforeEach(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), "guild-code-cache-")));
    install = join(tmp, "install");
    xdg = join(tmp, "xdg");
    home = join(tmp, "home");
    for (const part of ["bin", join("dist", "bundle")]) cpSync(join(REPO_ROOT, part), join(install, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(install, "node_modules"));
    // One run for `guild runs` to list.
    const run = join(home, "runs", "aaaabbbbccccddddeeeeffff00001111", ".guild");
    mkdirSync(join(run, "attrs"), { recursive: true });
    writeFileSync(join(run, "opref"), "script:/p '' '' say.py\n");
    writeFileSync(join(run, "attrs", "started"), "1700000000000000\n");
    writeFileSync(join(run, "attrs", "exit_status"), "0\n");
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const listRuns = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [join(install, "bin", "guild.js"), "runs"], {
      cwd: tmp,
      env: { PATH: process.env.PATH, HOME: tmp, XDG_CACHE_HOME: xdg, GUILD_HOME: home, COLUMNS: "200", ...env },
      encoding: "utf8",
    });
    assert.equal(r.stderr, "");
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^\[1:aaaabbbb\] +say\.py .* completed/);
  };
  const stamp = (path: string) => {
    const st = statSync(path);
    return `${st.ino} ${st.mtimeMs}`;
  };

  test("is made beside the bundles at the first run and read, not remade, at the next", () => {
    listRuns();
    assert.ok(existsSync(besides()));
    assert.match(readFileSync(besides(), "latin1"), /^guild-code-cache 1 \d+ v\d+\./);
    const before = stamp(besides());
    listRuns();
    // Made again only when missing, stale or rejected by V8: the same file means it was taken.
    assert.equal(stamp(besides()), before);
    assert.deepEqual(userCaches(), []);
  });

  test("goes to the user's cache dir when the install cannot be written", () => {
    writeFileSync(join(install, "dist", ".code-cache"), "not a directory");
    listRuns();
    const made = userCaches();
    assert.equal(made.length, 1);
    assert.match(made[0] as string, /-runs\.js\.cache$/);
    const before = stamp(made[0] as string);
    listRuns();
    assert.equal(stamp(made[0] as string), before);
  });

  test("a damaged cache is replaced, and the command runs as before", () => {
    listRuns();
    const good = readFileSync(besides());
    const headerEnd = good.indexOf(10);
    const damaged: Buffer[] = [
      Buffer.from("garbage"),
      good.subarray(0, headerEnd + 100), // truncated
      Buffer.concat([good.subarray(0, headerEnd + 1), Buffer.alloc(good.length - headerEnd - 1, 7)]), // right length, wrong bytes
    ];
    for (const bytes of damaged) {
      writeFileSync(besides(), bytes);
      listRuns();
      const replaced = stamp(besides());
      listRuns();
      assert.equal(stamp(besides()), replaced, "the replacement is taken");
    }
  });

  test("a cache made for an older build of the bundle is replaced", () => {
    listRuns();
    const before = stamp(besides());
    const bundle = join(install, "dist", "bundle", "entries", "runs.js");
    utimesSync(bundle, new Date(), new Date(Date.now() + 10_000));
    listRuns();
    assert.notEqual(stamp(besides()), before);
  });

  test("nowhere to write it: no cache, and nothing said", () => {
    writeFileSync(join(install, "dist", ".code-cache"), "not a directory");
    writeFileSync(xdg, "not a directory either");
    listRuns();
    listRuns();
  });

  test("YAML is read through a bundle of its own, with its own cache: no node_modules needed", () => {
    rmSync(join(install, "node_modules"));
    const run = join(home, "runs", "aaaabbbbccccddddeeeeffff00001111");
    writeFileSync(join(run, ".guild", "attrs", "flags"), "msg: hi\nsizes:\n- 1\n- 2\n");
    const info = () => {
      const r = spawnSync(process.execPath, [join(install, "bin", "guild.js"), "runs", "info"], {
        cwd: tmp,
        env: { PATH: process.env.PATH, HOME: tmp, XDG_CACHE_HOME: xdg, GUILD_HOME: home },
        encoding: "utf8",
      });
      assert.deepEqual([r.stderr, r.status], ["", 0]);
      assert.match(r.stdout, /^flags:\n  msg: hi\n  sizes:\n    - 1\n    - 2\n/m);
    };
    info();
    const yamlCache = join(install, "dist", ".code-cache", "yaml.js.cache");
    const before = stamp(yamlCache);
    info();
    assert.equal(stamp(yamlCache), before);
  });

  test("NODE_DISABLE_COMPILE_CACHE=1 turns it off", () => {
    listRuns({ NODE_DISABLE_COMPILE_CACHE: "1" });
    assert.equal(existsSync(besides()), false);
  });
});
