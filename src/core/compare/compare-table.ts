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
import { sortSmall } from "../util/sort-small.js";
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

/**
 * A section's column names and its values (two lists, not a pair per
 * cell: a table has thousands, and the core names are shared).
 */
interface Section {
  names: readonly string[];
  values: Cell[];
}

const CORE_NAMES = ["run", "operation", "started", "time", "status", "label"] as const;
const RUN_ONLY = ["run"] as const;

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
  const cols = o.columns ?? [];
  const sections = runs.map((run) => ({
    run,
    sections: [coreSection(run, o.skipCore === true), o.skipOpCols ? EMPTY : opSection(run, o.allScalars), colsSection(run, cols)],
  }));
  const names = new Set<string>();
  // Index loops in this module: for-of makes an object a step until the
  // code is optimized, and a table has thousands of cells.
  for (let i = 0; i < 3; i++) {
    for (let r = 0; r < sections.length; r++) {
      const sectionNames = ((sections[r] as (typeof sections)[number]).sections[i] as Section).names;
      for (let j = 0; j < sectionNames.length; j++) names.add(sectionNames[j] as string);
    }
  }
  const header = [...names];
  const columnOf = new Map(header.map((name, i) => [name, i]));
  const sorted = sortRuns(sections, o);
  const setBy = new Uint8Array(columnOf.size);
  const rows = sorted.map(({ run, sections }) => ({ run, values: rowValues(sections, columnOf, setBy) }));
  const scalarColumns = new Set<string>();
  for (let r = 0; r < runs.length; r++) {
    const { compareCols, scalars } = runs[r] as RunFacts;
    if (compareCols) continue;
    for (let i = 0; i < scalars.length; i++) {
      const tag = (scalars[i] as ScalarSummary).tag;
      if (names.has(tag)) scalarColumns.add(tag);
    }
  }
  const specCols = [...(o.skipOpCols ? [] : runs.flatMap((r) => r.compareCols ?? [])), ...cols];
  for (const col of specCols.filter(isFloat32Col)) if (names.has(colHeader(col))) scalarColumns.add(colHeader(col));
  return { header, rows: o.limit ? rows.slice(0, o.limit) : rows, scalarColumns };
}

const EMPTY: Section = { names: [], values: [] };

function coreSection(run: RunFacts, runOnly: boolean): Section {
  const id = run.id.slice(0, 8);
  if (runOnly) return { names: RUN_ONLY, values: [id] };
  return { names: CORE_NAMES, values: [id, run.opDesc, run.started, run.time, run.status, run.label] };
}

/** Each list of columns' names, made once (`-c` columns are the same list for every run). */
const colNames = new WeakMap<readonly Col[], string[]>();

function colsSection(run: RunFacts, cols: readonly Col[]): Section {
  let names = colNames.get(cols);
  if (!names) colNames.set(cols, (names = cols.map(colHeader)));
  return { names, values: cols.map((col) => colValue(col, run)) };
}

function opSection(run: RunFacts, allScalars: boolean): Section {
  if (run.compareCols) return colsSection(run, run.compareCols);
  const flagNames = sortSmall(Object.keys(run.flags), compareCodePoints);
  // A tag may be logged under several prefixes; the first (sorted) is used.
  const firsts: ScalarSummary[] = [];
  for (let i = 0; i < run.scalars.length; i++) {
    const s = run.scalars[i] as ScalarSummary;
    if ((allScalars || !s.tag.startsWith("sys/")) && !firsts.some((f) => f.tag === s.tag)) firsts.push(s);
  }
  sortSmall(firsts, (a, b) => compareCodePoints(a.tag, b.tag));
  // Flags, then `step` and the tags: the lists made at their size, not grown.
  const n = flagNames.length;
  const size = firsts.length ? n + 1 + firsts.length : n;
  const names = new Array<string>(size);
  const values = new Array<Cell>(size);
  for (let i = 0; i < n; i++) {
    const name = flagNames[i] as string;
    names[i] = name;
    values[i] = run.flags[name] ?? null;
  }
  if (!firsts.length) return { names, values };
  const stepOf = firsts.find((s) => s.tag === "loss") ?? (firsts[0] as ScalarSummary);
  names[n] = "step";
  values[n] = stepOf.last.step;
  for (let i = 0; i < firsts.length; i++) {
    const s = firsts[i] as ScalarSummary;
    names[n + 1 + i] = s.tag;
    values[n + 1 + i] = float(s.last.value);
  }
  return { names, values };
}

/**
 * Within a section the first non-empty value of a name; a later section
 * overrides. (One pass, no lookups per cell: a table has thousands.)
 * `setBy` is scratch space, a column's 1 + the section that set it.
 */
function rowValues(sections: readonly Section[], columnOf: ReadonlyMap<string, number>, setBy: Uint8Array): Cell[] {
  const values = new Array<Cell>(columnOf.size).fill(null);
  setBy.fill(0);
  for (let s = 0; s < sections.length; s++) {
    const { names, values: sectionValues } = sections[s] as Section;
    for (let j = 0; j < names.length; j++) {
      const value = sectionValues[j] as Cell;
      const i = columnOf.get(names[j] as string) as number;
      if (value === null || setBy[i] === s + 1) continue;
      values[i] = value;
      setBy[i] = s + 1;
    }
  }
  return values;
}

/** The value of the first column named `col`, section by section (null if none). */
function firstValue(sections: readonly Section[], col: string): Cell {
  for (const { names, values } of sections) {
    const i = names.indexOf(col);
    if (i >= 0) return values[i] ?? null;
  }
  return null;
}

function sortRuns<T extends { sections: Section[] }>(items: T[], o: TableOptions): T[] {
  const col = o.minCol ?? o.maxCol;
  if (col === undefined) return items;
  const key = (item: T): Cell => firstValue(item.sections, col);
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
