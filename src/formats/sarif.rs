//! `tolk check --format sarif`: one SARIF 2.1.0 log with one run, for
//! GitHub code scanning (`github/codeql-action/upload-sarif`) and GitLab.
//!
//! The run's `tool.driver.rules` is the whole rule registry, in its order,
//! so a result's `ruleIndex` is the rule's place in [`Rule::ALL`]. Every
//! finding is a result, the `invalid` ones (files tolk cannot read)
//! included, at the level its severity says (which the configuration may
//! have changed from the rule's default).

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::checks::{Finding, Rule, Severity};
use crate::commands::check::CheckReport;

/// The schema the log declares: the OASIS 2.1.0 schema with its errata,
/// the one `tests/sarif/sarif-schema-2.1.0.json` is a copy of.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Paths are relative to the data repository root; code scanning resolves
/// `%SRCROOT%` to the checkout.
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// Columns count characters (Unicode scalar values), as tolk's do,
    /// not SARIF's default UTF-16 code units.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    partial_fingerprints: Fingerprints,
    /// A finding accepted with `tolk accept` (listed with `--show-waived`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    /// The finding's bytes in the file as written, when it points at
    /// words rather than a whole line; they describe the same text as the
    /// line and column.
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

#[derive(Serialize)]
struct Fingerprints {
    /// tolk's own fingerprint (see [`fingerprints`]); the `v1` is bumped
    /// if what it hashes ever changes, so that old alerts are not matched
    /// against new fingerprints by mistake. The upload action adds its own
    /// `primaryLocationLineHash` beside it.
    #[serde(rename = "tolkFinding/v1")]
    tolk: String,
}

/// Where a result is in tolk's terms, for people reading the raw log.
#[derive(Serialize)]
struct Properties<'a> {
    article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<&'a str>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn descriptor(rule: Rule) -> Descriptor {
    let d = rule.doc();
    Descriptor {
        id: d.code,
        short_description: Text {
            text: d.summary.to_string(),
        },
        full_description: Text {
            text: d.explanation.to_string(),
        },
        help: Help {
            text: format!(
                "{}\n\nFires: {}\nQuiet: {}",
                d.explanation, d.fires, d.quiet
            ),
            markdown: format!(
                "{}\n\n**Fires:** {}\n\n**Quiet:** {}",
                d.explanation, d.fires, d.quiet
            ),
        },
        default_configuration: Configuration {
            level: level(d.severity),
        },
    }
}

/// `path` as a URI reference: relative to `%SRCROOT%` when it is relative
/// (as paths inside the data repository are), a `file://` URI when it is
/// absolute (a `--glossary` outside it). Every byte outside RFC 3986's
/// unreserved set and `/` is percent-encoded, so a directory named with a
/// space or `#` still makes a valid URI.
fn artifact(path: &str) -> ArtifactLocation {
    let encode = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if path.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode(path)),
            uri_base_id: None,
        }
    } else if drive {
        ArtifactLocation {
            uri: format!("file:///{}:{}", char::from(bytes[0]), encode(&path[2..])),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encode(path),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// A hash that is the same on every machine and in every version of
/// Rust, as a fingerprint stored by code scanning must be (std's
/// `DefaultHasher` promises neither): SHA-256 of the parts, cut to 128 bits.
fn digest(parts: &[&str]) -> u128 {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        // A separator no text contains keeps ("ab", "c") apart from ("a", "bc").
        hasher.update(part.as_bytes());
        hasher.update([0xff]);
    }
    let bytes: [u8; 32] = hasher.finalize().into();
    let mut first = [0u8; 16];
    first.copy_from_slice(&bytes[..16]);
    u128::from_be_bytes(first)
}

/// The message with its references to other lines (`it belongs after
/// sv.txt:12`) made line-free: the line is in the location already, and
/// an edit higher up in the file must not make code scanning see a new
/// alert.
fn line_free(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(".txt:") {
        let (head, tail) = rest.split_at(at + ".txt:".len());
        out.push_str(head);
        let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push('N');
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// The stable identity of each finding: its article (or, for a file that
/// belongs to none, the file), segment, rule and message, hashed. Findings
/// identical in all four (the same avoided word twice in a segment) are
/// told apart by their order.
fn fingerprints_of(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<u128, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let owner = if f.article.is_empty() {
                &f.file
            } else {
                &f.article
            };
            let message = line_free(&f.message);
            let base = digest(&[
                owner,
                f.segment.as_deref().unwrap_or(""),
                f.rule.code(),
                &message,
            ]);
            let n = seen.entry(base).or_insert(0);
            *n += 1;
            let hash = if *n == 1 {
                base
            } else {
                digest(&[&format!("{base:032x}"), &n.to_string()])
            };
            format!("{hash:032x}")
        })
        .collect()
}

fn result<'a>(f: &'a Finding, fingerprint: String) -> SarifResult<'a> {
    let rule_index = Rule::ALL
        .iter()
        .position(|&r| r == f.rule)
        .expect("every rule is in Rule::ALL");
    let text = match &f.segment {
        Some(seg) => format!("{seg}: {}", f.message),
        None => f.message.clone(),
    };
    // SARIF reserves `{0}` for placeholders (§3.11.5): a brace quoted from
    // an article is written doubled.
    let text = text.replace('{', "{{").replace('}', "}}");
    SarifResult {
        rule_id: f.rule.code(),
        rule_index,
        level: level(f.severity),
        message: Text { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(&f.file),
                region: Region {
                    start_line: f.line.max(1),
                    start_column: f.column.max(1),
                    byte_offset: f.span.map(|s| s.start),
                    byte_length: f.span.map(|s| s.end.saturating_sub(s.start)),
                },
            },
        }],
        partial_fingerprints: Fingerprints { tolk: fingerprint },
        suppressions: Vec::new(),
        properties: Properties {
            article: &f.article,
            segment: f.segment.as_deref(),
        },
    }
}

