/**
 * `items.sort(compare)` (in place, stable) for the short lists compare
 * sorts per run, thousands of times a call: V8's sort allocates ~1 KB of
 * working state per call, whatever the length; an insertion sort of a few
 * items allocates nothing. Longer lists go to `Array.prototype.sort`.
 */
const SHORT = 16;

export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    // Only strictly greater items move: equal ones keep their order.
    for (; j >= 0 && compare(items[j] as T, item) > 0; j--) items[j + 1] = items[j] as T;
    items[j + 1] = item;
  }
  return items;
}
