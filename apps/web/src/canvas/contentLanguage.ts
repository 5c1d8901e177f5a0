import { createContext, useContext } from 'react';

/**
 * The language the journey is written in, which may differ from the interface's: text on the
 * map carries it as `lang`, so that `hyphens: auto` breaks Dutch words by Dutch rules and
 * screen readers read them in the right voice.
 */
export const ContentLanguage = createContext<string | undefined>(undefined);

export function useContentLanguage(): string | undefined {
  return useContext(ContentLanguage);
}
