import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:4000';

export default defineConfig({
  // Paths below are relative to this folder (web/), wherever vite is started from.
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
      '/api': api,
    },
  },
  build: {
    outDir: 'dist',
    // ECharts (bar + heatmap, canvas) is one ~520 kB chunk loaded by the dashboard alone.
    chunkSizeWarningLimit: 600,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The graph is loaded lazily; keep cytoscape and its layout code in chunks of their own so
        // that they cache apart from the app and the first paint does not wait for them.
        codeSplitting: {
          groups: [
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
            { name: 'graph-layout', test: /node_modules[\\/](cytoscape-fcose|cose-base|layout-base)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // The dashboard's charts: loaded with that page only.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
