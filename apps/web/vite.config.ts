import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { scenePreloads } from './build/scenePreloads.ts';

// In development the API and the collaboration server run on :3000 (npm run dev at the root).
export default defineConfig({
  // early.js asks for the files of the page's scene as the page arrives (build/scenePreloads.ts).
  plugins: [react(), scenePreloads({ editor: 'src/scenes/EditorScene.tsx', journeys: 'src/scenes/JourneysScene.tsx' })],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/collab': { target: 'ws://localhost:3000', ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
