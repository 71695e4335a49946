/** Messages of the service-profit chain screen (namespace `common`, key `chain`), in en and zh-CN. */
import type { Bilingual } from '../i18n/types';

const en = {
  chain: {
    title: 'The service-profit chain',
    intro: 'Heskett\'s chain after quarter {{n}}: internal service quality drives employee satisfaction, which keeps staff and makes them productive; they deliver service value, which satisfies customers, who stay loyal, which brings revenue and profit. Follow a change along the arrows.',
    diagram: 'After quarter {{n}}: each link and its change',
    trends: 'Each link over time',
    note: {
      internalServiceQuality: 'training, systems, workload and pay, as an index',
      employeeSatisfaction: 'only through the employee survey',
      employeeRetention: 'staff who stayed this quarter',
      productivity: 'service delivered per staff hour',
      serviceValue: 'mean service quality delivered (points)',
      customerSatisfaction: 'only through the satisfaction survey (1–5)',
      customerLoyalty: 'seen as the share that would stay a year at this quarter\'s retention rate',
      revenue: 'against last quarter; revenue {{v}}',
      revenueFirst: 'revenue {{v}}; growth from quarter 2 on',
      profit: 'operating profit this quarter',
    },
    noEmployeeSurvey: 'No employee survey was run, so employee satisfaction was never measured.',
    noSurvey: 'No satisfaction survey was bought, so customer satisfaction was never measured.',
    noGrowth: 'Revenue growth needs two quarters: it shows from quarter 2 on.',
  },
} as const;

export const chainMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    chain: {
      title: '服务利润链',
      intro: '第 {{n}} 季度后的赫斯克特服务利润链：内部服务质量带来员工满意，员工满意使员工留下并提高生产率；员工创造外部服务价值，使客户满意，客户满意带来客户忠诚，进而带来收入和利润。沿着箭头追踪一个变化。',
      diagram: '第 {{n}} 季度后：各环节及其变化',
      trends: '各环节的变化趋势',
      note: {
        internalServiceQuality: '培训、系统、工作负荷和薪酬构成的指数',
        employeeSatisfaction: '只能通过员工调研得知',
        employeeRetention: '本季度留下的员工比例',
        productivity: '每个员工工时提供的服务',
        serviceValue: '实际提供的平均服务质量（分）',
        customerSatisfaction: '只能通过满意度调研得知（1–5）',
        customerLoyalty: '按本季度客户保持率推算一年后仍留下的比例',
        revenue: '与上季度相比；本季度收入 {{v}}',
        revenueFirst: '本季度收入 {{v}}；从第 2 季度起显示增长',
        profit: '本季度营业利润',
      },
      noEmployeeSurvey: '没有进行员工调研，因此从未测量员工满意度。',
      noSurvey: '没有购买满意度调研，因此从未测量客户满意度。',
      noGrowth: '收入增长需要两个季度的数据：从第 2 季度起显示。',
    },
  },
};
