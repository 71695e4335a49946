import type { Bilingual } from '../i18n/types';

const en = {
  dataTable: 'Data table',
} as const;

export const chartsMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    dataTable: '数据表',
  },
};
