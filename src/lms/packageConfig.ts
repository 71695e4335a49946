/**
 * The SCORM package's own settings, `crm-sandbox-lms.json` at the package's root, written by
 * `npm run build:scorm` (scripts/build-scorm.ts) and read by the page when an LMS launches it:
 *
 *     { "format": "crm-sandbox-lms", "version": 1,
 *       "scenario": { "builtin": "tutorial" } | { "file": "scenario.json" },
 *       "classCode": "CRM-2026-A" | null, "mastery": 60 }
 *
 * An instructor may edit it inside the zip (another built-in, another class code, another
 * mastery score); the page checks every field and names the one that is wrong.
 */
import { normalizeClassCode } from '../scenario/classCodeShape';
import type { PackageProblem } from './status';

export const PACKAGE_CONFIG_FILE = 'crm-sandbox-lms.json';
export const PACKAGE_FORMAT = 'crm-sandbox-lms';

export interface PackageConfig {
  format: typeof PACKAGE_FORMAT;
  version: 1;
  scenario: { builtin: string } | { file: string };
  classCode: string | null;
  mastery: number;
}

const problem = (path: string, expected: string): { ok: false; problem: PackageProblem } => ({ ok: false, problem: { file: PACKAGE_CONFIG_FILE, path, expected } });

/** The package's settings in `text`, or the first field that is wrong. */
export function readPackageConfig(text: string): { ok: true; config: PackageConfig } | { ok: false; problem: PackageProblem } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return problem('', 'a JSON object');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem('', 'a JSON object');
  const o = v as Record<string, unknown>;
  if (o.format !== PACKAGE_FORMAT) return problem('format', `"${PACKAGE_FORMAT}"`);
  if (o.version !== 1) return problem('version', '1');
  const sc = o.scenario as Record<string, unknown> | null | undefined;
  let scenario: PackageConfig['scenario'];
  if (typeof sc === 'object' && sc !== null && typeof sc.builtin === 'string' && sc.builtin !== '') scenario = { builtin: sc.builtin };
  else if (typeof sc === 'object' && sc !== null && typeof sc.file === 'string' && /^[\w.-]+\.json$/.test(sc.file)) scenario = { file: sc.file };
  else return problem('scenario', '{ "builtin": "<id>" } or { "file": "<name>.json" } (a file at the package\'s root)');
  let classCode: string | null = null;
  if (o.classCode !== null && o.classCode !== undefined) {
    classCode = typeof o.classCode === 'string' ? normalizeClassCode(o.classCode) : null;
    if (classCode === null) return problem('classCode', 'null or a class code such as "CRM-2026-A"');
  }
  const m = o.mastery;
  if (typeof m !== 'number' || !Number.isFinite(m) || m < 0 || m > 100) return problem('mastery', 'a number from 0 to 100');
  return { ok: true, config: { format: PACKAGE_FORMAT, version: 1, scenario, classCode, mastery: m } };
}
