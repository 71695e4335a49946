// Where the package finds the LMS's API (SCORM 1.2 RTE 3.3.6.1: the parents, then the opener),
// what the session says when a call fails, and the package settings' reader.
import { describe, expect, it } from 'vitest';
import { findScorm12Api, Scorm12Session, type ApiWindow, type Scorm12Api } from '../../src/lms/api';
import { readPackageConfig } from '../../src/lms/packageConfig';

function fakeApi(fail: Partial<Record<'LMSInitialize' | 'LMSSetValue' | 'LMSCommit', string>> = {}): Scorm12Api & { data: Map<string, string> } {
  const data = new Map<string, string>();
  let last = '0';
  const answer = (name: keyof typeof fail) => {
    last = fail[name] ?? '0';
    return fail[name] ? 'false' : 'true';
  };
  return {
    data,
    LMSInitialize: () => answer('LMSInitialize'),
    LMSFinish: () => 'true',
    LMSGetValue: (k) => data.get(k) ?? '',
    LMSSetValue: (k, v) => {
      const r = answer('LMSSetValue');
      if (r === 'true') data.set(k, v);
      return r;
    },
    LMSCommit: () => answer('LMSCommit'),
    LMSGetLastError: () => last,
    LMSGetErrorString: (c) => (c === '405' ? 'Incorrect Data Type' : 'General Exception'),
    LMSGetDiagnostic: () => '',
  };
}

/** A chain of windows: the first is the page, each next one its parent (the last is the top). */
function chain(n: number): ApiWindow[] {
  const ws: ApiWindow[] = Array.from({ length: n }, () => ({}));
  ws.forEach((w, i) => (w.parent = ws[i + 1] ?? w));
  return ws;
}

describe('findScorm12Api', () => {
  it('finds the API on the page, on a parent, or several frames up', () => {
    for (const at of [0, 1, 4]) {
      const ws = chain(6);
      const api = fakeApi();
      ws[at]!.API = api;
      expect(findScorm12Api(ws[0]!)).toBe(api);
    }
  });

  it('looks in the opener\'s chain when the frames have none (a pop-up window)', () => {
    const pop = chain(1);
    const lms = chain(3);
    const api = fakeApi();
    lms[2]!.API = api;
    pop[0]!.opener = lms[0]!;
    expect(findScorm12Api(pop[0]!)).toBe(api);
  });

  it('skips a frame of another origin (reading it throws) and what is not an API', () => {
    const ws = chain(4);
    Object.defineProperty(ws[1], 'API', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    ws[2]!.API = { LMSInitialize: 'not a function' };
    const api = fakeApi();
    ws[3]!.API = api;
    expect(findScorm12Api(ws[0]!)).toBe(api);
  });

  it('is null without an LMS', () => {
    expect(findScorm12Api(chain(3)[0]!)).toBeNull();
  });
});

describe('Scorm12Session', () => {
  it('keeps each failed call with the LMS\'s error code and words', () => {
    const api = fakeApi({ LMSSetValue: '405' });
    const s = new Scorm12Session(api);
    expect(s.initialize()).toBe(true);
    expect(s.set('cmi.core.score.raw', 'x')).toBe(false);
    expect(s.commit()).toBe(true);
    expect(s.errors).toEqual([{ call: 'LMSSetValue(cmi.core.score.raw)', code: '405', message: 'Incorrect Data Type' }]);
  });

  it('counts a false answer without an error code as a failure too', () => {
    const api = fakeApi({ LMSInitialize: '0' });
    api.LMSInitialize = () => 'false';
    const s = new Scorm12Session(api);
    expect(s.initialize()).toBe(false);
    expect(s.errors[0]).toMatchObject({ call: 'LMSInitialize', code: '?' });
  });
});

describe('readPackageConfig', () => {
  const good = { format: 'crm-sandbox-lms', version: 1, scenario: { builtin: 'hotel' }, classCode: 'crm-2026-a', mastery: 70 };
  it('reads the settings build:scorm writes (the class code as every tool records it)', () => {
    expect(readPackageConfig(JSON.stringify(good))).toEqual({ ok: true, config: { ...good, classCode: 'CRM-2026-A' } });
    expect(readPackageConfig(JSON.stringify({ ...good, scenario: { file: 'scenario.json' }, classCode: null }))).toMatchObject({ ok: true });
  });

  it('names the field that is wrong and what it should be', () => {
    const bad = (patch: object) => {
      const r = readPackageConfig(JSON.stringify({ ...good, ...patch }));
      return r.ok ? null : [r.problem.file, r.problem.path, r.problem.expected];
    };
    expect(readPackageConfig('{ not json')).toEqual({ ok: false, problem: { file: 'crm-sandbox-lms.json', path: '', expected: 'a JSON object' } });
    expect(bad({ format: 'x' })?.[1]).toBe('format');
    expect(bad({ version: 2 })?.[1]).toBe('version');
    expect(bad({ scenario: { file: '../etc/passwd' } })?.[1]).toBe('scenario');
    expect(bad({ scenario: {} })?.[1]).toBe('scenario');
    expect(bad({ classCode: 'no spaces allowed' })).toEqual(['crm-sandbox-lms.json', 'classCode', 'null or a class code such as "CRM-2026-A"']);
    expect(bad({ mastery: 101 })?.[1]).toBe('mastery');
  });
});
