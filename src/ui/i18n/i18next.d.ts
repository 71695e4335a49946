import 'i18next';
import type { chartsMessages } from '../charts/messages';
import type { databaseMessages } from '../database/messages';
import type { firmMessages } from '../firm/messages';
import type { compareMessages } from '../compare/messages';
import type { marketMessages } from '../market/messages';
import type { classesMessages } from '../classes/messages';
import type { workbenchMessages } from '../workbench/messages';
import type { debriefMessages } from '../debrief/messages';
import type { exportsMessages } from '../debrief/exportsMessages';
import type { lessonsMessages } from '../debrief/lessonsMessages';
import type { commonMessages } from './common';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: (typeof commonMessages)['en'];
      charts: (typeof chartsMessages)['en'];
      database: (typeof databaseMessages)['en'];
      firm: (typeof firmMessages)['en'];
      debrief: (typeof debriefMessages)['en'];
      lessons: (typeof lessonsMessages)['en'];
      exports: (typeof exportsMessages)['en'];
      compare: (typeof compareMessages)['en'];
      market: (typeof marketMessages)['en'];
      classes: (typeof classesMessages)['en'];
      workbench: (typeof workbenchMessages)['en'];
    };
  }
}
