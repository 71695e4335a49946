/**
 * Home: built-in scenarios with description and difficulty, a scenario file (picker, drag
 * and drop, or `?scenario=` URL), seed or class code, saved games to continue, and import
 * of a saved-game file. The only screen in the first bundle.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeClassCode } from '../../scenario/classCodeShape';
import { fileText } from '../../scenario/decode';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { randomSeed } from '../../store/seed';
import type { GameSource } from '../../worker/protocol';
import { fmtNumber } from '../format';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { downloadCapped, MAX_FILE_BYTES, readFileBytes, readTextFile, type LinkFailure } from '../shell/files';
import { CATALOG } from './catalog';
import { CheckIcon } from '../shell/icons';
import { DropZone } from './DropZone';
import { FilePicker } from './FilePicker';
import { SavedGames } from './SavedGames';
import { MarketCard } from './MarketCard';
import './home.css';

/**
 * The scenario Start plays: a built-in, a file's or link's text, the link's download still
 * under way, or nothing (the link failed: the learner picks one).
 */
type Choice =
  | { kind: 'builtin'; id: string }
  | { kind: 'text'; source: GameSource; label: string }
  | { kind: 'loading'; url: string }
  | { kind: 'none' };

/** Why the link's scenario is not selected. */
type LinkError = { url: string; failure: Exclude<LinkFailure, { kind: 'aborted' }> | { kind: 'builtin'; id: string } | { kind: 'decode'; message: string } };

/** Why Start cannot start now (null: it can); the same reason disables the button and is shown beside it. */
function startBlocker(choice: Choice, seed: string, classCode: string): 'loading' | 'choose' | 'seed' | 'classCode' | null {
  if (choice.kind === 'loading') return 'loading';
  if (choice.kind === 'none') return 'choose';
  // A class code, when one is typed, is the seed.
  if (classCode.trim() !== '') return normalizeClassCode(classCode) === null ? 'classCode' : null;
  const s = seed.trim();
  return s.length === 0 || s.length > 200 ? 'seed' : null;
}

/** The instructor's way in to the class results. */
function GradeCard() {
  const { t } = useTranslation('classes');
  return (
    <section className="card stack" aria-labelledby="grade-title">
      <h2 id="grade-title">{t('home.title')}</h2>
      <p className="muted">{t('home.intro')}</p>
      <p>
        <button type="button" data-testid="open-class-results" onClick={() => useStore.getState().go('classResults')}>
          {t('home.open')}
        </button>{' '}
        <button type="button" data-testid="open-workbench" onClick={() => useStore.getState().go('workbench')}>
          {t('home.openWorkbench')}
        </button>
      </p>
    </section>
  );
}

/**
 * The choice home starts from: without a `?scenario=` value the built-in picked last (or played
 * last), else the first; a built-in by `builtin:<id>`; else the link's download.
 */
function initialChoice(link: string | null, last: string | null): { choice: Choice; error: LinkError | null } {
  if (!link) return { choice: { kind: 'builtin', id: CATALOG.find((c) => c.id === last)?.id ?? CATALOG[0]!.id }, error: null };
  const builtin = /^builtin:(.*)$/.exec(link);
  if (!builtin) return { choice: { kind: 'loading', url: link }, error: null };
  const id = builtin[1]!;
  if (CATALOG.some((c) => c.id === id)) return { choice: { kind: 'builtin', id }, error: null };
  return { choice: { kind: 'none' }, error: { url: link, failure: { kind: 'builtin', id } } };
}

function LinkProblem({ e }: { e: LinkError }) {
  const { t } = useTranslation();
  const f = e.failure;
  const why =
    f.kind === 'http' ? t('home.link.http', { status: f.status, statusText: f.statusText })
    : f.kind === 'tooLarge' ? t('home.link.tooLarge', { max: fmtNumber(MAX_FILE_BYTES / (1024 * 1024), useStore.getState().lang) })
    : f.kind === 'network' ? t('home.link.network')
    : f.kind === 'builtin' ? t('home.link.builtin', { id: f.id })
    : f.message;
  return (
    <p className="notice error link-problem" role="alert" data-testid="link-error">
      {t('home.link.failed', { url: e.url, why })}
    </p>
  );
}

/** The saved games, or, after the home screen crashed on them, a note and a way to show them again. */
function SavedSection() {
  const { t } = useTranslation();
  const safe = useStore((s) => s.safeHome);
  if (safe) {
    return (
      <section className="card notice" data-testid="saves-hidden">
        <p>{t('home.damaged.safe')}</p>
        <button type="button" onClick={() => useStore.getState().setSafeHome(false)}>
          {t('home.damaged.showAgain')}
        </button>
      </section>
    );
  }
  return (
    <ErrorBoundary resetKey="saves" fallback={(message, retry) => <SavesFailed message={message} retry={retry} />}>
      <SavedGames />
    </ErrorBoundary>
  );
}

function SavesFailed({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card notice error" role="alert" data-testid="saves-failed">
      <p>{t('home.damaged.listFailed', { message })}</p>
      <button type="button" onClick={retry}>
        {t('home.damaged.retry')}
      </button>
    </section>
  );
}

export function HomeScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const startGame = useStore((s) => s.startGame);
  const importRun = useStore((s) => s.importRun);
  const notify = useStore((s) => s.notify);
  const busy = useStore((s) => s.busy !== null);
  const params = useRef(new URLSearchParams(location.search));
  const initial = useRef(initialChoice(params.current.get('scenario'), useStore.getState().homeScenario));
  const [choice, setChoice] = useState<Choice>(initial.current.choice);
  const [linkError, setLinkError] = useState<LinkError | null>(initial.current.error);
  const [seed, setSeed] = useState(() => params.current.get('seed') ?? randomSeed());
  const [classCode, setClassCode] = useState(() => params.current.get('class') ?? '');
  const [player, setPlayer] = useState('');
  const inClass = classCode.trim() !== '';
  const download = useRef<AbortController | null>(null);

  // Interactive from the commit on: the controls and their handlers are in the page.
  useLayoutEffect(() => {
    document.documentElement.dataset.ready = 'home';
    performance.mark('home-interactive');
  }, []);
  useEffect(() => {
    void useStore.getState().refreshSaves();
    return useStore.getState().watchOtherTabs();
  }, []);

  // ?scenario=<url>: download it (capped at the file picker's limit while it streams) and select it; Start waits.
  useEffect(() => {
    if (initial.current.choice.kind !== 'loading') return;
    const url = initial.current.choice.url;
    const ctrl = new AbortController();
    download.current = ctrl;
    void downloadCapped(url, ctrl.signal).then((r) => {
      if (ctrl.signal.aborted) return;
      download.current = null;
      if (!r.ok) {
        if (r.failure.kind === 'aborted') return;
        setChoice({ kind: 'none' });
        setLinkError({ url, failure: r.failure });
        return;
      }
      const text = fileText(r.bytes, url, useStore.getState().lang);
      if (!text.ok) {
        setChoice({ kind: 'none' });
        setLinkError({ url, failure: { kind: 'decode', message: text.errors.map((e) => e.message).join(' ') } });
        return;
      }
      setChoice({ kind: 'text', source: { kind: 'url', url, text: text.text }, label: url });
    });
    return () => ctrl.abort();
  }, []);

  /** The learner's own pick wins over a link still downloading. */
  const choose = (c: Choice) => {
    download.current?.abort();
    download.current = null;
    setLinkError(null);
    setChoice(c);
    if (c.kind === 'builtin') useStore.getState().pickScenario(c.id);
  };

  const pickFile = async (f: File | undefined) => {
    if (!f) return;
    const r = await readTextFile(f, lang);
    if (r.ok) choose({ kind: 'text', source: { kind: 'file', name: f.name, text: r.text }, label: f.name });
    else if ('errors' in r) notify({ kind: 'fileRejected', fileName: f.name, errors: r.errors });
    else notify({ kind: 'fileUnreadable', fileName: f.name });
  };
  const pickRun = async (f: File | undefined) => {
    if (!f) return;
    const r = await readFileBytes(f, lang);
    if (r.ok) await importRun(r.bytes, f.name);
    else if ('errors' in r) notify({ kind: 'fileRejected', fileName: f.name, errors: r.errors });
    else notify({ kind: 'fileUnreadable', fileName: f.name });
  };
  const blocker = startBlocker(choice, seed, classCode);
  const start = () => {
    if (blocker !== null || choice.kind === 'loading' || choice.kind === 'none') return;
    const source: GameSource = choice.kind === 'builtin' ? { kind: 'builtin', id: choice.id } : choice.source;
    const code = normalizeClassCode(classCode);
    if (code !== null) void startGame(source, code, { code, player: player.trim() === '' ? null : player.trim().slice(0, 200) });
    else void startGame(source, seed.trim());
  };

  return (
    <div className="home">
      <section className="home-hero">
        <h1 tabIndex={-1}>{t('appName')}</h1>
        <p className="muted">{t('home.tagline')}</p>
      </section>

      <SavedSection />

      <section className="card stack" aria-labelledby="new-game">
        <h2 id="new-game">{t('home.newGame')}</h2>
        {linkError && <LinkProblem e={linkError} />}
        <ul className="scenario-list" aria-label={t('home.builtins')}>
          {CATALOG.map((c) => {
            const selected = choice.kind === 'builtin' && choice.id === c.id;
            return (
              <li key={c.id}>
                <button type="button" className="scenario-card" aria-pressed={selected} data-testid={`scenario-${c.id}`} onClick={() => choose({ kind: 'builtin', id: c.id })}>
                  {selected && (
                    <span className="selected-mark">
                      <CheckIcon /> {t('home.selected')}
                    </span>
                  )}
                  <span className="title">{pickText(c.title, lang)}</span>
                  <span className="muted">{pickText(c.description, lang)}</span>
                  <span className="facts">
                    <span className="badge">
                      <span aria-hidden="true">{'★'.repeat(c.difficulty)}{'☆'.repeat(5 - c.difficulty)} </span>
                      {t('home.difficulty', { n: c.difficulty })}
                    </span>
                    <span className="badge">{t('home.rounds', { n: c.rounds })}</span>
                    <span className="badge">{t('home.customers', { n: fmtNumber(c.customers, lang) })}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>

        <DropZone onDrop={(fs) => void pickFile(fs[0])}>
          <FilePicker
            id="scenario-file"
            testId="scenario-file"
            prompt={t('home.scenarioFile')}
            chosen={choice.kind === 'text' ? t('home.chosenFile', { file: choice.label }) : null}
            chosenTestId="chosen-file"
            onPick={(f) => void pickFile(f)}
          />
          <p className="muted">{t('home.dropHint')}</p>
          {choice.kind === 'loading' && (
            <p role="status" data-testid="link-loading">
              {t('home.link.loading', { url: choice.url })}
            </p>
          )}
        </DropZone>

        <div className="start-row">
          <label htmlFor="class-code">
            {t('home.classCode')}
            <input id="class-code" type="text" value={classCode} maxLength={40} autoCapitalize="characters" spellCheck={false} aria-describedby="class-help" data-testid="class-code" onChange={(e) => setClassCode(e.target.value)} />
          </label>
          {inClass && (
            <label htmlFor="player">
              {t('home.player')}
              <input id="player" type="text" value={player} maxLength={200} autoComplete="name" data-testid="player" onChange={(e) => setPlayer(e.target.value)} />
            </label>
          )}
        </div>
        <p id="class-help" className="muted">
          {t('home.classHelp')}
        </p>
        <div className="start-row">
          <label htmlFor="seed">
            {t('home.seed')}
            <input id="seed" type="text" value={inClass ? (normalizeClassCode(classCode) ?? classCode) : seed} maxLength={200} disabled={inClass} aria-describedby="seed-help" onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="button" disabled={inClass} onClick={() => setSeed(randomSeed())}>
            {t('home.randomSeed')}
          </button>
          <button
            type="button"
            className="primary big"
            data-testid="start"
            disabled={blocker !== null || busy}
            aria-describedby={blocker !== null ? 'start-why' : undefined}
            onClick={start}
          >
            {t('home.start')}
          </button>
        </div>
        {blocker !== null && (
          <p id="start-why" className="start-why" data-testid="start-why">
            {blocker === 'loading' && choice.kind === 'loading'
              ? t('home.blocked.loading', { url: choice.url })
              : blocker === 'choose'
                ? t('home.blocked.choose')
                : blocker === 'classCode'
                  ? t('home.blocked.classCode')
                  : t('home.blocked.seed')}
          </p>
        )}
        <p id="seed-help" className="muted">
          {inClass ? t('home.classSeed') : t('home.seedHelp')}
        </p>
      </section>

      <MarketCard />

      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title">{t('home.importTitle')}</h2>
        <p className="muted">{t('home.importHelp')}</p>
        <p>
          <FilePicker id="import-file" testId="import-file" prompt={t('home.importFile')} chosen={null} onPick={(f) => void pickRun(f)} />
        </p>
      </section>

      <GradeCard />
    </div>
  );
}
