// Type-aware linting of every TypeScript source: the commands and their modules, the maintainer
// tools, the tests and the theme. Formatting is prettier's job, so no style rules here.
// theme/data.d.ts is one re-export for old resolvers, outside every TypeScript project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'build/',
      'dist/',
      'theme/dist/',
      '.tmp/',
      'coverage/',
      '**/*.{js,cjs,mjs}',
      'theme/data.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'theme/src/**/*.ts', '*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Leaving a field out by destructuring it into an unused name is how a copy drops a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Finding control characters is the job of the sanitisers and the JSON syntax checks.
      'no-control-regex': 'off',
      // `async` is how a function meets a Promise-returning contract without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // vitest types its asymmetric matchers (expect.stringMatching and the like) as `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
