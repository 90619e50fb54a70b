// The charts' code (Chart.js and charts.js, ≈ 180 KB, half a MiB of heap once loaded) is a
// bundle of its own, www/build/charts-bundle.js, loaded the first time a chart is drawn: the page
// paints without it, and an embed that shows no chart never loads it. A handle is given at
// once; the chart appears when the bundle has loaded, with the latest data it was given.
import { guarded } from './guarded.js';

const here = document.currentScript ? document.currentScript.src : document.baseURI;
let loading = null;

function charts() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('charts-bundle.js', here).href;
    script.onload = () => resolve(window.memplayCharts);
    script.onerror = () => {
      loading = null;
      reject(new Error('could not load the charts'));
    };
    document.head.append(script);
  });
  return loading;
}

// `args` are the chart's arguments after its canvas; the first is its data.
function onDemand(name, canvas, ...args) {
  let chart = null;
  let destroyed = false;
  charts().then(
    (c) => { if (!destroyed) chart = c[name](canvas, ...args); },
    (err) => console.error(`memplay: ${name} failed`, err),
  );
  return guarded({
    update(data) {
      if (chart) chart.update(data);
      else args[0] = data;
    },
    destroy() {
      destroyed = true;
      if (chart) chart.destroy();
    },
  });
}

export const createBars = (canvas, data) => onDemand('createBars', canvas, data);
export const createSweep = (canvas, data) => onDemand('createSweep', canvas, data);
export const createTimeline = (canvas, data, formatBytes) => onDemand('createTimeline', canvas, data, formatBytes);
