/**
 * Groups items by a key, keeping the order in which keys and items first appear. Node 20 has no
 * `Map.groupBy`, and copying a group on every push (`[...group, item]`) turns a 10,000-row report
 * quadratic.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** One item per key, the last one given for it, in the order keys first appear. */
export function lastByKey<T, K>(items: Iterable<T>, keyOf: (item: T) => K): T[] {
  const last = new Map<K, T>();
  for (const item of items) last.set(keyOf(item), item);
  return [...last.values()];
}
