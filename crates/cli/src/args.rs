//! The command line: what it accepts and what each command prints.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use memplay_model::{
    Comparison, CpythonCheck, Figure, Limits, PRESETS, Results, RunOptions, RunReport, SweepRange, card_svg, markdown,
    preset, svg, sweep_markdown, sweep_svg, timeline_svg,
};

use crate::{cpython, human, supervise, sweep};

#[derive(Parser)]
#[command(
    name = "memplay",
    version,
    about = "Measure how Python snippets use memory (RustPython engine)",
    after_help = "Snippets run sandboxed in memplay's engine: no files of yours, no network, no processes. \
                  --cpython is not: it runs them as your own python3, with your permissions, files and network."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run one snippet and report its memory use
    Run {
        /// Python file to run (`-` reads standard input)
        file: Option<PathBuf>,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        opts: RunArgs,
    },
    /// Run two snippets and compare their memory use
    Compare {
        /// Variant A (`-` reads standard input)
        a: Option<PathBuf>,
        /// Variant B
        b: Option<PathBuf>,
        /// Print {"a": REPORT, "b": REPORT, "verdict": TEXT} as JSON
        #[arg(long, group = "format")]
        json: bool,
        /// Print a Markdown table
        #[arg(long, group = "format")]
        markdown: bool,
        /// Also write the bar chart to OUT (SVG)
        #[arg(long, value_name = "OUT")]
        svg: Option<PathBuf>,
        /// Also write live memory over both runs to OUT (SVG)
        #[arg(long, value_name = "OUT")]
        timeline_svg: Option<PathBuf>,
        /// Also write the results card (titles, figures, verdict; 1200×630) to OUT (SVG)
        #[arg(long, value_name = "OUT")]
        card: Option<PathBuf>,
        #[command(flatten)]
        opts: RunArgs,
    },
    /// Run both snippets at a series of sizes of their size (a variable `N = 100_000`, or any
    /// integer or power in the code, such as `range(10**6)`) and say how each one's peak
    /// memory grows with it
    Sweep {
        /// Variant A (`-` reads standard input)
        a: Option<PathBuf>,
        /// Variant B
        b: Option<PathBuf>,
        /// The size variable (default: A's first top-level ALL-CAPS `NAME = <integer>`, else
        /// A's largest integer literal or power)
        #[arg(long, value_name = "NAME", conflicts_with = "at")]
        var: Option<String>,
        /// The number at this place of snippet A is the size (1-based line and column)
        #[arg(long, value_name = "LINE:COL")]
        at: Option<String>,
        /// The number at this place of snippet B is its size (default: B's counterpart of A's,
        /// found by matching the two snippets' lines)
        #[arg(long = "at-b", value_name = "LINE:COL")]
        at_b: Option<String>,
        /// The smallest size
        #[arg(long, value_name = "N", default_value_t = 10)]
        from: u64,
        /// The largest size (default: the value in snippet A)
        #[arg(long, value_name = "N")]
        to: Option<u64>,
        /// How many sizes, evenly spaced on a log scale
        #[arg(long, value_name = "COUNT", default_value_t = 8)]
        points: u32,
        /// Print {"var", "points", "fit", "crossover"} as JSON
        #[arg(long, group = "format")]
        json: bool,
        /// Print a Markdown table (also the default)
        #[arg(long, group = "format")]
        markdown: bool,
        /// Fit and chart this figure: peak, allocated, allocations, retained or time
        #[arg(long, value_name = "FIGURE", default_value = "peak")]
        figure: String,
        /// Also write the figure against N (log-log) to OUT (SVG)
        #[arg(long, value_name = "OUT")]
        svg: Option<PathBuf>,
        #[command(flatten)]
        opts: RunArgs,
    },
}

