/**
 * Messages of the CSV export (namespace `exports`), in en and zh-CN. The column headers
 * compose these patterns with the UI's own terms (`common:kpi.name.*`, `common:quarter.*`,
 * `LEVER_NAMES`), so a spreadsheet uses the words of the screens and of GLOSSARY.md.
 */
import type { Bilingual } from '../i18n/types';
import { registerMessages } from '../i18n/register';

const en = {
  button: 'Export CSV (Excel)',
  buttonHint: 'Every quarter\'s figures and decisions in one table (UTF-8, opens in Excel).',
  col: {
    scenarioId: 'Scenario id',
    scenario: 'Scenario',
    seed: 'Seed',
    quarter: 'Quarter',
    roundScore: 'Score this quarter',
    totalScore: 'Total score',
    hash: 'State hash',
    /** A measured KPI's margin of error. */
    moe: '{{kpi}}: margin of error',
    /** A KPI or a lever of one tier, or a part of a lever. */
    sub: '{{name}}: {{sub}}',
    /** A decision column: its lever (LEVER_NAMES) and what it sets. */
    decision: 'Decision ({{lever}}): {{name}}',
    clv: 'Customer lifetime value (CLV, mean)',
    oneVote: 'One-vote rule: yearly revenue above',
    choices: 'Choice cards (card: option)',
    trueNps: 'True Net Promoter Score',
    trueEmployeeSatisfaction: 'True employee satisfaction (points)',
    /** The competitor benchmark's columns: one rival and one figure. */
    benchmark: 'Competitor benchmark: {{firm}}: {{what}}',
    benchmarkPrice: 'price index',
    benchmarkService: 'service hours per customer',
    benchmarkCustomers: 'customers',
    benchmarkSatisfaction: 'customer satisfaction (survey, 1-5)',
    benchmarkMoe: 'margin of error of the satisfaction',
  },
  value: { yes: 'yes', no: 'no' },
};

const zh: Bilingual<typeof en>['zh-CN'] = {
  button: '导出 CSV（Excel）',
  buttonHint: '把每个季度的指标和决策导出为一张表（UTF-8 编码，可用 Excel 打开）。',
  col: {
    scenarioId: '情景编号',
    scenario: '情景',
    seed: '随机种子',
    quarter: '季度',
    roundScore: '本季度得分',
    totalScore: '累计得分',
    hash: '状态哈希',
    moe: '{{kpi}}：误差范围',
    sub: '{{name}}：{{sub}}',
    decision: '决策（{{lever}}）：{{name}}',
    clv: '客户终身价值（平均）',
    oneVote: '一票否决规则：年收入高于',
    choices: '选择卡（卡片：选项）',
    trueNps: '真实净推荐值',
    trueEmployeeSatisfaction: '真实员工满意度（分）',
    benchmark: '竞争对手对标：{{firm}}：{{what}}',
    benchmarkPrice: '价格指数',
    benchmarkService: '每位客户的服务工时',
    benchmarkCustomers: '客户数',
    benchmarkSatisfaction: '客户满意度（调研，1-5）',
    benchmarkMoe: '满意度的误差范围',
  },
  value: { yes: '是', no: '否' },
};

export const exportsMessages: Bilingual<typeof en> = { en, 'zh-CN': zh };

// Loads with the screens that use it (src/ui/i18n/register.ts): its users import this module.
registerMessages('exports', exportsMessages);
