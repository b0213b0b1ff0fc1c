/**
 * Output scalars of a run: each complete output line is matched against the
 * run's patterns and the values are logged to `.guild/events.out.tfevents.*`.
 * A value named `step` is not logged: it sets the step of the other values
 * of its line and of later lines (unset, i.e. 0, before the first).
 */
import type { Out } from "../context.js";
import type { FlagMap } from "../flags/value.js";
import type { LineSink } from "../run/output-writer.js";
import { guildPath } from "../store/paths.js";
import { openEventWriter, type EventWriter } from "../tfevent/event-writer.js";
import type { ScalarValue } from "../tfevent/event.js";
import { compilePatterns, DEFAULT_OUTPUT_SCALARS, matchLine, type ScalarPattern } from "./patterns.js";
import { compareCodePoints } from "../yaml/emitter.js";

export interface ScalarLogger {
  /** Takes one output line (trailing whitespace is ignored). */
  line(text: string): void;
  close(): void;
}

export interface ScalarEntry {
  values: ScalarValue[];
  step: number | undefined;
}

/**
 * Pure core of the logger: what each line logs. `ignore` holds the flag
 * names the default pattern skips.
 */
export function scalarLineParser(patterns: readonly ScalarPattern[], ignore: ReadonlySet<string>) {
  let step: number | undefined;
  return (text: string): ScalarEntry | undefined => {
    const vals = matchLine(text.trimEnd(), patterns);
    const lineStep = vals.get("step");
    vals.delete("step");
    if (lineStep !== undefined) step = lineStep;
    const keys = [...vals.keys()].filter((k) => !ignore.has(k)).sort(compareCodePoints);
    if (!keys.length) return undefined;
    return { values: keys.map((tag) => ({ tag, value: vals.get(tag) as number })), step };
  };
}

export function scalarLogger(patterns: readonly ScalarPattern[], ignore: ReadonlySet<string>, writer: EventWriter): ScalarLogger {
  const parse = scalarLineParser(patterns, ignore);
  return {
    line(text) {
      const entry = parse(text);
      if (entry) writer.addScalars(entry.values, entry.step);
    },
    close: () => writer.close(),
  };
}

/**
 * What a run's output scalars come from: its op's `output-scalars` (the `op`
 * attr's) and its flags (the `flags` attr's). The starter has both in hand
 * as it wrote them, so nothing is read back from the run.
 */
export interface OutputScalarsSource {
  config: unknown;
  flags: FlagMap;
}

/**
 * The patterns a run logs with: undefined when output scalars are disabled
 * (`output-scalars: no`). The default patterns skip the run's flag names.
 */
export function outputScalarsFor(source: OutputScalarsSource, warn: (msg: string) => void): { patterns: ScalarPattern[]; ignore: Set<string> } | undefined {
  const { config } = source;
  if (config === undefined || config === null) {
    return { patterns: compilePatterns(DEFAULT_OUTPUT_SCALARS, warn), ignore: new Set(Object.keys(source.flags)) };
  }
  const list = Array.isArray(config) ? config : config === false ? [] : [config];
  if (!list.length) return undefined;
  return { patterns: compilePatterns(list, warn), ignore: new Set() };
}

/** The line sink that logs a run's output scalars; undefined when disabled. */
export function openOutputScalars(runDir: string, source: OutputScalarsSource, out: Out): LineSink | undefined {
  const warn = (msg: string) => out.stderr(`WARNING: ${msg}\n`);
  const config = outputScalarsFor(source, warn);
  if (!config?.patterns.length) return undefined;
  const logger = scalarLogger(config.patterns, config.ignore, openEventWriter(guildPath(runDir)));
  return {
    line: (bytes) => logger.line(bytes.toString("utf8")),
    close: () => logger.close(),
  };
}
