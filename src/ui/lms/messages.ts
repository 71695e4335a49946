/**
 * The words of the LMS bar (the SCORM build only). Not an i18next namespace: the web app's
 * first bundle carries every namespace, and these belong to the SCORM chunk alone.
 */
import type { Bilingual } from '../i18n/types';

const en = {
  label: 'Your course (LMS)',
  connecting: 'Connecting to your course…',
  noLms: 'No course (LMS) opened this page, so nothing is reported: a grade reaches the course only when it is launched from the course. You can play; the game is saved in this browser.',
  failed: 'The course did not accept {{call}} (error {{code}}{{message}}). The game is saved in this browser; tell your teacher if it happens again.',
  notStarted: 'The game could not start (the message above says why), so nothing is reported to your course yet.',
  package: 'This course package is damaged: {{file}}{{path}}: expected {{expected}}. Ask your teacher for a new package.',
  connected: 'Connected to your course: it keeps your game after every quarter, so you can go on from another computer.',
  resumed: 'Resumed from your course: {{n}} quarters replayed.',
  kept: 'The course keeps {{kept}} of the {{played}} quarters played.',
  tooLong: 'This game is too long for the course’s storage (4,096 characters): on another computer it resumes at quarter {{kept}}. In this browser it is saved whole.',
  resume: {
    notOurs: 'The course kept something this game cannot read, so a new game starts.',
    damaged: 'The game the course kept is damaged, so a new game starts.',
    version: 'The game the course kept was saved by another version of the game, so a new game starts.',
    shape: 'The game the course kept is not complete, so a new game starts.',
    scenarioChanged: 'Your teacher changed the course’s scenario since your last visit, so a new game starts on the new one.',
    replayFailed: 'The game the course kept could not be played again (see the message above), so a new game starts.',
  },
  grading: 'Reporting your grade to the course…',
  result: 'Reported to your course: {{raw}} of 100, {{status}} (pass mark {{mastery}}).',
  parts: 'Half the grade is the objectives’ points met ({{objectives}}), half your score against the “value-based tiering” strategy on the same world ({{versus}}).',
  partObjectives: 'The grade is the objectives’ points met ({{objectives}}).',
  partVersus: 'The grade is your score against the “value-based tiering” strategy on the same world ({{versus}}).',
  status: { passed: 'passed', failed: 'not passed', completed: 'completed', incomplete: 'in progress' },
  bankrupt: 'The firm went bankrupt, which fails the lesson.',
  completedOnly: 'Reported to your course: completed.',
  closed: 'Your session with the course is closed; it has your game.',
  other: 'This game is not reported to your course: the course follows the game it started.',
  back: 'Back to the course’s game',
};

export const lmsMessages: Bilingual<typeof en> = {
  en,
  'zh-CN': {
    label: '你的课程（学习平台）',
    connecting: '正在连接你的课程…',
    noLms: '本页不是由课程（学习平台）打开的，因此不会上报任何内容：只有从课程中启动，成绩才会送达课程。你仍可以游戏，进度保存在本浏览器中。',
    failed: '课程未接受 {{call}}（错误 {{code}}{{message}}）。游戏已保存在本浏览器中；如再次出现，请告诉老师。',
    notStarted: '游戏未能开始（原因见上方消息），因此尚未向课程上报任何内容。',
    package: '本课程包已损坏：{{file}}{{path}}：应为 {{expected}}。请向老师索取新的课程包。',
    connected: '已连接你的课程：每个季度后课程都会保存你的游戏，你可以在另一台电脑上继续。',
    resumed: '已从课程恢复：重放了 {{n}} 个季度。',
    kept: '课程保存了已进行的 {{played}} 个季度中的 {{kept}} 个。',
    tooLong: '这局游戏太长，超出课程的存储上限（4096 个字符）：在另一台电脑上将从第 {{kept}} 季度继续。在本浏览器中完整保存。',
    resume: {
      notOurs: '课程保存的内容本游戏无法读取，因此开始新游戏。',
      damaged: '课程保存的游戏已损坏，因此开始新游戏。',
      version: '课程保存的游戏来自另一版本，因此开始新游戏。',
      shape: '课程保存的游戏不完整，因此开始新游戏。',
      scenarioChanged: '自你上次访问以来，老师更改了课程的情景，因此在新情景上开始新游戏。',
      replayFailed: '课程保存的游戏无法重放（见上方消息），因此开始新游戏。',
    },
    grading: '正在向课程上报成绩…',
    result: '已上报课程：{{raw}} 分（满分 100），{{status}}（及格线 {{mastery}}）。',
    parts: '成绩一半来自达成目标的分数（{{objectives}}），一半来自你在同一世界中相对于“基于价值的分级”策略的得分（{{versus}}）。',
    partObjectives: '成绩为达成目标的分数（{{objectives}}）。',
    partVersus: '成绩为你在同一世界中相对于“基于价值的分级”策略的得分（{{versus}}）。',
    status: { passed: '通过', failed: '未通过', completed: '已完成', incomplete: '进行中' },
    bankrupt: '企业破产，本课未通过。',
    completedOnly: '已上报课程：已完成。',
    closed: '你与课程的会话已结束；课程已保存你的游戏。',
    other: '这局游戏不会上报课程：课程跟踪的是它启动的那局游戏。',
    back: '回到课程的游戏',
  },
};
