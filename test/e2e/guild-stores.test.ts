/**
 * Stores written by Guild AI (2020 and 0.9.1) list here exactly as Guild
 * listed them: ids, order, operation, time, status and label.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild } from "../helpers/guild-cli.js";
import { extractStore, GUILD_STORES } from "../helpers/guild-stores.js";

describe("stores written by Guild AI", () => {
  for (const name of GUILD_STORES) {
    test(`${name}: guild runs --all matches Guild's own listing`, async () => {
      const store = extractStore(name);
      try {
        // Guild listed these from the project dir, in UTC, 200 columns wide.
        const result = await guild(["runs", "--all"], { cwd: store.project, home: store.home, env: { TZ: "UTC" } });
        assert.equal(result.stderr, "");
        assert.equal(result.exitCode, 0);
        assert.equal(result.stdout, store.expected("runs-list.txt"));
      } finally {
        store.cleanup();
      }
    });
  }
});
