/** Entry point of the web app: language, i18n, the store, and the React root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, initialLang } from './ui/i18n/index';
import { App } from './ui/App';
import { savedLang, useStore } from './store/index';
import { startPwaWhenIdle } from './store/pwa';
import './ui/app.css';

const params = new URLSearchParams(location.search);
const lang = initialLang(params.get('lang') ?? savedLang(), navigator.languages ?? [navigator.language]);
useStore.setState({ lang });
initI18n(lang);
void import('./store/references').then((m) => m.startReferences());
// The SCORM package (`npm run build:scorm`) reports to the LMS that launched it; the web app's build leaves it out.
if (import.meta.env.MODE === 'scorm') void import('./lms/connect').then((m) => m.startLms());
// The served web app is a PWA: its service worker is registered once the page is loaded and idle.
if (import.meta.env.MODE === 'production') startPwaWhenIdle();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
