/**
 * What the runs page searches and sorts on, per run, kept in memory: the
 * label, operation, tags, flags and times. Each run's facts are re-read
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
  opDesc: string;
  label: string;
  marked: boolean;
  started: number | null;
  stopped: number | null;
  flags: { [name: string]: Json };
  tags: string[];
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
  const flags = flagsJson(readAttr(row.dir, "flags"));
  const tags = tagList(readAttr(row.dir, "tags"));
  const facts = {
    mtimeMs,
    opDesc: row.opDesc,
    label: row.label,
    marked: row.marked,
    started: numberOrNull(readAttr(row.dir, "started")),
    stopped: numberOrNull(readAttr(row.dir, "stopped")),
    flags,
    tags,
  };
  const flagText = Object.entries(flags).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return { ...facts, text: [row.id, facts.opDesc, facts.label, ...tags, ...flagText].join(" ").toLowerCase() };
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
