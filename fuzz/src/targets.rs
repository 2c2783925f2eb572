//! The fuzz targets' bodies, shared with the proptests in
//! `tests/fuzz_props.rs` (which include this file), so that `cargo test`
//! runs the same oracles on generated inputs without a nightly toolchain.
//!
//! Each function takes arbitrary bytes, returns quietly on input tolk is
//! right to refuse, and panics when tolk breaks a promise: a panic inside
//! tolk, a finding or term match that points outside its text, a
//! `status.toml` tolk writes and then cannot read back.

use std::path::PathBuf;
use std::sync::OnceLock;

use tolk::article::Article;
use tolk::checks::{Excerpt, check_article};
use tolk::glossary::{Glossary, Matcher, TermMatch};
use tolk::status::{Entry, StatusFile, Stored};
use tolk::text::decode;

/// Separates the two parts of an input (fi.txt and sv.txt; glossary.toml
/// and a text). 0xFF never occurs in UTF-8, so each part can be any text.
pub const SEPARATOR: u8 = 0xFF;

fn split(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    }
}

fn shipped_matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let glossary = Glossary::parse(include_str!("../../glossary.toml"), "glossary.toml")
            .expect("the shipped glossary parses");
        Matcher::builtin(&glossary)
    })
}

fn check_excerpt(e: &Excerpt) {
    for &(a, b) in &e.highlights {
        assert!(
            a <= b && b <= e.text.len(),
            "highlight {a}..{b} outside {:?}",
            e.text
        );
        assert!(e.text.is_char_boundary(a) && e.text.is_char_boundary(b));
    }
}

/// decode → segment → pair/align → check: `fi.txt` bytes, then optionally
/// 0xFF and `sv.txt` bytes.
pub fn article(data: &[u8]) {
    let (fi, sv) = split(data);
    let Ok(fi) = decode(fi, "fi.txt") else { return };
    let sv = sv.and_then(|sv| decode(sv, "sv.txt").ok());
    let matcher = shipped_matcher();
    let article = Article::from_texts_with("fuzz", fi, sv, &|| Some(matcher));
    let pairs = article.pairs();
    assert_eq!(pairs.len(), article.fi.segments.len());
    for pair in &pairs {
        assert!(pair.row < article.alignment.rows.len());
    }
    let _ = article.translators();
    for finding in check_article(&article, Some(matcher)) {
        assert!(finding.line >= 1 && finding.column >= 1, "{finding:?}");
        let file = if finding.file.ends_with("sv.txt") {
            sv.unwrap_or_default()
        } else {
            fi
        };
        if let Some(span) = finding.span {
            assert!(
                span.start <= span.end && span.end <= file.len(),
                "{finding:?}"
            );
            assert!(
                file.is_char_boundary(span.start) && file.is_char_boundary(span.end),
                "{finding:?}"
            );
        }
        if let Some(e) = &finding.excerpt {
            check_excerpt(e);
        }
    }
}

/// A file for this process and thread: proptest runs tests on several
/// threads at once.
fn scratch() -> PathBuf {
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    std::env::temp_dir().join(format!(
        "tolk-fuzz-{}-{thread}.status.toml",
        std::process::id()
    ))
}

fn load(text: &str) -> Option<StatusFile> {
    let path = scratch();
    std::fs::write(&path, text).expect("write scratch file");
    let loaded = StatusFile::load(&path, "status.toml");
    let _ = std::fs::remove_file(&path);
    loaded.ok()
}

/// The status reader and writer: parse the input as `status.toml`, set a
/// record and the translator credit, render, parse the rendering again.
/// What was read and what was set must both come back.
pub fn status(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(mut status) = load(text) else { return };
    let before = status.entries.clone();
    const IDS: [&str; 5] = ["kicker", "title", "p1", "q1", "a1"];
    let id = IDS[data.len() % IDS.len()];
    // Arbitrary text from the input as the Finnish source and the names:
    // quotes, backslashes, control characters and newlines must survive.
    let source: String = text.chars().rev().take(80).collect();
    let name: String = text.chars().take(24).collect();
    // tolk records no blank name (mark and accept refuse one, the reader
    // refuses one); the credit may be blank (it is then no credit).
    let by = if name.trim().is_empty() {
        "Patricia Heikkilä".to_string()
    } else {
        name.clone()
    };
    let entry = Entry {
        state: if data.len().is_multiple_of(2) {
            Stored::Translated
        } else {
            Stored::Reviewed
        },
        by: by.clone(),
        at: "2026-11-25".to_string(),
        source,
        translator: data.len().is_multiple_of(3).then(|| by.clone()),
        reviewed_text: data
            .len()
            .is_multiple_of(4)
            .then(|| text.chars().take(40).collect()),
    };
    // A file whose `segments` is not a table is refused, not rewritten.
    if status.set(id, entry.clone()).is_err() {
        return;
    }
    if status.set_translator(&name).is_err() {
        return;
    }
    let rendered = status.render();
    let again = load(&rendered).unwrap_or_else(|| {
        panic!("tolk cannot read the status.toml it wrote:\n{rendered}\n--- from:\n{text}")
    });
    assert_eq!(again.entries.get(id), Some(&entry), "{rendered}");
    // A blank credit is no credit.
    let credited = Some(name.as_str()).filter(|n| !n.trim().is_empty());
    assert_eq!(again.translator.as_deref(), credited, "{rendered}");
    for (k, e) in &before {
        if k != id {
            assert_eq!(again.entries.get(k), Some(e), "{k} lost:\n{rendered}");
        }
    }
}

fn check_matches(text: &str, found: &[TermMatch], terms: usize) {
    for m in found {
        assert!(m.term < terms);
        assert!(m.start <= m.end && m.end <= text.len(), "{m:?}");
        assert_eq!(&text[m.start..m.end], m.text, "{m:?}");
    }
}

/// The glossary parser and the term matcher: `glossary.toml` bytes, then
/// optionally 0xFF and a text to search (else the glossary's own text).
pub fn glossary(data: &[u8]) {
    let (toml, text) = split(data);
    let Ok(toml) = std::str::from_utf8(toml) else {
        return;
    };
    let Ok(glossary) = Glossary::parse(toml, "glossary.toml") else {
        return;
    };
    let matcher = Matcher::builtin(&glossary);
    let text = match text {
        Some(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return,
        },
        None => toml,
    };
    let n = glossary.terms.len();
    check_matches(text, &matcher.find_fi(text), n);
    check_matches(text, &matcher.find_sv(text), n);
}
