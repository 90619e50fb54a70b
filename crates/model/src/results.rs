//! What was measured, as one JSON object: a run's report or a comparison, with CPython's
//! check of it as its `cpython` member and a sweep as its `sweep` member, each only when
//! there is one. `memplay run/compare --json` (with `--cpython`), the page's JSON export and
//! `window.memplay.results()` are all this one shape.

use serde::Serialize;

use crate::Sweep;

#[derive(Debug, Serialize)]
pub struct Results<'a, T, C> {
    #[serde(flatten)]
    pub value: Option<&'a T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpython: Option<&'a C>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<&'a Sweep>,
}

impl<'a, T, C> Results<'a, T, C> {
    /// `value` with CPython's check of it, when there is one.
    pub fn checked(value: &'a T, cpython: Option<&'a C>) -> Self {
        Self { value: Some(value), cpython, sweep: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comparison, CpythonCheck, EngineInfo, Limits, RunReport};

    #[test]
    fn the_check_is_a_member_beside_the_comparisons_own() {
        let r = RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() });
        let c = Comparison::new(r.clone(), r);
        let plain = serde_json::to_value(Results::<_, CpythonCheck>::checked(&c, None)).unwrap();
        assert_eq!(plain, serde_json::to_value(&c).unwrap(), "no check: the comparison as it is");
        let empty =
            serde_json::to_value(Results::<Comparison, CpythonCheck> { value: None, cpython: None, sweep: None });
        assert_eq!(empty.unwrap(), serde_json::json!({}));
    }
}
