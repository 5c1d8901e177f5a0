import type { Extension, onChangePayload } from '@hocuspocus/server';

/**
 * Why a journey changed, for whoever rolls it up: its content (any edit, by socket or REST),
 * its place (moved to the trash, restored, deleted for good), or its measured data (an import
 * committed or deleted).
 */
export type JourneyChange = 'content' | 'trash' | 'data';

type Listener = (journeyId: string, change: JourneyChange) => void;

/**
 * Tells at once, without the ChangeFeed's 250 ms quiet time, that a journey changed: the
 * experience maps that link it (ExperienceRollups) forget its figures and recompute. Content
 * changes come from Hocuspocus (every update of a loaded document, whoever made it); trash and
 * data changes from the routes that make them (experienceRoutes' response hook).
 */
export class JourneyChangeSignal implements Extension {
  private readonly listeners = new Set<Listener>();

  async onChange({ documentName }: onChangePayload): Promise<void> {
    this.changed(documentName, 'content');
  }

  changed(journeyId: string, change: JourneyChange): void {
    for (const listener of this.listeners) listener(journeyId, change);
  }

  /** Returns the function that stops listening. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
