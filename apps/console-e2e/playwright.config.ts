import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';

/**
 * Browser journeys against a real stack: `tools/e2e/stack.mjs` creates a fresh database, migrates
 * it, creates the federation admin, starts the built API and the console server on port 4300 and
 * prints "ready". Build first (`nx run console-e2e:e2e` does). Set E2E_EXTERNAL_STACK=1 to run
 * against a stack already running at E2E_BASE_URL instead.
 */
const workspaceRoot = join(__dirname, '..', '..');
const baseURL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:4300';
const externalStack = process.env['E2E_EXTERNAL_STACK'] === '1';

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  globalSetup: './src/global-setup.ts',
  outputDir: join(workspaceRoot, 'tmp/console-e2e'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the suite's closing line (tools/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: join(workspaceRoot, 'tmp/test-results/console-e2e.json') }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Africa/Abidjan',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable here.
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: externalStack
    ? undefined
    : {
        command: 'node tools/e2e/stack.mjs',
        cwd: workspaceRoot,
        // Through the console server to the API: answers 502 until both are up.
        url: new URL('/health', baseURL).toString(),
        wait: { stdout: /^ready$/m },
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
        // The stack drops its database on SIGTERM.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        env: { E2E_CONSOLE_PORT: new URL(baseURL).port || '80' },
      },
});
