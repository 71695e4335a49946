/** Messages of the briefing (namespace `common`, key `briefing`), in en and zh-CN. */
import type { Bilingual } from '../i18n/types';

const en = {
  briefing: {
    facts: '{{rounds}} quarters · {{customers}} customers · up to {{tiers}} tiers · seed {{seed}}',
    story: 'Your brief',
    objectives: 'Objectives',
    scoring: 'How the score works',
    scoringIntro: 'Each quarter adds points: every {{money}} counts as one point, weighted by the phase of the game below.',
    phases: 'Score weights by phase',
    phase: 'Phase',
    fromQuarter: 'From quarter',
    wProfit: 'Profit weight',
    wRevenue: 'Revenue weight',
    wAcquired: 'Points per new customer',
    wSatisfaction: 'Points per satisfaction point',
    equity: 'At the end, your customer equity counts with weight {{w}}, and each objective met adds its points.',
    hidden: 'Satisfaction counts at its true value, which you never see during the game: you see only the surveys you pay for, with their margin of error. The truth is revealed at the end.',
    tiers: 'The customer pyramid',
    begin: 'Begin quarter 1',
    back: 'Back to the decisions',
  },
} as const;

export const briefingMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    briefing: {
      facts: '{{rounds}} 个季度 · {{customers}} 个客户 · 最多 {{tiers}} 个等级 · 随机种子 {{seed}}',
      story: '任务简介',
      objectives: '经营目标',
      scoring: '计分方式',
      scoringIntro: '每个季度都会加分：每 {{money}} 计 1 分，并按下表的游戏阶段加权。',
      phases: '各阶段的得分权重',
      phase: '阶段',
      fromQuarter: '起始季度',
      wProfit: '利润权重',
      wRevenue: '收入权重',
      wAcquired: '每个新客户的分数',
      wSatisfaction: '每点满意度的分数',
      equity: '游戏结束时，客户资产（客户权益）按权重 {{w}} 计分；每达成一个目标，另加该目标的分数。',
      hidden: '满意度按真实值计分，但游戏过程中你看不到真实值：只能看到你花钱做的调研结果及其误差范围。真实值在游戏结束时揭晓。',
      tiers: '客户金字塔',
      begin: '开始第 1 季度',
      back: '返回决策',
    },
  },
};
