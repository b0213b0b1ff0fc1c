/** Requests started by early.ts before the main script ran, by path: each taken once, by getJson. */

const KEY = "guildEarlyFetch";

type Early = Map<string, Promise<Response>>;

function earlyMap(): Early {
  const w = window as unknown as { [KEY]?: Early };
  return (w[KEY] ??= new Map());
}

export const JSON_HEADERS = { Accept: "application/json" };

export function startEarlyFetch(path: string): void {
  earlyMap().set(path, fetch(path, { headers: JSON_HEADERS }));
}

/** The early request for `path`, if one was started and not yet taken. */
export function takeEarlyFetch(path: string): Promise<Response> | undefined {
  const map = earlyMap();
  const res = map.get(path);
  map.delete(path);
  return res;
}
