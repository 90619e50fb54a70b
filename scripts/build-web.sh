#!/usr/bin/env bash
# The production build of the playground into dist/: the page's wasm, the engine worker's
# wasm (both through wasm-opt), the editor/chart bundle and the static files, the part of
# the standard library that the engine fetches on first use; then Trunk's
# inline start-up script is moved into a file (the page's CSP allows no inline script), and
# every file gets precompressed .br and .gz copies.
# MEMPLAY_TEST_HOOKS=1 (scripts/test.sh sets it) compiles the engine's crash triggers in.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's binaryen provides the wasm-opt that Trunk.toml pins.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release "$@"
# The standard library's bundle (crates/engine/build.rs) goes beside the worker, under the
# name the engine asks for: the one the built worker names, from the build that wrote it.
wanted=$(grep -aoE 'stdlib-[0-9a-f]{16}\.bin' dist/worker_bg.wasm | head -1)
out=$(grep -lx "$wanted" target/wasm32-unknown-unknown/release/build/memplay-engine-*/out/stdlib-lazy.name | head -1)
if [ -z "$wanted" ] || [ -z "$out" ]; then
  echo "build-web: no standard-library bundle matches the worker (${wanted:-no name in dist/worker_bg.wasm})" >&2
  exit 1
fi
cp "$(dirname "$out")/stdlib-lazy.bin" "dist/$wanted"
# The page names this build's engine by its content (`?v=`): a reload compiles the copy it
# keeps in Cache Storage under that name, and a new build's name differs.
engine_hash=$(sha256sum dist/worker_bg.wasm | cut -c1-16)
sed -i "s|<meta name=\"memplay-engine\" content=\"./worker_bg.wasm\"|<meta name=\"memplay-engine\" content=\"./worker_bg.wasm?v=$engine_hash\"|" dist/index.html
grep -q "worker_bg.wasm?v=$engine_hash" dist/index.html || { echo "build-web: no engine meta in dist/index.html" >&2; exit 1; }
# The CPython check, loaded only when a reader asks for it: Pyodide's files (npm `pyodide`,
# pinned in package.json), its worker and memplay's driver, under dist/cpython/.
mkdir -p dist/cpython
for f in pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip pyodide-lock.json; do
  cp "node_modules/pyodide/$f" dist/cpython/
done
cp www/cpython-worker.js dist/cpython/worker.js
cp www/cpython-measure.js dist/cpython/measure.js
# The driver: its parts joined in their names' order, as memplay_model::CPYTHON_DRIVER joins
# them for the command line (a test holds the two together).
LC_ALL=C cat crates/model/py/cpython/*.py > dist/cpython/cpython_driver.py
# memplay's sample files, made by the same Rust as the engine's, for a snippet that reads
# data/ under the check (the worker fetches them only then).
cargo run -q -p memplay-model --bin memplay-samples -- dist/cpython/data
node scripts/externalize-scripts.mjs dist
node scripts/precompress.mjs dist
