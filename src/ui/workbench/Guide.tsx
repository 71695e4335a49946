/**
 * The authoring guide in the workbench: the same generated rows as docs/authoring.*.md (every
 * field's type, range, whether it is required, a coefficient's default, what it means), with the
 * draft's own value beside each field, one section at a time; and the cookbook, whose recipes are
 * added to the draft with one button.
 */
import './messages'; // registers the 'workbench' messages (they load with this screen)
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import schemaJson from '../../../scenarios/scenario.schema.json';
import { describeIn, guideRows, rowKind } from '../../scenario/guide';
import { COOKBOOK, GUIDE_TEXT, type Recipe } from '../../scenario/guideText';
import type { SchemaNode } from '../../scenario/schemaWalk';
import type { Lang } from '../../sim/text';
import { appendDraftItem, setDraftField, useWorkbench } from '../../store/workbench';

const SCHEMA = schemaJson as SchemaNode;

export function Guide({ id, lang, onClose }: { id: string; lang: Lang; onClose(): void }) {
  const { t } = useTranslation('workbench');
  const doc = useWorkbench((s) => s.doc);
  const rows = useMemo(() => guideRows(SCHEMA, doc ? [doc] : []), [doc]);
  const w = GUIDE_TEXT[lang];
  const sections = [...new Set(rows.map((r) => r.section))];
  const apply = (r: Recipe) => (r.mode === 'append' ? appendDraftItem(r.path, r.value, lang) : setDraftField(r.path, r.value, lang));
  return (
    <section id={id} className="card stack wb-guide" aria-labelledby={`${id}-h`} data-testid="wb-guide">
      <h2 id={`${id}-h`}>{w.title}</h2>
      {w.intro.filter(Boolean).map((p, k) => (
        <p key={k}>{p.replace(/\*\*|`/g, '')}</p>
      ))}
      {sections.map((s) => {
        const mine = rows.filter((r) => r.section === s);
        const top = s === '' ? undefined : mine.find((r) => r.path === s);
        return (
          <details key={s} className="wb-guide-section">
            <summary>
              {s === '' ? w.topLevel : <code>{s}</code>} {top?.doc.description ? <span className="muted">{describeIn(top.doc.description, lang)}</span> : null}
            </summary>
            <div className="table-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{w.col.field}</th>
                    <th scope="col">{w.col.kind}</th>
                    <th scope="col">{w.col.required}</th>
                    <th scope="col">{t('guide.yours')}</th>
                    <th scope="col">{w.col.meaning}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map((r) => (
                    <tr key={r.path}>
                      <th scope="row">
                        <code>{r.path}</code>
                      </th>
                      <td>{rowKind(r, lang).replace(/`/g, '')}</td>
                      <td>{r.required ? w.yes : w.no}</td>
                      <td>{r.default !== undefined ? `${w.default} ${r.default}` : r.example ? <code>{r.example}</code> : null}</td>
                      <td>{describeIn(r.doc.description, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
      <h3>{w.cookbook}</h3>
      {COOKBOOK.map((r) => (
        <div key={r.id} className="wb-recipe stack" data-testid={`wb-recipe-${r.id}`}>
          <h4>{r[lang].title}</h4>
          {r[lang].body.map((p, k) => (
            <p key={k}>{p.replace(/`/g, '')}</p>
          ))}
          <pre>
            <code>{r.json}</code>
          </pre>
          <p>
            <button type="button" disabled={!doc} onClick={() => apply(r)}>
              {t('guide.add', { what: r[lang].title })}
            </button>
          </p>
        </div>
      ))}
      <p>
        <button type="button" onClick={onClose}>
          {t('guide.close')}
        </button>
      </p>
    </section>
  );
}
