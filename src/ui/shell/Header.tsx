import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore, type Screen } from '../../store/index';
import { saveTextFile } from './files';
import { DownloadIcon, HomeIcon } from './icons';

const NAV: { screen: Screen; key: 'nav.quarter' | 'nav.report' | 'nav.firm' | 'nav.database' | 'nav.chain' | 'nav.timelines' | 'nav.end' }[] = [
  { screen: 'quarter', key: 'nav.quarter' },
  { screen: 'report', key: 'nav.report' },
  { screen: 'firm', key: 'nav.firm' },
  { screen: 'database', key: 'nav.database' },
  { screen: 'chain', key: 'nav.chain' },
  { screen: 'timelines', key: 'nav.timelines' },
  { screen: 'end', key: 'nav.end' },
];

/** The language switch: a button naming the other language in that language. */
export function LangSwitch() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" data-testid="lang-switch" lang={other} aria-label={t('shell.switchTo', { lng: other })} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}

export function Header() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game);
  const screen = useStore((s) => s.screen);
  const go = useStore((s) => s.go);
  const played = game?.summaries.length ?? 0;
  const finished = game !== null && game.view.status !== 'running';
  const branched = useStore((s) => s.timeline !== null);
  const copy = useStore((s) => s.copyOf !== null);
  const inGame = game !== null && screen !== 'home';
  // A team of a market at the screen: its firm's screens, and the way back to the console (no solo run file, no "what if").
  const team = useStore((s) => (s.market && s.market.seat !== null ? s.market.snapshot.seats[s.market.seat]!.name : null));
  const ownDevice = useStore((s) => s.market?.role === 'team');
  const navRef = useRef<HTMLElement>(null);
  // On a phone the navigation is a strip that scrolls sideways: keep the current screen in it in view.
  useEffect(() => {
    const show = () => {
      const strip = navRef.current;
      const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
      if (!current || !strip || strip.scrollWidth <= strip.clientWidth) return;
      const at = current.getBoundingClientRect();
      const box = strip.getBoundingClientRect();
      strip.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
    };
    show();
    window.addEventListener('resize', show);
    return () => window.removeEventListener('resize', show);
  }, [screen, inGame]);
  const exportRun = async () => {
    const r = await useStore.getState().exportRun();
    if (r) saveTextFile(r.text, r.fileName);
  };
  return (
    <header className={`app-header${inGame ? ' in-game' : ''}`}>
      <div className="header-id">
        <span className="brand">{t('appName')}</span>
        {game && (
          <span className="game-title">
            {pickText(game.scenario.title, lang)} ·{' '}
            {team !== null && <strong data-testid="team-banner">{t('team.banner', { ns: 'market', name: team })} · </strong>}
            {finished ? t('shell.finished') : t('shell.quarterOf', { n: game.view.round + 1, total: game.scenario.rounds })}
            {copy && <> · <em data-testid="copy-mark">{t('shell.copy')}</em></>}
          </span>
        )}
      </div>
      {inGame && (
        <nav aria-label={t('nav.label')} ref={navRef}>
          <ul>
            {NAV.filter((n) => (team !== null && (n.screen === 'end' || n.screen === 'timelines') ? false : n.screen === 'end' ? finished : n.screen === 'quarter' ? !finished : n.screen === 'timelines' ? branched : n.screen === 'database' || n.screen === 'firm' || played > 0)).map((n) => (
              <li key={n.screen}>
                <button type="button" data-testid={`nav-${n.screen}`} aria-current={screen === n.screen ? 'page' : undefined} onClick={() => (n.screen === 'report' ? useStore.getState().openReport(played) : n.screen === 'firm' ? useStore.getState().openFirm(played) : go(n.screen))}>
                  {t(n.key)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="header-tools">
        {inGame && team !== null && (
          <button type="button" className="primary" data-testid="to-console" onClick={() => useStore.getState().toConsole()}>
            {ownDevice ? t('team.toDevice', { ns: 'market' }) : t('team.back', { ns: 'market' })}
          </button>
        )}
        {inGame && team === null && (
          <button type="button" data-testid="export" className="icon-button" aria-label={t('shell.export')} title={t('shell.export')} onClick={() => void exportRun()}>
            <DownloadIcon />
            <span className="icon-label">{t('shell.exportShort')}</span>
          </button>
        )}
        {inGame && team === null && (
          <button type="button" data-testid="nav-home" className="icon-button" onClick={() => go('home')}>
            <HomeIcon />
            <span className="icon-label">{t('nav.home')}</span>
          </button>
        )}
        <LangSwitch />
      </div>
    </header>
  );
}
