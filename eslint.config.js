// ESLint 9 flat config + typescript-eslint 8 (non-typed rules only: no
// parserOptions.project, so linting stays fast and needs no type information).
//
// Besides the recommended rule sets this file enforces two project rules:
//   1. the import direction of STYLE.md:
//        src/sim <- src/scenario <- src/policies, src/store, src/worker, src/cli
//                                 <- src/ui, src/scene
//   2. determinism in src/sim: no APIs that are random, time-dependent or
//      not bit-identical across JavaScript engines.
// test/lint.test.ts proves that each of these rules fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Escape a string for use inside a RegExp source. */
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Files that are tests, not shipped code: exempt from the layer rules. */
const TEST_FILES = ['**/*.test.ts', '**/*.spec.ts', '**/__tests__/**'];

// ---------------------------------------------------------------- imports --

const LAYER_DIRS = ['sim', 'scenario', 'policies', 'store', 'worker', 'cli', 'ui', 'scene'];

/**
 * One `no-restricted-imports` pattern per forbidden src folder. It matches
 * relative paths that climb out of the current folder ('../scenario/load',
 * '../../cli/main', '../../src/ui') and root-anchored ones ('src/ui/x',
 * '/src/ui/x'), but not './scene' inside the importing folder itself.
 */
function layerPatterns(from, forbidden) {
  return forbidden.map((dir) => ({
    regex: `^(?:(?:\\./)?(?:\\.\\./)+(?:src/)?|/?src/)${esc(dir)}(?:/|$)`,
    message:
      `import direction (STYLE.md): src/${from} must not import src/${dir}. ` +
      'Layers: src/sim <- src/scenario <- src/policies, src/store, src/worker, src/cli <- src/ui, src/scene.',
  }));
}

// 'fs', 'fs/promises', 'path', ... (without the 'node:' prefix; see NODE_BUILTIN).
const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const NODE_BUILTIN_RE = `^(?:node:|(?:${NODE_BUILTINS.map(esc).join('|')})(?:/|$))`;

function nodeBuiltinPattern(from, why) {
  return { regex: NODE_BUILTIN_RE, message: `src/${from} must not import Node built-ins: ${why}` };
}

const UI_PACKAGES = ['react', 'react-dom', 'phaser', 'zustand', 'immer'];

/** Bare package specifiers (not relative, not node built-ins) except `allowed` and `alsoExcluded`. */
function otherPackagesPattern(allowed, alsoExcluded, message) {
  const excluded = [...allowed, ...alsoExcluded, ...NODE_BUILTINS].map(esc).join('|');
  return { regex: `^(?![./])(?!node:)(?!(?:${excluded})(?:/|$))`, message };
}

function restrictImports(patterns) {
  return ['error', { patterns }];
}

// ----------------------------------------------------------- determinism --

const INEXACT =
  'is not bit-identical across JavaScript engines (the spec allows implementation-approximated results); ' +
  'use the deterministic helpers in src/sim/math.ts';

const INEXACT_MATH = [
  'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow',
  'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh',
  'asin', 'acos', 'atan', 'atan2', 'cbrt', 'hypot',
];

/** Host APIs small JavaScript runtimes lack: the engine and the strategies run on the language alone (the QuickJS golden test). */
const HOST_APIS = [
  { name: 'structuredClone', message: 'structuredClone is a host API that small runtimes (QuickJS) lack: copy plain data with clonePlain (src/sim/decisions/plans.ts).' },
  { name: 'Intl', message: 'Intl is a host API that small runtimes (QuickJS) lack: numbers become text in the messages layers (src/scenario, src/ui), never in the engine.' },
];

const simDeterminismRules = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: 'Math.random() is not seedable, so runs are not reproducible; use the seeded RNG passed into the simulation (seedrandom).',
    },
    ...INEXACT_MATH.map((property) => ({
      object: 'Math',
      property,
      message: `Math.${property} ${INEXACT}.`,
    })),
  ],
  'no-restricted-globals': [
    'error',
    {
      name: 'Date',
      message: 'Date reads the wall clock / host time zone, so results depend on when and where they run; the simulation clock is the tick/day counter in the state.',
    },
    {
      name: 'performance',
      message: 'performance.now() is wall-clock time and makes results non-reproducible; measure time outside src/sim (bench/, cli).',
    },
    {
      name: 'crypto',
      message: 'crypto randomness is not seedable, so runs are not reproducible; use the seeded RNG passed into the simulation (seedrandom).',
    },
    ...HOST_APIS,
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "BinaryExpression[operator='**']",
      message: `The ** operator (like Math.pow) ${INEXACT} (e.g. pow/ipow).`,
    },
    {
      selector: "AssignmentExpression[operator='**=']",
      message: `The **= operator (like Math.pow) ${INEXACT} (e.g. pow/ipow).`,
    },
    {
      selector: 'ForInStatement',
      message: 'for...in walks inherited and unordered keys; iterate an array, a Map, or Object.keys()/entries() (optionally sorted) instead.',
    },
    {
      selector: 'ImportExpression',
      message: 'Dynamic import() is not allowed in src/sim: it must stay a pure, synchronous, self-contained module graph.',
    },
  ],
};

