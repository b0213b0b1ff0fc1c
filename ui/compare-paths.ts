/**
 * The compare page's requests and the chart sizes they depend on, shared
 * by the page and early.ts (which must ask the very same paths, before the
 * page is laid out). No uPlot here: early.js stays tiny.
 */

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

export const MAX_POINTS = 2000;

/**
 * How many points a chart `width` CSS pixels wide can show: two (a
 * bucket's low and high) per device pixel, at most what the server sends.
 */
export function pointsFor(width: number): number {
  return Math.min(MAX_POINTS, 2 * Math.ceil(width * (window.devicePixelRatio || 1)));
}

/** The page's width for panels, from the compare element's (or the window's) width. */
export function pageWidthFor(clientWidth: number): number {
  return Math.max(320, Math.min(1200, clientWidth || 1000));
}

/** Each chart's width on a page that wide: two a row on a wide page (the panel's padding, the grid's gap and each card's padding taken off). */
export function chartWidthFor(pageWidth: number): number {
  const inner = pageWidth - 34;
  return inner >= 860 ? Math.floor((inner - 16) / 2) - 22 : inner - 22;
}

/**
 * `/api/series` for the runs: as many points as a chart as wide as the
 * window allows (the window's width, not the laid-out page's, so that
 * early.js can ask it first; a little more than the chart shows at most),
 * wall times only for an x axis of time.
 */
export function seriesPath(ids: readonly string[], withTime: boolean): string {
  const points = pointsFor(chartWidthFor(pageWidthFor(window.innerWidth)));
  return `/api/series?${runParams(ids)}&points=${points}&fields=${withTime ? "step,value,time" : "step,value"}`;
}
