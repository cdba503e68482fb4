/** A bounded memo for pure functions of a string: the hot decode path sees the same few values again and again. */

/** Wrap a pure function of a string key with a cache of at most `limit` entries (cleared when full). */
export function memoize<V>(limit: number, fn: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>()
  return (key) => {
    const hit = cache.get(key)
    if (hit !== undefined || cache.has(key)) return hit as V
    const value = fn(key)
    // Clearing beats LRU bookkeeping here: the working set (timestamps, quantities) is small.
    if (cache.size >= limit) cache.clear()
    cache.set(key, value)
    return value
  }
}
