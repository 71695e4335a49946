import type { Bilingual } from '../i18n/types';

const en = {
  title: 'compare',
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  title: 'compare 中文',
};

export const compareMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };
