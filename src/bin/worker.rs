//! The engine worker: one per pane, started by the page from `worker-boot.js`.

use memplay_engine::CountingAlloc;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::system();

fn main() {
    memplay::worker::start();
}
