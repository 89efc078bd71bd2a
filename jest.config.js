const { fluentBundle } = require('./test/fluent-bundle');

// Types are checked once by `tsc --noEmit` in `npm test`; ts-jest only transpiles (isolatedModules in tsconfig).
const tsJest = ['ts-jest', { diagnostics: false }];
// A React update a test did not wait for fails that test.
const ACT_WARNINGS = ['<rootDir>/test/helpers/act-warnings.ts'];
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // One worker per core: jest's default keeps a core for itself, which on a 2-core CI machine
  // means one worker, and the tests' browsers and LibreOffice run beside it anyway.
  maxWorkers: '100%',
  // A worker recycled once its heap passes this exits at once at the end of the run. Without it,
  // a jsdom worker ends with ~650 MB and jest, tired of waiting, kills it with « A worker process
  // has failed to exit gracefully » (every run of the ui project; no handle found left open).
  workerIdleMemoryLimit: '300MB',
  // Temporary files of a run go to one folder, removed at the end (test/helpers/temp-root-*.js).
  globalSetup: '<rootDir>/test/helpers/temp-root-setup.js',
  globalTeardown: '<rootDir>/test/helpers/temp-root-teardown.js',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFilesAfterEnv: ACT_WARNINGS,
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFilesAfterEnv: ACT_WARNINGS,
      // One small file instead of ~2,100 modules loaded again by every test file (test/fluent-bundle.js).
      moduleNameMapper: { '^@fluentui/react-components$': fluentBundle() },
    },
  ],
};
