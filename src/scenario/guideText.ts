/**
 * The words of the authoring guide (src/scenario/guide.ts) around its generated tables, in both
 * languages, and its cookbook: recipes an instructor pastes into a scenario. Each recipe is data
 * (where it goes and its value): a test applies every one to a built-in scenario and loads it.
 */
import type { Lang } from '../sim/text';

const en = {
  title: 'Writing a scenario: the authoring guide',
  intro: [
    'A scenario is one JSON file: the story, the customers, the firm, the rival, the events and choice cards, the objectives and how the score is counted. Write one in the app\'s **scenario workbench** (home screen, "Scenario workbench"): it completes keys and values as you type, explains every field when you point at it, shows the loader\'s errors at their line, previews the game, play-tests it and runs the balance lab. On the command line: `npm run sim -- validate my.json`, `npm run sim -- lab my.json --seeds 20`.',
    '',
    'This guide is generated from the scenario schema and the model\'s parameter table (`npm run sim -- schema` writes it with the schema), so it says what the loader checks. Money is in the scenario\'s `currency`; a round is one quarter; satisfaction and loyalty are points on a 0-100 scale; shares are 0..1. "Example" is the value a built-in scenario uses; for the `model` coefficients it is the default the engine uses when the scenario gives none.',
    '',
    'Start from a built-in scenario (the workbench opens one as a template) and change what your course needs. A field that is not required may be left out.',
  ],
  contents: 'Contents',
  topLevel: 'The top level of the file',
  sep: '; ',
  cookbook: 'Cookbook',
  col: { field: 'Field', kind: 'Type and range', required: 'Required', example: 'Example', meaning: 'What it means' },
  yes: 'yes',
  no: '',
  default: 'default',
  localText: 'text: `{ "en": …, "zh-CN": … }`',
  types: { number: 'number', integer: 'integer', string: 'text', boolean: 'true/false', object: 'object', array: 'list' },
  items: (min: number, max: number | undefined) => `${min}${max !== undefined ? `-${max}` : '+'} items`,
};

export const GUIDE_TEXT: Record<Lang, typeof en> = {
  en,
  'zh-CN': {
    title: '编写情景：编写指南',
    intro: [
      '一个情景就是一个 JSON 文件：故事、客户、企业、竞争对手、事件与抉择卡、目标以及计分方式。可以在应用的**情景工作台**（首页“情景工作台”）中编写：输入时自动补全键和值，指向字段即显示其说明，在出错的行标出载入器的错误，预览游戏、试玩并运行平衡实验室。命令行：`npm run sim -- validate my.json`，`npm run sim -- lab my.json --seeds 20`。',
      '',
      '本指南由情景模式（schema）和模型参数表生成（`npm run sim -- schema` 会与模式一同生成它），因此与载入器的检查一致。金额以情景的 `currency` 为单位；一轮为一个季度；满意度和忠诚度为 0-100 分；占比为 0..1。“示例”为内置情景所用的值；`model` 系数一栏给出情景未设定时引擎采用的默认值。',
      '',
      '建议从内置情景开始（工作台可将其作为模板打开），再修改课程需要的部分。非必填字段可以省略。',
    ],
    contents: '目录',
    topLevel: '文件顶层',
    sep: '；',
    cookbook: '常用做法',
    col: { field: '字段', kind: '类型与范围', required: '必填', example: '示例', meaning: '含义' },
    yes: '是',
    no: '',
    default: '默认',
    localText: '文本：`{ "en": …, "zh-CN": … }`',
    types: { number: '数值', integer: '整数', string: '文本', boolean: 'true/false', object: '对象', array: '列表' },
    items: (min: number, max: number | undefined) => `${min}${max !== undefined ? `-${max}` : '+'} 项`,
  },
};

/** A recipe: what it teaches, and the JSON it adds at `path` (`append`: one more item of that list). */
export interface Recipe {
  readonly id: string;
  readonly en: { title: string; body: string[] };
  readonly 'zh-CN': { title: string; body: string[] };
  readonly path: readonly string[];
  readonly mode: 'append' | 'set';
  readonly value: unknown;
  readonly json: string;
}

const recipe = (r: Omit<Recipe, 'json'>): Recipe => ({ ...r, json: JSON.stringify(r.value, null, 2) });

