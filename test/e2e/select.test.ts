/**
 * `guild select` against the store Guild AI 0.9.1 wrote
 * (fixtures/guild-stores/guild-0.9.1.tgz), compared with what Guild itself
 * printed for the same commands (fixtures/guild-outputs/select-0.9.1.txt,
 * recorded with the real Guild as that directory's README says).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guildCombined } from "../helpers/guild-cli.js";
import { recordedCommands } from "../helpers/guild-outputs.js";
import { extractStore, relocateOprefs, type ExtractedStore } from "../helpers/guild-stores.js";

describe("guild select, as Guild 0.9.1 prints it", () => {
  let store: ExtractedStore;
  before(() => {
    store = extractStore("guild-0.9.1");
    relocateOprefs(store);
  });
  after(() => store.cleanup());

  for (const { args, output } of recordedCommands("select-0.9.1.txt")) {
    test(`guild ${args.join(" ")}`, async () => {
      const r = await guildCombined(args, { cwd: store.project, home: store.home, env: { TZ: "UTC" } });
      assert.equal(`${store.asWritten(r.output)}<exit ${r.exitCode}>\n`, output);
    });
  }
});
