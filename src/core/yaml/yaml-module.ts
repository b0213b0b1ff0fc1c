/**
 * The `yaml` package, loaded on first use. Built as a bundle, the command
 * bundles get a stand-in for this module that loads `dist/bundle/lib/yaml.js`
 * with a V8 code cache instead (scripts/bundle.mjs): required from
 * node_modules, its ~70 files cost each `guild run` ~70 ms of CPU to
 * resolve and compile, more than Node's own start.
 */
import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

export function requireYaml(): typeof YamlModule {
  return createRequire(import.meta.url)("yaml") as typeof YamlModule;
}