export const COOKBOOK: readonly Recipe[] = [
  recipe({
    id: 'price-war',
    en: {
      title: 'A price war',
      body: [
        'The rival cuts its price by 10% for three quarters and competes harder; a choice card asks whether to match it. Matching keeps customers for a while at a margin the firm cannot afford; holding the price and defending the valuable tiers with service is the lesson (customer delivered value, not price alone). Add it to `events`:',
      ],
    },
    'zh-CN': {
      title: '价格战',
      body: [
        '竞争对手降价 10%，持续三个季度，竞争也更激烈；一张抉择卡问是否跟进降价。跟进降价能暂时留住客户，但企业负担不起这样的毛利；守住价格、用服务保住高价值等级，才是要学的（客户让渡价值，而不只是价格）。加入 `events`：',
      ],
    },
    path: ['events'],
    mode: 'append',
    value: {
      id: 'price-war',
      round: 5,
      title: { en: 'The rival starts a price war', 'zh-CN': '竞争对手挑起价格战' },
      text: { en: 'The rival cuts its prices by 10% for the next three quarters. Do you match it?', 'zh-CN': '竞争对手在接下来三个季度降价 10%。你是否跟进？' },
      effects: [
        { kind: 'rivalPrice', delta: -0.1, rounds: 3 },
        { kind: 'rivalPressure', delta: 0.3, rounds: 3 },
      ],
      options: [
        { id: 'match', label: { en: 'Match the price for three quarters.', 'zh-CN': '跟进降价三个季度。' }, effects: [{ kind: 'priceOverride', priceIndex: 0.9, rounds: 3, target: { all: true } }] },
        { id: 'hold', label: { en: 'Hold the price; compete on service.', 'zh-CN': '保持价格，以服务竞争。' }, effects: [] },
      ],
      defaultOption: 'hold',
    },
  }),
  recipe({
    id: 'service-crisis',
    en: {
      title: 'A service crisis',
      body: [
        'A failure everyone hears about: customers\' satisfaction drops, their expectations rise, and the staff are shaken. It tests service recovery (the recovery budget and empowerment) and the service-profit chain. Add it to `events`:',
      ],
    },
    'zh-CN': {
      title: '服务危机',
      body: [
        '一次人尽皆知的服务失误：客户满意度下降、期望上升，员工士气受挫。它考验服务补救（补救预算与授权）和服务利润链。加入 `events`：',
      ],
    },
    path: ['events'],
    mode: 'append',
    value: {
      id: 'service-crisis',
      round: 4,
      title: { en: 'A service failure goes viral', 'zh-CN': '一次服务失误在网上传开' },
      text: { en: 'A video of a badly handled complaint is shared widely. Customers expect more, and the staff feel blamed.', 'zh-CN': '一段投诉处理不当的视频被广泛转发。客户的期望更高了，员工觉得受到指责。' },
      effects: [
        { kind: 'satisfaction', delta: -6, target: { all: true } },
        { kind: 'expectation', delta: 3, target: { all: true } },
        { kind: 'employeeSatisfaction', delta: -8 },
      ],
    },
  }),
  recipe({
    id: 'phases',
    en: {
      title: 'A strategy that changes by phase (C23)',
      body: [
        'The firm first builds its customer base, then harvests it: the score counts revenue and new customers in the first phase and profit later, so the best plan changes with the phase, as the life cycle of customer relationships says. Set `scoring.phases` (the game needs at least 5 quarters):',
      ],
    },
    'zh-CN': {
      title: '分阶段转换策略（C23）',
      body: [
        '企业先扩大客户基础，再从中获利：第一阶段计分看收入和新客户，之后看利润，因此最佳方案随阶段而变，正如客户关系生命周期所说。设置 `scoring.phases`（游戏至少需要 5 个季度）：',
      ],
    },
    path: ['scoring', 'phases'],
    mode: 'set',
    value: [
      { fromRound: 1, name: { en: 'Build the base', 'zh-CN': '扩大客户基础' }, profit: 0.5, revenue: 0.3, acquired: 0.5, satisfaction: 0 },
      { fromRound: 5, name: { en: 'Harvest the base', 'zh-CN': '收获客户价值' }, profit: 1, revenue: 0, acquired: 0, satisfaction: 0 },
    ],
  }),
  recipe({
    id: 'market',
    en: {
      title: 'A market for four teams',
      body: [
        'Any scenario plays as a market (经营沙盘); a `market` section says how many firms it takes, their names and how the customers are split at the start (`equal`: a fair share of every value band each). Set `market`:',
      ],
    },
    'zh-CN': {
      title: '四支队伍的市场',
      body: [
        '任何情景都可以作为市场（经营沙盘）来玩；`market` 部分规定可容纳几家企业、企业名称，以及开局时如何分配客户（`equal`：每家在每个价值段都得到公平的一份）。设置 `market`：',
      ],
    },
    path: ['market'],
    mode: 'set',
    value: {
      firms: { min: 2, max: 6, default: 4 },
      names: [
        { en: 'North Star', 'zh-CN': '北极星' },
        { en: 'Blue River', 'zh-CN': '蓝河' },
        { en: 'Red Maple', 'zh-CN': '红枫' },
        { en: 'Green Hill', 'zh-CN': '青山' },
      ],
      start: { kind: 'equal' },
    },
  }),
];
