import type { Bilingual } from '../i18n/types';

const en = {
  title: 'Customer database',
} as const;

export const databaseMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    title: '客户数据库',
  },
};
