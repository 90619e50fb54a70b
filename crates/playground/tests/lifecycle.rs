//! The workers' lifecycle across a post's embeds, without a browser: each embed is a
//! `State`, and `Post` carries out their effects as the shell and www/js do (a worker per
//! slot, a shelf per frame, the engine's download shared by frames, timers on one clock).
//! What the tests assert is what the core decides; `Post` only does what it is told.

use std::collections::VecDeque;

use memplay_model::{EngineEvent, EngineInfo, FromWorker, Limits, RunReport, WorkerHeap};
use memplay_playground::{
    Action, Effect, HAND_OVER_MEMORY_BYTES, KEEP_ENGINE_AFTER_MS, MAX_FAILED_STARTS, SHELF_MS, Side, State, WorkerState,
};

struct Worker {
    /// The frame that started it: it ends with that frame.
    owner: usize,
    alive: bool,
}

enum Download {
    Pending(Vec<usize>),
    Done(bool),
}

struct Frame {
    state: State,
    removed: bool,
    slots: [Option<usize>; 2],
    shelf: Vec<(u32, usize, FromWorker)>,
    download: Option<Download>,
    /// Frames that took a worker this one started: `(frame, side, turn)`.
    takers: Vec<(usize, Side, u32)>,
    kept_engine: bool,
}

#[derive(Default)]
struct Post {
    frames: Vec<Frame>,
    workers: Vec<Worker>,
    queue: VecDeque<(usize, Action)>,
    timers: Vec<(u64, usize, Action)>,
    clock: u64,
    downloads: usize,
    /// Workers fail as they start (a broken build, no memory to instantiate the engine).
    broken: bool,
}

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

impl Post {
    /// A post with `n` embeds, all on screen, that download nothing until run.
    fn with_embeds(n: usize) -> Post {
        let mut post = Post::default();
        for _ in 0..n {
            let mut state = State::embedded();
            state.demand.prefetch = false;
            post.frames.push(Frame {
                state,
                removed: false,
                slots: [None, None],
                shelf: Vec::new(),
                download: None,
                takers: Vec::new(),
                kept_engine: false,
            });
        }
        for f in 0..n {
            post.act(f, Action::Visible(true));
        }
        post
    }

    fn act(&mut self, frame: usize, action: Action) {
        self.queue.push_back((frame, action));
        self.settle();
    }

    fn settle(&mut self) {
        while let Some((f, action)) = self.queue.pop_front() {
            if self.frames[f].removed {
                continue;
            }
            for effect in self.frames[f].state.apply(action) {
                self.carry_out(f, effect);
            }
        }
    }

    /// Runs the clock `ms` on, firing the timers that fall due in order.
    fn advance(&mut self, ms: u64) {
        let until = self.clock + ms;
        while let Some(next) =
            (0..self.timers.len()).filter(|&i| self.timers[i].0 <= until).min_by_key(|&i| self.timers[i].0)
        {
            let (due, f, action) = self.timers.remove(next);
            self.clock = due;
            self.act(f, action);
        }
        self.clock = until;
    }

    fn carry_out(&mut self, f: usize, effect: Effect) {
        match effect {
            Effect::DropWorker(side) => {
                if let Some(w) = self.frames[f].slots[side.index()].take() {
                    self.workers[w].alive = false;
                }
            }
            Effect::SpawnWorker(side) => {
                assert!(self.frames[f].state.engine.compiled, "a worker is spawned only from a compiled engine");
                self.workers.push(Worker { owner: f, alive: true });
                self.frames[f].slots[side.index()] = Some(self.workers.len() - 1);
                let said = if self.broken {
                    FromWorker::Failed { message: "the engine failed to start: broken".into() }
                } else {
                    FromWorker::Ready { engine: engine() }
                };
                self.queue.push_back((f, Action::Worker(side, said)));
            }
            Effect::TakeWorker { side, turn } => self.take(f, side, turn),
            Effect::ShelveWorker { side, id, ready } => {
                if let Some(w) = self.frames[f].slots[side.index()].take() {
                    self.frames[f].shelf.push((id, w, ready));
                }
            }
            Effect::DropShelved(id) => {
                let shelf = &mut self.frames[f].shelf;
                if let Some(at) = shelf.iter().position(|(i, ..)| *i == id) {
                    let (_, w, _) = shelf.remove(at);
                    self.workers[w].alive = false;
                }
            }
            Effect::LoadEngine => self.load_engine(f),
            Effect::ForgetEngineDownload => self.frames[f].download = None,
            Effect::KeepEngine { .. } => self.frames[f].kept_engine = true,
            Effect::ClaimEngine => {
                for g in self.live_frames().filter(|&g| g != f).collect::<Vec<_>>() {
                    self.queue.push_back((g, Action::OtherEngineClaimed));
                }
            }
            Effect::After { ms, action } => self.timers.push((self.clock + ms, f, *action)),
            _ => {}
        }
    }

