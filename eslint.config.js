// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'tmp', 'cases/*.schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
    },
  },
  {
    // The engine stays pure: no wall clock, no unseeded randomness, no timers, no DOM, no Phaser or howler.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Simulated time moves only by events.' },
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in src/engine/rng.ts.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['phaser', 'howler', '**/ui/**', '**/game/**', '**/app/**', '**/cli/**', 'node:*'] },
      ],
    },
  },
  {
    // The views meet only through the view model: ui (DOM) and game (Phaser) never import each other or the app,
    // and the view model imports neither.
    files: ['src/ui/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/game/**', '**/app/**', 'phaser'] }] },
  },
  {
    files: ['src/game/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/ui/**', '**/app/**'] }] },
  },
  {
    files: ['src/view/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/**', '**/game/**', '**/app/**', 'phaser', 'howler'] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...vitest.configs.recommended,
    rules: { ...vitest.configs.recommended.rules, 'vitest/valid-expect': ['error', { maxArgs: 2 }] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
