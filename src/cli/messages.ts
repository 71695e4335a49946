/**
 * The CLI's own error sentences, in English and Chinese (the loader's and the engine's come
 * with their own). The usage text and the table headings are English only.
 */
import type { Lang } from '../sim/text';

const list = (items: readonly string[], lang: Lang): string => items.join(lang === 'en' ? ', ' : '、');

/** Sentences by language. */
export const MESSAGES = {
  en: {
    fs: { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied', ENOTDIR: 'a part of the path is not a directory' },
    cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
    cannotWrite: (file: string, why: string) => `cannot write ${file}: ${why}`,
    unknownScenario: (arg: string, ids: readonly string[]) =>
      `${arg} is neither a file nor a built-in scenario` + (ids.length > 0 ? `; the built-in scenarios are ${list(ids, 'en')}` : ''),
    inFile: (file: string, s: string) => `${file}: ${s}`,
    afterSet: (label: string) => `${label} (after --set)`,
    warning: (s: string) => `warning: ${s}`,
    ok: (file: string) => `OK ${file}`,
    wrote: (file: string) => `wrote ${file}`,
    marketSize: (file: string, min: number, max: number, n: number) => `${file}: at market.firms: this scenario's market takes ${min === max ? min : `${min} to ${max}`} firms, but --firms names ${n}`,
    claimHolds: 'the claim in the file holds (rounds, score and final hash match)',
    claimFails: (why: string) => `the claim in the file does not hold: ${why}`,
    more: (n: number) => `(and ${n} more)`,
    grading: (files: number, threads: number) => `class: ${files} file${files === 1 ? '' : 's'} verified on ${threads} thread${threads === 1 ? '' : 's'}`,
    lab: {
      running: (jobs: number, threads: number) => `lab: ${jobs} games played on ${threads} thread${threads === 1 ? '' : 's'}`,
      noFlags: 'no flags: value-based wins, no strategy goes bankrupt, no end-game harvest pays, every swept lever\'s returns diminish, lessons 1 and 2 hold',
      dominant: (policy: string, score: string, vb: string, market: boolean) => `${policy} beats value-based${market ? ' in a market against value-based rivals' : ''}: mean score ${score} against ${vb}`,
      bankrupt: (policy: string, seeds: readonly string[]) => `${policy} goes bankrupt on seed${seeds.length === 1 ? '' : 's'} ${list(seeds, 'en')}`,
      endGame: (policy: string, wins: number, games: number, gain: string) => `end-game exploit: ${policy} cutting everything in its last quarter scores more than without the cut on ${wins} of ${games} seeds (by ${gain} points on average)`,
      lever: (lever: string, scores: string) => `the returns of ${lever} never diminish: value-based's mean score at 1, 2, 4 and 8 times its spend is ${scores}`,
      lesson1: (held: number, games: number, needed: number) => `lesson 1 does not hold: value-based beats uniform service on cumulative profit plus customer equity on ${held} of ${games} seeds (needed: ${needed})`,
      lesson2: (held: number, games: number, needed: number, from: number) => `lesson 2 does not hold: cutting training and wages from quarter ${from} raises profit in quarters ${from}-${from + 1} and lowers it in the last two on ${held} of ${games} seeds (needed: ${needed})`,
    },
    usage: {
      noCommand: 'no command given',
      unknownCommand: (c: string) => `unknown command "${c}"`,
      unknownOption: (o: string, cmd: string) => `unknown option ${o} for "${cmd}"`,
      missingValue: (o: string) => `option ${o} needs a value (e.g. ${o}=VALUE)`,
      noValue: (o: string) => `option ${o} takes no value`,
      once: (o: string) => `option ${o} is given more than once`,
      required: (o: string, cmd: string) => `"${cmd}" needs ${o}`,
      emptySeed: '--seed needs a non-empty value (any text: a number or a class code)',
      unknownPolicy: (p: string, ids: readonly string[]) => `unknown policy "${p}"; the policies are ${list(ids, 'en')}`,
      badLang: (l: string) => `unknown language "${l}"; use en or zh-CN`,
      badSeeds: (v: string) => `--seeds "${v}" needs a whole number from 1 to 200`,
      badClass: (v: string) => `--class "${v}" is not a class code: 2 to 40 letters, digits, dashes or underscores, e.g. CRM-2026-A`,
      classAndSeed: '--class sets the seed (the class code is the seed): give --class or --seed, not both',
      badPlayer: '--player needs a name or student number of 1 to 200 characters',
      badWorkers: (v: string) => `--workers "${v}" needs a whole number from 1 to 64`,
      firmCount: (list: string, max: number) => `--firms "${list}" needs 1 to ${max} strategies separated by commas, e.g. --firms value-based,uniform,cost-cutter,discounter`,
      nameCount: (names: number, firms: number) => `--names gives ${names} name${names === 1 ? '' : 's'} for ${firms} firm${firms === 1 ? '' : 's'}: give one name per firm, in the order of --firms`,
      badName: (n: string, max: number) => `firm name "${n}" must be 1 to ${max} characters`,
      sameName: (n: string) => `two firms are named "${n}": each firm needs its own name`,
      missingArg: (cmd: string, what: string) => `"${cmd}" needs ${what}`,
      extraArg: (cmd: string, arg: string) => `unexpected argument "${arg}" for "${cmd}"`,
      what: { scenario: 'a scenario (a file or a built-in id)', runFile: 'a run file', files: 'at least one file', runFiles: 'at least one run file', folder: 'a folder of run files' },
    },
  },
  'zh-CN': {
    fs: { ENOENT: '文件不存在', EISDIR: '这是一个目录', EACCES: '没有权限', ENOTDIR: '路径中的某一部分不是目录' },
    cannotRead: (file: string, why: string) => `无法读取 ${file}：${why}`,
    cannotWrite: (file: string, why: string) => `无法写入 ${file}：${why}`,
    unknownScenario: (arg: string, ids: readonly string[]) =>
      `${arg} 既不是文件，也不是内置情景` + (ids.length > 0 ? `；内置情景有 ${list(ids, 'zh-CN')}` : ''),
    inFile: (file: string, s: string) => `${file}：${s}`,
    afterSet: (label: string) => `${label}（应用 --set 后）`,
    warning: (s: string) => `警告：${s}`,
    ok: (file: string) => `OK ${file}`,
    wrote: (file: string) => `已写入 ${file}`,
    marketSize: (file: string, min: number, max: number, n: number) => `${file}：market.firms 处：本情景的市场需要 ${min === max ? min : `${min} 到 ${max}`} 家企业，但 --firms 给出了 ${n} 家`,
    claimHolds: '文件中声称的结果成立（回合数、得分与最终哈希一致）',
    claimFails: (why: string) => `文件中声称的结果不成立：${why}`,
    more: (n: number) => `（另有 ${n} 个问题）`,
    grading: (files: number, threads: number) => `班级：${files} 个文件，已用 ${threads} 个线程验证`,
    lab: {
      running: (jobs: number, threads: number) => `实验室：${jobs} 局游戏，已用 ${threads} 个线程`,
      noFlags: '没有警示：价值导向策略胜出，没有策略破产，最后一季度的收割不划算，所有扫描的杠杆收益递减，教学要点 1 和 2 成立',
      dominant: (policy: string, score: string, vb: string, market: boolean) => `${policy}${market ? '在与价值导向对手同场竞争时' : ''}胜过价值导向策略：平均得分 ${score}，价值导向为 ${vb}`,
      bankrupt: (policy: string, seeds: readonly string[]) => `${policy} 在种子 ${list(seeds, 'zh-CN')} 上破产`,
      endGame: (policy: string, wins: number, games: number, gain: string) => `终局漏洞：${policy} 在最后一季度削减一切投入，在 ${games} 个种子中有 ${wins} 个得分高于不削减（平均高 ${gain} 分）`,
      lever: (lever: string, scores: string) => `${lever}的收益从不递减：价值导向策略在其投入的 1、2、4、8 倍时平均得分为 ${scores}`,
      lesson1: (held: number, games: number, needed: number) => `教学要点 1 不成立：价值导向策略在累计利润加客户资产上胜过无差别服务的种子数为 ${held}/${games}（需要 ${needed}）`,
      lesson2: (held: number, games: number, needed: number, from: number) => `教学要点 2 不成立：从第 ${from} 季度起削减培训和工资，使第 ${from}-${from + 1} 季度利润上升、最后两个季度利润下降的种子数为 ${held}/${games}（需要 ${needed}）`,
    },
    usage: {
      noCommand: '未指定命令',
      unknownCommand: (c: string) => `未知命令 "${c}"`,
      unknownOption: (o: string, cmd: string) => `"${cmd}" 没有选项 ${o}`,
      missingValue: (o: string) => `选项 ${o} 需要一个值（如 ${o}=VALUE）`,
      noValue: (o: string) => `选项 ${o} 不接受值`,
      once: (o: string) => `选项 ${o} 只能给出一次`,
      required: (o: string, cmd: string) => `"${cmd}" 需要 ${o}`,
      emptySeed: '--seed 不能为空（任意文本：数字或班级代码）',
      unknownPolicy: (p: string, ids: readonly string[]) => `未知策略 "${p}"；可用策略为 ${list(ids, 'zh-CN')}`,
      badLang: (l: string) => `未知语言 "${l}"；请使用 en 或 zh-CN`,
      badSeeds: (v: string) => `--seeds "${v}" 须为 1 到 200 的整数`,
      badClass: (v: string) => `--class "${v}" 不是班级代码：须为 2 到 40 个字母、数字、连字符或下划线，如 CRM-2026-A`,
      classAndSeed: '--class 即决定种子（班级代码就是种子）：请给出 --class 或 --seed，不要同时给出',
      badPlayer: '--player 需要 1 到 200 个字符的姓名或学号',
      badWorkers: (v: string) => `--workers "${v}" 须为 1 到 64 的整数`,
      firmCount: (list: string, max: number) => `--firms "${list}" 需要 1 到 ${max} 个以逗号分隔的策略，如 --firms value-based,uniform,cost-cutter,discounter`,
      nameCount: (names: number, firms: number) => `--names 给出了 ${names} 个名称，但有 ${firms} 家企业：请按 --firms 的顺序为每家企业给出一个名称`,
      badName: (n: string, max: number) => `企业名称 "${n}" 须为 1 到 ${max} 个字符`,
      sameName: (n: string) => `两家企业都叫 "${n}"：每家企业需要自己的名称`,
      missingArg: (cmd: string, what: string) => `"${cmd}" 需要${what}`,
      extraArg: (cmd: string, arg: string) => `"${cmd}" 不接受多余的参数 "${arg}"`,
      what: { scenario: '一个情景（文件或内置情景 id）', runFile: '一个运行记录文件', files: '至少一个文件', runFiles: '至少一个运行记录文件', folder: '一个存放运行记录文件的文件夹' },
    },
  },
} as const;

/** Internal errors are reported in English: they are meant for the bug report. */
export function internalError(message: string): string {
  return `internal error: ${message} (please report)`;
}
