/** Statistics and the printed table of `npm run bench:ui`. */

export interface Figure {
  id: string;
  name: string;
  unit: 'ms' | 'kB' | 'fps';
  /** Target value: a ceiling for ms and kB, a floor for fps. */
  target: number;
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** median / target (ms, kB: lower is better; fps: higher is better). */
  ratio: number | null;
  /** Extra context printed under the table, e.g. raw bytes or dropped frames. */
  note?: string;
  /** Why there is no value (the UI is not there yet, a selector is missing, ...). */
  notMeasured?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function figure(
  id: string,
  name: string,
  unit: Figure['unit'],
  target: number,
  result: { samples: number[]; note?: string } | { notMeasured: string },
): Figure {
  if ('notMeasured' in result || result.samples.length === 0) {
    const notMeasured = 'notMeasured' in result ? result.notMeasured : 'no samples';
    return { id, name, unit, target, samples: [], median: null, min: null, max: null, ratio: null, notMeasured };
  }
  const { samples, note } = result;
  const med = median(samples);
  return {
    id, name, unit, target, samples,
    median: med,
    min: Math.min(...samples),
    max: Math.max(...samples),
    ratio: med / target,
    ...(note ? { note } : {}),
  };
}

const fmt = (x: number, unit: Figure['unit']) => (unit === 'ms' ? x.toFixed(0) : x.toFixed(1));

export function table(figures: readonly Figure[]): string {
  const rows = [['figure', 'median', 'min..max', 'target', 'ratio']];
  for (const f of figures) {
    if (f.median === null) {
      rows.push([f.name, `not measured: ${f.notMeasured}`, '', '', '']);
      continue;
    }
    const bound = f.unit === 'fps' ? '>=' : '<';
    rows.push([
      f.name,
      `${fmt(f.median, f.unit)} ${f.unit}`,
      `${fmt(f.min!, f.unit)}..${fmt(f.max!, f.unit)}`,
      `${bound} ${f.target} ${f.unit}`,
      f.ratio!.toFixed(2),
    ]);
  }
  // A "not measured" reason may be long: it does not widen the columns after it.
  const widths = rows[0]!.map((_, c) => Math.max(...rows.filter((r) => r[2] !== '' || c !== 1).map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(r[2] === '' ? 0 : widths[c]!))).join('  ').trimEnd());
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [
    ...lines,
    '',
    'ratio = median / target (times and sizes: lower is better; fps: higher is better). kB = 1000 bytes.',
    ...(notes.length ? ['', 'notes:', ...notes] : []),
  ].join('\n');
}
