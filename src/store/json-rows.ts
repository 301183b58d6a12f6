import type { Provider } from './database-url.js';
import { storedDate } from './direct-sql.js';

/** How a column travels in a JSON row: its SQL type, or the name of a PostgreSQL enum. */
export type JsonColumn = 'text' | 'int' | 'timestamp' | 'json' | { enum: string };

/**
 * Many rows as one parameter: a JSON array of arrays, read back as a table by the database.
 * One statement then writes any number of rows, with no bound-parameter limit to mind, and the
 * driver converts one value instead of one per cell. Each row is made binary JSON once
 * (`jsonb`): every `->>` on a text JSON value would parse that value's text again, once per
 * column. On SQLite the rows sit in a materialized CTE, so that `jsonb()` too runs once a row.
 *
 * ```ts
 * const rows = jsonRows(provider, [['id', 'text'], ['at', 'timestamp']]);
 * await db.$executeRawUnsafe(`INSERT INTO "T" ("id", "at") ${rows.selectAll()}`, rows.encode([[id, new Date()]]));
 * ```
 */
export function jsonRows(provider: Provider, columns: readonly (readonly [name: string, type: JsonColumn])[]) {
  const postgres = provider === 'postgresql';
  const cell = (index: number, type: JsonColumn) => {
    if (type === 'json') return `e->${index}`;
    if (!postgres || type === 'text') return `e->>${index}`;
    return `(e->>${index})::${type === 'int' ? 'int' : type === 'timestamp' ? 'timestamp(3)' : `"${type.enum}"`}`;
  };
  const select = columns.map(([name, type], index) => `${cell(index, type)} AS "${name}"`).join(', ');
  const from = (placeholder = '$1', alias = 'rows') =>
    postgres
      ? `(SELECT ${select} FROM jsonb_array_elements(${placeholder}::jsonb) AS e) AS "${alias}"`
      : `(WITH "json" AS MATERIALIZED (SELECT jsonb("value") AS e FROM json_each(?)) SELECT ${select} FROM "json") AS "${alias}"`;
  return {
    /** The rows as a subquery named `alias`, reading parameter `placeholder` (`$1`…; SQLite binds `?` in order). */
    from,
    /**
     * Every column of the rows, for `INSERT … SELECT`. It ends in `WHERE true`, which tells
     * SQLite's parser that a following ON CONFLICT belongs to the INSERT, not to a join.
     */
    selectAll: () => `SELECT * FROM ${from()} WHERE true`,
    /**
     * The parameter's value. Dates are written as the driver adapter stores them, so they compare
     * with the rest; only a row's own cells are looked at (a replacer would visit every key of
     * every JSON payload too).
     */
    encode: (rows: readonly (readonly unknown[])[]) => JSON.stringify(rows.map((row) => row.map((cell) => (cell instanceof Date ? storedDate(provider, cell) : cell)))),
  };
}
