//! The `check` printers for machines and CI beyond the ones in `report`:
//! SARIF for code scanning, JUnit XML for test reports, and the counts per
//! rule of `--statistics`. Each writes the same `CheckReport` through a
//! `Write`; `report::Printer` dispatches to them.

pub mod csv;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod tbx;
pub mod tmx;

use crate::checks::Finding;

/// `path:line:col: severity[rule] segment: message` on one line, as
/// `--format concise` prints it (without escaping: each format escapes
/// for itself).
fn one_line(f: &Finding) -> String {
    let seg = f
        .segment
        .as_deref()
        .map(|s| format!("{s}: "))
        .unwrap_or_default();
    format!(
        "{}:{}:{}: {}[{}] {seg}{}",
        f.file,
        f.line,
        f.column,
        f.severity.as_str(),
        f.rule,
        f.message.replace('\n', " ")
    )
}
