/**
 * Home: built-in scenarios with description and difficulty, a scenario file (picker, drag
 * and drop, or `?scenario=` URL), seed or class code, saved games to continue, and import
 * of a saved-game file. The only screen in the first bundle.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { GameSource } from '../../worker/protocol';
import { fmtNumber } from '../format';
import { readTextFile } from '../shell/files';
import { CATALOG } from './catalog';
import { SavedGames } from './SavedGames';
import './home.css';

type Choice = { kind: 'builtin'; id: string } | { kind: 'text'; source: GameSource; label: string };

function randomSeed(): string {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return String(100000 + (a[0]! % 900000));
}

export function HomeScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const startGame = useStore((s) => s.startGame);
  const importRun = useStore((s) => s.importRun);
  const busy = useStore((s) => s.busy !== null);
  const params = useRef(new URLSearchParams(location.search));
  const [choice, setChoice] = useState<Choice>({ kind: 'builtin', id: CATALOG[0]!.id });
  const [seed, setSeed] = useState(() => params.current.get('seed') ?? randomSeed());
  const [over, setOver] = useState(false);

  // Interactive from the commit on: the controls and their handlers are in the page.
  useLayoutEffect(() => {
    document.documentElement.dataset.ready = 'home';
    performance.mark('home-interactive');
  }, []);
  useEffect(() => {
    void useStore.getState().refreshSaves();
  }, []);

  // ?scenario=<url>: fetch the file and select it (errors show when the game starts, or now if unreachable).
  useEffect(() => {
    const url = params.current.get('scenario');
    if (!url) return;
    const builtin = /^builtin:([a-z0-9-]+)$/.exec(url);
    if (builtin) {
      setChoice({ kind: 'builtin', id: builtin[1]! });
      return;
    }
    let live = true;
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => {
        if (live) setChoice({ kind: 'text', source: { kind: 'url', url, text }, label: url });
      })
      .catch(() => {
        if (live) useStore.setState({ notice: { kind: 'fileUnreadable', fileName: url } });
      });
    return () => {
      live = false;
    };
  }, []);

  /** The text of a picked or dropped file; an unreadable one becomes a notice. */
  const readPicked = async (file: File | undefined): Promise<{ file: File; text: string } | null> => {
    if (!file) return null;
    const text = await readTextFile(file);
    if (text === null) {
      useStore.setState({ notice: { kind: 'fileUnreadable', fileName: file.name } });
      return null;
    }
    return { file, text };
  };
  const pickFile = async (f: File | undefined) => {
    const picked = await readPicked(f);
    if (picked) setChoice({ kind: 'text', source: { kind: 'file', name: picked.file.name, text: picked.text }, label: picked.file.name });
  };
  const pickRun = async (f: File | undefined) => {
    const picked = await readPicked(f);
    if (picked) await importRun(picked.text, picked.file.name);
  };
  const start = () => {
    const source: GameSource = choice.kind === 'builtin' ? { kind: 'builtin', id: choice.id } : choice.source;
    void startGame(source, seed.trim());
  };
  const seedOk = seed.trim().length > 0 && seed.trim().length <= 200;

  return (
    <div className="home">
      <section className="home-hero">
        <h1 tabIndex={-1}>{t('appName')}</h1>
        <p className="muted">{t('home.tagline')}</p>
      </section>

      <SavedGames />

      <section className="card stack" aria-labelledby="new-game">
        <h2 id="new-game">{t('home.newGame')}</h2>
        <ul className="scenario-list" aria-label={t('home.builtins')}>
          {CATALOG.map((c) => {
            const selected = choice.kind === 'builtin' && choice.id === c.id;
            return (
              <li key={c.id}>
                <button type="button" className="scenario-card" aria-pressed={selected} data-testid={`scenario-${c.id}`} onClick={() => setChoice({ kind: 'builtin', id: c.id })}>
                  {selected && <span className="selected-mark">✓ {t('home.selected')}</span>}
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

        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void pickFile(e.dataTransfer.files[0]);
          }}
        >
          <label htmlFor="scenario-file">{t('home.scenarioFile')}</label>{' '}
          <input id="scenario-file" type="file" accept=".json,application/json" data-testid="scenario-file" onChange={(e) => void pickFile(e.target.files?.[0])} />
          <p className="muted">{t('home.dropHint')}</p>
          {choice.kind === 'text' && (
            <p data-testid="chosen-file">
              ✓ {t('home.chosenFile', { file: choice.label })}
            </p>
          )}
        </div>

        <div className="start-row">
          <label htmlFor="seed">
            {t('home.seed')}
            <input id="seed" type="text" value={seed} maxLength={200} aria-describedby="seed-help" onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="button" onClick={() => setSeed(randomSeed())}>
            {t('home.randomSeed')}
          </button>
          <button type="button" className="primary big" data-testid="start" disabled={!seedOk || busy} onClick={start}>
            {t('home.start')}
          </button>
        </div>
        <p id="seed-help" className="muted">
          {t('home.seedHelp')}
        </p>
      </section>

      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title">{t('home.importTitle')}</h2>
        <p className="muted">{t('home.importHelp')}</p>
        <label htmlFor="import-file">{t('home.importFile')}</label>{' '}
        <input id="import-file" type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void pickRun(e.target.files?.[0])} />
      </section>
    </div>
  );
}
