/** The server's JSON API and its event stream (see the README, "guild view"). */
import { JSON_HEADERS, takeEarlyFetch } from "./early-fetch.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RunSummary {
  id: string;
  index: number;
  operation: string;
  from: string;
  status: string;
  started: number | null;
  stopped: number | null;
  label: string;
  marked: boolean;
  flags: { [name: string]: Json };
  tags: string[];
  scalars: { [key: string]: [number | null, number] };
}

export interface RunsPage {
  total: number;
  offset: number;
  limit: number;
  runs: RunSummary[];
}

export interface Series {
  step: number[];
  value: (number | null)[];
  /** Only when asked for (`fields=…,time`). */
  time?: number[];
}

export interface ScalarStats {
  last: number | null;
  step: number;
  min: number | null;
  max: number | null;
  count: number;
}

export interface CompareData {
  runs: { id: string; operation: string; status: string; label: string; started: number | null; flags: { [name: string]: Json }; scalars: { [key: string]: ScalarStats } }[];
  flags: string[];
  differentFlags: string[];
  scalars: string[];
}

export interface OutputChunk {
  offset: number;
  next: number;
  size: number;
  text: string;
}

export class ApiError extends Error {}

export async function getJson<T>(path: string): Promise<T> {
  const res = await (takeEarlyFetch(path) ?? fetch(path, { headers: JSON_HEADERS }));
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

/** What each event of `/api/events` carries. */
export interface StoreEvents {
  runs: { ids: string[]; listChanged?: boolean };
  output: { ids: string[] };
  /** How far a pass over every run (a search, a filter, a sort) has got. */
  pass: { done: number; total: number };
}

type Kind = keyof StoreEvents;
const KINDS: readonly Kind[] = ["runs", "output", "pass"];
const listeners: { [K in Kind]: Set<(data: StoreEvents[K]) => void> } = { runs: new Set(), output: new Set(), pass: new Set() };
let source: EventSource | undefined;

/** Subscribes to store changes; returns the unsubscribe. One connection is shared. */
export function onStoreEvent<K extends Kind>(kind: K, listener: (data: StoreEvents[K]) => void): () => void {
  if (!source) {
    source = new EventSource("/api/events");
    for (const k of KINDS) {
      source.addEventListener(k, (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as never;
        for (const l of listeners[k]) (l as (d: never) => void)(data);
      });
    }
    source.addEventListener("open", () => (document.body.dataset.live = "1"));
  }
  const set = listeners[kind] as Set<(data: StoreEvents[K]) => void>;
  set.add(listener);
  return () => set.delete(listener);
}
