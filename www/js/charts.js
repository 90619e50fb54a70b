// The two result charts: the four memory figures of A and B as bars, and both memory
// timelines overlaid (live bytes over the run, the running line in the tooltip).
import { guarded } from './guarded.js';
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  Tooltip, Legend, Filler,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  Tooltip, Legend, Filler);

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function colors() {
  return { a: css('--color-a'), b: css('--color-b'), text: css('--fg-muted'), grid: css('--border') };
}

export function formatBytes(bytes) {
  const units = ['KiB', 'MiB', 'GiB'];
  let v = Math.abs(bytes);
  if (v < 1024) return `${Math.round(bytes)} B`;
  let unit = 'B';
  for (const u of units) {
    if (v < 1024) break;
    v /= 1024;
    unit = u;
  }
  return `${bytes < 0 ? '-' : ''}${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}

function axes(c, yTitle, yTick) {
  return {
    x: { ticks: { color: c.text }, grid: { color: c.grid } },
    y: { beginAtZero: true, title: { display: true, text: yTitle, color: c.text }, ticks: { color: c.text, callback: yTick }, grid: { color: c.grid } },
  };
}

function barConfig(data) {
  const c = colors();
  // Each figure is shown as a percent of the larger of A and B, so figures of different
  // units share one axis; the tooltip gives the real values.
  const pct = (v, other) => (Math.max(v, other) > 0 ? (100 * v) / Math.max(v, other) : 0);
  return {
    type: 'bar',
    data: {
      labels: data.bars.map((b) => b.label),
      datasets: [
        { label: `A: ${data.a_title}`, data: data.bars.map((b) => pct(b.a, b.b)), backgroundColor: c.a, texts: data.bars.map((b) => b.a_text) },
        { label: `B: ${data.b_title}`, data: data.bars.map((b) => pct(b.b, b.a)), backgroundColor: c.b, texts: data.bars.map((b) => b.b_text) },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: axes(c, '% of the larger', (v) => `${v}%`),
      plugins: {
        legend: { labels: { color: c.text } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.dataset.texts[ctx.dataIndex]}` } },
      },
    },
  };
}

function timelineConfig(data) {
  const c = colors();
  const dataset = (label, points, color) => ({
    label, data: points, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2, tension: 0,
  });
  return {
    type: 'line',
    data: {
      datasets: [dataset(`A: ${data.a_title}`, data.a, c.a), dataset(`B: ${data.b_title}`, data.b, c.b)],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        ...axes(c, 'live memory', (v) => formatBytes(v)),
        x: { type: 'linear', min: 0, max: 100, title: { display: true, text: '% of the run', color: c.text }, ticks: { color: c.text }, grid: { color: c.grid } },
      },
      plugins: {
        legend: { labels: { color: c.text } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? `${Math.round(items[0].raw.x)}% of the run` : ''),
            label: (ctx) => `${ctx.dataset.label}: ${formatBytes(ctx.raw.y)} at line ${ctx.raw.line}`,
          },
        },
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
    png: () => chart.toBase64Image(),
    destroy: () => chart.destroy(),
  });
}

export function createBars(canvas, data) {
  return chartHandle(canvas, barConfig, data);
}

export function createTimeline(canvas, data) {
  return chartHandle(canvas, timelineConfig, data);
}
