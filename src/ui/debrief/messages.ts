import type { Bilingual } from '../i18n/types';

const en = {
  title: 'debrief',
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  title: 'debrief 中文',
};

export const debriefMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };
