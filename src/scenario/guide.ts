/**
 * The authoring guide of scenario files (issue 15), generated from the scenario's JSON Schema
 * and the model's parameter table, so it never goes stale: every field with its type, unit and
 * range (from the schema's descriptions and bounds), whether it is required, a model
 * coefficient's default, and an example from a built-in scenario. `docs/authoring.en.md` and
 * `docs/authoring.zh-CN.md` are {@link guideMarkdown} of it, committed (a test fails when they
 * drift; regenerated with the schema by `npm run sim -- schema`), and the workbench shows the same rows.
 */
import { PARAM_SPEC, type ParamGroup } from '../sim/params';
import type { Lang } from '../sim/text';
import { COOKBOOK, GUIDE_TEXT } from './guideText';
import { alternatives, fieldDoc, type FieldDoc, type SchemaNode } from './schemaWalk';
import { SCHEMA_ZH } from './schemaZh';

/** One field of the guide. */
export interface GuideRow {
  /** `firm.budget.base`, `tiers[].name`, `events[].effects[] (kind "rivalPressure").delta`. */
  readonly path: string;
  /** The top-level section it belongs to (`firm`, `events`…). */
  readonly section: string;
  readonly doc: FieldDoc;
  readonly required: boolean;
  /** A text in both languages (an object of `en` and `zh-CN`). */
  readonly localText: boolean;
  /** A model coefficient's default. */
  readonly default?: number;
  /** The value a built-in scenario gives it, as JSON (short). */
  readonly example?: string;
}

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLocalText(n: SchemaNode): boolean {
  if (!isNode(n.properties)) return false;
  const keys = Object.keys(n.properties).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'zh-CN';
}

/** The discriminator of an object union's member: its key whose schema is a const. */
function discriminator(alt: SchemaNode): [string, unknown] | null {
  if (!isNode(alt.properties)) return null;
  for (const [k, s] of Object.entries(alt.properties)) if (isNode(s) && s.const !== undefined) return [k, s.const];
  return null;
}

function exampleOf(values: readonly unknown[]): string | undefined {
  const v = values.find((x) => x !== undefined && !isObj(x) && !Array.isArray(x));
  if (v === undefined) return undefined;
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}

function modelDefault(path: string): number | undefined {
  const m = /^model\.(\w+)\.(\w+)$/.exec(path);
  if (!m) return undefined;
  const group = (PARAM_SPEC as Record<string, Record<string, { d: number }>>)[m[1]! as ParamGroup];
  return group?.[m[2]!]?.d;
}

function walk(node: SchemaNode, path: string, required: boolean, examples: readonly unknown[], out: GuideRow[]): void {
  const section = path.replace(/[.[ ].*$/, '');
  const alts = alternatives(node);
  const tagged = alts.every((a) => discriminator(a) !== null);
  if (alts.length > 1 && alts.every((a) => isNode(a.properties))) {
    // A union of objects: each member on its own, by its discriminator (`kind "rivalPrice"`) or its keys (`tier`).
    if (path) out.push({ path, section, doc: fieldDoc([node]), required, localText: false });
    for (const alt of alts) {
      const keys = Object.keys(alt.properties as SchemaNode);
      const d = tagged ? discriminator(alt)! : null;
      const label = d ? `${d[0]} ${JSON.stringify(d[1])}` : keys.join(', ');
      const mine = examples.filter((e) => isObj(e) && (d ? e[d[0]] === d[1] : keys.every((k) => k in e)));
      walk(alt, `${path} (${label})`, required, mine, out);
    }
    return;
  }
  const one = alts.length === 1 ? alts[0]! : null;
  if (one && isLocalText(one)) {
    const ex = examples.find(isObj);
    out.push({ path, section, doc: fieldDoc([node]), required, localText: true, ...(ex && typeof ex.en === 'string' ? { example: exampleOf([ex.en]) } : {}) });
    return;
  }
  if (one && isNode(one.properties)) {
    if (path) out.push({ path, section, doc: fieldDoc([node]), required, localText: false });
    const req = Array.isArray(one.required) ? (one.required as unknown[]) : [];
    for (const [name, s] of Object.entries(one.properties)) {
      if (!isNode(s) || (path === '' && name === '$schema')) continue;
      walk(s, path ? `${path}.${name}` : name, req.includes(name), examples.map((e) => (isObj(e) ? e[name] : undefined)), out);
    }
    return;
  }
  if (one && isNode(one.items)) {
    out.push({ path, section, doc: fieldDoc([node]), required, localText: false });
    walk(one.items, `${path}[]`, true, examples.flatMap((e) => (Array.isArray(e) ? e : [])), out);
    return;
  }
  const def = modelDefault(path);
  out.push({ path, section, doc: fieldDoc([node]), required, localText: false, ...(def !== undefined ? { default: def } : {}), ...(def === undefined ? { example: exampleOf(examples) } : {}) });
}

/** Every field of a scenario file, in the schema's order; examples from `scenarios` (parsed built-in files). */
export function guideRows(schema: SchemaNode, scenarios: readonly unknown[]): GuideRow[] {
  const out: GuideRow[] = [];
  walk(schema, '', true, scenarios, out);
  // The top level's single fields (id, title, rounds…) make one section of their own: ''.
  const size = new Map<string, number>();
  for (const r of out) size.set(r.section, (size.get(r.section) ?? 0) + 1);
  const top = out.filter((r) => size.get(r.section) === 1).map((r) => ({ ...r, section: '' }));
  return [...top, ...out.filter((r) => size.get(r.section)! > 1)];
}

/** A field's description in `lang` (the schema's English, or its translation). */
export const describeIn = (text: string, lang: Lang): string => (lang === 'zh-CN' ? (SCHEMA_ZH[text] ?? text) : text);

function num(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e12) return x > 0 ? '10^12+' : '−10^12';
  if (Number.isInteger(x)) return String(x);
  return a < 0.001 ? x.toExponential(2) : String(Number(x.toPrecision(6)));
}

