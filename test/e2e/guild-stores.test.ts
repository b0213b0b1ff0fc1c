/**
 * Stores written by Guild AI (2020 and 0.9.1) list and show here exactly as
 * Guild listed and showed them: ids, order, operation, time, status, label,
 * and every `runs info` field.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild } from "../helpers/guild-cli.js";
import { extractStore, GUILD_STORES, relocateOprefs } from "../helpers/guild-stores.js";

// Guild listed these from the project dir, in UTC, 200 columns wide.
const ENV = { TZ: "UTC" };

describe("stores written by Guild AI", () => {
  for (const name of GUILD_STORES) {
    test(`${name}: guild runs --all matches Guild's own listing`, async () => {
      const store = extractStore(name);
      try {
        // The runs' project dir must be the cwd, as it was for Guild, or
        // each operation gets the ` (<dir>)` suffix.
        relocateOprefs(store);
        const result = await guild(["runs", "--all"], { cwd: store.project, home: store.home, env: ENV });
        assert.equal(result.stderr, "");
        assert.equal(result.exitCode, 0);
        assert.equal(result.stdout, store.expected("runs-list.txt"));
      } finally {
        store.cleanup();
      }
    });

    test(`${name}: guild runs info matches Guild's own, but for later Guild's tags line`, async () => {
      const store = extractStore(name);
      try {
        const result = await guild(["runs", "info"], { cwd: store.project, home: store.home, env: ENV });
        assert.equal(result.stderr, "");
        assert.equal(result.exitCode, 0);
        // Guild 0.9.x always prints `tags:`; 2020 Guild (our target) has no tags.
        const expected = store.expected("runs-info-1.txt").replace(/^tags:\n/m, "");
        assert.equal(store.asWritten(result.stdout), expected);
      } finally {
        store.cleanup();
      }
    });
  }

  test("runs from another project dir show it after the operation", async () => {
    const store = extractStore("guild-2020");
    try {
      const result = await guild(["runs", "-n", "2"], { cwd: store.project, home: store.home, env: ENV });
      assert.equal(
        result.stdout,
        "[1:5b374f8f]  sleepy.py (/srv/guild-example/project)  2026-11-27 09:33:39  completed  seconds=0\n" +
          "[2:c56f3c41]  say.py (/srv/guild-example/project)     2026-11-27 09:33:38  completed  loud=no msg=hola\n",
      );
    } finally {
      store.cleanup();
    }
  });
});
