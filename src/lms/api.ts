/**
 * The LMS's SCORM 1.2 API: where a package finds it, and a small client that says what went
 * wrong. The LMS puts an object named `API` on the window that launched the package: the
 * frame's parent (or one further up), or the opener of a pop-up window (ADL's SCORM 1.2 RTE,
 * section 3.3.6.1). A frame of another origin is skipped, never thrown on.
 */

/** The eight functions of the SCORM 1.2 API (every value and result is a string). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The part of a window the search reads (a window, or a fake one in tests). */
export interface ApiWindow {
  API?: unknown;
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
}

/** How many windows up the search goes (ADL's example stops at 7 parents; some LMSs nest deeper). */
const MAX_DEPTH = 12;

const isApi = (v: unknown): v is Scorm12Api =>
  typeof v === 'object' && v !== null && typeof (v as { LMSInitialize?: unknown }).LMSInitialize === 'function' && typeof (v as { LMSSetValue?: unknown }).LMSSetValue === 'function';

function apiInChain(start: ApiWindow | null | undefined): Scorm12Api | null {
  let w = start;
  for (let depth = 0; w && depth < MAX_DEPTH; depth++) {
    try {
      if (isApi(w.API)) return w.API;
    } catch {
      // A frame of another origin: its API cannot be ours; look further up.
    }
    let up: ApiWindow | null | undefined;
    try {
      up = w.parent;
    } catch {
      up = null;
    }
    if (!up || up === w) break;
    w = up;
  }
  return null;
}

/** The LMS's API: this window and its parents, then the opener and its parents; null without an LMS. */
export function findScorm12Api(win: ApiWindow): Scorm12Api | null {
  const own = apiInChain(win);
  if (own) return own;
  let opener: ApiWindow | null | undefined;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return opener ? apiInChain(opener) : null;
}

/** An LMS call that did not succeed: the call, the LMS's error code and its words. */
export interface LmsError {
  call: string;
  code: string;
  message: string;
}

/** A session with the LMS: every call checked, the first error kept for the page to show. */
export class Scorm12Session {
  readonly errors: LmsError[] = [];
  constructor(private readonly api: Scorm12Api) {}

  private check(call: string, result: string): boolean {
    // "true" is success (some LMSs leave an old error code standing after a good call).
    if (String(result) === 'true') return true;
    const code = String(this.api.LMSGetLastError() ?? '');
    let message = '';
    try {
      message = String(this.api.LMSGetErrorString(code) ?? '');
    } catch {
      // The error's words are a courtesy.
    }
    this.errors.push({ call, code: code === '' || code === '0' ? '?' : code, message });
    return false;
  }

  initialize(): boolean {
    return this.check('LMSInitialize', this.api.LMSInitialize(''));
  }

  /** A value ('' for one the LMS does not have: an error code 0, 201, 401 or 403 is not a failure to report). */
  get(element: string): string {
    const v = this.api.LMSGetValue(element);
    return typeof v === 'string' ? v : String(v ?? '');
  }

  set(element: string, value: string): boolean {
    return this.check(`LMSSetValue(${element})`, this.api.LMSSetValue(element, value));
  }

  commit(): boolean {
    return this.check('LMSCommit', this.api.LMSCommit(''));
  }

  finish(): boolean {
    return this.check('LMSFinish', this.api.LMSFinish(''));
  }
}
