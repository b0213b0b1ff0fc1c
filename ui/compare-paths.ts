/** The compare page's URL pieces, shared by the page and early.ts (which must ask the very same path). */

/** The run ids of a `#/compare/ID,ID` hash, or undefined for any other page. */
export function compareIds(hash: string): string[] | undefined {
  const m = /^#\/?compare\/(.+)$/.exec(hash);
  const ids = m?.[1]?.split(",").filter(Boolean);
  return ids?.length ? ids : undefined;
}

export function runParams(ids: readonly string[]): string {
  return ids.map((id) => `run=${id}`).join("&");
}

export function compareDataPath(ids: readonly string[]): string {
  return `/api/compare?${runParams(ids)}`;
}
