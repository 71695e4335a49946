/** Statistics and the printed tables of `npm run bench:ui`. */
import type { HeapPoint, HeapRun } from './firmBench';

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
  /** Raw measurements behind the figure, for --json. */
  detail?: unknown;
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

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned. */
export function grid(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

const MB = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '-' : (bytes / 1e6).toFixed(2));
/** JS heap + Blink heap + ArrayBuffer backing stores of the page, bytes. */
export const pageTotal = (p: HeapPoint) => p.page.used + (p.page.embedder ?? 0) + (p.page.backing ?? 0);

export interface Growth {
  from: number;
  to: number;
  /** Bytes at `from` and `to`, and to - from. */
  a: number;
  b: number;
  delta: number;
  ratio: number;
}

/** Growth of `value` between the first and the last of `quarters` present in `points`. */
export function growth(points: readonly HeapPoint[], value: (p: HeapPoint) => number, from = 10, to = 40): Growth | null {
  const a = points.find((p) => p.quarter === from);
  const b = points.find((p) => p.quarter === to) ?? points.at(-1);
  if (!a || !b || b.quarter <= a.quarter) return null;
  return { from: a.quarter, to: b.quarter, a: value(a), b: value(b), delta: value(b) - value(a), ratio: value(b) / value(a) };
}

const fmtGrowth = (g: Growth | null) => (g ? `${g.delta >= 0 ? '+' : ''}${MB(g.delta)} MB (${MB(g.a)} -> ${MB(g.b)}, x${g.ratio.toFixed(2)})` : '-');

function heapRows(points: readonly HeapPoint[], live: boolean): string[][] {
  const head = ['quarter', 'screen', 'JS heap', 'DOM', 'buffers', 'page total', 'worker JS'];
  if (live) head.push('canvases in doc', 'canvases alive', 'firm screens alive', 'visibilitychange');
  const rows = [head];
  for (const p of points) {
    const row = [String(p.quarter), p.screen, MB(p.page.used), MB(p.page.embedder), MB(p.page.backing), MB(pageTotal(p)), MB(p.worker?.used)];
    if (live) row.push(String(p.live.inDocument), String(p.live.canvases), String(p.live.firmStages), String(p.live.visibilityListeners));
    rows.push(row);
  }
  return rows;
}

/** The printed section of the 40-quarter memory run. */
export function heapReport(run: HeapRun, fixture: string): string {
  const lines: string[] = [];
  lines.push(
    `Memory over a ${run.quarters}-quarter game (${fixture}, seed "bench", renderer ${run.renderer || '?'}): after every quarter the firm view ` +
      `opened from the report, its transition played to the end at 4x, back to the decisions (after the game's last quarter: the end screen); ` +
      `${run.seconds.toFixed(0)} s. Control: the same game without the firm view, ${run.controlSeconds.toFixed(0)} s.`,
  );
  lines.push(
    'Heap after a forced full GC (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage): JS = V8 heap used, DOM = Blink heap, ' +
      'buffers = ArrayBuffer backing stores; worker JS = the same for the simulation worker. MB = 10^6 bytes. "alive" counts come from ' +
      'Runtime.queryObjects (in the heap, in the document or not).',
  );
  if (run.error) lines.push(`not measured (completely): ${run.error}`);
  if (run.onFirm.length || run.left.length) {
    const both = [...run.onFirm, ...run.left].sort((a, b) => a.quarter - b.quarter || (a.screen === 'firm' ? -1 : 1));
    lines.push('', 'with the firm view:', grid(heapRows(both, true)));
  }
  if (run.control.length) lines.push('', 'control, without the firm view:', grid(heapRows(run.control, true)));
  const series: [string, readonly HeapPoint[]][] = [
    ['on the firm view', run.onFirm],
    ['after leaving it', run.left],
    ['control', run.control],
  ];
  lines.push('', `growth from quarter 10 to ${Math.min(40, run.quarters)}:`);
  for (const [label, pts] of series) {
    if (!pts.length) continue;
    lines.push(`  ${label.padEnd(17)} JS heap ${fmtGrowth(growth(pts, (p) => p.page.used))}; page total ${fmtGrowth(growth(pts, pageTotal))}; worker JS ${fmtGrowth(growth(pts.filter((p) => p.worker), (p) => p.worker!.used))}`);
  }
  // Like with like: both games on the decisions screen (the last quarter of a game ends on the end screen).
  const share = (value: (p: HeapPoint) => number) => {
    const decisions = (pts: readonly HeapPoint[]) => pts.filter((p) => p.screen === 'quarter');
    const a = growth(decisions(run.left), value, 10, 40);
    const b = growth(decisions(run.control), value, 10, 40);
    return a && b && a.to === b.to ? { from: a.from, to: a.to, perQuarter: (a.delta - b.delta) / (a.to - a.from) } : null;
  };
  const js = share((p) => p.page.used);
  const total = share(pageTotal);
  if (js && total) {
    lines.push(
      `  the firm view's share (with it minus control, quarters ${total.from} -> ${total.to}, both on the decisions screen): ` +
        `page total ${(total.perQuarter / 1000).toFixed(0)} kB per quarter, of it JS heap ${(js.perQuarter / 1000).toFixed(0)} kB`,
    );
  }
  if (run.onFirm.length) {
    const ok = run.maxCanvasesOnFirm <= 1 && run.maxCanvasesElsewhere === 0;
    lines.push(
      `canvases in the document over all ${run.quarters} quarters: at most ${run.maxCanvasesOnFirm} on the firm view, ${run.maxCanvasesElsewhere} elsewhere ` +
        `(${ok ? 'ok: 0 or 1' : 'MORE THAN EXPECTED: 1 on the firm view, 0 elsewhere'})`,
    );
  }
  return lines.join('\n');
}
