// Proves that the project-specific ESLint rules in eslint.config.js fire (and
// do not fire on allowed code). Uses the ESLint Node API against the real
// config; the probe files do not need to exist on disk.
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIM_FILE = 'src/sim/__probe__.ts';
const SCENARIO_FILE = 'src/scenario/__probe__.ts';

/** Rules whose findings on probe snippets are incidental (e.g. an unused import). */
const INCIDENTAL = new Set(['@typescript-eslint/no-unused-vars', '@typescript-eslint/no-unused-expressions']);

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const results = await eslint.lintText(code, { filePath, warnIgnored: true });
  expect(results).toHaveLength(1);
  const messages = results[0]!.messages;
  // A fatal message means the snippet did not parse: the test itself would be meaningless.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === null || !INCIDENTAL.has(m.ruleId));
}

function ruleIds(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => m.ruleId ?? '(none)');
}

describe('eslint.config.js', () => {
  it('loads and applies the sim rules to src/sim files', async () => {
    const config = (await eslint.calculateConfigForFile(SIM_FILE)) as Linter.Config;
    expect(config.rules?.['no-restricted-imports']).toBeDefined();
    expect(config.rules?.['no-restricted-properties']).toBeDefined();
    expect(await eslint.isPathIgnored('dist/assets/index.js')).toBe(true);
    expect(await eslint.isPathIgnored('test-results/x.js')).toBe(true);
  });
});

describe('src/sim determinism rules', () => {
  const reported: Array<[string, string]> = [
    ['Math.exp(1)', 'no-restricted-properties'],
    ['Math.random()', 'no-restricted-properties'],
    ["Math['log'](2)", 'no-restricted-properties'],
    ['const { pow } = Math; pow(2, 3)', 'no-restricted-properties'],
    ...[
      'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh',
      'atan', 'atan2', 'asin', 'acos', 'cbrt', 'hypot',
    ].map((fn): [string, string] => [`Math.${fn}(0.5, 0.5)`, 'no-restricted-properties']),
    ['2 ** 3', 'no-restricted-syntax'],
    ['let v = 2; v **= 3', 'no-restricted-syntax'],
    ['for (const k in { a: 1 }) { void k }', 'no-restricted-syntax'],
    ['Date.now()', 'no-restricted-globals'],
    ['new Date(0)', 'no-restricted-globals'],
    ['performance.now()', 'no-restricted-globals'],
    ['crypto.getRandomValues(new Uint8Array(4))', 'no-restricted-globals'],
    ['structuredClone({ a: 1 })', 'no-restricted-globals'],
    ['new Intl.NumberFormat("en").format(1)', 'no-restricted-globals'],
  ];

  it.each(reported)('reports %s', async (snippet, rule) => {
    const messages = await lint(`export const probe = () => { ${snippet}; };\n`, SIM_FILE);
    expect(ruleIds(messages)).toContain(rule);
  });

  it.each(['structuredClone({ a: 1 })', 'new Intl.NumberFormat("en").format(1)'])('reports the host API %s in src/policies too', async (snippet) => {
    const messages = await lint(`export const probe = () => { ${snippet}; };\n`, 'src/policies/__probe__.ts');
    expect(ruleIds(messages)).toContain('no-restricted-globals');
  });

  it('explains why in the message', async () => {
    const messages = await lint('export const y = Math.exp(1);\n', SIM_FILE);
    expect(messages[0]?.message).toMatch(/bit-identical/);
    expect(messages[0]?.message).toMatch(/src\/sim\/math\.ts/);
  });

  const allowed = [
    'Math.sqrt(2)',
    'Math.floor(2.5) + Math.abs(-1) + Math.min(1, 2) + Math.max(1, 2) + Math.round(1.5)',
    'Object.keys({ a: 1 }).length + Object.entries({}).length + Object.values({}).length',
    'for (const k of [1, 2]) { void k }',
    '2 * 3',
  ];

  it.each(allowed)('allows %s', async (snippet) => {
    expect(await lint(`export function probe(): void { ${snippet}; }\n`, SIM_FILE)).toEqual([]);
  });

  it('does not apply to files outside src/sim', async () => {
    const code = 'export const probe = () => Math.exp(1) + 2 ** 3 + Math.random() + Date.now();\n';
    expect(await lint(code, 'src/ui/__probe__.ts')).toEqual([]);
  });
});

