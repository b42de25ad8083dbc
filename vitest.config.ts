import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.stryker-tmp/**', 'reports/**'],
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
