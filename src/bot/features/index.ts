import type { Feature } from '../router.js';
import { directiveHistoryFeature } from './directive-history.js';
import { exportFeature } from './export.js';
import { helpFeature } from './help.js';
import { intakeFeature } from './intake.js';
import { remindersFeature } from './reminders.js';
import { reportFeature } from './report.js';
import { setupFeature } from './setup.js';
import { statusFeature } from './status.js';

/** Every feature of the bot, in the order plain messages are offered to them. */
export const features: Feature[] = [helpFeature, setupFeature, intakeFeature, statusFeature, reportFeature, remindersFeature, exportFeature, directiveHistoryFeature];
