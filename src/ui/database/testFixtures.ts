/**
 * Shared by this folder's tests (not imported by the app): the database messages through a
 * real i18next instance, and small customer tables built row by row.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../../sim/text';
import type { CustomerTable } from '../../worker/protocol';
import { databaseMessages } from './messages';

const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['database'],
  defaultNS: 'database',
  resources: { en: { database: databaseMessages.en }, 'zh-CN': { database: databaseMessages['zh-CN'] } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** `t` of the database namespace in `lang`. */
export function tFor(lang: Lang): TFunction<'database'> {
  return instance.getFixedT(lang, 'database') as TFunction<'database'>;
}

/** One customer of a test table; absent fields are 0 (-1 for referredBy). */
export interface TestRow {
  tier?: number;
  status?: number;
  stage?: number;
  revenue?: number;
  lastRevenue?: number;
  profit?: number;
  cumRevenue?: number;
  influence?: number;
  potential?: number;
  tenure?: number;
  joined?: number;
  left?: number;
  failures?: number;
  complaints?: number;
  source?: number;
  referredBy?: number;
}

/** A table of `rows` (customer i = rows[i]). */
export function makeTable(rows: readonly TestRow[], round = 4): CustomerTable {
  const n = rows.length;
  const pick = <K extends keyof TestRow>(k: K, dflt = 0) => rows.map((r) => r[k] ?? dflt);
  return {
    round,
    count: n,
    tier: Uint8Array.from(pick('tier')),
    status: Uint8Array.from(pick('status')),
    stage: Uint8Array.from(pick('stage')),
    revenue: Float32Array.from(pick('revenue')),
    lastRevenue: Float32Array.from(pick('lastRevenue')),
    profit: Float32Array.from(pick('profit')),
    cumRevenue: Float64Array.from(pick('cumRevenue')),
    influence: Float32Array.from(pick('influence')),
    potential: Float32Array.from(pick('potential')),
    tenure: Uint16Array.from(pick('tenure')),
    joined: Uint16Array.from(pick('joined')),
    left: Uint16Array.from(pick('left')),
    failures: Uint16Array.from(pick('failures')),
    complaints: Uint16Array.from(pick('complaints')),
    source: Uint8Array.from(pick('source')),
    referredBy: Int32Array.from(pick('referredBy', -1)),
  };
}
