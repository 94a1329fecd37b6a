// A cache of computed values, each kept while its stamp (a cheap query's answer: a count and a latest change) stays
// the same, and computed ONCE for a burst of concurrent misses: the first miss stores its promise and every request
// that arrives while it runs awaits the same one (issue 13: no thundering herd on the council's aggregates).
// A failed computation is not kept. Per process; the stamps make every process agree without messages.
export function stampedCache<V>(maxEntries = 50) {
  const entries = new Map<string, { stamp: string; value: Promise<V> }>();
  return {
    get(key: string, stamp: string, compute: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp) return hit.value;
      const value = compute();
      if (!hit && entries.size >= maxEntries) entries.clear();
      entries.set(key, { stamp, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    /**
     * Forgets `key` if it still holds `value` (a value found out of date by what its stamp cannot say, such as the
     * time): the next `get` computes it again, once for a burst, while a newer value someone else stored stays.
     */
    drop(key: string, value: Promise<V>) {
      if (entries.get(key)?.value === value) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
