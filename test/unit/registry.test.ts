// Every command entry module is registered (and listed by `guild --help`), in alphabetical order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../../src/commands/registry.js";

test("the registry names every entry module, alphabetically", async () => {
  const dir = fileURLToPath(new URL("../../../src/commands/entries/", import.meta.url));
  const entries = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
  const names = COMMANDS.map((c) => c.name);
  assert.deepEqual([...names].sort(), names);
  for (const entry of entries) assert.ok(COMMANDS.some((c) => c.name === entry || c.name.startsWith(entry)), `entry ${entry} not registered`);
  for (const c of COMMANDS) assert.equal(typeof (await c.load()).main, "function", c.name);
});
