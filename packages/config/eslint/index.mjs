// Flat ESLint config shared by every package: TypeScript recommended rules, plus house rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export const ignores = {
  ignores: ['**/dist/**', '**/coverage/**', '**/node_modules/**', '**/.turbo/**', '**/data/**'],
};

export const base = tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import type` rewrites break decorator metadata in the API (STACK.md): leave imports alone.
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': 'off',
      // Prettier wraps code at 120 but leaves long strings, templates, regexes and comments: split those by hand.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: false,
          ignoreStrings: false,
          ignoreTemplateLiterals: false,
          ignoreRegExpLiterals: false,
          ignoreComments: false,
        },
      ],
    },
  },
  { files: ['**/*.cjs', '**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);

/** The domain stays pure: nothing from frameworks, I/O or other packages. */
export const domain = [
  ...base,
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/)',
              message:
                'packages/domain imports only its own files (relative paths): no frameworks, no I/O, no ' +
                'other packages.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain reads no environment.' },
        { name: 'require', message: 'The domain imports only its own files.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is passed in: never read the clock in a rule.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is passed in: never read the clock in a rule.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Rules are deterministic.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off', 'no-restricted-globals': 'off' },
  },
];

export default base;
