/**
 * What `npm pack` ships: the bin, the bundles and the Python helper (no
 * `__pycache__`), and a `prepack` that builds, so a fresh clone packs a
 * working package. The tarball, unpacked beside nothing but its runtime
 * dependencies, runs an operation. (scripts/check-pack.sh does the whole
 * fresh clone → npm pack → npm i -g through the registry.)
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/guild-cli.js";

describe("the npm package", () => {
  let tmp: string;
  let files: string[];
  before(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), "guild-pack-")));
    // Packs the tree as built by `npm run build` (prepack would build it again).
    execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", tmp], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz")) ?? "";
    files = execFileSync("tar", ["tzf", join(tmp, tarball)], { encoding: "utf8" }).trim().split("\n");
    execFileSync("tar", ["xzf", join(tmp, tarball), "-C", tmp]);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test("ships the bin, the bundles and the Python helper, without __pycache__", () => {
    for (const f of ["package/bin/guild.js", "package/dist/bundle/cli.js", "package/dist/bundle/entries/run.js", "package/python/guild/op_main.py"]) {
      assert.ok(files.includes(f), f);
    }
    assert.deepEqual(files.filter((f) => f.includes("__pycache__") || f.endsWith(".pyc")), []);
    assert.deepEqual(files.filter((f) => f.startsWith("package/dist/src/") || f.startsWith("package/src/")), []);
    // Code caches made by local runs (src/load-bundle.ts) belong to this machine's Node.
    assert.deepEqual(files.filter((f) => f.includes(".code-cache")), []);
  });

  test("prepack builds, so a fresh clone packs dist/", () => {
    const pkg = JSON.parse(readFileSync(join(tmp, "package", "package.json"), "utf8")) as { scripts: Record<string, string> };
    assert.equal(pkg.scripts.prepack, "npm run build");
  });

  test("the unpacked package runs an operation with only its runtime dependencies", () => {
    const pkgDir = join(tmp, "package");
    // Its runtime dependencies, as `npm i` would put them beside it.
    symlinkSync(join(REPO_ROOT, "node_modules"), join(pkgDir, "node_modules"));
    const proj = join(tmp, "proj");
    mkdirSync(proj);
    writeFileSync(join(proj, "hello.py"), 'msg = "hi"\nprint("packed", msg)\n');
    const r = spawnSync(process.execPath, [join(pkgDir, "bin", "guild.js"), "run", "hello.py", "msg=there", "-y"], {
      cwd: proj,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GUILD_HOME: join(tmp, "home"), NO_IMPORT_FLAGS_PROGRESS: "1" },
      encoding: "utf8",
    });
    assert.deepEqual([r.stdout, r.status], ["packed there\n", 0], r.stderr);
  });
});
