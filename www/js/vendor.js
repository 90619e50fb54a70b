// The page's JavaScript side, bundled by esbuild into www/build/vendor.js and exposed as
// `window.memplayVendor`: the code editor (CodeMirror 6), the charts (Chart.js) and the
// engine download with progress. The Rust app calls these through src/ui/vendor.rs.
import { createEditor } from './editor.js';
import { createBars, createTimeline } from './charts.js';
import { loadEngine } from './engine.js';

window.memplayVendor = { createEditor, createBars, createTimeline, loadEngine };
