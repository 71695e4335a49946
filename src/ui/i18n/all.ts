/** Every namespace with its messages (the bundled ones and those that load with their screens), for the tests that check them all. */
import { chartsMessages } from '../charts/messages';
import { databaseMessages } from '../database/messages';
import { firmMessages } from '../firm/messages';
import { compareMessages } from '../compare/messages';
import { workbenchMessages } from '../workbench/messages';
import { debriefMessages } from '../debrief/messages';
import { exportsMessages } from '../debrief/exportsMessages';
import { lessonsMessages } from '../debrief/lessonsMessages';
import { BUNDLED_NAMESPACES } from './index';

export const NAMESPACES = {
  ...BUNDLED_NAMESPACES,
  charts: chartsMessages,
  database: databaseMessages,
  firm: firmMessages,
  debrief: debriefMessages,
  lessons: lessonsMessages,
  exports: exportsMessages,
  compare: compareMessages,
  workbench: workbenchMessages,
} as const;