describe('import direction', () => {
  const simReported = [
    "import x from '../scenario/load';",
    "import x from '../../cli/main';",
    "import x from '../policies/greedy';",
    "import x from '../../src/ui/app';",
    "import 'react';",
    "import 'react-dom/client';",
    "import 'phaser';",
    "import 'zustand';",
    "import 'immer';",
    "import 'zod';",
    "import fs from 'node:fs';",
    "import fs from 'fs';",
    "import path from 'path';",
    "import { readFile } from 'fs/promises';",
    "import 'some-other-package';",
    "export * from '../scenario/schema';",
  ];

  it.each(simReported)('reports %s in src/sim', async (code) => {
    expect(ruleIds(await lint(`${code}\n`, SIM_FILE))).toContain('no-restricted-imports');
  });

  it('reports imports in nested src/sim folders too', async () => {
    const messages = await lint("import '../../scenario/load';\n", 'src/sim/systems/__probe__.ts');
    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it.each([
    "import seedrandom from 'seedrandom';\nexport const r = seedrandom;",
    "import { add } from '../math';\nexport const r = add;",
    "import { priceOf } from '../model/price';\nexport const r = priceOf;",
  ])('allows %s in src/sim/systems', async (code) => {
    expect(await lint(`${code}\n`, 'src/sim/systems/__probe__.ts')).toEqual([]);
  });

  it('allows a module of src/sim to import its neighbours', async () => {
    expect(await lint("import { add } from './math';\nexport const r = add;\n", 'src/sim/__probe__.ts')).toEqual([]);
  });

  it.each([
    "import { churnPass } from './churn';\nexport const r = churnPass;",
    "import { priceOf } from './satisfaction';\nexport const r = priceOf;",
  ])('reports a system importing another: %s', async (code) => {
    expect(ruleIds(await lint(`${code}\n`, 'src/sim/systems/__probe__.ts'))).toEqual(['no-restricted-imports']);
  });

  it.each([
    "import '../cli/main';",
    "import '../policies/greedy';",
    "import '../ui/app';",
    "import '../store/store';",
    "import '../worker/sim.worker';",
    "import '../scene/office';",
    "import fs from 'node:fs';",
    "import 'react';",
  ])('reports %s in src/scenario', async (code) => {
    expect(ruleIds(await lint(`${code}\n`, SCENARIO_FILE))).toContain('no-restricted-imports');
  });

  it.each([
    "import { z } from 'zod';\nexport const s = z.string();",
    "import seedrandom from 'seedrandom';\nexport const r = seedrandom;",
    "import { step } from '../sim/step';\nexport const r = step;",
  ])('allows %s in src/scenario', async (code) => {
    expect(await lint(`${code}\n`, SCENARIO_FILE)).toEqual([]);
  });

  it.each(["import '../cli/main';", "import '../ui/app';", "import '../store/store';"])(
    'reports %s in src/policies',
    async (code) => {
      expect(ruleIds(await lint(`${code}\n`, 'src/policies/__probe__.ts'))).toContain('no-restricted-imports');
    },
  );

  it('allows src/policies to import src/sim and src/scenario', async () => {
    const code = "import '../sim/step';\nimport '../scenario/load';\n";
    expect(await lint(code, 'src/policies/__probe__.ts')).toEqual([]);
  });

  it.each(['src/cli', 'src/store', 'src/worker'])('reports ui/scene imports in %s', async (dir) => {
    const messages = await lint("import '../ui/app';\nimport '../scene/office';\n", `${dir}/__probe__.ts`);
    expect(ruleIds(messages)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });

  it('lets src/ui import the store, React and the sim\'s text and report modules', async () => {
    const code = "import '../sim/text';\nimport '../sim/report';\nimport '../store/store';\nimport 'react';\n";
    expect(await lint(code, 'src/ui/__probe__.ts')).toEqual([]);
  });
});

describe('global rules', () => {
  it('reports explicit any everywhere', async () => {
    const messages = await lint('export const v: any = 1;\n', 'src/ui/__probe__.ts');
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['@typescript-eslint/no-explicit-any', 2]]);
  });
});

describe('src/ui: no literal text in JSX', () => {
  const UI_FILE = 'src/ui/__probe__.tsx';
  it('reports English and Chinese text written into JSX', async () => {
    expect(ruleIds(await lint('export const A = () => <p>Start game</p>;', UI_FILE))).toContain('no-restricted-syntax');
    expect(ruleIds(await lint('export const B = () => <p>开始游戏</p>;', UI_FILE))).toContain('no-restricted-syntax');
  });
  it('allows translated text and symbols', async () => {
    expect(await lint("declare const t: (k: string) => string;\nexport const C = () => <p>▲ {t('x')} · 100%</p>;", UI_FILE)).toEqual([]);
  });
  it('enforces the rules of hooks', async () => {
    const code = "import { useState } from 'react';\nexport function D(p: { on: boolean }) {\n  if (p.on) useState(0);\n  return null;\n}";
    expect(ruleIds(await lint(code, UI_FILE))).toContain('react-hooks/rules-of-hooks');
  });
});

describe('src/ui never runs the engine', () => {
  const UI_FILE = 'src/ui/quarter/__probe__.ts';
  it('reports a screen that imports engine functions or the worker session', async () => {
    expect(ruleIds(await lint("import { step } from '../../sim/index';\nvoid step;", UI_FILE))).toContain('@typescript-eslint/no-restricted-imports');
    expect(ruleIds(await lint("import { advance } from '../../worker/session';\nvoid advance;", UI_FILE))).toContain('@typescript-eslint/no-restricted-imports');
  });
  it('reports a screen that calls the worker client, even for a type', async () => {
    expect(ruleIds(await lint("import { simClient } from '../../store/workerClient';\nvoid simClient;", UI_FILE))).toContain('@typescript-eslint/no-restricted-imports');
    expect(ruleIds(await lint("import type { SimClient } from '../../store/workerClient';\nexport type C = SimClient;", 'src/ui/App.tsx'))).toContain('@typescript-eslint/no-restricted-imports');
  });
  it('reports a scene that calls the worker client: its frames come from a store action too (they never enter the store\'s state)', async () => {
    expect(ruleIds(await lint("import { simClient } from '../store/workerClient';\nvoid simClient;", 'src/scene/__probe__.ts'))).toContain('@typescript-eslint/no-restricted-imports');
  });
  it('allows type imports and the store', async () => {
    expect(await lint("import type { SimState } from '../../sim/index';\nimport { useStore } from '../../store/index';\nexport type S = SimState;\nvoid useStore;", UI_FILE)).toEqual([]);
  });
});
