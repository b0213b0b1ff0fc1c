/** The server's JSON API and its event stream (see the README, "guild view"). */

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
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

type Listener = (data: { ids: string[]; listChanged?: boolean }) => void;
const listeners = { runs: new Set<Listener>(), output: new Set<Listener>() };
let source: EventSource | undefined;

/** Subscribes to store changes; returns the unsubscribe. One connection is shared. */
export function onStoreEvent(kind: "runs" | "output", listener: Listener): () => void {
  if (!source) {
    source = new EventSource("/api/events");
    for (const k of ["runs", "output"] as const) {
      source.addEventListener(k, (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as Parameters<Listener>[0];
        for (const l of listeners[k]) l(data);
      });
    }
    source.addEventListener("open", () => (document.body.dataset.live = "1"));
  }
  listeners[kind].add(listener);
  return () => listeners[kind].delete(listener);
}
