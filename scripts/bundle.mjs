// Bundles the CLI for the `guild` bin: cli.js (global options, --help,
// --version) plus one self-contained bundle per command in entries/, loaded
// on demand. Node 20 pays about a millisecond per ES module it resolves and
// loads, and a command touches dozens of ours: bundled, it loads two files.
// (tsc still builds dist/src for the type check and the unit tests.)
import { readdirSync, rmSync } from "node:fs";
import { build } from "esbuild";

const common = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // `yaml` stays a runtime dependency, loaded only when a file needs it.
  external: ["yaml"],
  // commander is CommonJS: give its require() calls a real require.
  banner: { js: "import { createRequire as __guildRequire } from 'node:module'; const require = __guildRequire(import.meta.url);" },
  logLevel: "warning",
};

rmSync("dist/bundle", { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ["src/cli.ts"],
  outfile: "dist/bundle/cli.js",
  // The command entries are loaded at run time from dist/bundle/entries/.
  external: [...common.external, "./entries/*"],
});
const entries = readdirSync("src/commands/entries").filter((f) => f.endsWith(".ts"));
await build({
  ...common,
  entryPoints: entries.map((f) => `src/commands/entries/${f}`),
  outdir: "dist/bundle/entries",
});
