// The result charts: the four memory figures of A and B as bars, both memory timelines
// overlaid (live bytes over the run, the running line in the tooltip), and a sweep's
// figure against N on log-log axes. Every
// value, tick and label comes finished from Rust (memplay_playground::series), and the
// tooltips format bytes with Rust's formatter: this file only draws.
import { guarded } from './guarded.js';
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  LogarithmicScale, Tooltip, Legend, Filler,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  LogarithmicScale, Tooltip, Legend, Filler);

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function colors() {
  return { a: css('--color-a'), b: css('--color-b'), text: css('--fg-muted'), grid: css('--border') };
}

// A value axis whose ticks (values and labels) are given.
function valueAxis(c, title, ticks) {
  const labels = new Map(ticks.map((t) => [t.value, t.label]));
  return {
    beginAtZero: true,
    max: ticks.length ? ticks[ticks.length - 1].value : undefined,
    title: { display: true, text: title, color: c.text },
    afterBuildTicks: (axis) => { axis.ticks = ticks.map((t) => ({ value: t.value })); },
    ticks: { color: c.text, callback: (v) => labels.get(v) ?? '' },
    grid: { color: c.grid },
  };
}

function barConfig(data) {
  const c = colors();
  // Each figure is drawn as a percent of the larger of A and B, so figures of different
  // units share one axis; the tooltip gives the real values.
  const dataset = (label, key, color) => ({
    label, backgroundColor: color,
    data: data.bars.map((b) => b[`${key}_percent`]),
    texts: data.bars.map((b) => b[`${key}_text`]),
  });
  return {
    type: 'bar',
    data: {
      labels: data.bars.map((b) => b.label),
      datasets: [dataset(data.a_label, 'a', c.a), dataset(data.b_label, 'b', c.b)],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { ticks: { color: c.text }, grid: { color: c.grid } },
        y: valueAxis(c, '% of the larger', data.y_ticks),
      },
      plugins: {
        legend: { labels: { color: c.text } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.dataset.texts[ctx.dataIndex]}` } },
      },
    },
  };
}

function timelineConfig(data, formatBytes) {
  const c = colors();
  const dataset = (label, points, color) => ({
    label, data: points, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2, tension: 0,
  });
  // Each run's peak: one triangle on its line, its tooltip naming the line running then.
  const peak = (mark, color) => ({
    label: mark.text, data: [{ x: mark.x, y: mark.y, peak: mark.text }], borderColor: color, backgroundColor: color,
    showLine: false, pointStyle: 'triangle', pointRadius: 7, pointHoverRadius: 9,
  });
  const peaks = [[data.a_peak, c.a], [data.b_peak, c.b]].filter(([m]) => m).map(([m, color]) => peak(m, color));
  return {
    type: 'line',
    data: {
      datasets: [dataset(data.a_label, data.a, c.a), dataset(data.b_label, data.b, c.b), ...peaks],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', min: 0, max: 100, title: { display: true, text: '% of the run', color: c.text }, ticks: { color: c.text }, grid: { color: c.grid } },
        y: valueAxis(c, 'live memory', data.y_ticks),
      },
      plugins: {
        legend: { labels: { color: c.text, filter: (item, chart) => !chart.datasets[item.datasetIndex].data[0]?.peak } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? `${Math.round(items[0].raw.x)}% of the run` : ''),
            label: (ctx) => (ctx.raw.peak ? `▲ ${ctx.raw.peak}` : `${ctx.dataset.label}: ${formatBytes(ctx.raw.y)} at line ${ctx.raw.line}`),
          },
        },
      },
    },
  };
}

// A logarithmic axis whose ticks (decades, with their labels) are given.
function logAxis(c, title, ticks) {
  const labels = new Map(ticks.map((t) => [t.value, t.label]));
  return {
    type: 'logarithmic',
    min: ticks.length ? ticks[0].value : undefined,
    max: ticks.length ? ticks[ticks.length - 1].value : undefined,
    title: { display: true, text: title, color: c.text },
    afterBuildTicks: (axis) => { axis.ticks = ticks.map((t) => ({ value: t.value })); },
    ticks: { color: c.text, callback: (v) => labels.get(v) ?? '' },
    grid: { color: c.grid },
  };
}

function sweepConfig(data) {
  const c = colors();
  const dataset = (label, points, color) => ({
    label, data: points, borderColor: color, backgroundColor: color, pointRadius: 4, pointHoverRadius: 6,
    borderWidth: 2, tension: 0,
  });
  return {
    type: 'line',
    data: { datasets: [dataset(data.a_label, data.a, c.a), dataset(data.b_label, data.b, c.b)] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: { x: logAxis(c, data.x_title, data.x_ticks), y: logAxis(c, data.y_title, data.y_ticks) },
      plugins: {
        legend: { labels: { color: c.text } },
        tooltip: { callbacks: { title: () => '', label: (ctx) => `${ctx.dataset.label}: ${ctx.raw.text}` } },
      },
    },
  };
}

function chartHandle(canvas, makeConfig, data) {
  let chart = new Chart(canvas, makeConfig(data));
  return guarded({
    update(next) {
      // Rebuilt rather than patched: colors follow the theme, and it is cheap at ≤ 2000 points.
      chart.destroy();
      chart = new Chart(canvas, makeConfig(next));
    },
    destroy: () => chart.destroy(),
  });
}

export function createSweep(canvas, data) {
  return chartHandle(canvas, sweepConfig, data);
}

export function createBars(canvas, data) {
  return chartHandle(canvas, barConfig, data);
}

// `formatBytes` is the page's own (Rust's) byte formatter, called when a point is hovered.
export function createTimeline(canvas, data, formatBytes) {
  return chartHandle(canvas, (d) => timelineConfig(d, formatBytes), data);
}
