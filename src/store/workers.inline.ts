/**
 * The workers of `workers.ts` for the one-file offline build: each is inlined into the page
 * and started from a blob: URL (Vite's `?worker&inline`), so the game runs from file:// with
 * nothing to fetch. Only scripts/build-offline.ts uses this module (in place of workers.ts).
 */
import SimWorker from '../worker/simWorker.ts?worker&inline';
import ReferenceWorker from '../worker/referenceWorker.ts?worker&inline';
import GradeWorker from '../worker/gradeWorker.ts?worker&inline';
import DraftWorker from '../worker/draftWorker.ts?worker&inline';
import LabWorker from '../worker/labWorker.ts?worker&inline';

export const simWorker = (): Worker => new SimWorker({ name: 'sim' });
export const referenceWorker = (): Worker => new ReferenceWorker({ name: 'references' });
export const gradeWorker = (): Worker => new GradeWorker({ name: 'grading' });
export const draftWorker = (): Worker => new DraftWorker({ name: 'draft' });
export const labWorker = (): Worker => new LabWorker({ name: 'lab' });
