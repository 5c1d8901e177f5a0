import { lazy, type ComponentType } from 'react';

/** A scene loaded when first shown, which can also be asked for ahead (`preload`). */
export type LazyScene<P> = ReturnType<typeof lazy<ComponentType<P>>> & { preload(): void };

/**
 * A scene in its own file of the built app, read and run only when a page shows it: the
 * journeys list does not parse the editor's canvas and Yjs, the portfolio not the list's
 * cards. `preload` starts the download without waiting for React to render it.
 */
export function lazyScene<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyScene<M[K] extends ComponentType<infer P> ? P : never> {
  let loading: Promise<M> | null = null;
  const loaded = () => (loading ??= load());
  const scene = lazy(async () => ({ default: (await loaded())[name] as ComponentType<M[K] extends ComponentType<infer P> ? P : never> }));
  return Object.assign(scene, {
    preload() {
      // A failure shows when the scene renders (SceneLoadBoundary), not here.
      loaded().catch(() => undefined);
    },
  });
}
