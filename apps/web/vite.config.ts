import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and the collaboration server run on :3000 (npm run dev at the root).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/collab': { target: 'ws://localhost:3000', ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
