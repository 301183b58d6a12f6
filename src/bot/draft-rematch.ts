import { applyRouting, listOpenDrafts, storedPhrases, type DirectiveRoute } from '../store/notices.js';
import { listLeaders } from '../store/leaders.js';
import { listUnits } from '../store/units.js';
import type { BotServices } from './context.js';
import { editPreview } from './draft-preview.js';
import { knownPeople, routeDirectives, routingDirective } from './unit-routing.js';

/**
 * Routes every open draft of an office again, after its units changed (one joined, was renamed,
 * got an alias or another kind, or was removed), and edits each preview in place. Directives the
 * secretary routed by hand keep their units. A failure here is logged and never fails the
 * command that changed the unit: the secretary can still route by hand.
 */
export async function rematchOpenDrafts(services: BotServices, officeId: string): Promise<void> {
  try {
    const drafts = await listOpenDrafts(services.db, officeId);
    if (drafts.length === 0) return;
    const units = await listUnits(services.db, officeId);
    const people = knownPeople(await listLeaders(services.db, officeId));
    for (const draft of drafts) {
      const routing = routeDirectives(
        {
          notice: { locality: draft.locality },
          addressee: Array.isArray(draft.addressee) ? (draft.addressee as string[]) : [],
          directives: draft.directives.map((directive) => routingDirective(directive, storedPhrases(directive.phrases))),
        },
        units,
        people,
      );
      const routes = new Map<string, DirectiveRoute>();
      for (const [index, directive] of draft.directives.entries()) {
        const route = routing.directives[index];
        if (route) routes.set(directive.id, route);
      }
      await applyRouting(services.db, draft.id, routes, routing.expansions);
      await editPreview(services, draft.id);
    }
  } catch (error) {
    services.logger.error({ err: error, office: officeId }, 'drafts not routed again');
  }
}
