/**
 * The page's Web Workers, made in one place. Vite bundles each from the `new URL(…)` beside
 * it. The one-file offline build (scripts/build-offline.ts) puts `workers.inline.ts` in this
 * module's place: the same workers, inlined and started from blob: URLs, since a page opened
 * from file:// may not start a worker from a file.
 */
export const simWorker = (): Worker => new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'sim' });
export const referenceWorker = (): Worker => new Worker(new URL('../worker/referenceWorker.ts', import.meta.url), { type: 'module', name: 'references' });
export const gradeWorker = (): Worker => new Worker(new URL('../worker/gradeWorker.ts', import.meta.url), { type: 'module', name: 'grading' });
export const draftWorker = (): Worker => new Worker(new URL('../worker/draftWorker.ts', import.meta.url), { type: 'module', name: 'draft' });
export const labWorker = (): Worker => new Worker(new URL('../worker/labWorker.ts', import.meta.url), { type: 'module', name: 'lab' });
