// Entry point of the web app. For now it only picks the document language;
// the playable screens (and the src/sim engine) are wired in later.
const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
document.documentElement.lang = preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

export {};
