/**
 * The `common` namespace: the shell's and the game screens' messages, in en and zh-CN
 * (GLOSSARY.md terms). Each screen keeps its own part beside it; this file only joins them.
 */
import { briefingMessages } from '../briefing/messages';
import { chainMessages } from '../chain/messages';
import { endMessages } from '../end/messages';
import { homeMessages } from '../home/messages';
import { kpiMessages } from '../shell/kpiMessages';
import { quarterMessages } from '../quarter/messages';
import { reportMessages } from '../report/messages';
import { shellMessages } from '../shell/messages';
import { booksMessages } from '../shell/booksMessages';
import type { Bilingual } from './types';

const en = {
  ...shellMessages.en,
  ...homeMessages.en,
  ...briefingMessages.en,
  ...quarterMessages.en,
  ...kpiMessages.en,
  ...endMessages.en,
  ...chainMessages.en,
  ...reportMessages.en,
  ...booksMessages.en,
} as const;

export const commonMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    ...shellMessages['zh-CN'],
    ...homeMessages['zh-CN'],
    ...briefingMessages['zh-CN'],
    ...quarterMessages['zh-CN'],
    ...kpiMessages['zh-CN'],
    ...endMessages['zh-CN'],
    ...chainMessages['zh-CN'],
    ...reportMessages['zh-CN'],
    ...booksMessages['zh-CN'],
  },
};
