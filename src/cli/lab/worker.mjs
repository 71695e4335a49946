// The lab worker thread's entry: Node runs JavaScript only, so it registers tsx's loader in this
// thread (the command itself runs under tsx) and then loads the worker's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
