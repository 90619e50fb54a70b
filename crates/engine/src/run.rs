//! One run: compile, warm the imports, take the baseline, execute, report.

use memplay_model::{EngineInfo, ErrorKind, LimitKind, RunError, RunOptions, RunReport};
use rustpython_vm::{
    AsObject, PyObjectRef, PyRef, VirtualMachine,
    builtins::{PyBaseExceptionRef, PyCode, PyStr, PyTuple},
    compiler::Mode,
};

use crate::host::Host;
use crate::meter::{Active, Meter};
use crate::{interp, shims};

/// The `co_filename` of the snippet's code: tracebacks and tracemalloc show it.
pub use memplay_model::SNIPPET_FILENAME;

pub fn engine_info() -> EngineInfo {
    EngineInfo {
        name: memplay_model::ENGINE_NAME.to_owned(),
        version: format!("{} / rustpython-vm 0.6.0", env!("CARGO_PKG_VERSION")),
    }
}

/// Runs `code` in a fresh interpreter and measures it. Never panics on any snippet; a
/// limit or an exception ends the run with the figures up to that point.
pub fn run(code: &str, options: &RunOptions, host: &mut dyn Host) -> RunReport {
    let mut report = None;
    run_delivering(code, options, host, |r| report = Some(r));
    report.expect("every run delivers a report")
}

/// `run`, handing the report to `deliver` as soon as it is complete: before the interpreter
/// is torn down, which takes longer than a small snippet (BENCHMARKS.md). The call returns
/// once the interpreter is gone.
pub fn run_delivering(code: &str, options: &RunOptions, host: &mut dyn Host, deliver: impl FnOnce(RunReport)) {
    warm_up_thread(host);
    run_fresh(code, options, host, Counting::On, deliver)
}

/// Whether the meter is active during the snippet. Off exists for the overhead benchmark:
/// the same interpreter and code, with the allocator only forwarding.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Counting {
    On,
    Off,
}

/// `run` with counting switched on or off; with it off only `wall_ms`, output and errors
/// are filled in.
pub fn run_counting(code: &str, options: &RunOptions, host: &mut dyn Host, counting: Counting) -> RunReport {
    warm_up_thread(host);
    let mut report = None;
    run_fresh(code, options, host, counting, |r| report = Some(r));
    report.expect("every run delivers a report")
}

/// Readies this thread for measured runs (see `warm_up_thread`) without running anything
/// else: a worker calls it once before it says it is ready, so its first snippet costs
/// what every later one does. Runs do it themselves when it has not been done.
pub fn warm_up(host: &mut dyn Host) {
    warm_up_thread(host);
}

/// Some of RustPython's thread-local caches fill on first use, which would make the first
/// run on a thread allocate a little more than every later one. One throwaway run per
/// thread fills them, so every measured run sees the same state.
fn warm_up_thread(host: &mut dyn Host) {
    thread_local! {
        static WARM: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
    }
    if !WARM.with(|w| w.replace(true)) {
        let mut quiet = Quiet { clock: host };
        run_fresh(WARM_UP, &RunOptions::default(), &mut quiet, Counting::On, drop);
    }
}

const WARM_UP: &str = "import json\ns = json.dumps({str(i): [i, i * 0.5, 'x', None, True] for i in range(50)})\nd = json.loads(s)\nprint(len(s), '%d' % 5, f'{1.5:.2f}', repr(d)[:10])\n";

/// Passes the clock through and drops everything else (for the warm-up run).
struct Quiet<'a> {
    clock: &'a mut dyn Host,
}

impl Host for Quiet<'_> {
    fn now_ms(&self) -> f64 {
        self.clock.now_ms()
    }
}

fn run_fresh(
    code: &str,
    options: &RunOptions,
    host: &mut dyn Host,
    counting: Counting,
    deliver: impl FnOnce(RunReport),
) {
    shims::reset_run_state(code);
    let interp = interp::build(options.limits.recursion);
    deliver(interp.enter(|vm| run_in(vm, code, options, host, counting)));
    // Without finalizing, the interpreter's modules, types and functions (which refer to
    // each other) outlive it: about 2 MiB per run, more with imports. Handlers the snippet
    // registered with atexit are dropped first: the run is over.
    interp.enter(|vm| {
        if let Ok(atexit) = vm.import("atexit", 0) {
            let _ = vm.call_method(&atexit, "_clear", ());
        }
    });
    interp.finalize(None);
    // What the thread's freelists keep depends on the runs before: emptied, every run
    // starts from the same state (vendor/README.md).
    rustpython_vm::process_memory::release_caches();
    shims::clear_run_state();
}

/// `run` on a thread with a large stack, so deep Python recursion reaches Python's own
/// limit long before the native stack runs out.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_on_big_stack(code: &str, options: &RunOptions, host: &mut (dyn Host + Send)) -> RunReport {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("memplay-run".into())
            .stack_size(512 << 20)
            .spawn_scoped(s, move || run(code, options, host))
            .expect("spawn the run thread")
            .join()
            .unwrap_or_else(|_| {
                let mut r = RunReport::empty(options.limits, engine_info());
                r.error =
                    Some(RunError::plain(ErrorKind::EngineCrash, "the engine crashed while running this snippet"));
                r
            })
    })
}

