import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'assets/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly', structuredClone: 'readonly', document: 'readonly', window: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', Blob: 'readonly', navigator: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', queueMicrotask: 'readonly', location: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
