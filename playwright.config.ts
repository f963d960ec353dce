import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/fixtures/global-setup.ts',
  fullyParallel: false,
  // Each app instance is a whole browser (or Electron) with its own profile: two at a time
  // is what a 2-core CI machine carries without turning timeouts into noise.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  // The app fixture launches its own browser or Electron, so `use` carries only timeouts;
  // it attaches a screenshot of a failed test itself.
  use: { actionTimeout: 15_000 },
});
