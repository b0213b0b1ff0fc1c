/**
 * What the runs page searches and sorts on most, per run, kept in memory:
 * the start and stop times and one lower-case text of the operation, label,
 * tags and flags (the least that serves a search of 100,000 runs; flags and
 * tags themselves are read again for the runs a page shows). Each run's
 * facts are re-read when its attrs directory changed (its mtime moves with
 * every attribute written, as attributes are written by rename), so
 * `guild label` and `guild mark` show at once, and an unchanged run costs
 * one stat.
 *
 * Held in columns, not an object per run: numbers in Float64Arrays (an
 * object field would box each one), texts in one array, a run's id only as
 * the key to its slot (the search looks at the id itself, so the text need
 * not repeat it). At 100,000 runs this is about half the objects' size, and
 * what the heap must hold is what sets the server's peak memory.
 */
import { statSync } from "node:fs";
import { readAttr } from "../store/attrs.js";
import { attrsDir } from "../store/paths.js";
import { toJson, type Json } from "../runs/json.js";
import type { RunRow } from "../runs/list.js";

export interface RunFacts {
  started: number | null;
  stopped: number | null;
  /** Lower-case text the search looks in (besides the run's id). */
  text: string;
}

const INITIAL_SLOTS = 1024;

export class FactsCache {
  readonly #slots = new Map<string, number>();
  readonly #free: number[] = [];
  #texts: string[] = [];
  #mtimes = new Float64Array(INITIAL_SLOTS);
  // NaN for null: neither a start nor a stop time is ever NaN.
  #started = new Float64Array(INITIAL_SLOTS);
  #stopped = new Float64Array(INITIAL_SLOTS);

  factsFor(row: RunRow): RunFacts {
    const mtimeMs = statSync(attrsDir(row.dir), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    let slot = this.#slots.get(row.id);
    if (slot === undefined || this.#mtimes[slot] !== mtimeMs) {
      slot ??= this.#newSlot(row.id);
      this.#mtimes[slot] = mtimeMs;
      this.#started[slot] = numberOrNaN(readAttr(row.dir, "started"));
      this.#stopped[slot] = numberOrNaN(readAttr(row.dir, "stopped"));
      this.#texts[slot] = searchText(row);
    }
    return { started: nullIfNaN(this.#started[slot] as number), stopped: nullIfNaN(this.#stopped[slot] as number), text: this.#texts[slot] as string };
  }

  /** Drops runs no longer listed (deleted), so memory follows the store. */
  retain(ids: ReadonlySet<string>): void {
    for (const [id, slot] of this.#slots) {
      if (ids.has(id)) continue;
      this.#slots.delete(id);
      this.#texts[slot] = "";
      this.#free.push(slot);
    }
  }

  #newSlot(id: string): number {
    let slot = this.#free.pop();
    if (slot === undefined) {
      slot = this.#slots.size;
      if (slot >= this.#mtimes.length) this.#grow();
    }
    this.#slots.set(id, slot);
    return slot;
  }

  #grow(): void {
    const grown = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#mtimes = grown(this.#mtimes);
    this.#started = grown(this.#started);
    this.#stopped = grown(this.#stopped);
  }
}

/** Whether every (lower-case, space-free) word is in the run's id or its facts' text. */
export function matchesWords(id: string, f: RunFacts, words: readonly string[]): boolean {
  return words.every((w) => id.includes(w) || f.text.includes(w));
}

/** Operation, label, tags and `name=value` flags, lower-cased once; the id is searched apart. */
function searchText(row: RunRow): string {
  const flagText = Object.entries(runFlags(row)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return [row.opDesc, row.label, ...row.tags, ...flagText].join(" ").toLowerCase();
}

export function runFlags(row: RunRow): { [name: string]: Json } {
  return flagsJson(readAttr(row.dir, "flags"));
}

export function flagsJson(value: unknown): { [name: string]: Json } {
  const json = toJson(value ?? {});
  return json !== null && typeof json === "object" && !Array.isArray(json) ? json : {};
}

function numberOrNaN(v: unknown): number {
  return typeof v === "number" && !Number.isNaN(v) ? v : NaN;
}

function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
