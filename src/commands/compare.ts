/** `guild compare [RUN...]`: flags and last scalar values of runs, side by side. */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { parseIntOption } from "./option-parsers.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";

interface CompareCliOptions extends RunFilterCliOptions {
  min?: string;
  max?: string;
  top?: number;
  allScalars?: boolean;
  skipCore?: boolean;
  skipOpCols?: boolean;
  table?: boolean;
  csv?: string;
  json?: boolean;
  includeBatch?: boolean;
  printScalars?: boolean;
  cols?: string;
  strictCols?: string;
}

function parseLimit(value: string): number {
  const n = parseIntOption("--limit")(value);
  if (n < 1) throw new InvalidArgumentError(`invalid value for --limit: ${n} is not in the range x>=1`);
  return n;
}

export function registerCompareCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("compare")
    .summary("Compare run results.")
    .description(
      "Compare run results: run, operation, started, time, status, label, one\n" +
        "column per flag, then the step and last value of each scalar.\n\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; all runs when not\n" +
        "given. Batch runs are left out unless --include-batch.\n\n" +
        "COLUMN SPECS (-c, and an operation's 'compare:' in guild.yml, which replaces\n" +
        "its flag and scalar columns): a comma list of scalars ('loss', 'min loss',\n" +
        "'max acc step', 'first val#loss'; qualifiers min, max, first, last, avg,\n" +
        "total, count), flags ('=lr') and run attributes ('.started'), each\n" +
        "optionally 'as NAME' (quoted if it has spaces).",
    )
    .argument("[runs...]", "runs to compare")
    .option("--min <column>", "Show the lowest values for COLUMN first.")
    .option("--max <column>", "Show the highest values for COLUMN first.")
    .option("-n, --limit <n>", "Only show the top N runs.", parseLimit)
    .addOption(new Option("--top <n>", "Alias for --limit.").argParser(parseLimit).hideHelp())
    .option("-s, --all-scalars", "Include all scalars. By default system scalars are omitted.")
    .option("-p, --skip-op-cols", "Don't show operation columns.")
    .option("-r, --skip-core", "Don't show core columns.")
    .option("-t, --table", "Show comparison data as a table.")
    .option("--csv <path>", "Save comparison data to a CSV file. Use '-' for PATH to print to standard output.")
    .option("-c, --cols <columns>", "Comma delimited list of additional columns to compare (see COLUMN SPECS). Cannot be used with --strict-cols.")
    .option("--strict-cols <columns>", "Comma delimited list of the only columns to compare (-cc). Cannot be used with --cols.")
    .option("--json", "Print comparison data as JSON.")
    .option("--include-batch", "Include batch runs.")
    .option("--print-scalars", "Show available scalars and exit.");
  addRunFilters(cmd);
  cmd.action(async (specs: string[], o: CompareCliOptions & { limit?: number }, self: Command) => {
    checkExclusive(o);
    if (o.cols !== undefined && o.strictCols !== undefined) fail("--cols cannot be used with --strict-cols");
    const strict = o.strictCols !== undefined;
    const { compareRuns, saveCompareCsv } = await import("../core/compare/compare-runs.js");
    const out = await import("./compare-output.js");
    const ctx = contextFor(self, io, { createHome: false });
    const table = compareRuns(
      {
        specs,
        filter: runsQueryFor(o, self),
        includeBatch: o.includeBatch === true,
        allScalars: o.allScalars === true,
        skipCore: o.skipCore === true || strict,
        skipOpCols: o.skipOpCols === true || strict,
        columns: o.strictCols ?? o.cols,
        minCol: o.min,
        maxCol: o.min === undefined ? o.max : undefined,
        limit: o.limit ?? o.top,
      },
      ctx,
    );
    if (o.printScalars) for (const line of out.formatPrintScalars(table)) ctx.out.stdout(`${line}\n`);
    else if (o.json) ctx.out.stdout(out.formatCompareJson(table));
    else if (o.csv === "-") ctx.out.stdout(out.formatCompareCsv(table));
    else if (o.csv !== undefined) {
      saveCompareCsv(o.csv, out.formatCompareCsv(table));
      ctx.out.stderr(`Wrote ${table.rows.length} row(s) to ${o.csv}\n`);
    } else {
      // One write, not one a line: over 1,000 runs the writes cost ~10 ms.
      const lines = out.formatCompareTable(table);
      if (lines.length) ctx.out.stdout(`${lines.join("\n")}\n`);
    }
  });
  configure(cmd, io);
}

function checkExclusive(o: CompareCliOptions): void {
  const given = (["table", "csv", "json"] as const).filter((k) => o[k] !== undefined && o[k] !== false);
  if (given.length > 1) {
    fail(`--${given[0]} and --${given[1]} cannot both be specified\nTry 'guild compare --help' for more information.`);
  }
}
