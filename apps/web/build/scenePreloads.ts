import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { normalizePath, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

/** The line of public/early.js this plugin fills in at build time (in development it stays empty). */
export const SCENE_FILES_LINE = 'var SCENE_FILES = {};';

/**
 * Writes into the built early.js, for each scene of `scenes` (a name and its source file), the
 * files the scene's dynamic import loads: its chunk, the chunks that one imports, and their CSS.
 * early.js asks for the scene of the page's address with `<link rel="modulepreload">` as the
 * page arrives, so those files load beside the app's own instead of after it has run and routed
 * (a first visit to a map asked for the editor's files some 0.4–0.8 s after the page).
 */
export function scenePreloads(scenes: Record<string, string>): Plugin {
  let config: ResolvedConfig;
  let files: Record<string, string[]> = {};
  return {
    name: 'klantreis-scene-preloads',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
      // The server sends the files at /assets/ (apps/server/src/routes/webApp.ts).
      if (!config.base.startsWith('/')) throw new Error(`scenePreloads: base ${config.base} is not an absolute path; early.js runs on every address`);
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      // What the app's entry imports, index.html asks for already.
      const loadedFirst = new Set<string>();
      for (const entry of chunks.filter((chunk) => chunk.isEntry)) closure(entry.fileName, loadedFirst);
      files = {};
      for (const [scene, source] of Object.entries(scenes)) {
        const path = normalizePath(resolve(config.root, source));
        const entry = chunks.find((chunk) => chunk.isDynamicEntry && chunk.facadeModuleId === path);
        if (!entry) throw new Error(`scenePreloads: no chunk of its own for ${source} (is it imported dynamically?)`);
        const ownChunks = [...closure(entry.fileName, new Set())].filter((fileName) => !loadedFirst.has(fileName));
        const ownCss = ownChunks.flatMap((fileName) => [...(byFile.get(fileName)?.viteMetadata?.importedCss ?? [])]);
        files[scene] = [...new Set([...ownChunks, ...ownCss])].map((fileName) => `${config.base}${fileName}`);
      }

      /** `fileName` and every chunk it imports, directly or not, added to `into`. */
      function closure(fileName: string, into: Set<string>): Set<string> {
        if (into.has(fileName)) return into;
        into.add(fileName);
        for (const imported of byFile.get(fileName)?.imports ?? []) closure(imported, into);
        return into;
      }
    },
    async writeBundle() {
      const early = join(resolve(config.root, config.build.outDir), 'early.js');
      const text = await readFile(early, 'utf8');
      if (!text.includes(SCENE_FILES_LINE)) throw new Error(`scenePreloads: ${early} has no line "${SCENE_FILES_LINE}" to fill in`);
      await writeFile(early, text.replace(SCENE_FILES_LINE, () => `var SCENE_FILES = ${JSON.stringify(files)};`));
    },
  };
}
