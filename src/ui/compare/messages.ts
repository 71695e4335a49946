import type { Bilingual } from '../i18n/types';
import { registerMessages } from '../i18n/register';

const en = {
  title: 'You and the reference strategies',
  intro: 'The same scenario and seed, played by four reference strategies written as code.',
  /** Display names of the reference strategies (tables, legends). */
  policy: {
    uniform: 'Uniform service',
    'value-based': 'Value-based tiering',
    'cost-cutter': 'Cost cutter',
    discounter: 'Discounter',
  },
  /** The same names inside a sentence. */
  policyInline: {
    uniform: 'uniform service',
    'value-based': 'value-based tiering',
    'cost-cutter': 'cost cutter',
    discounter: 'discounter',
  },
  show: 'Show reference strategies',
  showComputing: 'The reference strategies are being played on your scenario and seed ({{done}} of {{total}} done).',
  showFailed: 'The reference strategies could not be played.',
  computing: 'Playing the reference strategies on your scenario and seed ({{done}} of {{total}} done)…',
  failed: 'The reference strategies could not be played, so there is no ranking.',
  caption: 'Ranking by score (ties share a rank)',
  col: {
    rank: 'Rank',
    strategy: 'Strategy',
    score: 'Score',
    profit: 'Cumulative operating profit',
    equity: 'Final customer equity',
  },
  you: 'You (this game)',
  bankrupt: '{{name}} (bankrupt)',
  ordinal: { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '5': '5th' },
  placed: 'You placed {{rank}} of {{total}}',
  tied: 'You tied for {{rank}} of {{total}}',
  above: 'above {{names}}',
  level: 'level with {{names}}',
  below: 'below {{names}}',
  sentence: '{{place}}: {{details}}.',
  sentenceAlone: '{{place}}.',
  clauseSep: '; ',
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  title: '你与参照策略',
  intro: '同一情景、同一随机种子，由四个以代码编写的参照策略各玩一局。',
  policy: {
    uniform: '统一服务',
    'value-based': '基于价值的分级',
    'cost-cutter': '削减成本',
    discounter: '打折促销',
  },
  policyInline: {
    uniform: '“统一服务”',
    'value-based': '“基于价值的分级”',
    'cost-cutter': '“削减成本”',
    discounter: '“打折促销”',
  },
  show: '显示参照策略',
  showComputing: '正在用你的情景和随机种子运行参照策略（已完成 {{done}}/{{total}}）。',
  showFailed: '参照策略未能运行。',
  computing: '正在用你的情景和随机种子运行参照策略（已完成 {{done}}/{{total}}）……',
  failed: '参照策略未能运行，因此没有排名。',
  caption: '按得分排名（得分相同则名次相同）',
  col: {
    rank: '名次',
    strategy: '策略',
    score: '得分',
    profit: '累计营业利润',
    equity: '期末客户资产',
  },
  you: '你（本局）',
  bankrupt: '{{name}}（破产）',
  ordinal: { '1': '第1名', '2': '第2名', '3': '第3名', '4': '第4名', '5': '第5名' },
  placed: '你在 {{total}} 局中排{{rank}}',
  tied: '你在 {{total}} 局中并列{{rank}}',
  above: '高于{{names}}',
  level: '与{{names}}持平',
  below: '低于{{names}}',
  sentence: '{{place}}：{{details}}。',
  sentenceAlone: '{{place}}。',
  clauseSep: '；',
};

export const compareMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };

// Loads with the screens that use it (src/ui/i18n/register.ts): its users import this module.
registerMessages('compare', compareMessages);
