/**
 * The candidate a mistyped word most likely meant (pure): the one at the
 * smallest edit distance (insert, delete, substitute, or swap two neighbours),
 * if that distance is small for the word's length. Used to suggest a command
 * for `guild rnus` or `guild runs lst`.
 */

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** A third of the word's length (at least 1) may be wrong. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { word: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(word.toLowerCase(), c);
    if (distance <= limit && (!best || distance < best.distance)) best = { word: c, distance };
  }
  return best?.word;
}

/** ` (did you mean 'runs'?)`, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestWord(word, candidates);
  return match ? ` (did you mean '${match}'?)` : "";
}