/** The type and range of a row, in words of `lang`. */
export function rowKind(r: GuideRow, lang: Lang): string {
  const w = GUIDE_TEXT[lang];
  if (r.localText) return w.localText;
  const d = r.doc;
  const types = d.types.map((x) => w.types[x as keyof typeof w.types] ?? x).join(' / ');
  const parts = [types];
  if (d.values && d.values.length > 0) parts.push(d.values.map((v) => JSON.stringify(v)).join(', '));
  if (d.minimum !== undefined || d.maximum !== undefined) parts.push(`${d.minimum !== undefined ? num(d.minimum) : '…'} – ${d.maximum !== undefined ? num(d.maximum) : '…'}`);
  if (d.minItems !== undefined || d.maxItems !== undefined) parts.push(w.items(d.minItems ?? 0, d.maxItems));
  return parts.filter(Boolean).join(w.sep);
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The committed guides' paths, from the repository's root. */
export const GUIDE_FILES: Readonly<Record<Lang, string>> = { en: 'docs/authoring.en.md', 'zh-CN': 'docs/authoring.zh-CN.md' };

/** The guide as Markdown in `lang`. */
export function guideMarkdown(rows: readonly GuideRow[], lang: Lang): string {
  const w = GUIDE_TEXT[lang];
  const out: string[] = [`# ${w.title}`, '', ...w.intro, ''];
  out.push(`## ${w.contents}`, '');
  const sections = [...new Set(rows.map((r) => r.section))];
  const anchor = (s: string) => (s === '' ? 'top-level' : s.toLowerCase());
  const heading = (s: string) => (s === '' ? w.topLevel : `\`${s}\``);
  for (const s of sections) out.push(`- [${heading(s)}](#${anchor(s)})`);
  out.push(`- [${w.cookbook}](#cookbook)`, '');
  for (const s of sections) {
    const mine = rows.filter((r) => r.section === s);
    out.push(`<a id="${anchor(s)}"></a>`, '', `## ${heading(s)}`, '');
    const top = s === '' ? undefined : mine.find((r) => r.path === s);
    if (top?.doc.description) out.push(describeIn(top.doc.description, lang), '');
    out.push(`| ${w.col.field} | ${w.col.kind} | ${w.col.required} | ${w.col.example} | ${w.col.meaning} |`, '| --- | --- | --- | --- | --- |');
    for (const r of mine) {
      const ex = r.default !== undefined ? `${w.default} ${num(r.default)}` : (r.example ?? '');
      out.push(`| \`${cell(r.path)}\` | ${cell(rowKind(r, lang))} | ${r.required ? w.yes : w.no} | ${ex ? (r.default !== undefined ? cell(ex) : `\`${cell(ex)}\``) : ''} | ${cell(describeIn(r.doc.description, lang))} |`);
    }
    out.push('');
  }
  out.push('<a id="cookbook"></a>', '', `## ${w.cookbook}`, '');
  for (const c of COOKBOOK) {
    const t = c[lang];
    out.push(`### ${t.title}`, '', ...t.body, '', '```json', c.json, '```', '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
