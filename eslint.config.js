// Lint: typescript-eslint's recommended rules, plus the engine's boundary (STYLE.md habit 1):
// engine/ imports no office.js, lit, DOM-only or Node-only module; only the CLI and the .xlsx
// adapter, which live apart, may use Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'test-results/', '.certs/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/cli/**', 'engine/workbook/xlsx/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine is pure: no Node modules.' },
            { group: ['lit', 'lit/*', '@lit/*'], message: 'The engine knows no UI.' },
            { group: ['exceljs', '@microsoft/*', 'office-*'], message: 'Hosts own their adapters.' },
            { group: ['**/addin/**'], message: 'The engine imports nothing from addin/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        setTimeout: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