/** What src/sim may not import (the layers below it, Node, UI libraries, zod, any package but seedrandom). */
const SIM_IMPORTS = [
  ...layerPatterns('sim', LAYER_DIRS.filter((d) => d !== 'sim')),
  nodeBuiltinPattern('sim', 'the engine must run unchanged in the browser, a Web Worker and Node.'),
  {
    regex: `^(?:${UI_PACKAGES.map(esc).join('|')})(?:/|$)`,
    message: 'src/sim is headless: no UI/state libraries (react, react-dom, phaser, zustand, immer).',
  },
  {
    regex: '^zod(?:/|$)',
    message: 'src/sim must not depend on zod: validation belongs in src/scenario, the engine trusts its typed input.',
  },
  otherPackagesPattern(['seedrandom'], [...UI_PACKAGES, 'zod'], 'src/sim may import no package except seedrandom.'),
];

// ---------------------------------------------------------------- screens --

/** Engine functions and the worker's session: src/ui and src/scene reach them only through the store. */
const ENGINE_PATTERN = {
  regex: '(^|/)(sim/(index|step|newGame|validate|clone|hash|attribution|systems/.*)|scenario/(index|load|runFile|readRun)|worker/(session|customers|summary|scene|simWorker|references|referenceWorker|whale|market))$',
  allowTypeImports: true,
  message: 'src/ui and src/scene must not run the engine or the worker session: ask the store, which asks the worker (STYLE.md).',
};

/** The worker client: screens ask the store (src/store/dataSlice.ts and the game actions), never the worker. */
const WORKER_CLIENT_PATTERN = {
  regex: '(^|/)store/workerClient$',
  message: 'src/ui must not call the worker client: give the store an action for what the screen needs, and call that.',
};

// ------------------------------------------------------------------ config --

export default defineConfig([
  // bench/wasm is AssemblyScript (compiled by asc for npm run bench), not TypeScript.
  globalIgnores(['dist/', 'dist-scorm/', 'dist-offline/', 'node_modules/', 'coverage/', 'test-results/', 'bench/wasm/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'crm/base',
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },

  // React: the rules of hooks, and no literal text in JSX (every string goes through i18n;
  // symbols such as ▲ · — % stay allowed).
  {
    name: 'crm/react',
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z\\u3400-\\u9fff]/]',
          message: 'Literal text in JSX: put it in the i18n messages (en and zh-CN) and use t().',
        },
      ],
    },
  },

  // The screens and the scenes never run the model: engine functions and the worker's session
  // are only reachable through the store (type imports are fine). They do not call the worker
  // client either: they ask the store, which has an action for everything they need.
  {
    name: 'crm/ui-no-engine',
    files: ['src/ui/**/*.{ts,tsx}', 'src/scene/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [ENGINE_PATTERN, WORKER_CLIENT_PATTERN] }] },
  },

  // Browser code (the app); src/sim and src/scenario get no extra globals on purpose.
  {
    name: 'crm/browser-globals',
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/sim/**', 'src/scenario/**', 'src/cli/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Node code: tooling, config files, the CLI, tests, benchmarks.
  {
    name: 'crm/node-globals',
    files: ['*.js', '*.mjs', '*.cjs', '*.ts', 'scripts/**', 'src/cli/**', 'test/**', 'bench/**', ...TEST_FILES],
    languageOptions: { globals: { ...globals.node } },
  },

  // ---- import direction (one block per layer; later blocks don't merge options, so each is complete)
  {
    name: 'crm/layers/sim',
    files: ['src/sim/**/*.{ts,tsx,js,mjs}'],
    ignores: [...TEST_FILES, 'src/sim/systems/**'],
    rules: { 'no-restricted-imports': restrictImports(SIM_IMPORTS) },
  },
  // The systems (the round's passes) share only the round's context and src/sim/model's
  // formulas: no system imports another (src/sim/passes.ts is the one place that lists them).
  {
    name: 'crm/layers/sim-systems',
    files: ['src/sim/systems/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrictImports([
        ...SIM_IMPORTS,
        {
          regex: '^\\./',
          message: 'a system must not import another system: share a formula through src/sim/model, or data through the round\'s context (src/sim/pass.ts).',
        },
      ]),
    },
  },
  {
    name: 'crm/layers/scenario',
    files: ['src/scenario/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrictImports([
        ...layerPatterns('scenario', ['policies', 'store', 'worker', 'cli', 'ui', 'scene']),
        nodeBuiltinPattern('scenario', 'scenarios are parsed from data handed in by the caller (file I/O belongs in src/cli).'),
        otherPackagesPattern(['zod', 'seedrandom'], [], 'src/scenario may import only src/sim, zod and seedrandom.'),
      ]),
    },
  },
  {
    name: 'crm/layers/policies',
    files: ['src/policies/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrictImports([
        ...layerPatterns('policies', ['store', 'worker', 'cli', 'ui', 'scene']),
        nodeBuiltinPattern('policies', 'policies run in the browser/Web Worker as well as in the CLI.'),
      ]),
      'no-restricted-globals': ['error', ...HOST_APIS],
    },
  },
  {
    name: 'crm/layers/app-services',
    files: ['src/{store,worker,cli}/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrictImports([
        ...layerPatterns('store, src/worker and src/cli', ['ui', 'scene']),
      ]),
    },
  },

  {
    name: 'crm/layers/scene',
    files: ['src/scene/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrictImports([
        ...layerPatterns('scene', ['ui', 'cli']),
        nodeBuiltinPattern('scene', 'the scenes run in the browser.'),
      ]),
    },
  },

  // ---- determinism of the engine
  {
    name: 'crm/sim-determinism',
    files: ['src/sim/**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: simDeterminismRules,
  },
]);
