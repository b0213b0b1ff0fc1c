// Bundles the CLI for the `guild` bin: cli.js (global options, --help,
// --version) plus one self-contained bundle per command in entries/, loaded
// on demand. Node 20 pays about a millisecond per ES module it resolves and
// loads, and a command touches dozens of ours: bundled, it loads two files.
// The bundles are CommonJS (dist/bundle/package.json says so, as does
// bin/package.json for the bin): Node's ES module loader alone costs ~9 ms
// of CPU at every start, a quarter of Node's own start-up.
// (tsc still builds dist/src for the type check and the unit tests.)
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // `yaml` stays a runtime dependency, loaded only when a file needs it;
  // so do BullMQ and ioredis, loaded only when a broker is used.
  external: ["yaml", "bullmq", "ioredis"],
  // Our source is ESM: give `import.meta.url` its CommonJS equivalent, and
  // turn `import()` of the command entries into require().
  define: { "import.meta.url": "__guildImportMetaUrl" },
  banner: { js: 'var __guildImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  supported: { "dynamic-import": false },
  logLevel: "warning",
  // Smaller source parses faster at every start; names are kept so stack
  // traces of internal errors still read.
  minifyWhitespace: true,
  minifySyntax: true,
};

/**
 * commander requires node:child_process when it loads, for executable
 * subcommands we never use; loading it costs every command ~5 ms. Give
 * commander a stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes("node_modules/commander") ? { path: "lazy-child-process", namespace: "guild-shim" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "guild-shim" }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: "js",
    }));
  },
};

/**
 * cli.js loads a command's bundle through load-bundle.ts, which gives V8 a
 * code cache for it: `import("./entries/X.js")` becomes
 * `loadBundle(<dir of cli.js>/entries/X.js)`, still only when the command runs.
 */
const entriesViaCodeCache = {
  name: "entries-via-code-cache",
  setup(b) {
    b.onResolve({ filter: /^\.\/entries\// }, (args) => ({ path: args.path, namespace: "guild-entry" }));
    b.onLoad({ filter: /.*/, namespace: "guild-entry" }, (args) => ({
      contents: `const { loadBundle } = require("./load-bundle.ts");
module.exports = loadBundle(require("node:path").join(__dirname, ${JSON.stringify(args.path)}));`,
      resolveDir: "src",
      loader: "js",
    }));
  },
};

/**
 * The `yaml` package as one bundle of its own (dist/bundle/lib/yaml.js),
 * loaded through load-bundle.ts with a code cache: required from
 * node_modules, its ~70 files cost each command that reads YAML (every
 * `guild run`) ~70 ms of CPU to resolve and compile; this way ~10 ms. The
 * command bundles get a stand-in for src/core/yaml/yaml-module.ts that loads
 * it, still only when YAML is first read.
 */
const yamlViaCodeCache = {
  name: "yaml-via-code-cache",
  setup(b) {
    b.onResolve({ filter: /\/yaml-module(\.js)?$/ }, (args) =>
      args.importer.endsWith("src/core/yaml/guild-yaml.ts") ? { path: "yaml-module", namespace: "guild-yaml" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "guild-yaml" }, () => ({
      contents: `const { loadBundle } = require("./load-bundle.ts");
exports.requireYaml = () => loadBundle(require("node:path").join(__dirname, "..", "lib", "yaml.js"));`,
      resolveDir: "src",
      loader: "js",
    }));
  },
};

rmSync("dist/bundle", { recursive: true, force: true });
// Code caches made for the bundles just replaced (see src/load-bundle.ts).
rmSync("dist/.code-cache", { recursive: true, force: true });
mkdirSync("dist/bundle", { recursive: true });
writeFileSync("dist/bundle/package.json", '{ "type": "commonjs" }\n');
await build({
  ...common,
  entryPoints: ["src/cli.ts"],
  outfile: "dist/bundle/cli.js",
  // The command entries are loaded at run time from dist/bundle/entries/.
  plugins: [entriesViaCodeCache],
});
const entries = readdirSync("src/commands/entries").filter((f) => f.endsWith(".ts"));
await build({
  ...common,
  entryPoints: entries.map((f) => `src/commands/entries/${f}`),
  outdir: "dist/bundle/entries",
  plugins: [lazyChildProcess, yamlViaCodeCache],
});
await build({
  ...common,
  external: [],
  stdin: { contents: 'module.exports = require("yaml");', resolveDir: ".", sourcefile: "yaml-package.js" },
  outfile: "dist/bundle/lib/yaml.js",
});

// `guild view`'s page: one browser script (uPlot included) and one style
// sheet, shipped in the package: no CDN, works offline.
// early.js runs first and only starts the compare page's request (ui/early.ts).
for (const [entry, out] of [["ui/main.ts", "app.js"], ["ui/early.ts", "early.js"]]) {
  await build({
    entryPoints: [entry],
    outfile: `dist/bundle/view/${out}`,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    logLevel: "warning",
  });
}
writeFileSync("dist/bundle/view/app.css", readFileSync("node_modules/uplot/dist/uPlot.min.css", "utf8") + readFileSync("ui/app.css", "utf8"));
copyFileSync("ui/index.html", "dist/bundle/view/index.html");
