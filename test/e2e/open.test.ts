/**
 * `guild open`: the path Guild's open_impl builds (run dir with a trailing
 * `/`, `-p PATH` under it, `-s` source code, `-O` output) handed to
 * `--cmd`; compared with what Guild 0.9.1 printed for its own store
 * (fixtures/guild-outputs/open-0.9.1.txt). The desktop opener is not run
 * here: an empty PATH shows it is looked up, and a missing one is an error.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { guild, guildCombined } from "../helpers/guild-cli.js";
import { recordedCommands } from "../helpers/guild-outputs.js";
import { extractStore, type ExtractedStore } from "../helpers/guild-stores.js";

describe("guild open", () => {
  let store: ExtractedStore;
  before(() => (store = extractStore("guild-0.9.1")));
  after(() => store.cleanup());

  for (const { args, output } of recordedCommands("open-0.9.1.txt")) {
    test(`guild ${args.join(" ")}`, async () => {
      const r = await guildCombined(args, { cwd: store.project, home: store.home, env: { TZ: "UTC" } });
      assert.equal(`${store.asWritten(r.output)}<exit ${r.exitCode}>\n`, output);
    });
  }

  test("--cmd is split as a shell splits it; a missing command is an error", async () => {
    const g = { cwd: store.project, home: store.home };
    assert.match((await guild(["open", "-c", "echo 'a b'", "2"], g)).stdout, /^a b \/\S+\/runs\/a3d1542901cd4a48be0d5c5919d28044\/\n$/);
    const r = await guild(["open", "-c", "no-such-opener-cmd"], g);
    assert.deepEqual([r.stderr, r.exitCode], ["guild: cannot run 'no-such-opener-cmd': command not found\n", 1]);
  });

  test("without --cmd the desktop opener is run (here: not installed)", async () => {
    const empty = join(store.root, "empty-path");
    mkdirSync(empty, { recursive: true });
    const r = await guild(["open"], { cwd: store.project, home: store.home, env: { PATH: empty } });
    const opener = process.platform === "darwin" ? "open" : "xdg-open";
    assert.deepEqual([r.stderr, r.exitCode], [`guild: cannot run '${opener}': command not found\n`, 1]);
  });
});
