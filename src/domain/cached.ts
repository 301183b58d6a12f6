/**
 * The value of `key` in `values`, worked out by `compute` the first time it is asked for; a
 * null or undefined result is kept too. For the lookups a planning tick repeats thousands of
 * times (a date in a zone, a deadline's working days), whose inputs take few distinct values.
 */
export function cached<K, V>(values: Map<K, V>, key: K, compute: () => V): V {
  if (values.has(key)) return values.get(key) as V;
  const value = compute();
  values.set(key, value);
  return value;
}
