import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore, type Screen } from '../../store/index';
import { saveTextFile } from './files';

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
  const exportRun = async () => {
    const r = await useStore.getState().exportRun();
    if (r) saveTextFile(r.text, r.fileName);
  };
  return (
    <header className="app-header">
      <span className="brand">{t('appName')}</span>
      {game && (
        <span className="game-title">
          {pickText(game.scenario.title, lang)} ·{' '}
          {finished ? t('shell.finished') : t('shell.quarterOf', { n: game.view.round + 1, total: game.scenario.rounds })}
          {copy && <> · <em data-testid="copy-mark">{t('shell.copy')}</em></>}
        </span>
      )}
      <span className="spacer" />
      {game && screen !== 'home' && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => (n.screen === 'end' ? finished : n.screen === 'quarter' ? !finished : n.screen === 'timelines' ? branched : n.screen === 'database' || n.screen === 'firm' || played > 0)).map((n) => (
              <li key={n.screen}>
                <button type="button" data-testid={`nav-${n.screen}`} aria-current={screen === n.screen ? 'page' : undefined} onClick={() => (n.screen === 'report' ? useStore.getState().openReport(played) : n.screen === 'firm' ? useStore.getState().openFirm(played) : go(n.screen))}>
                  {t(n.key)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {game && screen !== 'home' && (
        <button type="button" data-testid="export" onClick={() => void exportRun()}>
          {t('shell.export')}
        </button>
      )}
      {game && screen !== 'home' && (
        <button type="button" data-testid="nav-home" onClick={() => go('home')}>
          {t('nav.home')}
        </button>
      )}
      <LangSwitch />
    </header>
  );
}
