/**
 * The scenario workbench (issue 15): an instructor opens a built-in scenario as a template or any
 * scenario file, edits it in the editor (CodeMirror: schema completion, hover docs, the loader's
 * errors inline) or in the form (the common fields; both edit one text), sees the game it starts
 * beside it, play-tests it from any quarter, balances it in the lab, and saves it as a file or
 * shares it as a link. The draft stays in this browser as it is typed.
 */
import './messages'; // registers the 'workbench' messages (they load with this screen)
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import schemaJson from '../../../scenarios/scenario.schema.json';
import type { ScenarioIssue } from '../../scenario/load';
import type { SchemaNode } from '../../scenario/schemaWalk';
import { describeIn } from '../../scenario/guide';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import {
  draftFileText, openDraftFile, openTemplate, rereadDraft, restoreDraft, setDraftName, setDraftSeed, setDraftText, useWorkbench,
} from '../../store/workbench';
import { fmtNumber } from '../format';
import { CATALOG } from '../home/catalog';
import { DropZone } from '../home/DropZone';
import { FilePicker } from '../home/FilePicker';
import { saveTextFile } from '../shell/files';
import { DraftForm } from './DraftForm';
import { DraftPreview } from './DraftPreview';
import { Guide } from './Guide';
import { JsonEditor, type FieldWords, type JsonEditorHandle } from './JsonEditor';
import { LabPanel } from './LabPanel';
import './workbench.css';

const SCHEMA = schemaJson as SchemaNode;
type Tab = 'editor' | 'form';

function IssueList({ errors, warnings, onGo }: { errors: readonly ScenarioIssue[]; warnings: readonly ScenarioIssue[]; onGo(i: ScenarioIssue): void }) {
  const { t } = useTranslation('workbench');
  const id = useId();
  if (errors.length + warnings.length === 0) return null;
  const item = (i: ScenarioIssue, k: number, kind: 'error' | 'warning') => (
    <li key={`${kind}-${k}`} className={`wb-issue wb-${kind}`} data-testid={`wb-${kind}`}>
      <strong>{t(kind === 'error' ? 'issues.error' : 'issues.warning')}</strong>{' '}
      {i.line > 0 ? (
        <button type="button" className="link" aria-label={t('issues.goTo', { line: i.line, column: i.column })} onClick={() => onGo(i)}>
          {t('issues.at', { line: i.line, column: i.column })}
        </button>
      ) : (
        <span>{t('issues.whole')}</span>
      )}
      {i.path && (
        <>
          {' '}
          <code>{i.path}</code>
        </>
      )}
      <span className="wb-issue-text">{i.message}</span>
    </li>
  );
  return (
    <section aria-labelledby={id} className="wb-issues">
      <h3 id={id}>{t('issues.heading')}</h3>
      <ul>
        {errors.map((i, k) => item(i, k, 'error'))}
        {warnings.map((i, k) => item(i, k, 'warning'))}
      </ul>
    </section>
  );
}

function ShareLink() {
  const { t } = useTranslation('workbench');
  const id = useId();
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState(false);
  const good = /^https?:\/\/\S+$/i.test(url.trim());
  const link = good ? `${location.origin}${location.pathname}?scenario=${encodeURIComponent(url.trim())}` : '';
  return (
    <details className="wb-share">
      <summary>{t('link.heading')}</summary>
      <p className="muted">{t('link.help')}</p>
      <label htmlFor={`${id}-url`} className="wb-field">
        <span>{t('link.url')}</span>
        <input id={`${id}-url`} type="url" value={url} placeholder={t('link.placeholder')} data-testid="wb-link-url" onChange={(e) => (setUrl(e.target.value), setCopied(false))} />
      </label>
      {url.trim() !== '' && !good && <p className="start-why">{t('link.bad')}</p>}
      {good && (
        <div className="stack">
          <label htmlFor={`${id}-out`} className="wb-field">
            <span>{t('link.result')}</span>
            <input id={`${id}-out`} type="text" readOnly value={link} data-testid="wb-link" onFocus={(e) => e.target.select()} />
          </label>
          <p className="row">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
              {t('link.copy')}
            </button>
            <span role="status">{copied ? t('link.copied') : ''}</span>
          </p>
        </div>
      )}
    </details>
  );
}

