import { useEffect, useReducer, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** A scene loaded when first shown, which can also be asked for ahead (`preload`). */
export type LazyScene<P> = ComponentType<P> & { preload(): void };

/** What a page shows while its file or its first data is on the way. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="message">{t('editor.loading')}</p>;
}

/**
 * A scene in its own file of the built app, read and run only when a page shows it: the
 * journeys list does not parse the editor's canvas and Yjs, the portfolio not the list's
 * cards. `preload` starts the download without waiting for React to render it.
 *
 * Not `React.lazy`: a lazy component suspends, and React holds back the commit that reveals a
 * suspended scene until 300 ms after its fallback was shown (its fallback throttle). The editor
 * opens its socket in that commit's effects, so a first visit to a map waited 0.2–0.3 s for
 * nothing. Here the scene shows "Loading" as plain state and renders as soon as its file is run.
 */
export function lazyScene<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyScene<M[K] extends ComponentType<infer P> ? P : never> {
  type Props = M[K] extends ComponentType<infer P> ? P : never;
  let loading: Promise<M> | null = null;
  let loaded: M | null = null;
  let failure: { error: unknown } | null = null;
  const start = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        failure = { error };
        throw error;
      },
    ));
  function Scene(props: Props & object) {
    const [, loadedNow] = useReducer((count: number) => count + 1, 0);
    // Whenever this render had no file: it may have arrived (or failed) between the render and
    // this effect, and then nobody else renders the scene again. `start` asks for the file once.
    const renderedLoaded = loaded !== null;
    useEffect(() => {
      if (!renderedLoaded) start().then(loadedNow, loadedNow);
    }, []);
    // A failure shows in the scene's boundary (SceneLoadBoundary), which offers a reload.
    if (failure !== null) throw (failure as { error: unknown }).error;
    if (loaded === null) return <Loading />;
    const Loaded = (loaded as M)[name] as ComponentType<Props & object>;
    return <Loaded {...props} />;
  }
  Scene.displayName = `Lazy(${String(name)})`;
  return Object.assign(Scene as ComponentType<Props>, {
    preload() {
      start().catch(() => undefined);
    },
  });
}