    /// As www/js/on-demand.js: this frame's shelf first, then its siblings'.
    fn take(&mut self, f: usize, side: Side, turn: u32) {
        let order: Vec<usize> = std::iter::once(f).chain(self.live_frames().filter(|&g| g != f)).collect();
        for g in order {
            if self.frames[g].shelf.is_empty() {
                continue;
            }
            let (_, w, ready) = self.frames[g].shelf.remove(0);
            self.frames[f].slots[side.index()] = Some(w);
            let owner = self.workers[w].owner;
            if owner != f {
                self.frames[owner].takers.push((f, side, turn));
            }
            self.queue.push_back((f, Action::Worker(side, ready)));
            return;
        }
        self.queue.push_back((f, Action::NoWorkerShelved { side, turn }));
    }

    /// As www/js/engine.js: follow this frame's or a sibling's download, else start one.
    fn load_engine(&mut self, f: usize) {
        let order: Vec<usize> = std::iter::once(f).chain(self.live_frames().filter(|&g| g != f)).collect();
        for g in order {
            match &mut self.frames[g].download {
                Some(Download::Pending(followers)) => return followers.push(f),
                Some(Download::Done(true)) => return self.queue.push_back((f, Action::EngineCompiled)),
                Some(Download::Done(false)) => return self.queue.push_back((f, Action::EngineFailed("404".into()))),
                None => {}
            }
        }
        self.downloads += 1;
        self.frames[f].download = Some(Download::Pending(vec![f]));
    }

    /// The download frame `f` started ends: every frame that follows it hears.
    fn finish_download(&mut self, f: usize, ok: bool) {
        let Some(Download::Pending(followers)) = self.frames[f].download.replace(Download::Done(ok)) else {
            panic!("frame {f} has no download under way")
        };
        for g in followers {
            if !ok {
                self.queue.push_back((g, Action::EngineFailed("could not download the engine (404)".into())));
                continue;
            }
            self.queue.push_back((g, Action::EngineCompiled));
            if g == f {
                self.queue.push_back((g, Action::EngineDownloaded));
            }
        }
        self.settle();
    }

    /// The post takes frame `f` out: its workers end with it, wherever they work.
    fn remove(&mut self, f: usize) {
        self.frames[f].removed = true;
        for w in &mut self.workers {
            if w.owner == f {
                w.alive = false;
            }
        }
        for (taker, side, turn) in std::mem::take(&mut self.frames[f].takers) {
            self.queue.push_back((taker, Action::WorkerOwnerGone { side, turn }));
        }
        self.settle();
    }

    /// Frame `f`'s workers end the runs they were given.
    fn finish_runs(&mut self, f: usize) {
        for side in Side::BOTH {
            if self.frames[f].state.pane(side).worker == WorkerState::Busy {
                self.finish_run(f, side);
            }
        }
    }

    /// Frame `f`'s worker in `side` ends the run it was given.
    fn finish_run(&mut self, f: usize, side: Side) {
        let run_id = self.frames[f].state.pane(side).run_id;
        let report = RunReport::empty(Limits::default(), engine());
        self.act(f, Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::Started }));
        self.act(f, Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::done(report) }));
    }

    fn live_frames(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.frames.len()).filter(|&g| !self.frames[g].removed)
    }

    fn state(&self, f: usize) -> &State {
        &self.frames[f].state
    }

    /// The worker in frame `f`'s pane, alive.
    fn worker(&self, f: usize, side: Side) -> Option<&Worker> {
        self.frames[f].slots[side.index()].map(|w| &self.workers[w]).filter(|w| w.alive)
    }

    fn alive(&self) -> usize {
        self.workers.iter().filter(|w| w.alive).count()
    }

    /// Frame 0 run once, its download done, its runs finished.
    fn first_embed_run(&mut self) {
        self.act(0, Action::Run);
        self.finish_download(0, true);
        self.advance(0);
        self.finish_runs(0);
        assert!(self.state(0).comparison.is_some());
    }
}

#[test]
fn a_second_embeds_run_takes_the_first_embeds_workers() {
    let mut post = Post::with_embeds(2);
    post.first_embed_run();
    assert_eq!((post.workers.len(), post.alive()), (2, 2));

    post.act(1, Action::Run);
    assert!(
        post.state(0).panes.iter().all(|p| p.worker == WorkerState::Asleep),
        "the idle embed gave its workers back"
    );
    assert_eq!(post.frames[0].shelf.len(), 2, "onto its shelf, alive");
    post.advance(0);
    // The second embed follows the first's download, done: nothing is downloaded again.
    assert_eq!(post.downloads, 1);
    for side in Side::BOTH {
        assert_eq!(post.worker(1, side).map(|w| w.owner), Some(0), "{side:?} runs on the first embed's worker");
        assert_eq!(post.state(1).pane(side).worker, WorkerState::Busy);
    }
    assert_eq!(post.workers.len(), 2, "no worker was started for the second embed");
    post.finish_runs(1);
    assert!(post.state(1).comparison.is_some());
    // Taken, they are not terminated when the shelf's time is up.
    post.advance(SHELF_MS);
    assert_eq!(post.alive(), 2);
}

#[test]
fn a_shelved_worker_not_taken_within_its_time_is_terminated() {
    let mut post = Post::with_embeds(1);
    post.first_embed_run();
    post.act(0, Action::Visible(false));
    post.advance(post.state(0).demand.idle_ms);
    assert_eq!(post.frames[0].shelf.len(), 2, "given back idle, small and ready: shelved");
    assert_eq!(post.alive(), 2, "alive on the shelf, for the post's next embed");
    post.advance(SHELF_MS - 1);
    assert_eq!(post.alive(), 2);
    post.advance(1);
    assert_eq!(post.alive(), 0, "none came: both terminated");
    assert!(post.frames[0].shelf.is_empty());
    // Back on screen and run again: fresh workers from the engine the frame kept.
    post.act(0, Action::Visible(true));
    post.act(0, Action::Run);
    post.advance(0);
    assert_eq!((post.downloads, post.alive()), (1, 2));
    post.finish_runs(0);
}

#[test]
fn a_grown_worker_is_never_handed_over() {
    let mut post = Post::with_embeds(2);
    post.first_embed_run();
    let heap = |memory_bytes| WorkerHeap { live_bytes: 1 << 20, memory_bytes, runs: 1 };
    post.act(0, Action::Worker(Side::A, FromWorker::Idle { heap: heap(HAND_OVER_MEMORY_BYTES) }));
    post.act(0, Action::Worker(Side::B, FromWorker::Idle { heap: heap(HAND_OVER_MEMORY_BYTES / 2) }));
    let grown = post.frames[0].slots[Side::A.index()].expect("a worker");

    post.act(1, Action::Run);
    assert!(!post.workers[grown].alive, "the grown worker is terminated, not shelved");
    assert_eq!(post.frames[0].shelf.len(), 1);
    post.advance(0);
    // Workers are alike: A takes the small one off the shelf, and B starts a fresh one.
    let owners = Side::BOTH.map(|side| post.worker(1, side).map(|w| w.owner));
    assert_eq!(owners, [Some(0), Some(1)], "the small one is taken over, the grown one replaced");
    assert_eq!(post.workers.len(), 3);
}