/// The whole log, pretty-printed, one document.
pub fn print(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let fingerprints = fingerprints_of(&report.findings);
    let mut results: Vec<SarifResult<'_>> = report
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fp)| result(f, fp))
        .collect();
    // Accepted findings, with --show-waived: results code scanning shows
    // as suppressed, with who accepted them and why.
    let waived: Vec<Finding> = report.waived.iter().map(|w| w.finding.clone()).collect();
    for ((w, f), fp) in report
        .waived
        .iter()
        .zip(&waived)
        .zip(fingerprints_of(&waived))
    {
        let mut r = result(f, fp);
        r.suppressions.push(Suppression {
            kind: "external",
            status: "accepted",
            justification: format!(
                "{} (accepted by {} on {} with `tolk accept`)",
                w.waiver.reason, w.waiver.by, w.waiver.at
            ),
        });
        results.push(r);
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "tolk",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: (!repository.is_empty()).then_some(repository),
                    rules: Rule::ALL.into_iter().map(descriptor).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    crate::report::json(out, &log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_and_are_encoded() {
        let a = artifact("articles/x y#1/sv.txt");
        assert_eq!(a.uri, "articles/x%20y%231/sv.txt");
        assert_eq!(a.uri_base_id, Some(SRCROOT));
        let a = artifact("articles/kesä/fi.txt");
        assert_eq!(a.uri, "articles/kes%C3%A4/fi.txt");
    }

    #[test]
    fn absolute_paths_become_file_uris() {
        let a = artifact("/srv/data/glossary.toml");
        assert_eq!(a.uri, "file:///srv/data/glossary.toml");
        assert_eq!(a.uri_base_id, None);
        assert_eq!(
            artifact("C:/data/glossary.toml").uri,
            "file:///C:/data/glossary.toml"
        );
    }

    #[test]
    fn line_references_do_not_reach_the_fingerprint() {
        assert_eq!(
            line_free("p4 has no Swedish text; it belongs after sv.txt:12"),
            "p4 has no Swedish text; it belongs after sv.txt:N"
        );
        assert_eq!(
            line_free("15 000 is only in the Swedish"),
            "15 000 is only in the Swedish"
        );
    }

    #[test]
    fn the_hash_is_sha256_cut_to_128_bits() {
        // The empty input: the first half of SHA-256 of nothing.
        assert_eq!(digest(&[]), 0xe3b0_c442_98fc_1c14_9afb_f4c8_996f_b924);
        assert_ne!(digest(&["ab", "c"]), digest(&["a", "bc"]));
        assert_eq!(digest(&["a"]), digest(&["a"]));
    }
}
