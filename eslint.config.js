// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // Build output and installed packages are not ours to lint.
  { ignores: ['generated/**', 'node_modules/**', '.wrangler/**'] },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    rules: {
      // tsconfig has noUncheckedIndexedAccess, so every indexed read is `T | undefined`; `!` marks the reads
      // a loop bound or a preceding check already guarantees, and the rule would demand a runtime test for each.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Destructuring a field away (`const { text: _text, ...rest }`) is how the code omits fields; `_` names it unused.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Article ids and queries are checked for control characters on purpose (they are refused with a 400).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read JSON answers of many shapes and assert on them field by field; typing each is the schemas' job, not the tests'.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
