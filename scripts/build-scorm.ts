/**
 * `npm run build:scorm [-- <scenario> [--class CODE] [--mastery N] [--out DIR]]`: the game as
 * one SCORM 1.2 package, `dist-scorm/crm-sandbox-scorm12.zip`, for Moodle, Blackboard, Canvas
 * and the platforms that import SCORM.
 *
 * - `<scenario>`: an instructor's scenario file (packed into the zip as scenario.json) or a
 *   built-in's id; default: the tutorial. It is validated first, as `npm run sim -- validate`
 *   does, and nothing is built if it has a problem.
 * - `--class CODE`: every student of the course plays the class's world (its seed and variant);
 *   without it each student gets a seed of their own, kept by the LMS.
 * - `--mastery N`: the grade (0-100) that passes, unless the LMS sets its own mastery score.
 *
 * The package is the web app built with `--mode scorm` (the LMS link, no service worker), its
 * settings (crm-sandbox-lms.json), and imsmanifest.xml at the root: one SCO, every file listed
 * by its relative path. The zip is reproducible: files in name order, one fixed date.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';

// What ships: React's production build (a test runner may have set NODE_ENV=test).
process.env.NODE_ENV = 'production';
import { readScenarioFile } from '../src/scenario/index';
import { normalizeClassCode } from '../src/scenario/classCodeShape';
import { validateCommand } from '../src/cli/commands/validate';
import { nodeIo } from '../src/cli/nodeIo';
import { resolveScenario } from '../src/cli/scenarios';
import { DEFAULT_MASTERY } from '../src/lms/result';
import { PACKAGE_CONFIG_FILE, PACKAGE_FORMAT, readPackageConfig, type PackageConfig } from '../src/lms/packageConfig';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ZIP_NAME = 'crm-sandbox-scorm12.zip';
const DEFAULT_SCENARIO = 'tutorial';
/** Every file's date in the zip (a fixed one, so the same sources give the same bytes). */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

const io = nodeIo();

class UsageError extends Error {}

interface Options {
  scenario: string;
  classCode: string | null;
  mastery: number;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  let scenario: string | null = null;
  let classCode: string | null = null;
  let mastery = DEFAULT_MASTERY;
  let out = join(ROOT, 'dist-scorm');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--class') {
      const raw = value();
      classCode = normalizeClassCode(raw);
      if (classCode === null) throw new UsageError(`--class: "${raw}" is not a class code (2 to 40 letters, digits, dashes or underscores, such as CRM-2026-A)`);
    } else if (a === '--mastery') {
      const raw = value();
      mastery = Number(raw);
      if (!Number.isFinite(mastery) || mastery < 0 || mastery > 100) throw new UsageError(`--mastery: "${raw}" is not a number from 0 to 100`);
    } else if (a === '--out') out = resolve(io.cwd, value());
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a} (known: --class, --mastery, --out)`);
    else if (scenario === null) scenario = a;
    else throw new UsageError(`one scenario only (got "${scenario}" and "${a}")`);
  }
  return { scenario: scenario ?? DEFAULT_SCENARIO, classCode, mastery, out };
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every file under `dir`, as relative paths with forward slashes, in name order. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** imsmanifest.xml of a package of one SCO whose files are `files` (relative paths). */
function manifest(title: string, mastery: number, files: readonly string[], identifier: string): string {
  const list = files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(identifier)}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="crm-sandbox">
    <organization identifier="crm-sandbox">
      <title>${xml(title)}</title>
      <item identifier="game" identifierref="game-sco" isvisible="true">
        <title>${xml(title)}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="game-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${list}
    </resource>
  </resources>
</manifest>
`;
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`build:scorm: ${e.message}`);
    io.err('usage: npm run build:scorm [-- <scenario.json | built-in id> [--class CODE] [--mastery N] [--out DIR]]');
    return 1;
  }
  // The scenario first: a file with a problem builds nothing, and says where the problem is.
  if (validateCommand([opts.scenario], io, 'en') !== 0) {
    io.err(`build:scorm: ${opts.scenario} has problems (above); no package was written.`);
    return 1;
  }
  const src = resolveScenario(io, opts.scenario, 'en');
  const read = readScenarioFile(src.bytes, src.label, 'en');
  if (!read.ok) return 1;
  const isFile = src.source.kind === 'file';

  const packageDir = join(opts.out, 'package');
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  // public/ holds the installable app's icon: no part of the SCORM package.
  await build({ root: ROOT, mode: 'scorm', logLevel: 'warn', publicDir: false, build: { outDir: packageDir, emptyOutDir: true } });

  const config: PackageConfig = {
    format: PACKAGE_FORMAT,
    version: 1,
    scenario: isFile ? { file: 'scenario.json' } : { builtin: read.scenario.id },
    classCode: opts.classCode,
    mastery: opts.mastery,
  };
  // What the page will read must be what the page accepts.
  const configText = `${JSON.stringify(config, null, 2)}\n`;
  if (!readPackageConfig(configText).ok) throw new Error('the package settings do not read back');
  writeFileSync(join(packageDir, PACKAGE_CONFIG_FILE), configText);
  if (isFile) writeFileSync(join(packageDir, 'scenario.json'), src.bytes);

  const t = read.scenario.title;
  const title = `CRM Sandbox 客户关系经营沙盘: ${t.en}${t['zh-CN'] && t['zh-CN'] !== t.en ? ` / ${t['zh-CN']}` : ''}`;
  const files = filesUnder(packageDir).filter((f) => f !== 'imsmanifest.xml');
  if (files.some((f) => /(^|\/)(sw|service-worker)\.js$/.test(f))) throw new Error('a service worker is in the SCORM package');
  writeFileSync(join(packageDir, 'imsmanifest.xml'), manifest(title, opts.mastery, files, `crm-sandbox-${read.scenario.id}`));

  const zippable: Zippable = {};
  for (const f of ['imsmanifest.xml', ...files]) zippable[f] = [new Uint8Array(readFileSync(join(packageDir, f))), { mtime: ZIP_DATE }];
  const zip = zipSync(zippable, { level: 9 });
  const zipPath = join(opts.out, ZIP_NAME);
  writeFileSync(zipPath, zip);
  io.out(`build:scorm: ${relative(io.cwd, zipPath) || zipPath}: ${files.length + 1} files, ${Math.round(zip.length / 1024)} kB`);
  io.out(`  scenario ${isFile ? `${src.label} (packed as scenario.json)` : `built-in "${read.scenario.id}"`}, ${opts.classCode ? `class ${opts.classCode}` : 'a seed per student'}, mastery ${opts.mastery}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`build:scorm failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
