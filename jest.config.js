/**
 * One Jest run covers every kind of test. TypeScript (ESM) is compiled by SWC; integration and
 * browser tests start their own local stack on free ports, so files may run in parallel.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'es6' } }];

export default {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default'],
};
