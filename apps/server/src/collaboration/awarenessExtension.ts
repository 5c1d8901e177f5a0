import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import { awarenessStateProblem } from '@klantreis/schema';

/**
 * Drops an awareness state that is not what an editor publishes before Hocuspocus applies and
 * relays it: a name that was an object, a missing name or a 9 MB state blanked every open
 * editor of the journey for as long as the sender stayed. The rest of the message (other
 * clients' states, removals) goes on; one line is logged per dropped state.
 */
export class AwarenessExtension implements Extension {
  // Before the other extensions: nothing else should see a state that is dropped.
  priority = 1000;

  async beforeHandleAwareness({ states, documentName }: beforeHandleAwarenessPayload): Promise<void> {
    for (const [clientId, state] of states) {
      const problem = awarenessStateProblem(state);
      if (problem === null) continue;
      states.delete(clientId);
      console.warn(`collab: dropped the awareness state of client ${clientId} in ${documentName}: ${problem}`);
    }
  }
}
