import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tools/**/*.test.ts', 'e2e/harness/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
