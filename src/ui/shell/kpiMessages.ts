/** Names, units and help of the KPIs (namespace `common`, key `kpi`; GLOSSARY.md terms), in en and zh-CN. */
import type { Bilingual } from '../i18n/types';

const en = {
  kpi: {
    none: 'No quarter has been played yet: the figures appear after the first quarter.',
    cards: 'Key figures',
    better: '(better)',
    worse: '(worse)',
    notMeasured: 'not measured this quarter',
    sinceLast: 'since last quarter',
    first: 'first quarter',
    dir: { up: 'up', down: 'down', flat: 'unchanged' },
    name: {
      operatingProfit: 'Operating profit',
      revenue: 'Revenue',
      customers: 'Customers',
      retention: 'Customer retention rate',
      measuredSatisfaction: 'Customer satisfaction (survey, 1–5)',
      measuredNps: 'Net Promoter Score (survey)',
      customerEquity: 'Customer equity',
      acquired: 'New customers',
      churned: 'Lapsed customers',
      failures: 'Service failures',
      complaints: 'Complaints',
      headcount: 'Employees',
      turnover: 'Staff turnover',
      workload: 'Workload',
      measuredEmployeeSatisfaction: 'Employee satisfaction (survey)',
      cash: 'Cash',
      score: 'Score',
    },
  },
} as const;

export const kpiMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    kpi: {
      none: '还没有进行任何季度：第一个季度结束后显示各项数据。',
      cards: '关键指标',
      better: '（变好）',
      worse: '（变差）',
      notMeasured: '本季度未测量',
      sinceLast: '较上季度',
      first: '第一个季度',
      dir: { up: '上升', down: '下降', flat: '持平' },
      name: {
        operatingProfit: '营业利润',
        revenue: '收入',
        customers: '客户数',
        retention: '客户保持率',
        measuredSatisfaction: '客户满意度（调研，1–5）',
        measuredNps: '净推荐值（调研）',
        customerEquity: '客户资产',
        acquired: '新客户',
        churned: '流失客户',
        failures: '服务失误',
        complaints: '投诉',
        headcount: '员工数',
        turnover: '员工流失率',
        workload: '工作负荷',
        measuredEmployeeSatisfaction: '员工满意度（调研）',
        cash: '现金',
        score: '得分',
      },
    },
  },
};
