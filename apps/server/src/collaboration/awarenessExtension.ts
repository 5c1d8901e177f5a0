import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import { actorName } from '@klantreis/core';
import { awarenessStateProblem, initialsOf, MAX_TITLE_LENGTH, participantKeyOf } from '@klantreis/schema';
import type { CollabContext } from './accessExtension.ts';

/**
 * Drops an awareness state that is not what an editor publishes before Hocuspocus applies and
 * relays it: a name that was an object, a missing name or a 9 MB state blanked every open
 * editor of the journey for as long as the sender stayed. The rest of the message (other
 * clients' states, removals) goes on; one line is logged per dropped state.
 *
 * A signed-in person appears as their account: the name, initials and key of every state they
 * send are replaced by their account's, so nobody can show up at a cursor, a selection or the
 * participant list as someone else (a state sent for another client id is stamped the same).
 */
export class AwarenessExtension implements Extension {
  // Before the other extensions: nothing else should see a state that is dropped.
  priority = 1000;

  async beforeHandleAwareness({ states, documentName, context }: beforeHandleAwarenessPayload<Partial<CollabContext>>): Promise<void> {
    const actor = context?.actor;
    for (const [clientId, state] of states) {
      const problem = awarenessStateProblem(state);
      if (problem !== null) {
        states.delete(clientId);
        console.warn(`collab: dropped the awareness state of client ${clientId} in ${documentName}: ${problem}`);
        continue;
      }
      const user = (state as { user?: Record<string, unknown> }).user;
      if (user && actor?.kind === 'user') {
        const name = actorName(actor).slice(0, MAX_TITLE_LENGTH);
        states.set(clientId, { ...state, user: { ...user, name, initials: initialsOf(name), key: participantKeyOf(actor.userId) } });
      }
    }
  }
}
