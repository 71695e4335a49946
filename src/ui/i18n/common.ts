import type { Bilingual } from './types';

const en = {
  appName: 'CRM Sandbox',
} as const;

export const commonMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    appName: '客户关系经营沙盘',
  },
};
