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
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/game/**', '**/app/**', '**/audio/**', 'phaser', 'howler'] },
      ],
    },
  },
  {
    files: ['src/game/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/ui/**', '**/app/**', '**/audio/**', 'howler'] }],
    },
  },
  {
    // The sound of the bay is a third view: it reads the view model (and engine types) and plays; it never imports
    // the other views or the app. Only sound-output.ts touches howler.
    files: ['src/audio/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/ui/**', '**/game/**', '**/app/**', 'phaser'] }],
    },
  },
  {
    // The scheduler and what feeds it are pure: real time comes in as an argument, so tests play it in a moment.
    files: [
      'src/audio/scheduler.ts',
      'src/audio/alarm-conditions.ts',
      'src/audio/alarm-patterns.ts',
      'src/audio/snapshot.ts',
    ],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'performance', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Real time is passed in.' },
        { object: 'Math', property: 'random', message: 'Deterministic: hash the beat number.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/**', '**/game/**', '**/app/**', 'phaser', 'howler'] },
      ],
    },
  },
  {
    files: ['src/view/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/**', '**/game/**', '**/app/**', '**/audio/**', 'phaser', 'howler'] },
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
