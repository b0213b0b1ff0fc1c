/**
 * Runs before the page's main script (index.html loads it first, not
 * deferred): on a compare page it asks `/api/compare` and `/api/series` at
 * once, so that the server reads the runs' event files while app.js is
 * still loading and compiling rather than after. The compare page takes
 * those responses (api.ts, getJson) instead of asking again. Kept tiny: every page waits
 * for it.
 */
import { compareDataPath, compareIds, seriesPath } from "./compare-paths.js";
import { startEarlyFetch } from "./early-fetch.js";

const ids = compareIds(location.hash);
if (ids) {
  startEarlyFetch(compareDataPath(ids));
  // The page's first load draws x as step: no wall times.
  startEarlyFetch(seriesPath(ids, false));
}
