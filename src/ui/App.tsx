/**
 * The page: header with navigation and language, notices, the busy overlay, and the current
 * screen. Screens other than home are lazy chunks, so the first screen loads only React,
 * the store and i18n. The root element carries `data-screen`, `data-round`, `data-busy`
 * and `lang` for assistive tech, print CSS and the browser tests.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore, type Screen as ScreenName } from '../store/index';
import { Header } from './shell/Header';
import { BusyOverlay } from './shell/BusyOverlay';
import { NoticeBar } from './shell/NoticeBar';
import { ImportDialog } from './shell/ImportDialog';
import { Announcer } from './shell/Announcer';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { HomeScreen } from './home/HomeScreen';
import { UpdatePrompt } from './shell/UpdatePrompt';
import { warmFormats } from './format';
import './shell/shell.css';

const loadBriefing = () => import('./briefing/BriefingScreen');
const loadQuarter = () => import('./quarter/QuarterScreen');
const loadReport = () => import('./report/ReportScreen');
const BriefingScreen = lazy(loadBriefing);
const QuarterScreen = lazy(loadQuarter);
const ReportScreen = lazy(loadReport);

/**
 * Once the first screen is up, fetch the screens a game goes through next, so starting a
 * game and the first "advance" do not wait for a chunk (the first paint does not wait either),
 * and make the number formatters they use (the first starts the browser's ICU).
 */
function prefetchScreens(): void {
  const go = () => {
    useStore.getState().warmUp(); // start the worker (and let it load the engine) before it is needed
    warmFormats(useStore.getState().lang);
    void Promise.all([loadBriefing(), loadQuarter(), loadReport()]).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 500);
}
const DatabaseScreen = lazy(() => import('./database/DatabaseScreen'));
const FirmScreen = lazy(() => import('./firm/FirmScreen'));
const ChainScreen = lazy(() => import('./chain/ChainScreen'));
const EndScreen = lazy(() => import('./end/EndScreen'));
const TimelinesScreen = lazy(() => import('./timelines/TimelinesScreen'));
const MarketSetupScreen = lazy(() => import('./market/MarketSetupScreen'));
const MarketConsole = lazy(() => import('./market/MarketConsole'));
const ClassResultsScreen = lazy(() => import('./classes/ClassResultsScreen'));
const WorkbenchScreen = lazy(() => import('./workbench/WorkbenchScreen'));
// The SCORM package's bar (`vite build --mode scorm`); the web app's build leaves it out.
const LmsBar = import.meta.env.MODE === 'scorm' ? lazy(() => import('./lms/LmsBar')) : null;


function Screen() {
  const screen = useStore((s) => s.screen);
  const hasGame = useStore((s) => s.game !== null);
  const hasMarket = useStore((s) => s.market !== null);
  if (screen === 'marketSetup') return <MarketSetupScreen />;
  if (screen === 'classResults') return <ClassResultsScreen />;
  if (screen === 'workbench') return <WorkbenchScreen />;
  if (screen === 'market' && hasMarket) return <MarketConsole />;
  if (!hasGame || screen === 'home' || screen === 'market') return <HomeScreen />;
  switch (screen) {
    case 'briefing':
      return <BriefingScreen />;
    case 'quarter':
      return <QuarterScreen />;
    case 'report':
      return <ReportScreen />;
    case 'firm':
      return <FirmScreen />;
    case 'database':
      return <DatabaseScreen />;
    case 'chain':
      return <ChainScreen />;
    case 'timelines':
      return <TimelinesScreen />;
    case 'end':
      return <EndScreen />;
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/**
 * Marks the screen on the root element once it is on the page: a sibling inside the same
 * Suspense boundary commits only together with the (lazy) screen.
 */
function ScreenMark({ screen }: { screen: ScreenName }) {
  const first = useRef(true);
  useEffect(() => {
    document.documentElement.dataset.screen = screen;
    // A new screen: focus its heading so keyboard and screen-reader users start at the top
    // (not on the first load: the browser starts at the top anyway).
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
    window.scrollTo(0, 0);
  }, [screen]);
  return null;
}

export function App() {
  const { t, i18n } = useTranslation();
  const lang = useStore((s) => s.lang);
  const screen = useStore((s) => s.screen);
  const hasGame = useStore((s) => s.game !== null);
  const round = useStore((s) => s.game?.summaries.length ?? 0);
  const busy = useStore((s) => s.busy !== null);
  const hasMarket = useStore((s) => s.market !== null);
  const shownScreen: ScreenName = screen === 'marketSetup' || screen === 'classResults' || screen === 'workbench' || (screen === 'market' && hasMarket) ? screen : hasGame ? screen : 'home';

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = t('appTitle');
  }, [lang, i18n, t]);
  useEffect(prefetchScreens, []);
  useEffect(() => {
    const el = document.documentElement;
    el.dataset.round = String(round);
    el.dataset.busy = String(busy);
  }, [round, busy]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <Header />
      <main id="main" className="app-main">
        {LmsBar && (
          <Suspense fallback={null}>
            <LmsBar />
          </Suspense>
        )}
        {import.meta.env.MODE === 'production' && <UpdatePrompt />}
        <NoticeBar />
        <ErrorBoundary resetKey={screen}>
          <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
            <Screen />
            <ScreenMark screen={shownScreen} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <Announcer />
      <BusyOverlay />
      <ImportDialog />
    </>
  );
}
