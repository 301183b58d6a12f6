import type { DatabaseTarget } from './database-url.js';

/** How a column travels in a JSON row: its SQL type, or the name of a PostgreSQL enum. */
export type JsonColumn = 'text' | 'int' | 'timestamp' | 'json' | { enum: string };

/**
 * Many rows as one parameter: a JSON array of arrays, read back as a table by the database
 * (`json_each` on SQLite, `jsonb_array_elements` on PostgreSQL). One statement then writes any
 * number of rows, with no bound-parameter limit to mind, and the driver converts one value
 * instead of one per cell. PostgreSQL reads it as jsonb, parsed once, where each `->>` on a
 * json value would parse its element's text again.
 *
 * ```ts
 * const rows = jsonRows(provider, [['id', 'text'], ['at', 'timestamp']]);
 * await db.$executeRawUnsafe(`INSERT INTO "T" ("id", "at") SELECT "id", "at" FROM ${rows.from()}`, rows.encode([[id, new Date()]]));
 * ```
 */
export function jsonRows(provider: DatabaseTarget['provider'], columns: readonly (readonly [name: string, type: JsonColumn])[]) {
  const postgres = provider === 'postgresql';
  const cell = (index: number, type: JsonColumn) => {
    if (!postgres) return type === 'json' ? `"value"->${index}` : `"value"->>${index}`;
    if (type === 'json') return `e->${index}`;
    const text = `e->>${index}`;
    if (type === 'text') return text;
    return `(${text})::${type === 'int' ? 'int' : type === 'timestamp' ? 'timestamp(3)' : `"${type.enum}"`}`;
  };
  const select = columns.map(([name, type], index) => `${cell(index, type)} AS "${name}"`).join(', ');
  return {
    /** The rows as a subquery named `alias`, reading parameter `placeholder` (`$1`…; SQLite binds `?` in order). */
    from: (placeholder = '$1', alias = 'rows') =>
      postgres ? `(SELECT ${select} FROM jsonb_array_elements(${placeholder}::jsonb) AS e) AS "${alias}"` : `(SELECT ${select} FROM json_each(?)) AS "${alias}"`,
    /** The parameter's value. Dates are written as the driver adapter stores them, so they compare with the rest. */
    encode: (rows: readonly (readonly unknown[])[]) =>
      JSON.stringify(rows, function (this: Record<string, unknown>, key: string, value: unknown) {
        // The replacer sees a Date already turned into text by its toJSON; the holder still has the Date.
        return this[key] instanceof Date && !postgres ? (value as string).replace(/Z$/, '+00:00') : value;
      }),
  };
}