fn run_in(vm: &VirtualMachine, code: &str, options: &RunOptions, host: &mut dyn Host, counting: Counting) -> RunReport {
    let mut template = RunReport::empty(options.limits, engine_info());
    // The shims (src/shims/mod.rs) install themselves on import; `_memplay_errors` words
    // the exceptions the snippet raises.
    let errors = match vm.import("_memplay_boot", 0).and_then(|_| vm.import("_memplay_errors", 0)) {
        Ok(m) => m,
        Err(e) => {
            template.error = Some(internal_error(vm, &e, "the sandbox failed to start"));
            return template;
        }
    };
    let compiled = match vm.compile(code, Mode::Exec, SNIPPET_FILENAME.to_owned()) {
        Ok(c) => c,
        Err(err) => {
            let exc = err.into_pyexception(vm, Some(code));
            template.error = Some(describe(vm, &errors, &exc, code));
            return template;
        }
    };
    let scope = vm.new_scope_with_builtins();
    let _ = scope.globals.set_item("__name__", vm.ctx.new_str("__main__").into(), vm);
    if options.warm_imports {
        for name in memplay_model::imported_modules(code) {
            if vm.import(&vm.ctx.new_str(name.as_str()), 0).is_ok() {
                template.warmed_imports.push(name);
            }
        }
    }
    if counting == Counting::Off {
        let start = host.now_ms();
        let result = vm.run_code_obj(compiled, scope.clone());
        template.wall_ms = host.now_ms() - start;
        release(scope);
        if let Err(exc) = result {
            template.error = Some(describe(vm, &errors, &exc, code));
        }
        return template;
    }
    let line_count = code.lines().count() + 1;
    let snippet_path = core::ptr::from_ref(compiled.source_path) as usize;
    let meter = Meter::new(line_count, snippet_path, options.stacks, template, host);
    measure(vm, compiled, scope, code, meter, &errors)
}

/// Empties the snippet's namespace once it is measured. Its functions refer back to it
/// (`__globals__`) and its classes to their functions, a cycle RustPython's collector does
/// not free when the class has `__slots__` and methods: without this, every object the
/// snippet kept at module level outlived the run (25 MiB a run for 100 000 such instances).
fn release(scope: rustpython_vm::scope::Scope) {
    scope.globals.clear();
}

fn measure(
    vm: &VirtualMachine,
    compiled: PyRef<PyCode>,
    scope: rustpython_vm::scope::Scope,
    code: &str,
    meter: Box<Meter>,
    errors: &PyObjectRef,
) -> RunReport {
    let limits = meter.limits();
    // Garbage left by the boot script and the warm imports is collected now, so that
    // freeing it later is not credited to the snippet.
    collect_garbage(vm);
    // And the objects the freelists keep, whose number and leftovers (a dict's table, an
    // int's digits) depend on what ran before: every run starts with them empty.
    rustpython_vm::process_memory::release_caches();
    let active = Active::start(meter);
    // The code object and the scope stay referenced until measuring stops, so freeing
    // them is not counted against the snippet.
    let result = vm.run_code_obj(compiled.clone(), scope.clone());
    // Dead objects the freelists kept for reuse are the interpreter's cache, not what the
    // snippet keeps: those the snippet made are freed while counting, so that retained is
    // the snippet's own (those made before it are not its to free).
    active.release_caches();
    let meter = active.stop();
    drop(compiled);
    let wall_ms = meter.elapsed_ms();
    release(scope);

    let mut report = meter.report();
    report.wall_ms = wall_ms;
    // The snippet finished or raised by itself: that is what the report says.
    report.error = None;
    if let Err(exc) = result
        && !is_clean_exit(vm, &exc)
    {
        let mut error = describe(vm, errors, &exc, code);
        // A refused allocation, or a size past what the address space can hold (RustPython
        // raises a bare MemoryError for that): either way the snippet asked for too much.
        let refused = meter.limit_hit == Some(LimitKind::Memory) || error.message.is_empty();
        if refused && exc.class().is(vm.ctx.exceptions.memory_error) {
            error.message = LimitKind::Memory.message(&limits);
        }
        // RustPython raises a bare RecursionError when the native stack runs low.
        if error.message.is_empty() && exc.class().is(vm.ctx.exceptions.recursion_error) {
            error.message = "maximum recursion depth exceeded (the native stack is nearly full)".into();
        }
        report.error = Some(error);
    }
    report
}

fn collect_garbage(vm: &VirtualMachine) {
    if let Ok(gc) = vm.import("gc", 0) {
        let _ = vm.call_method(&gc, "collect", ());
    }
}

/// `SystemExit` with no code or code 0 ends a script normally, as in CPython.
fn is_clean_exit(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> bool {
    if !exc.class().is(vm.ctx.exceptions.system_exit) {
        return false;
    }
    match exc.get_arg(0) {
        None => true,
        Some(code) => vm.is_none(&code) || code.try_to_value::<i64>(vm).is_ok_and(|c| c == 0),
    }
}

fn describe(vm: &VirtualMachine, errors: &PyObjectRef, exc: &PyBaseExceptionRef, code: &str) -> RunError {
    let described = vm.call_method(errors, "describe", (exc.clone(), vm.ctx.new_str(code))).ok().and_then(|t| {
        let t = t.downcast::<PyTuple>().ok()?;
        let text =
            |i: usize| t.get(i).and_then(|o| o.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()));
        let line = t.get(2).and_then(|o| o.try_to_value::<u32>(vm).ok());
        Some(RunError {
            kind: ErrorKind::Python(text(0)?),
            message: text(1)?.trim_end().to_owned(),
            line,
            traceback: text(3)?,
        })
    });
    described
        .unwrap_or_else(|| RunError::plain(ErrorKind::Python(exc.class().name().to_string()), exc_message(vm, exc)))
}

fn exc_message(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> String {
    exc.as_object().str(vm).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn internal_error(vm: &VirtualMachine, exc: &PyBaseExceptionRef, what: &str) -> RunError {
    let mut traceback = String::new();
    let _ = vm.write_exception(&mut traceback, exc);
    RunError { traceback, ..RunError::plain(ErrorKind::EngineError, format!("{what}: {}", exc_message(vm, exc))) }
}
