// The entry of www/build/charts-bundle.js, loaded by charts-on-demand.js the first time a chart is
// drawn.
import { createBars, createSweep, createTimeline } from './charts.js';

window.memplayCharts = { createBars, createSweep, createTimeline };
