/**
 * `guild compare` data, as Guild builds it (compare_impl): per run, a core
 * section (run, operation, started, time, status, label), an op section
 * (the operation's `compare:` columns, or one column per flag, sorted, then
 * `step` and the scalar tags) and the user's `-c` columns. The header
 * is every column name in order of first appearance, section by section;
 * a later section's value wins a name both have. Pure.
 */
import { float, isFloat, type FlagMap, type FlagValue } from "../flags/value.js";
import { pythonStr } from "../flags/py-repr.js";
import type { ScalarSummary } from "../scalars/run-scalars.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { colValue, isFloat32Col } from "./col-values.js";
import { colHeader, type Col } from "./colspec.js";

/** null = no value (an empty cell). */
export type Cell = FlagValue;

export interface RunFacts {
  id: string;
  dir: string;
  opDesc: string;
  started: string;
  time: string | null;
  status: string;
  label: string | null;
  marked: boolean;
  flags: FlagMap;
  scalars: readonly ScalarSummary[];
  /** A run attribute as a `.name` column shows it (core ones formatted). */
  attr(name: string): unknown;
  /** The operation's `compare:` columns; undefined for Guild's default ones. */
  compareCols?: readonly Col[];
}

export interface CompareRow {
  run: RunFacts;
  values: Cell[];
}

export interface CompareTable {
  header: string[];
  rows: CompareRow[];
  /** Header names that are scalar tags (their values are float32). */
  scalarColumns: Set<string>;
}

type Section = [string, Cell][];

export interface TableOptions {
  allScalars: boolean;
  /** Only the `run` column of the core ones (`-r`). */
  skipCore?: boolean;
  /** No flag or scalar columns (`-p`). */
  skipOpCols?: boolean;
  minCol?: string;
  maxCol?: string;
  limit?: number;
  /** `-c` columns, after the others. */
  columns?: readonly Col[];
}

export function compareTable(runs: readonly RunFacts[], o: TableOptions): CompareTable {
  const sections = runs.map((run) => ({
    run,
    sections: [coreSection(run, o.skipCore === true), o.skipOpCols ? [] : opSection(run, o.allScalars), colsSection(run, o.columns ?? [])],
  }));
  const names = new Set<string>();
  for (let i = 0; i < 3; i++) for (const s of sections) for (const [name] of s.sections[i] ?? []) names.add(name);
  const header = [...names];
  const columnOf = new Map(header.map((name, i) => [name, i]));
  const sorted = sortRuns(sections, o);
  const rows = sorted.map(({ run, sections }) => ({ run, values: rowValues(sections, columnOf) }));
  const specCols = [...(o.skipOpCols ? [] : runs.flatMap((r) => r.compareCols ?? [])), ...(o.columns ?? [])];
  const scalarColumns = new Set([
    ...runs.flatMap((r) => (r.compareCols ? [] : r.scalars.map((s) => s.tag))),
    ...specCols.filter(isFloat32Col).map(colHeader),
  ].filter((t) => names.has(t)));
  return { header, rows: o.limit ? rows.slice(0, o.limit) : rows, scalarColumns };
}

function coreSection(run: RunFacts, runOnly: boolean): Section {
  if (runOnly) return [["run", run.id.slice(0, 8)]];
  return [
    ["run", run.id.slice(0, 8)],
    ["operation", run.opDesc],
    ["started", run.started],
    ["time", run.time],
    ["status", run.status],
    ["label", run.label],
  ];
}

function colsSection(run: RunFacts, cols: readonly Col[]): Section {
  return cols.map((col) => [colHeader(col), colValue(col, run)]);
}

function opSection(run: RunFacts, allScalars: boolean): Section {
  if (run.compareCols) return colsSection(run, run.compareCols);
  const flags: Section = Object.keys(run.flags)
    .sort(compareCodePoints)
    .map((name) => [name, run.flags[name] ?? null]);
  const shown = run.scalars.filter((s) => allScalars || !s.tag.startsWith("sys/"));
  const tags = [...new Set(shown.map((s) => s.tag))].sort(compareCodePoints);
  if (!tags.length) return flags;
  // A tag may be logged under several prefixes; the first (sorted) is used.
  const byTag = (tag: string) => shown.find((s) => s.tag === tag);
  const stepTag = tags.includes("loss") ? "loss" : (tags[0] as string);
  const step: [string, Cell] = ["step", byTag(stepTag)?.last.step ?? null];
  const values = tags.map((tag): [string, Cell] => {
    const last = byTag(tag)?.last.value;
    return [tag, last === undefined ? null : float(last)];
  });
  return [...flags, step, ...values];
}

/**
 * Within a section the first non-empty value of a name; a later section
 * overrides. (One pass, no lookups per cell: a table has thousands.)
 */
function rowValues(sections: readonly Section[], columnOf: ReadonlyMap<string, number>): Cell[] {
  const values = new Array<Cell>(columnOf.size).fill(null);
  /** Per column, 1 + the section that set it. */
  const setBy = new Uint8Array(columnOf.size);
  sections.forEach((section, s) => {
    for (const [name, value] of section) {
      const i = columnOf.get(name) as number;
      if (value === null || setBy[i] === s + 1) continue;
      values[i] = value;
      setBy[i] = s + 1;
    }
  });
  return values;
}

function sortRuns<T extends { sections: Section[] }>(items: T[], o: TableOptions): T[] {
  const col = o.minCol ?? o.maxCol;
  if (col === undefined) return items;
  const key = (item: T): Cell => item.sections.flat().find(([n]) => n === col)?.[1] ?? null;
  const max = o.minCol === undefined;
  // Empty values sort last either way, as in Guild.
  return [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (!max) return lessThan(x, y, true) ? -1 : lessThan(y, x, true) ? 1 : 0;
    return lessThan(y, x, false) ? -1 : lessThan(x, y, false) ? 1 : 0;
  });
}

function lessThan(a: Cell, b: Cell, emptyLast: boolean): boolean {
  if (a === null) return b !== null && !emptyLast;
  if (b === null) return emptyLast;
  const [x, y] = [numeric(a), numeric(b)];
  if (x !== undefined && y !== undefined) return x < y;
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b) < 0;
  return compareCodePoints(pythonStr(a), pythonStr(b)) < 0;
}

function numeric(v: Cell): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return isFloat(v) ? v.value : undefined;
}