#[test]
fn a_removed_frames_workers_are_replaced_where_they_are_in_use() {
    let mut post = Post::with_embeds(2);
    post.first_embed_run();
    post.act(1, Action::Run);
    post.advance(0);
    // The second embed runs on the first embed's workers; A is busy, B has finished.
    post.finish_run(1, Side::B);
    assert_eq!(post.state(1).pane(Side::A).worker, WorkerState::Busy);

    post.remove(0);
    assert_eq!(post.state(1).pane(Side::A).worker, WorkerState::Starting);
    let cut = post.state(1).pane(Side::A).result.as_ref().and_then(|r| r.error.as_ref()).expect("A's run ends");
    assert!(cut.message.contains("removed"), "{cut:?}");
    post.advance(0);
    for side in Side::BOTH {
        assert_eq!(post.worker(1, side).map(|w| w.owner), Some(1), "{side:?} has a fresh worker of its own");
        assert_eq!(post.state(1).pane(side).worker, WorkerState::Ready);
    }
    // Run again: both panes work.
    post.act(1, Action::Run);
    post.finish_runs(1);
    assert!(post.state(1).comparison.as_ref().is_some_and(|c| c.a.error.is_none() && c.b.error.is_none()));
}

#[test]
fn a_failed_shared_download_is_retried_by_the_next_embed() {
    let mut post = Post::with_embeds(3);
    post.act(0, Action::Run);
    post.act(1, Action::Run);
    assert_eq!(post.downloads, 1, "the second embed follows the first's download");
    post.finish_download(0, false);
    for f in [0, 1] {
        assert!(post.state(f).engine.error.is_some(), "frame {f} says the engine failed");
    }
    // The third embed does not follow the failure: it downloads again, and runs.
    post.act(2, Action::Run);
    assert_eq!(post.downloads, 2);
    post.finish_download(2, true);
    post.advance(0);
    post.finish_runs(2);
    assert!(post.state(2).comparison.is_some());
}

#[test]
fn the_frame_that_downloaded_the_engine_keeps_it_after_the_start() {
    let mut post = Post::with_embeds(2);
    post.first_embed_run();
    post.act(1, Action::Run);
    post.advance(KEEP_ENGINE_AFTER_MS - 1);
    assert!(!post.frames[0].kept_engine, "not during the start");
    post.advance(1);
    assert!(post.frames[0].kept_engine);
    assert!(!post.frames[1].kept_engine, "a frame that followed another's download keeps nothing");
}

#[test]
fn workers_that_cannot_start_fail_the_engine_instead_of_starting_for_ever() {
    let mut post = Post::with_embeds(1);
    post.broken = true;
    post.act(0, Action::Run);
    post.finish_download(0, true);
    post.advance(0);
    let starts_left = post.timers.iter().filter(|(_, _, a)| matches!(a, Action::StartWorker { .. })).count();
    assert!(post.queue.is_empty() && starts_left == 0, "nothing more is started");
    let spawned = post.workers.len();
    assert!(spawned <= 2 * MAX_FAILED_STARTS as usize, "{spawned} workers started");
    let error = post.state(0).engine.error.clone().expect("the engine is said to have failed");
    assert!(error.contains("could not start") && error.contains("broken"), "{error}");
    assert!(post.state(0).panes.iter().all(|p| matches!(p.worker, WorkerState::Failed(_))));
    assert!(!post.state(0).running(), "the run waiting for the workers is not left waiting");
    assert_eq!(post.alive(), 0);

    // A worker that fails once and then starts is an accident, not a broken engine.
    let mut post = Post::with_embeds(1);
    post.broken = true;
    post.act(0, Action::Run);
    post.finish_download(0, true);
    post.broken = false;
    post.advance(0);
    assert_eq!(post.state(0).engine.error, None);
    post.finish_runs(0);
    assert!(post.state(0).comparison.is_some());
}
