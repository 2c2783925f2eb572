//! `tolk check --statistics`: how many findings each rule produced, most
//! frequent first, as `ruff --statistics` prints them.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::checks::{Rule, Severity};
use crate::commands::check::{CheckReport, Summary};
use crate::style::Style;

/// The findings of one rule at one severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: Rule,
    pub severity: Severity,
    pub count: usize,
    /// What the rule looks for (`tolk rules` has the rest).
    pub summary: &'static str,
}

/// The counts per rule and severity, most frequent first; ties in the
/// registry's order, errors before warnings. A rule whose severity the
/// configuration changed counts under the severity its findings carry.
pub fn counts(report: &CheckReport) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for f in &report.findings {
        match counts
            .iter_mut()
            .find(|c| c.rule == f.rule && c.severity == f.severity)
        {
            Some(c) => c.count += 1,
            None => counts.push(RuleCount {
                rule: f.rule,
                severity: f.severity,
                count: 1,
                summary: f.rule.doc().summary,
            }),
        }
    }
    counts.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.rule.cmp(&b.rule))
            .then(a.severity.cmp(&b.severity))
    });
    counts
}

/// One line per rule: `   12  error    missing  a Finnish segment has no
/// Swedish text`, then the summary line.
pub fn text(out: &mut impl Write, report: &CheckReport, style: &Style) -> Result<()> {
    let counts = counts(report);
    let count_width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(0)
        .max(5);
    let code_width = counts
        .iter()
        .map(|c| c.rule.code().len())
        .max()
        .unwrap_or(0);
    for c in &counts {
        // Padded before colouring, so the escape codes do not count.
        let severity = format!("{:<7}", c.severity.as_str());
        let severity = match c.severity {
            Severity::Error => style.red(&severity),
            Severity::Warning => style.yellow(&severity),
        };
        // The summary is cut to the terminal's width: one line a rule.
        let room =
            usize::from(style.width).saturating_sub(count_width + 2 + 7 + 2 + code_width + 2);
        writeln!(
            out,
            "{:>count_width$}  {severity}  {:<code_width$}  {}",
            c.count,
            c.rule.code(),
            crate::text::ellipsize(c.summary, room.max(20))
        )?;
    }
    if !counts.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", crate::report::summary_line(report))?;
    Ok(())
}

#[derive(Serialize)]
struct Statistics<'a> {
    statistics: Vec<RuleCount>,
    summary: &'a Summary,
}

/// `{"statistics": [{"rule", "severity", "count", "summary"}, …],
/// "summary": {…}}`, most frequent first.
pub fn json(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    crate::report::json(
        out,
        &Statistics {
            statistics: counts(report),
            summary: &report.summary,
        },
    )
}
