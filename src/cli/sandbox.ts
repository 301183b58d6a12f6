/**
 * `dondoc sandbox`: the real bot against the local Bot API emulator, with a web chat page where
 * a person plays the secretary, the officials and the leader. `npm start` without BOT_TOKEN comes
 * here too.
 */
import { config as loadDotenv } from 'dotenv';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startSandbox } from '../emulator/sandbox.js';
import { waitForShutdownSignal } from './shutdown-signal.js';

export async function run(): Promise<number> {
  loadDotenv({ quiet: true });
  const config = parseConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const sandbox = await startSandbox(config, logger);
  console.log(`\ndondoc sandbox: open ${sandbox.pageUrl} to chat with the bot (Ctrl+C to stop)\n`);
  await waitForShutdownSignal();
  await sandbox.stop();
  return 0;
}
