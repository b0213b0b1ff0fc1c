/**
 * Batch files (`guild run train @trials.csv`, §4.7): each file gives a list
 * of trials, one flag map per trial. CSV (or no extension): a header row of
 * flag names, then one row per trial with cells decoded as command-line
 * values. JSON and YAML: a list of maps, or one map.
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, isAbsolute, join, relative } from "node:path";
import { fail } from "../errors.js";
import { decodeFlagValue } from "../flags/decode.js";
import { pythonRepr } from "../flags/py-repr.js";
import { isFlagMap, isFloat, nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { msg } from "../messages.js";
import { CsvError, parseCsvRecords, type CsvRecord } from "../util/csv.js";
import { loadYaml } from "../yaml/guild-yaml.js";

/** Reads the trials of every file, in order. `cwd` is the command's directory. */
export function readBatchFiles(paths: readonly string[], cwd: string, warn: (line: string) => void): FlagMap[] {
  const resolved = paths.map((p) => {
    const shown = displayPath(p, cwd);
    const path = isAbsolute(p) ? p : join(cwd, p);
    if (!existsSync(path)) fail(msg.noSuchBatchFile(shown));
    return { path, shown };
  });
  return resolved.flatMap(({ path, shown }) => trialsForText(readText(path, shown), shown, warn));
}

function readText(path: string, shown: string): string {
  try {
    // Spreadsheets save CSV with a byte order mark; it is not part of the first name.
    return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    fail(msg.batchFileError(shown, (e as Error).message));
  }
}

/** As Guild shows it: joined to the command's directory (`./trials.csv`). */
function displayPath(path: string, cwd: string): string {
  if (isAbsolute(path)) return path;
  return `${relative(process.cwd(), cwd) || "."}/${path}`;
}

/** Trials in a batch file's text; `path` names the file (its extension picks the format). */
export function trialsForText(text: string, path: string, warn: (line: string) => void = () => {}): FlagMap[] {
  const ext = extname(path).toLowerCase();
  if (ext === ".json" || ext === ".yml" || ext === ".yaml") return yamlTrials(text, path);
  if (ext === "" || ext === ".csv") return csvTrials(text, path, warn);
  fail(msg.batchFileError(path, "unsupported extension"));
}

function yamlTrials(text: string, path: string): FlagMap[] {
  let data: FlagValue;
  try {
    data = loadYaml(text);
  } catch (e) {
    fail(msg.batchFileError(path, (e as Error).message));
  }
  const items = Array.isArray(data) ? data : isFlagMap(data) ? [data] : undefined;
  if (!items) fail(msg.batchFileError(path, `invalid data type for trials: expected list or dict, got ${pyTypeName(data)}`));
  return items.map((item) => {
    if (!isFlagMap(item)) fail(msg.batchFileError(path, `invalid data type for trial ${pythonRepr(item)}: expected dict`));
    return item;
  });
}

// A row shorter than the header omits the last flags; blank lines are skipped
// (Python's csv gives an empty trial). What Guild reads silently but surely is
// a mistake fails, naming the line: a quote left open, a row with more cells
// than the header has names, a name given twice.
function csvTrials(text: string, path: string, warn: (line: string) => void): FlagMap[] {
  const [header, ...rows] = csvRecords(text, path).filter((r) => r.fields.length > 0);
  if (!header) return [];
  checkHeader(header, path);
  return rows.map((row) => {
    if (row.fields.length > header.fields.length) {
      fail(msg.batchFileError(path, `line ${row.line}: ${row.fields.length} fields but the header names ${header.fields.length}`));
    }
    const trial: FlagMap = nameMap();
    row.fields.forEach((cell, i) => {
      const decoded = decodeFlagValue(cell);
      for (const w of decoded.warnings) warn(`WARNING: ${w}`);
      trial[header.fields[i] as string] = decoded.value;
    });
    return trial;
  });
}

function csvRecords(text: string, path: string): CsvRecord[] {
  try {
    return parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvError) fail(msg.batchFileError(path, `line ${e.line}: ${e.message}`));
    throw e;
  }
}

function checkHeader(header: CsvRecord, path: string): void {
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (seen.has(name)) fail(msg.batchFileError(path, `line ${header.line}: flag '${name}' is named twice in the header`));
    seen.add(name);
  }
}

function pyTypeName(v: FlagValue): string {
  if (v === null) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "int";
  if (typeof v === "string") return "str";
  return isFloat(v) ? "float" : "list";
}
