/**
 * Messages of the books (namespace `common`, key `books`): the table from the tiers' profit
 * after cost to serve to operating profit, on the report and the debrief; and of the survey's
 * answer scale beside satisfaction in points (key `scale`). Terms as in GLOSSARY.md.
 */
import type { Bilingual } from '../i18n/types';

const en = {
  books: {
    title: 'From the tiers\u2019 profit to operating profit',
    titleGame: 'From the customers\u2019 profit to operating profit, over the game',
    intro: 'A tier\u2019s profit is what its customers bought minus the cost of goods and the cost to serve them: their service hours at the wage, their relationship programme, the retention offers and the recovery money they received. Operating profit, from the books, also pays for what is in no customer\u2019s cost to serve.',
    introGame: 'The whale curve adds up each customer\u2019s profit after cost to serve over the game. Operating profit, from the books, also pays for what is in no customer\u2019s cost to serve, quarter after quarter.',
    item: 'Item',
    amount: 'Amount',
    tier: 'Profit after cost to serve: {{tier}}',
    customers: 'Profit after cost to serve, all tiers',
    customersOne: 'Profit after cost to serve, all customers',
    customersGame: 'Customers\u2019 profit after cost to serve over the game (the whale curve\u2019s total)',
    line: {
      idleWages: 'Wages of staff time outside customers\u2019 service hours (spare capacity, onboarding, handling failures)',
      idleWagesOver: 'Service hours in customers\u2019 cost to serve beyond the wages paid (staff overloaded)',
      lapsedRelationship: 'Relationship programmes of customers who lapsed before buying',
      lapsedRetention: 'Retention offers to customers who lapsed anyway',
      lapsedRecovery: 'Service recovery for customers who lapsed',
      secondary: 'Profit on rival firms\u2019 customers\u2019 purchases after cost of goods and staff time (this firm as their secondary supplier)',
      hiring: 'Hiring',
      severance: 'Severance',
      training: 'Training',
      systems: 'CRM systems',
      brand: 'Brand',
      acquisition: 'Acquisition',
      winBack: 'Win-back',
      research: 'Research',
      fixedCosts: 'Fixed costs',
      interest: 'Interest',
      events: 'Events',
    },
    operatingProfit: 'Operating profit',
    operatingProfitGame: 'Operating profit over the game',
    rounding: 'Whole amounts (no cents); each figure is rounded up or down so that the column adds up.',
  },
  scale: {
    bands: 'The survey asks for a rating from 1 to 5; by the game\u2019s answer model a customer answers 5 from a true satisfaction of {{cut5}} points of 100, 4 from {{cut4}}, 3 from {{cut3}} and 2 from {{cut2}}, each answer with response noise of about {{noise}} points (a standard deviation).',
    objective: 'Satisfaction objectives are in points of 100 (the true value, revealed at the end): {{list}}.',
    objectiveItem: '{{target}} points for {{who}}, where a customer answers {{answer}}',
    sep: '; ',
    firm: 'the whole firm',
    noMean: 'A mean rating is not a satisfaction in points: customers on either side of a cut point answer differently, so the mean rating does not convert to points one to one.',
  },
} as const;

export const booksMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    books: {
      title: '从各等级的利润到营业利润',
      titleGame: '整个游戏：从客户利润到营业利润',
      intro: '一个等级的利润是其客户的购买额减去销售成本和服务成本：按工资计的服务工时、关系营销计划、所得的客户挽留优惠和服务补救费用。营业利润按账目计算，还要支付不属于任何客户服务成本的支出。',
      introGame: '鲸鱼曲线把每位客户在整个游戏中扣除服务成本后的利润加总。营业利润按账目计算，每个季度还要支付不属于任何客户服务成本的支出。',
      item: '项目',
      amount: '金额',
      tier: '扣除服务成本后的利润：{{tier}}',
      customers: '扣除服务成本后的利润：所有等级合计',
      customersOne: '扣除服务成本后的利润：全部客户',
      customersGame: '整个游戏中客户扣除服务成本后的利润（鲸鱼曲线的总额）',
      line: {
        idleWages: '未用于客户服务工时的员工工资（空闲产能、接待新客户、处理服务失误）',
        idleWagesOver: '计入客户服务成本、但超出所付工资的服务工时（员工超负荷）',
        lapsedRelationship: '购买前即流失的客户的关系营销计划支出',
        lapsedRetention: '仍然流失的客户所得的客户挽留优惠',
        secondary: '竞争对手的客户向本公司购买的利润，扣除销售成本与员工工时（本公司作为其次要供应商）',
        lapsedRecovery: '流失客户的服务补救费用',
        hiring: '招聘',
        severance: '遣散费',
        training: '培训',
        systems: 'CRM 系统',
        brand: '品牌',
        acquisition: '获客',
        winBack: '客户赢回',
        research: '调研',
        fixedCosts: '固定成本',
        interest: '利息',
        events: '事件',
      },
      operatingProfit: '营业利润',
      operatingProfitGame: '整个游戏的累计营业利润',
      rounding: '金额取整数（不计角分）；每项向上或向下取整，使各列合计相符。',
    },
    scale: {
      bands: '调研请客户按 1 到 5 打分；按游戏的回答模型，真实满意度（满分 100）达到 {{cut5}} 分的客户回答 5，达到 {{cut4}} 分回答 4，{{cut3}} 分回答 3，{{cut2}} 分回答 2，每个回答带有约 {{noise}} 分（标准差）的回答误差。',
      objective: '满意度目标按百分制计（真实值，游戏结束时揭晓）：{{list}}。',
      objectiveItem: '{{who}} {{target}} 分，处于这一满意度的客户回答 {{answer}}',
      sep: '；',
      firm: '全公司',
      noMean: '平均评分不是百分制的满意度：处在分界点两侧的客户回答不同，所以平均评分不能一一换算成分数。',
    },
  },
};
