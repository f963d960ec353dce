import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/fake-peeringdb/**/*.test.ts', 'e2e/harness/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