export default function WorkbenchScreen() {
  const { t } = useTranslation('workbench');
  const ids = useId();
  const lang = useStore((s) => s.lang);
  const wb = useWorkbench();
  const editor = useRef<JsonEditorHandle>(null);
  const [tab, setTab] = useState<Tab>('editor');
  const [template, setTemplate] = useState(CATALOG[0]!.id);
  const [asking, setAsking] = useState<null | { kind: 'template'; id: string } | { kind: 'file'; file: File }>(null);
  const [from, setFrom] = useState('1');
  const [guide, setGuide] = useState(false);

  // The draft kept from the last visit, else the first built-in as a template.
  useEffect(() => {
    if (useWorkbench.getState().text !== '') return;
    void restoreDraft(lang).then((had) => (had ? undefined : openTemplate(CATALOG[0]!.id, lang)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The loader's sentences are in the page's language.
  const firstLang = useRef(lang);
  useEffect(() => {
    if (lang !== firstLang.current) rereadDraft(lang);
    firstLang.current = lang;
  }, [lang]);

  const reading = wb.readOf === wb.text ? wb.reading : null;
  const checking = wb.text !== '' && wb.readOf !== wb.text;
  const errors = wb.reading && !wb.reading.ok ? wb.reading.errors : [];
  const warnings = wb.reading?.ok ? wb.reading.warnings : [];
  const loads = reading?.ok === true;
  // The last preview shown stays (marked) while a newer draft is read or does not load.
  const lastPreview = useRef<typeof wb.reading>(null);
  if (wb.reading?.ok) lastPreview.current = wb.reading;
  const preview = lastPreview.current?.ok ? lastPreview.current.preview : null;
  const rounds = preview?.rounds ?? 1;
  const fromN = Math.max(1, Math.min(rounds, Math.round(Number(from)) || 1));

  const words: FieldWords = {
    type: t('hover.type'),
    range: t('hover.range'),
    values: t('hover.values'),
    items: t('hover.items'),
    required: t('hover.required'),
    optional: t('hover.optional'),
    typeName: (x) => t(`types.${x}` as 'types.number', { defaultValue: x }),
    number: (x) => fmtNumber(x, lang, { full: true }),
    describe: (d) => describeIn(d, lang),
  };

  const open = (what: NonNullable<typeof asking>) => {
    setAsking(null);
    if (what.kind === 'template') void openTemplate(what.id, lang);
    else void what.file.arrayBuffer().then((b) => openDraftFile(what.file.name, new Uint8Array(b), lang), () => openDraftFile(what.file.name, new Uint8Array(0), lang));
  };
  const ask = (what: NonNullable<typeof asking>) => (wb.text.trim() !== '' ? setAsking(what) : open(what));
  const playTest = async () => {
    if (!loads) return;
    await useStore.getState().startGame({ kind: 'file', name: wb.name, text: wb.text }, wb.seed || '1', undefined, fromN - 1);
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next: Tab = tab === 'editor' ? 'form' : 'editor';
    setTab(next);
    document.getElementById(`${ids}-tab-${next}`)?.focus();
  };

  const status = wb.text === '' ? '' : checking ? t('status.checking') : !wb.reading ? '' : wb.reading.ok ? (warnings.length > 0 ? t('status.okWarnings', { count: warnings.length }) : t('status.ok')) : t('status.errors', { count: errors.length });

  return (
    <article className="stack workbench" data-testid="workbench" data-loads={loads ? 'yes' : checking ? 'checking' : 'no'}>
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>
        <button type="button" className="link" aria-expanded={guide} aria-controls={`${ids}-guide`} data-testid="wb-guide-open" onClick={() => setGuide(!guide)}>
          {t('guide.open')}
        </button>
      </p>
      {guide && <Guide id={`${ids}-guide`} lang={lang} onClose={() => setGuide(false)} />}

      <section className="card stack" aria-labelledby={`${ids}-draft`}>
        <h2 id={`${ids}-draft`} className="sr-only">
          {t('title')}
        </h2>
        <div className="row wb-open">
          <label htmlFor={`${ids}-template`} className="wb-field">
            <span>{t('template')}</span>
            <select id={`${ids}-template`} value={template} data-testid="wb-template" onChange={(e) => setTemplate(e.target.value)}>
              {CATALOG.map((c) => (
                <option key={c.id} value={c.id}>
                  {pickText(c.title, lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="wb-open-template" onClick={() => ask({ kind: 'template', id: template })}>
            {t('openTemplate')}
          </button>
          <DropZone onDrop={(fs) => fs[0] && ask({ kind: 'file', file: fs[0] })}>
            <FilePicker id={`${ids}-file`} testId="wb-file" prompt={t('file')} chosen={null} onPick={(f) => f && ask({ kind: 'file', file: f })} />
            <p className="muted">{t('drop')}</p>
          </DropZone>
        </div>
        {asking && (
          <div className="wb-confirm row" role="alertdialog" aria-labelledby={`${ids}-ask`}>
            <p id={`${ids}-ask`}>{t('replaceConfirm')}</p>
            <button type="button" className="primary" data-testid="wb-replace" onClick={() => open(asking)}>
              {t('replace')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('keep')}
            </button>
          </div>
        )}
        {wb.openErrors && (
          <div role="alert" className="start-why">
            <p>{t('openFailed')}</p>
            <ul>
              {wb.openErrors.map((e, k) => (
                <li key={k}>{e.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="row wb-save">
          <label htmlFor={`${ids}-name`} className="wb-field">
            <span>{t('name')}</span>
            <input id={`${ids}-name`} type="text" value={wb.name} spellCheck={false} data-testid="wb-name" onChange={(e) => setDraftName(e.target.value)} />
          </label>
          <button type="button" data-testid="wb-save" disabled={wb.text === ''} onClick={() => saveTextFile(draftFileText(), /\.json$/i.test(wb.name) ? wb.name : `${wb.name}.json`)}>
            {t('save')}
          </button>
          <p role="status" className="wb-status" data-testid="wb-status">
            {status}
          </p>
        </div>
        <ShareLink />
      </section>

      <div className="wb-main">
        <section className="card stack wb-edit" aria-labelledby={`${ids}-tabs`}>
          <h2 id={`${ids}-tabs`} className="sr-only">
            {t('tabs.label')}
          </h2>
          <div role="tablist" aria-label={t('tabs.label')} className="wb-tabs" onKeyDown={onTabKey}>
            {(['editor', 'form'] as const).map((k) => (
              <button
                key={k}
                id={`${ids}-tab-${k}`}
                type="button"
                role="tab"
                aria-selected={tab === k}
                aria-controls={`${ids}-panel-${k}`}
                tabIndex={tab === k ? 0 : -1}
                data-testid={`wb-tab-${k}`}
                onClick={() => setTab(k)}
              >
                {t(`tabs.${k}`)}
              </button>
            ))}
          </div>
          <div id={`${ids}-panel-editor`} role="tabpanel" aria-labelledby={`${ids}-tab-editor`} hidden={tab !== 'editor'}>
            <p id={`${ids}-help`} className="muted">
              {t('editor.help')}
            </p>
            <JsonEditor
              ref={editor}
              text={wb.text}
              onChange={(text) => setDraftText(text, lang)}
              schema={SCHEMA}
              doc={() => useWorkbench.getState().doc}
              errors={errors}
              warnings={warnings}
              issuesOf={wb.readOf}
              label={t('editor.label')}
              describedBy={`${ids}-help`}
              words={words}
            />
          </div>
          <div id={`${ids}-panel-form`} role="tabpanel" aria-labelledby={`${ids}-tab-form`} hidden={tab !== 'form'}>
            {tab === 'form' && <DraftForm doc={wb.doc} lang={lang} />}
          </div>
          <IssueList
            errors={errors}
            warnings={warnings}
            onGo={(i) => {
              setTab('editor');
              requestAnimationFrame(() => editor.current?.goTo(i.line, i.column));
            }}
          />
        </section>

        <section className="card stack wb-side" aria-labelledby={`${ids}-preview`}>
          <h2 id={`${ids}-preview`}>{t('preview.heading')}</h2>
          <label htmlFor={`${ids}-seed`} className="wb-field wb-narrow">
            <span>{t('preview.seed')}</span>
            <input id={`${ids}-seed`} type="text" value={wb.seed} maxLength={64} aria-describedby={`${ids}-seedhelp`} data-testid="wb-seed" onChange={(e) => setDraftSeed(e.target.value, lang)} />
          </label>
          <p id={`${ids}-seedhelp`} className="muted">
            {t('preview.seedHelp')}
          </p>
          <div className="wb-playtest stack">
            <h3>{t('playTest.heading')}</h3>
            <div className="row">
              <label htmlFor={`${ids}-from`} className="wb-field wb-narrow">
                <span>{t('playTest.from')}</span>
                <input id={`${ids}-from`} type="number" min={1} max={rounds} step={1} value={from} data-testid="wb-from" onChange={(e) => setFrom(e.target.value)} />
              </label>
              <button type="button" className="primary" data-testid="wb-playtest" disabled={!loads} aria-describedby={`${ids}-pthelp`} onClick={() => void playTest()}>
                {t('playTest.go')}
              </button>
            </div>
            <p id={`${ids}-pthelp`} className={loads || checking ? 'muted' : 'start-why'}>
              {loads || checking ? t('playTest.help') : t('playTest.blocked')}
            </p>
          </div>
          {preview ? <DraftPreview preview={preview} lang={lang} stale={!loads} /> : <p className="muted">{t('preview.waiting')}</p>}
        </section>
      </div>

      <LabPanel lang={lang} currency={preview?.currency ?? 'CNY'} canRun={loads} />

      <p>
        <button type="button" data-testid="wb-back" onClick={() => useStore.getState().go('home')}>
          {t('back')}
        </button>
      </p>
    </article>
  );
}
