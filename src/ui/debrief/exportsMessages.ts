import type { Bilingual } from '../i18n/types';

const en = {
  title: 'exports',
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  title: 'exports 中文',
};

export const exportsMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };
