/**
 * What `guild diff` compares (Guild's diff_impl): pairs of paths in two runs
 * (or a run and a directory), chosen by the options. Pure: paths only.
 */
import { join } from "node:path";
import { fail } from "../errors.js";
import { attrsDir, attrPath, guildPath } from "../store/paths.js";

export interface DiffWhat {
  output: boolean;
  sourcecode: boolean;
  env: boolean;
  flags: boolean;
  attrs: boolean;
  deps: boolean;
  paths: readonly string[];
}

export type PathPair = readonly [string, string];

/** Run directories with where each keeps its source code copy. */
export interface DiffSide {
  dir: string;
  sourcecodeDir: string;
}

/**
 * The pairs to diff between two runs, in Guild's order: attributes (all,
 * or env, flags, deps), output, then source code or PATHs; the run
 * directories when nothing narrower was asked for. `warn` gets Guild's
 * notes on options `--attrs` makes redundant.
 */
export function runPathPairs(a: DiffSide, b: DiffSide, what: DiffWhat, warn: (line: string) => void): PathPair[] {
  const pairs: PathPair[] = [];
  const attr = (name: string): PathPair => [attrPath(a.dir, name), attrPath(b.dir, name)];
  if (what.attrs) {
    for (const [on, name] of [[what.env, "env"], [what.flags, "flags"], [what.deps, "deps"]] as const) {
      if (on) warn(`WARNING: ignoring --${name} (already included in --attrs)`);
    }
    pairs.push([attrsDir(a.dir), attrsDir(b.dir)]);
  } else {
    if (what.env) pairs.push(attr("env"));
    if (what.flags) pairs.push(attr("flags"));
    if (what.deps) pairs.push(attr("deps"));
  }
  if (what.output) pairs.push([guildPath(a.dir, "output"), guildPath(b.dir, "output")]);
  if (what.sourcecode) pairs.push(...dirPairs(a.sourcecodeDir, b.sourcecodeDir, what.paths));
  else pairs.push(...what.paths.map((p): PathPair => [join(a.dir, p), join(b.dir, p)]));
  if (!pairs.length) pairs.push([a.dir, b.dir]);
  return pairs;
}

/** PATHs under two directories, or the directories themselves. */
export function dirPairs(dir: string, other: string, paths: readonly string[]): PathPair[] {
  if (!paths.length) return [[dir, other]];
  return paths.map((p): PathPair => [join(dir, p), join(other, p)]);
}

export interface DiffRunArgs {
  run?: string;
  otherRun?: string;
  dir?: string;
  working: boolean;
  sourcecode: boolean;
}

/**
 * The run specs to diff (Guild's defaults: the latest two, `2` against
 * `1`; one run against a directory), or an error for combinations Guild
 * refuses.
 */
export function runSpecsFor(args: DiffRunArgs): { run: string; otherRun?: string } {
  if (args.working && args.dir !== undefined) fail(incompatible("--working", "--dir"));
  if (args.working && args.sourcecode) fail(incompatible("--working", "--sourcecode"));
  const againstDir = args.dir !== undefined || args.working;
  if (args.run === undefined) return againstDir ? { run: "1" } : { run: "2", otherRun: "1" };
  if (args.otherRun === undefined) {
    if (againstDir) return { run: args.run };
    fail("diff requires two runs\nTry specifying a second RUN or 'guild diff --help' for more information.");
  }
  if (args.dir !== undefined) fail("cannot specify second RUN and --dir");
  if (args.working) fail("cannot specify second RUN and --working");
  return { run: args.run, otherRun: args.otherRun };
}

function incompatible(a: string, b: string): string {
  return `${a} and ${b} cannot both be specified\nTry 'guild diff --help' for more information.`;
}
