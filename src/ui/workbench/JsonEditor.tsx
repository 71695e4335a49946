/**
 * The workbench's editor: CodeMirror 6 with JSON, completion of the keys and values the
 * scenario's JSON Schema allows at the cursor, hover docs from the schema's descriptions, and
 * the loader's own errors and warnings underlined at their line and column (the reading comes
 * from the draft worker through the store; this component only shows it).
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { fieldDoc, keysOf, schemaAt, type FieldDoc, type SchemaNode } from '../../scenario/schemaWalk';
import type { ScenarioIssue } from '../../scenario/load';
import { placeAt } from './jsonPlace';

/** What the editor's tooltips say around a field's description, in the page's language. */
export interface FieldWords {
  type: string;
  range: string;
  values: string;
  items: string;
  required: string;
  optional: string;
  typeName(t: string): string;
  /** A schema description in the page's language. */
  describe(text: string): string;
  number(x: number): string;
}

export interface JsonEditorHandle {
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  goTo(line: number, column: number): void;
}

interface Props {
  text: string;
  onChange(text: string): void;
  schema: SchemaNode;
  /** The last well-formed document (chooses among a union's members by their discriminators). */
  doc(): unknown;
  /** The loader's issues of `issuesOf` (shown only while the editor holds that very text). */
  errors: readonly ScenarioIssue[];
  warnings: readonly ScenarioIssue[];
  issuesOf: string | null;
  label: string;
  describedBy: string;
  words: FieldWords;
}

/** The offset of a 1-based line and column, clamped into the document. */
export function offsetAt(doc: Text, line: number, column: number): number {
  if (line < 1) return 0;
  const l = doc.line(Math.min(line, doc.lines));
  return Math.min(l.to, l.from + Math.max(0, column - 1));
}

function diagnostics(state: EditorState, errors: readonly ScenarioIssue[], warnings: readonly ScenarioIssue[]): Diagnostic[] {
  const tree = syntaxTree(state);
  const one = (i: ScenarioIssue, severity: 'error' | 'warning'): Diagnostic => {
    const from = offsetAt(state.doc, i.line, i.column);
    // Underline the token (a key, a value, a whole object's opening) the issue points at.
    const node = tree.resolveInner(from, 1);
    const end = node.from === from && node.to > from ? Math.min(node.to, from + 400) : Math.min(state.doc.length, from + 1);
    return { from, to: Math.max(from, end), severity, message: i.message, source: i.path || undefined };
  };
  return [...errors.map((i) => one(i, 'error')), ...warnings.map((i) => one(i, 'warning'))];
}

function describe(d: FieldDoc, required: boolean | null, w: FieldWords): HTMLElement {
  const box = document.createElement('div');
  box.className = 'wb-hover';
  if (d.description) {
    const p = document.createElement('p');
    p.textContent = w.describe(d.description);
    box.append(p);
  }
  const facts: [string, string][] = [];
  if (d.types.length > 0) facts.push([w.type, `${d.types.map(w.typeName).join(' / ')}${required === null ? '' : ` (${required ? w.required : w.optional})`}`]);
  if (d.minimum !== undefined || d.maximum !== undefined) facts.push([w.range, `${d.minimum !== undefined ? w.number(d.minimum) : '…'} – ${d.maximum !== undefined ? w.number(d.maximum) : '…'}`]);
  if (d.values) facts.push([w.values, d.values.map((v) => JSON.stringify(v)).join(', ')]);
  if (d.minItems !== undefined || d.maxItems !== undefined) facts.push([w.items, `${d.minItems ?? 0} – ${d.maxItems ?? '…'}`]);
  if (facts.length > 0) {
    const dl = document.createElement('dl');
    for (const [k, v] of facts) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    box.append(dl);
  }
  return box;
}

const keyOf = (raw: string): string => {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
};

