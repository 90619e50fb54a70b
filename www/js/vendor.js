// The page's JavaScript side, bundled by esbuild into www/build/vendor.js and exposed as
// `window.memplayVendor`: the code editor (CodeMirror 6), the charts (Chart.js, loaded on
// first use from a bundle of its own: charts-on-demand.js), the
// engine download with progress, an embed's on-screen and engine-claim signals, and the clipboard/download/embed helpers. The Rust app
// calls these through src/ui/page_js.rs.
import { createEditor } from './editor.js';
import { createBars, createSweep, createTimeline } from './charts-on-demand.js';
import { forgetEngine, keepEngine, loadEngine } from './engine.js';
import { copyText, download, downloadPng, reportHeight } from './share.js';
import { guarded } from './guarded.js';
import { dropShelved, engineChannel, shelveWorker, takeWorker, watchOnScreen } from './on-demand.js';

window.memplayVendor = {
  createEditor,
  createBars,
  createTimeline,
  createSweep,
  loadEngine,
  forgetEngine,
  keepEngine,
  watchOnScreen,
  engineChannel,
  shelveWorker,
  takeWorker,
  dropShelved,
  copyText,
  downloadPng,
  ...guarded({ download, reportHeight }),
};
