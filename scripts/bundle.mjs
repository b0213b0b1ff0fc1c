// Bundles the CLI for the `guild` bin: one small entry chunk plus a chunk per
// command, loaded on demand. Node 20 pays ~0.5-1 ms per ES module it loads,
// and a command touches dozens of our modules: bundled, it loads a handful.
// (tsc still builds dist/src for the type check and the unit tests.)
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // `yaml` stays a runtime dependency, loaded only when a file needs it.
  external: ["yaml"],
  // commander is CommonJS: give its require() calls a real require.
  banner: { js: "import { createRequire as __guildRequire } from 'node:module'; const require = __guildRequire(import.meta.url);" },
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
