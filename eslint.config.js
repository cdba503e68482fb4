// @ts-check
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Globals the simulated cluster must not touch: no DOM, no wall-clock timers (DESIGN.md §2). */
const clusterRestrictedGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'requestAnimationFrame',
  'performance',
  'crypto',
  'globalThis',
].map((name) => ({
  name,
  message: `src/cluster has no DOM and no wall clock (DESIGN.md §2): no '${name}'.`,
}))

const layering =
  'src/cluster imports nothing from the UI side (STYLE.md: the core knows nothing of the screen).'

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'kubeplay/everywhere',
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Leading underscores mark deliberately unused names; rest siblings drop keys from a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  {
    name: 'kubeplay/node-files',
    files: ['*.{js,ts}', 'scripts/**/*.{js,ts}', 'e2e/**/*.ts', 'src/cli/**/*.ts', 'bin/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'kubeplay/ui',
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  {
    name: 'kubeplay/cluster',
    files: ['src/cluster/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'd3'].map((name) => ({
            name,
            message: layering,
          })),
          patterns: [
            { group: ['react/*', 'react-dom/*', 'zustand/*', 'd3/*', 'd3-*'], message: layering },
            {
              group: [
                '**/ui',
                '**/ui/**',
                '**/kubectl',
                '**/kubectl/**',
                '**/client',
                '**/client/**',
              ],
              message: layering,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...clusterRestrictedGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read time from the virtual clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random generator.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the wall clock; read time from the virtual clock.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Date() reads the wall clock; read time from the virtual clock.',
        },
      ],
    },
  },

  prettier,
])
