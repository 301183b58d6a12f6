/**
 * The `dondoc` command line: `dondoc <start|sandbox|parse|route|migrate|bench> [args]`.
 *
 * Each subcommand lives in `src/cli/<name>.ts` and is loaded only when asked for, so that
 * `dondoc parse` does not pay for grammY or Prisma and `dondoc start` does not load the
 * benchmark harness.
 */
import { ConfigError } from './config.js';
import { redactSecrets } from './logger.js';
import { UsageError } from './cli/usage-error.js';

type Subcommand = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const subcommands: Record<string, Subcommand> = {
  start: { summary: 'migrate the database, then run the bot (sandbox when BOT_TOKEN is unset)', load: () => import('./cli/start.js') },
  sandbox: { summary: 'run the bot against the local Bot API emulator with a web chat page', load: () => import('./cli/sandbox.js') },
  parse: { summary: 'parse a notice file (.txt, .docx, .pdf): parse FILE [--json]', load: () => import('./cli/parse.js') },
  route: { summary: 'route a notice to registered units: route FILE --units UNITS.json [--people PEOPLE.json] [--json]', load: () => import('./cli/route.js') },
  migrate: { summary: 'apply database migrations (offline, no Prisma binaries)', load: () => import('./cli/migrate.js') },
  bench: { summary: 'run the benchmarks and print the figures', load: () => import('./cli/bench.js') },
};

function usage(): string {
  const lines = Object.entries(subcommands).map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`);
  return ['Usage: dondoc <command> [args]', '', 'Commands:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const subcommand = subcommands[name];
  if (!subcommand) {
    console.error(`dondoc: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await subcommand.load();
  return module.run(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Configuration and usage mistakes are the user's to fix: one clear line, no stack trace.
  if (error instanceof ConfigError) {
    console.error(`dondoc: invalid configuration\n${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof UsageError) {
    console.error(`dondoc: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof Error && error.name === 'StartupError') {
    // Checked by name: importing app.ts here would load grammY and Prisma for every subcommand.
    console.error(`dondoc: ${redactSecrets(error.message)}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
