//! `tolk check --format junit`: JUnit XML, one test case per article, for
//! the test reports of GitLab (`artifacts:reports:junit`) and Jenkins
//! (`junit` step).
//!
//! How findings become test results, and why:
//!
//! - An article with a file tolk cannot read (`invalid`) has an `<error>`:
//!   the test could not run, which both GitLab and Jenkins show apart from
//!   a failed one.
//! - An article with findings that fail the check (errors; warnings too
//!   under `--strict`) has one `<failure>` whose text lists every finding
//!   of the article, one per line with its severity. GitLab shows only the
//!   text of `<failure>` (never `<system-out>` nor a second `<failure>`),
//!   so what else is wrong with the article goes there too.
//! - An article whose findings do not fail the check (warnings without
//!   `--strict`) passes, as `tolk check` does, and lists them in
//!   `<system-out>`: Jenkins shows it on the test's page; GitLab shows a
//!   passed test without details, which matches a pipeline that passed.
//!
//! Everything comes from outside tolk (article names, messages quoting
//! article text), so it is escaped for XML by the writer, and characters
//! XML 1.0 cannot hold at all (most control characters, U+FFFE, U+FFFF)
//! are written as `\u{1b}`, as the terminal printers write them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::checks::{Finding, Rule, Severity};
use crate::commands::check::CheckReport;

/// The `classname` of every test case: GitLab and Jenkins group by it.
const CLASSNAME: &str = "tolk.check";
const SUITE: &str = "tolk check";

/// Whether XML 1.0 can carry `c` and a person can read it: the characters
/// the terminal printers escape, and the two non-characters XML forbids.
fn unsafe_in_xml(c: char) -> bool {
    crate::text::is_unsafe_char(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `text` with every character XML cannot carry written as `\u{…}`; the
/// writer escapes `<`, `&` and the quotes.
fn xml_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_in_xml) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_in_xml(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What one article's test case says.
enum Outcome {
    Passed,
    /// A file could not be read: the test could not run.
    Error,
    Failed,
}

struct Case<'a> {
    name: &'a str,
    findings: Vec<&'a Finding>,
    outcome: Outcome,
}

/// The test cases in name order: every article checked, and every name a
/// finding was reported under (a misnamed directory; for a file of no
/// article, such as a broken glossary, the file).
fn cases(report: &CheckReport, strict: bool) -> Vec<Case<'_>> {
    let mut by_name: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for slug in &report.checked {
        by_name.entry(slug).or_default();
    }
    for f in &report.findings {
        let name = if f.article.is_empty() {
            &f.file
        } else {
            &f.article
        };
        by_name.entry(name).or_default().push(f);
    }
    by_name
        .into_iter()
        .map(|(name, mut findings)| {
            // What fails the check first: a person reads from the top.
            findings.sort_by_key(|f| f.severity);
            let outcome = if findings.iter().any(|f| f.rule == Rule::Invalid) {
                Outcome::Error
            } else if findings
                .iter()
                .any(|f| f.severity == Severity::Error || strict)
            {
                Outcome::Failed
            } else {
                Outcome::Passed
            };
            Case {
                name,
                findings,
                outcome,
            }
        })
        .collect()
}

/// `3 errors, 1 warning: glossary-avoid, number`, the rules of errors
/// first: the `message` attribute, which Jenkins shows as the error
/// message.
fn headline(findings: &[&Finding]) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut counts = Vec::new();
    if errors > 0 {
        counts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        counts.push(plural(warnings, "warning"));
    }
    let mut rules: Vec<(Severity, Rule)> = findings.iter().map(|f| (f.severity, f.rule)).collect();
    rules.sort();
    rules.dedup_by_key(|(_, rule)| *rule);
    let rules: Vec<&str> = rules.iter().map(|(_, rule)| rule.code()).collect();
    format!("{}: {}", counts.join(", "), rules.join(", "))
}

/// The findings, one line each as `--format concise` prints them, each
/// followed by the text it is about, indented.
fn listing(findings: &[&Finding]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for f in findings {
        lines.push(super::one_line(f));
        if let Some(e) = &f.excerpt {
            lines.push(format!("    {} | {}", e.lang, e.text.replace('\n', " ")));
        }
    }
    lines.join("\n")
}

pub fn print(out: &mut impl Write, report: &CheckReport, strict: bool) -> Result<()> {
    let cases = cases(report, strict);
    let tests = cases.len().to_string();
    let failures = cases
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Failed))
        .count()
        .to_string();
    let errors = cases
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Error))
        .count()
        .to_string();
    let counts = [
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", errors.as_str()),
    ];

    let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("testsuites")
        .with_attribute(("name", SUITE))
        .with_attributes(counts)
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attribute(("name", SUITE))
                .with_attributes(counts)
                .with_attribute(("skipped", "0"))
                .write_inner_content(|w| {
                    for case in &cases {
                        write_case(w, case)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    writeln!(out)?;
    Ok(())
}

fn write_case<W: Write>(w: &mut Writer<W>, case: &Case) -> std::io::Result<()> {
    let name = xml_safe(case.name);
    let mut element = w
        .create_element("testcase")
        .with_attribute(("name", &*name))
        .with_attribute(("classname", CLASSNAME));
    // GitLab links the test case to this file of the repository.
    let file = case.findings.first().map(|f| xml_safe(&f.file));
    if let Some(file) = &file {
        element = element.with_attribute(("file", &**file));
    }
    if case.findings.is_empty() {
        element.write_empty()?;
        return Ok(());
    }
    let listing = xml_safe(&listing(&case.findings)).into_owned();
    element.write_inner_content(|w| {
        let (tag, kind) = match case.outcome {
            Outcome::Error => ("error", Rule::Invalid.code()),
            // Findings are sorted errors first: the first is one that fails.
            Outcome::Failed => ("failure", case.findings[0].rule.code()),
            Outcome::Passed => {
                w.create_element("system-out")
                    .write_text_content(BytesText::new(&listing))?;
                return Ok(());
            }
        };
        let headline = xml_safe(&headline(&case.findings)).into_owned();
        w.create_element(tag)
            .with_attribute(("message", headline.as_str()))
            .with_attribute(("type", kind))
            .write_text_content(BytesText::new(&listing))?;
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_are_escaped() {
        assert_eq!(xml_safe("a\u{1b}b\u{0}c"), "a\\u{1b}b\\u{0}c");
        assert_eq!(xml_safe("\u{FFFE}"), "\\u{fffe}");
        // Tabs and line feeds are XML; `<` and `&` are the writer's job.
        assert!(matches!(xml_safe("a\tb\nc <&>"), Cow::Borrowed(_)));
    }
}
