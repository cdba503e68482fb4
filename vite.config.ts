import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/** Vite build for the browser app, plus the Vitest unit-test settings. */
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Whole-cluster scenarios simulate minutes of virtual time; a loaded 2-core CI machine needs headroom.
    testTimeout: 30_000,
  },
})
