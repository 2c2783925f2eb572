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
    properties: Properties<'a>,
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

/// FNV-1a, 128 bits: a hash that is the same on every machine and in
/// every version of Rust, as a fingerprint stored by code scanning must
/// be (std's `DefaultHasher` promises neither).
fn fnv1a_128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for part in parts {
        // A separator no text contains keeps ("ab", "c") apart from ("a", "bc").
        for &b in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
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
fn fingerprints(findings: &[Finding]) -> Vec<String> {
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
            let base = fnv1a_128(&[
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
                fnv1a_128(&[&format!("{base:032x}"), &n.to_string()])
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
        properties: Properties {
            article: &f.article,
            segment: f.segment.as_deref(),
        },
    }
}

/// The whole log, pretty-printed, one document.
pub fn print(out: &mut impl Write, report: &CheckReport) -> Result<()> {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let fingerprints = fingerprints(&report.findings);
    let results = report
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fp)| result(f, fp))
        .collect();
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
    fn the_hash_is_fnv1a_128() {
        // The empty input hashes to the offset basis; one part adds the
        // separator byte.
        assert_eq!(fnv1a_128(&[]), 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d);
        assert_ne!(fnv1a_128(&["ab", "c"]), fnv1a_128(&["a", "bc"]));
        assert_eq!(fnv1a_128(&["a"]), fnv1a_128(&["a"]));
    }
}
