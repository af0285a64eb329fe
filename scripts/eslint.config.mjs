// ESLint flat config (kept under scripts/ so the top level holds only the fixed entries).
// Besides typescript-eslint's recommended rules it enforces the layering of server/ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const PURE = ['server/src/core/**', 'server/src/yaml/**', 'server/src/k8s/**', 'server/src/rules/**', 'server/src/schema/**', 'server/src/index/**', 'server/src/hover/**'];
const LSP_MODULES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];
// yaml's parsers print process warnings on complex keys unless logLevel is 'error': every parse goes
// through yaml/parse.ts (parseYamlDocument / parseChunk), which forces it.
const YAML_PARSERS = { name: 'yaml', importNames: ['parse', 'parseDocument', 'parseAllDocuments', 'Parser', 'Composer'], message: 'Parse through server/src/yaml/parse.ts (parseYamlDocument), which keeps user input from printing process warnings.' };
const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'process', 'node:process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**', '.cache/**', 'test/e2e/runner-extension/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: new URL('..', import.meta.url).pathname } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // node:test's describe/it return promises that the runner itself tracks.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: PURE,
    rules: {
      'no-restricted-imports': ['error', { paths: [...[...LSP_MODULES, ...IO_MODULES].filter((m) => !m.includes('*')), YAML_PARSERS], patterns: LSP_MODULES.filter((m) => m.includes('*')) }],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    files: ['server/src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', YAML_PARSERS] }] },
    ignores: PURE,
  },
  {
    files: ['server/src/yaml/parse.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...LSP_MODULES, ...IO_MODULES].filter((m) => !m.includes('*')), patterns: LSP_MODULES.filter((m) => m.includes('*')) }] },
  },
);
