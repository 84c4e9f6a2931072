/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

// `npm run dev` and `npm run preview` forward /api to the API, so the browser sees one origin as in production.
const api = process.env.API_URL ?? 'http://localhost:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy },
  preview: { proxy },
  test: { include: ['src/**/*.test.ts'] },
});