#[derive(Args)]
struct RunArgs {
    /// Stop a snippet after this many seconds
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    time_limit: f64,
    /// Memory limit per snippet, in MiB above the baseline
    #[arg(long, value_name = "MB", default_value_t = 512)]
    memory_limit: u64,
    /// Measure module imports too instead of importing them before the baseline
    #[arg(long)]
    no_warm_imports: bool,
    /// Explain the peak by line only: no call stacks in `at_peak.by_stack`
    #[arg(long)]
    no_stacks: bool,
    /// Run a preset instead of files (for `run`: its variant A; `--preset ID:b` for B)
    #[arg(long, value_name = "NAME")]
    preset: Option<String>,
    /// List the presets and exit
    #[arg(long)]
    list_presets: bool,
    /// Also run under the local python3's tracemalloc and show CPython's figures beside
    /// (run, compare). Not sandboxed: the snippets run as your own python3, with your
    /// permissions, files and network (memplay's engine is sandboxed)
    #[arg(long)]
    cpython: bool,
}

impl RunArgs {
    fn options(&self) -> Result<RunOptions, String> {
        if !(self.time_limit > 0.0 && self.time_limit.is_finite()) {
            return Err("--time-limit must be a positive number of seconds".into());
        }
        if self.memory_limit == 0 {
            return Err("--memory-limit must be at least 1 MB".into());
        }
        let limits = Limits {
            time_ms: (self.time_limit * 1000.0).round() as u64,
            memory_bytes: self.memory_limit.saturating_mul(1024 * 1024),
            ..Limits::default()
        };
        Ok(RunOptions { limits, warm_imports: !self.no_warm_imports, stacks: !self.no_stacks })
    }
}

/// Draws one of the comparison's pictures from it and both titles.
type Picture = fn(&Comparison, &str, &str) -> String;

/// A snippet to run and the title it is shown under.
struct Snippet {
    title: String,
    code: String,
}

pub fn execute(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Run { file, json, opts } => {
            if opts.list_presets {
                return Ok(list_presets());
            }
            let snippet = match (&opts.preset, file) {
                (Some(id), None) => preset_side(id)?,
                (None, Some(file)) => read_snippet(&file)?,
                (Some(_), Some(_)) => return Err("give a FILE or --preset, not both".into()),
                (None, None) => return Err("missing FILE (or --preset NAME); see --help".into()),
            };
            let options = opts.options()?;
            if opts.cpython {
                cpython::check_python()?;
            }
            let report = supervise::run(&snippet.code, &options);
            let check = if opts.cpython { Some(cpython::run(&snippet.code, &options)?) } else { None };
            if json {
                println!("{}", to_json(&Results::checked(&report, check.as_ref()))?);
            } else {
                print!("{}", human::report(&snippet.title, &snippet.code, &report));
                if let Some(check) = &check {
                    print!("{}", human::check(check));
                }
            }
            Ok(exit_code([&report]))
        }
        Command::Compare { a, b, json, markdown: md, svg: svg_out, timeline_svg: timeline_out, card, opts } => {
            if opts.list_presets {
                return Ok(list_presets());
            }
            let (a, b) = pair(&opts, a, b, "compare")?;
            let options = opts.options()?;
            if opts.cpython {
                cpython::check_python()?;
            }
            let (ra, rb) = (supervise::run(&a.code, &options), supervise::run(&b.code, &options));
            let metric = opts.preset.as_deref().and_then(preset).map(|p| p.metric);
            let comparison = Comparison::of_code(ra, rb, &a.code, &b.code).judged_on(metric);
            let check = match opts.cpython {
                true => Some(CpythonCheck::new(
                    cpython::run(&a.code, &options)?,
                    cpython::run(&b.code, &options)?,
                    &comparison,
                )),
                false => None,
            };
            let pictures: [(Option<PathBuf>, Picture); 3] =
                [(svg_out, svg), (timeline_out, timeline_svg), (card, card_svg)];
            let mut wrote = false;
            for (path, draw) in pictures {
                if let Some(path) = path {
                    std::fs::write(&path, draw(&comparison, &a.title, &b.title))
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    wrote = true;
                }
            }
            if json {
                println!("{}", to_json(&Results::checked(&comparison, check.as_ref()))?);
            } else if md {
                print!("{}", markdown(&comparison, check.as_ref(), &a.title, &b.title));
            } else if wrote {
                println!("{}", comparison.verdict);
            } else {
                print!("{}", human::comparison(&a.title, &b.title, &comparison, check.as_ref()));
            }
            Ok(exit_code([&comparison.a, &comparison.b]))
        }
        Command::Sweep { a, b, var, at, at_b, from, to, points, json, markdown: _, figure, svg: svg_out, opts } => {
            if opts.list_presets {
                return Ok(list_presets());
            }
            let figure = Figure::from_key(&figure).ok_or_else(|| {
                format!("no figure called \"{figure}\" (peak, allocated, allocations, retained or time)")
            })?;
            if opts.cpython {
                return Err("--cpython is for run and compare; a sweep runs on memplay's engine".into());
            }
            let (a, b) = pair(&opts, a, b, "sweep")?;
            let var = var.or_else(|| at.map(|p| format!("@{p}")));
            let var_b = at_b.map(|p| format!("@{p}"));
            let plan = SweepRange { var, var_b, from, to, points }.plan(&a.code, &b.code)?;
            let result = sweep::sweep(&a.code, &b.code, &plan, &opts.options()?, |n, i, count| {
                eprintln!("memplay: sweep {} · {i}/{count}", memplay_model::group_thousands(n));
            })?
            .refit(figure);
            if let Some(path) = svg_out {
                std::fs::write(&path, sweep_svg(&result, &a.title, &b.title))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            if json {
                println!("{}", to_json(&result)?);
            } else {
                print!("{}", sweep_markdown(&result, &a.title, &b.title));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The two snippets of `compare` and `sweep`: a preset's, or two files.
fn pair(opts: &RunArgs, a: Option<PathBuf>, b: Option<PathBuf>, command: &str) -> Result<(Snippet, Snippet), String> {
    match (&opts.preset, a, b) {
        (Some(id), None, None) => {
            let p = preset(id).ok_or_else(|| unknown_preset(id))?;
            Ok((
                Snippet { title: p.a_title.into(), code: p.a_code.into() },
                Snippet { title: p.b_title.into(), code: p.b_code.into() },
            ))
        }
        (None, Some(a), Some(b)) => {
            if a == Path::new("-") && b == Path::new("-") {
                return Err("only one of A and B can be standard input".into());
            }
            Ok((read_snippet(&a)?, read_snippet(&b)?))
        }
        (Some(_), _, _) => Err("give two files or --preset, not both".into()),
        _ => Err(format!("{command} needs two files, A and B (or --preset NAME); see --help")),
    }
}

fn exit_code<'a>(reports: impl IntoIterator<Item = &'a RunReport>) -> ExitCode {
    if reports.into_iter().all(RunReport::finished) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot encode JSON: {e}"))
}

fn list_presets() -> ExitCode {
    for p in PRESETS {
        println!("{:<24} {}", p.id, p.title);
    }
    ExitCode::SUCCESS
}

fn unknown_preset(id: &str) -> String {
    format!("unknown preset '{id}' (see --list-presets)")
}

/// `ID` is the preset's variant A, `ID:b` its variant B.
fn preset_side(spec: &str) -> Result<Snippet, String> {
    let (id, side) = spec.split_once(':').unwrap_or((spec, "a"));
    let p = preset(id).ok_or_else(|| unknown_preset(id))?;
    match side {
        "a" | "A" => Ok(Snippet { title: p.a_title.into(), code: p.a_code.into() }),
        "b" | "B" => Ok(Snippet { title: p.b_title.into(), code: p.b_code.into() }),
        _ => Err(format!("preset side must be a or b, not '{side}'")),
    }
}

fn read_snippet(path: &Path) -> Result<Snippet, String> {
    if path == Path::new("-") {
        let mut code = String::new();
        std::io::stdin().read_to_string(&mut code).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(Snippet { title: "stdin".into(), code });
    }
    let code = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let title = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(Snippet { title, code })
}
