/*
 * This package keeps its code in harness/, integration/ and e2e/ rather than src/, which Backstage's generated
 * package config assumes; Backstage uses a package's own jest.config.js instead, so this mirrors its node-library
 * settings (SWC transform, Node environment) with this directory as the root.
 */
const {
  getJestNodeEnvironment,
} = require('@backstage/cli/config/getJestEnvironment');

const swc = syntax => [
  require.resolve('@backstage/cli/config/jestSwcTransform'),
  {
    module: { ignoreDynamic: true, exportInteropAnnotation: true },
    jsc: { parser: { syntax } },
  },
];

module.exports = {
  displayName: '@internal/gitops-test',
  rootDir: __dirname,
  roots: ['<rootDir>/harness', '<rootDir>/integration', '<rootDir>/e2e'].filter(
    dir => require('node:fs').existsSync(dir.replace('<rootDir>', __dirname)),
  ),
  testMatch: ['**/*.test.{ts,js}'],
  testEnvironment: getJestNodeEnvironment(),
  moduleFileExtensions: [
    'ts',
    'js',
    'tsx',
    'jsx',
    'mts',
    'cts',
    'mjs',
    'cjs',
    'json',
    'node',
  ],
  transform: {
    '\\.(mjs|cjs|js)$': swc('ecmascript'),
    '\\.(mts|cts|ts)$': swc('typescript'),
    '\\.(yaml)$': require.resolve('@backstage/cli/config/jestYamlTransform'),
  },
  // Same untransformed packages as Backstage's own config: they ship CommonJS and transforming them only costs time.
  transformIgnorePatterns: [
    '/node_modules/(?:@material-ui|ajv|core-js|jest-.*|jsdom|knex|react|react-dom|highlight\\.js|prismjs|json-schema|react-use/lib|typescript)/',
  ],
};
