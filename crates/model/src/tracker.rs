//! Follows one run's events, so that whoever supervises the engine has a report to show
//! however the run ends: normally, at a limit, stopped, or with the engine gone.

use crate::{AtPeak, EngineEvent, EngineInfo, Limits, RunError, RunReport};

#[derive(Clone, Debug, PartialEq)]
pub struct RunTracker {
    limits: Limits,
    engine: EngineInfo,
    latest: Option<RunReport>,
    /// What was alive at the peak so far, as last explained.
    at_peak: Option<AtPeak>,
    stdout: String,
    stderr: String,
    started: bool,
    finished: Option<RunReport>,
}

impl RunTracker {
    pub fn new(limits: Limits, engine: EngineInfo) -> Self {
        Self {
            limits,
            engine,
            latest: None,
            at_peak: None,
            stdout: String::new(),
            stderr: String::new(),
            started: false,
            finished: None,
        }
    }

    /// Takes in one event; returns the final report when the event ends the run.
    pub fn apply(&mut self, event: EngineEvent) -> Option<&RunReport> {
        match event {
            EngineEvent::Started => self.started = true,
            EngineEvent::Output { stderr, text } => {
                if stderr { &mut self.stderr } else { &mut self.stdout }.push_str(&text);
            }
            EngineEvent::Progress(report) | EngineEvent::Limit { report, .. } => self.latest = Some(*report),
            EngineEvent::AtPeak(so_far) => self.at_peak = Some(*so_far),
            EngineEvent::Done(report) => {
                let mut report = *report;
                report.stdout = std::mem::take(&mut self.stdout);
                report.stderr = std::mem::take(&mut self.stderr);
                self.finished = Some(report);
            }
        }
        self.finished.as_ref()
    }

    /// The snippet's first line has run (its time limit is counting).
    pub fn started(&self) -> bool {
        self.started
    }

    /// The latest figures seen, if any progress came in.
    pub fn latest(&self) -> Option<&RunReport> {
        self.finished.as_ref().or(self.latest.as_ref())
    }

    /// The final report, once the run has ended by itself.
    pub fn finished(&self) -> Option<&RunReport> {
        self.finished.as_ref()
    }

    /// What a run that will never report again has to show: the latest figures with all
    /// the output streamed, `error` unless those figures name their own (a limit), and
    /// what was alive at the peak as far as it was last explained (its `live_bytes` may be
    /// below the figures' peak, if the peak rose in the last moments).
    pub fn partial(&self, error: RunError) -> RunReport {
        let mut report = self.latest.clone().unwrap_or_else(|| RunReport::empty(self.limits, self.engine.clone()));
        if report.at_peak.is_none() {
            report.at_peak.clone_from(&self.at_peak);
        }
        report.stdout.clone_from(&self.stdout);
        report.stderr.clone_from(&self.stderr);
        report.error.get_or_insert(error);
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, LimitKind};

    fn tracker() -> RunTracker {
        RunTracker::new(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() })
    }

    fn report(peak: u64) -> RunReport {
        let mut r = RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() });
        r.peak_bytes = peak;
        r
    }

    #[test]
    fn done_ends_the_run_with_its_own_report() {
        let mut t = tracker();
        assert!(t.apply(EngineEvent::Started).is_none());
        assert!(t.started());
        assert!(t.apply(EngineEvent::Progress(Box::new(report(5)))).is_none());
        assert_eq!(t.apply(EngineEvent::Done(Box::new(report(9)))).map(|r| r.peak_bytes), Some(9));
        assert_eq!(t.latest().map(|r| r.peak_bytes), Some(9));
    }

    #[test]
    fn a_partial_report_keeps_the_output_and_the_latest_figures() {
        let mut t = tracker();
        t.apply(EngineEvent::Output { stderr: false, text: "a".into() });
        t.apply(EngineEvent::Output { stderr: true, text: "warn".into() });
        t.apply(EngineEvent::Output { stderr: false, text: "b".into() });
        t.apply(EngineEvent::Progress(Box::new(report(77))));
        let r = t.partial(RunError::plain(ErrorKind::Stopped, "stopped"));
        assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.peak_bytes), ("ab", "warn", 77));
        assert_eq!(r.error.unwrap().kind, "Stopped");
    }

    #[test]
    fn a_run_cut_short_is_explained_up_to_its_last_explained_peak() {
        let mut t = tracker();
        t.apply(EngineEvent::Progress(Box::new(report(50))));
        assert_eq!(t.partial(RunError::plain(ErrorKind::Stopped, "stopped")).at_peak, None);
        let so_far = AtPeak { live_bytes: 40, running_line: Some(2), ..AtPeak::default() };
        t.apply(EngineEvent::AtPeak(Box::new(so_far.clone())));
        t.apply(EngineEvent::Progress(Box::new(report(60))));
        let r = t.partial(RunError::plain(ErrorKind::Stopped, "stopped"));
        assert_eq!((r.peak_bytes, r.at_peak), (60, Some(so_far)));
        // A limit's report explains itself, and keeps its own explanation.
        let mut limited = report(70);
        limited.at_peak = Some(AtPeak { live_bytes: 70, ..AtPeak::default() });
        t.apply(EngineEvent::limit(LimitKind::Memory, limited));
        assert_eq!(t.partial(RunError::plain(ErrorKind::Stopped, "x")).at_peak.map(|a| a.live_bytes), Some(70));
    }

    #[test]
    fn a_limit_report_names_its_own_error() {
        let mut t = tracker();
        let mut limited = report(3);
        limited.error = Some(RunError::plain(ErrorKind::MemoryLimitExceeded, "memory limit exceeded"));
        t.apply(EngineEvent::limit(LimitKind::Memory, limited));
        assert_eq!(t.partial(RunError::plain(ErrorKind::EngineCrash, "x")).error.unwrap().kind, "MemoryLimitExceeded");
    }

    #[test]
    fn the_final_report_gets_the_output_that_was_streamed() {
        let mut t = tracker();
        t.apply(EngineEvent::Output { stderr: false, text: "49998\n".into() });
        t.apply(EngineEvent::Output { stderr: true, text: "oops".into() });
        let r = t.apply(EngineEvent::done(report(9))).cloned().unwrap();
        assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.peak_bytes), ("49998\n", "oops", 9));
    }
}
