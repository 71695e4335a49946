import type { Bilingual } from '../i18n/types';

const en = {
  title: 'lessons',
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  title: 'lessons 中文',
};

export const lessonsMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };
