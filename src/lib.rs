//! The browser side of memplay: the playground page (`ui`) and the worker that runs the
//! engine (`worker`). The entry binaries in `src/bin` only start one or the other.

pub mod convert;
#[cfg(feature = "ui")]
pub mod ui;
#[cfg(feature = "worker")]
pub mod worker;
