/** Hand-written SVG charts (and the value grid table); import './charts.css' comes with each. */
export { LineChart, type LineChartProps, type LineSeries, type LineTarget } from './LineChart';
export { Sparkline, type SparklineProps } from './Sparkline';
export { ParetoChart, type ParetoChartProps } from './ParetoChart';
export { ValueGrid, type ValueGridProps } from './ValueGrid';
export { ChainDiagram, type ChainDiagramProps } from './ChainDiagram';
export { CHAIN_ORDER, biggestChange, type ChainKey, type ChainLinkView } from './chain';
