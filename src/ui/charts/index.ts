/** Hand-written SVG charts (and the value grid table); import './charts.css' comes with each. */
export { LineChart, type LineChartProps, type LineSeries, type LineTarget } from './LineChart';
export { Sparkline, type SparklineProps } from './Sparkline';
export { ParetoChart, type ParetoChartProps } from './ParetoChart';
export { WhaleChart, type WhaleChartProps } from './WhaleChart';
export { ValueGrid, type ValueGridProps } from './ValueGrid';
export { ChainDiagram, type ChainDiagramProps } from './ChainDiagram';
export { CHAIN_ORDER, biggestChange, type ChainKey, type ChainLinkView } from './chain';
export { Waterfall, type WaterfallProps } from './Waterfall';
export { waterfallLayout, waterfallCheck, type WaterfallStep, type WaterfallKind, type WaterfallLayout, type WaterfallCheck } from './waterfallLayout';
export { RowChart, type RowChartProps, type ChartRow } from './RowChart';
