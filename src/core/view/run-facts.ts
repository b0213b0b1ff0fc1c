/**
 * What the runs page searches and sorts on most, per run, kept in memory:
 * the times and one lower-case text of the id, operation, label, tags and
 * flags (the least that serves a search of 100,000 runs; flags and tags
 * themselves are read again for the runs a page shows). Each run's facts are re-read
 * when its attrs directory changed (its mtime moves with every attribute
 * written, as attributes are written by rename), so `guild label` and
 * `guild mark` show at once, and an unchanged run costs one stat.
 */
import { statSync } from "node:fs";
import { readAttr } from "../store/attrs.js";
import { attrsDir } from "../store/paths.js";
import { toJson, type Json } from "../runs/json.js";
import type { RunRow } from "../runs/list.js";

export interface RunFacts {
  mtimeMs: number;
  started: number | null;
  stopped: number | null;
  /** Lower-case text the search looks in. */
  text: string;
}

export class FactsCache {
  readonly #facts = new Map<string, RunFacts>();

  factsFor(row: RunRow): RunFacts {
    const mtimeMs = statSync(attrsDir(row.dir), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const cached = this.#facts.get(row.id);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const facts = readFacts(row, mtimeMs);
    this.#facts.set(row.id, facts);
    return facts;
  }

  /** Drops runs no longer listed (deleted), so memory follows the store. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.#facts.keys()) if (!ids.has(id)) this.#facts.delete(id);
  }
}

function readFacts(row: RunRow, mtimeMs: number): RunFacts {
  const flagText = Object.entries(runFlags(row)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return {
    mtimeMs,
    started: numberOrNull(readAttr(row.dir, "started")),
    stopped: numberOrNull(readAttr(row.dir, "stopped")),
    text: [row.id, row.opDesc, row.label, ...runTags(row), ...flagText].join(" ").toLowerCase(),
  };
}

export function runFlags(row: RunRow): { [name: string]: Json } {
  return flagsJson(readAttr(row.dir, "flags"));
}

export function runTags(row: RunRow): string[] {
  return tagList(readAttr(row.dir, "tags"));
}

export function flagsJson(value: unknown): { [name: string]: Json } {
  const json = toJson(value ?? {});
  return json !== null && typeof json === "object" && !Array.isArray(json) ? json : {};
}

export function tagList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}