export const JsonEditor = forwardRef<JsonEditorHandle, Props>(function JsonEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest props, for CodeMirror's callbacks (made once, with the editor).
  const latest = useRef(props);
  latest.current = props;

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const v = view.current;
      if (!v) return;
      const at = offsetAt(v.state.doc, line, column);
      v.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      v.focus();
    },
  }));

  useEffect(() => {
    const complete = (ctx: CompletionContext): CompletionResult | null => {
      const { schema, doc, words } = latest.current;
      const text = ctx.state.doc.toString();
      const place = placeAt(syntaxTree(ctx.state), text, ctx.pos);
      if (!place) return null;
      if (!ctx.explicit && place.from === place.to) return null;
      if (place.kind === 'key') {
        const nodes = schemaAt(schema, place.path, doc());
        const colon = /^\s*:/.test(text.slice(place.to));
        const options: Completion[] = keysOf(nodes)
          .filter((k) => !place.existing.includes(k.name))
          .map((k) => {
            const d = fieldDoc([k.schema]);
            return {
              label: JSON.stringify(k.name),
              apply: colon ? JSON.stringify(k.name) : `${JSON.stringify(k.name)}: `,
              type: 'property',
              detail: d.types.map(words.typeName).join(' / '),
              info: () => describe(d, k.required, words),
              boost: k.required ? 1 : 0,
            };
          });
        return options.length > 0 ? { from: place.from, to: place.to, options, validFor: /^"?[\w$-]*"?$/ } : null;
      }
      const d = fieldDoc(schemaAt(schema, place.path, doc()));
      const values: Completion[] = (d.values ?? []).map((v) => ({ label: JSON.stringify(v), type: 'enum' }));
      if (d.types.includes('boolean') && !d.values) values.push({ label: 'true', type: 'keyword' }, { label: 'false', type: 'keyword' });
      if (d.types.includes('object')) values.push({ label: '{}', type: 'text' });
      if (d.types.includes('array')) values.push({ label: '[]', type: 'text' });
      return values.length > 0 ? { from: place.from, to: place.to, options: values } : null;
    };

    const hover = hoverTooltip((v, pos, side): Tooltip | null => {
      const { schema, doc, words } = latest.current;
      const text = v.state.doc.toString();
      const place = placeAt(syntaxTree(v.state), text, pos, side);
      if (!place || place.from === place.to) return null;
      const path = place.kind === 'key' ? [...place.path, keyOf(text.slice(place.from, place.to))] : place.path;
      const nodes = schemaAt(schema, path, doc());
      if (nodes.length === 0) return null;
      const required = place.kind === 'key' ? (keysOf(schemaAt(schema, place.path, doc())).find((k) => k.name === path[path.length - 1])?.required ?? null) : null;
      return { pos: place.from, end: place.to, above: true, create: () => ({ dom: describe(fieldDoc(nodes), required, words) }) };
    });

    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.text,
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          autocompletion({ override: [complete], icons: false }),
          hover,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label, 'aria-describedby': latest.current.describedBy, 'data-testid': 'wb-editor' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // A text changed elsewhere (the form, a template): only the part that differs is replaced, so the cursor and undo stay.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const cur = v.state.doc.toString();
    const next = props.text;
    if (cur === next) return;
    let a = 0;
    while (a < cur.length && a < next.length && cur[a] === next[a]) a++;
    let b = 0;
    while (b < cur.length - a && b < next.length - a && cur[cur.length - 1 - b] === next[next.length - 1 - b]) b++;
    v.dispatch({ changes: { from: a, to: cur.length - b, insert: next.slice(a, next.length - b) } });
  }, [props.text]);

  // The loader's issues, once they are of the text in the editor.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // Stale ones stay until then: CodeMirror moves them with the edits.
    if (props.issuesOf === null || props.issuesOf !== v.state.doc.toString()) return;
    v.dispatch(setDiagnostics(v.state, diagnostics(v.state, props.errors, props.warnings)));
  }, [props.errors, props.warnings, props.issuesOf]);

  return <div className="wb-editor" ref={host} />;
});
