import { readFile } from 'node:fs/promises';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Logger } from '../logger.js';

export type { SchemaEngine };

let initialised: Promise<void> | undefined;

/** The slice of the WebAssembly global this module needs; Node's type definitions omit it. */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmApi };

/**
 * Instantiates Prisma's schema engine compiled to WebAssembly, once per process.
 *
 * The package's own entry point imports the `.wasm` file as an ES module, which Node 20 only
 * allows behind `--experimental-wasm-modules`. Instantiating the bytes by hand with the
 * package's JS glue as the import object works on every Node version with no flag.
 */
function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(new URL('schema_engine_bg.wasm', glueUrl));
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': engineBindings });
    const glue = engineBindings as unknown as { __wbg_set_wasm(exports: object): void };
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return initialised;
}

/**
 * Runs `work` with a schema engine connected through a driver adapter factory, and frees the
 * engine afterwards. The engine's own log lines go to `logger` at debug level.
 */
export async function withSchemaEngine<T>(
  options: { schema: string; adapterFactory: SqlMigrationAwareDriverAdapterFactory; logger?: Logger },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await initialiseWasm();
  const connections = trackConnections(options.adapterFactory);
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', options.schema]] },
    (line: string) => options.logger?.debug({ engine: line }, 'schema engine'),
    bindMigrationAwareSqlAdapterFactory(connections.factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await connections.disposeAll();
  }
}

/**
 * Freeing the engine does not close the connections it opened through the adapter factory; a
 * SQLite connection left open keeps its lock and the next migration run in the same process
 * fails with SQLITE_BUSY. So the factory is wrapped to remember every connection it hands out.
 * The engine does dispose of a PostgreSQL shadow database itself, and that adapter's dispose
 * drops the database: so each connection is disposed of once, whoever asks first.
 */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: { dispose(): Promise<void> }[] = [];
  const remember = async <T extends { dispose(): Promise<void> }>(connection: Promise<T>): Promise<T> => {
    const adapter = await connection;
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose());
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => remember(factory.connect()),
    connectToShadowDb: () => remember(factory.connectToShadowDb()),
  };
  return {
    factory: tracked,
    disposeAll: async () => {
      await Promise.all(opened.splice(0).map((connection) => connection.dispose()));
    },
  };
}
