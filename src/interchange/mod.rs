//! Exchange with translation tools (DESIGN §9): an article as translation
//! units (one per Finnish segment) written and read as XLIFF 1.2, XLIFF 2.1
//! (`xliff.rs`) and gettext PO (`po.rs`); the state mapping between tolk
//! and those formats; and the text of a segment as its file lays it out.
//!
//! A unit's text keeps the segment's line breaks (a calendar entry's date,
//! title and place lines, a list's items) and its blank lines between
//! paragraphs, with spaces inside a line normalised, so a CAT tool shows
//! the segment as the page has it and `tolk import` can write it back the
//! same way.

pub mod po;
pub mod xliff;

use std::ops::Range;

use serde::Serialize;

use crate::article::{Article, State};
use crate::segment::Segment;
use crate::text::normalize_ws;

/// The languages of every exchange file: Finnish source, Swedish target.
pub const SOURCE_LANG: &str = "fi-FI";
pub const TARGET_LANG: &str = "sv-FI";

/// One Finnish segment as a translation unit.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub id: String,
    /// What the segment is on the page (`kicker`, `question`, `list`, …).
    pub role: &'static str,
    /// 1-based line of the segment in fi.txt.
    pub line: usize,
    pub source: String,
    /// The Swedish the alignment gives this segment; `None` when missing,
    /// and for all but the first segment of a row that one Swedish
    /// paragraph translates (see `with`).
    pub target: Option<String>,
    pub state: State,
    /// For a stale segment: the Finnish it was translated from.
    pub previous_source: Option<String>,
    /// Who marked it and when, for a note (`translated by X on D`).
    pub marked: Option<String>,
    /// The first segment of the row when one Swedish paragraph translates
    /// several Finnish segments: the Swedish is exported on that one.
    pub with: Option<String>,
}

/// An article as translation units, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub slug: String,
    /// `articles/SLUG/fi.txt`, as units refer to it.
    pub fi_file: String,
    /// The article's translator credit, if any.
    pub translator: Option<String>,
    /// The latest date a segment was marked (RFC 3339), if any.
    pub revised: Option<String>,
    pub units: Vec<Unit>,
}

/// The byte range of a segment's text in the file it was segmented from
/// (the kicker's bar and the space after it are outside it).
pub fn span(seg: &Segment) -> Range<usize> {
    let start = seg.offsets.first().map_or(0, |o| o.1);
    start..seg.source_offset(seg.text.len()).max(start)
}

/// The text of a file range as a unit shows it: each line's spaces
/// normalised, lines kept, blank lines between paragraphs as one empty
/// line.
pub fn layout_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.split('\n') {
        let line = normalize_ws(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// A segment's text as laid out in `body` (the file it was segmented from).
pub fn segment_text(seg: &Segment, body: &str) -> String {
    match body.get(span(seg)) {
        Some(raw) if !seg.offsets.is_empty() => layout_text(raw),
        _ => seg.text.clone(),
    }
}

/// The role name of a segment, as notes and contexts show it.
pub fn role(seg: &Segment) -> &'static str {
    seg.role.as_str()
}

impl Document {
    /// The units of an article: its Finnish, the Swedish as aligned, the
    /// states as tolk derives them.
    pub fn of(article: &Article) -> Document {
        let fi_body = article.fi_source.body();
        let sv_body = article.sv_source.as_ref().map(|s| s.body()).unwrap_or("");
        let units = article
            .pairs()
            .into_iter()
            .map(|pair| {
                let row = &article.alignment.rows[pair.row];
                let first = &article.fi.segments[row.fi.start];
                let with = (first.id != pair.fi.id).then(|| first.id.clone());
                let target = match (pair.sv, &with) {
                    (Some(sv), None) => Some(segment_text(sv, sv_body)),
                    _ => None,
                };
                let previous_source = (pair.state == State::Stale)
                    .then(|| pair.entry.map(|e| e.source.clone()))
                    .flatten();
                let marked = pair.entry.map(|e| {
                    let mut note = format!("{} by {} on {}", e.state.as_str(), e.by, e.at);
                    if let Some(t) = e.translator.as_deref().filter(|t| *t != e.by) {
                        note.push_str(&format!(" (translated by {t})"));
                    }
                    note
                });
                Unit {
                    id: pair.fi.id.clone(),
                    role: role(pair.fi),
                    line: pair.fi.line,
                    source: segment_text(pair.fi, fi_body),
                    target,
                    state: pair.state,
                    previous_source,
                    marked,
                    with,
                }
            })
            .collect();
        Document {
            slug: article.slug.clone(),
            fi_file: article.fi_file.clone(),
            translator: article.translators().into_iter().next(),
            revised: article.status.entries.values().map(|e| e.at.clone()).max(),
            units,
        }
    }
}

/// A state as a file records it, reduced to what tolk can record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    /// Not done (new, initial, fuzzy, needs-…): nothing to record.
    Open,
    Translated,
    Reviewed,
}

/// A unit read back from a file.
#[derive(Debug, Clone)]
pub struct ReadUnit {
    pub id: String,
    /// 1-based line of the unit in the file read.
    pub line: usize,
    pub source: Option<String>,
    /// `None` or empty: no translation in the file.
    pub target: Option<String>,
    pub claimed: Claimed,
    /// The line in fi.txt the unit's reference names (a PO `#:
    /// articles/SLUG/fi.txt:LINE`, kept by Translate Toolkit's po2xliff):
    /// how a unit whose id a tool dropped finds its segment.
    pub fi_line: Option<usize>,
    /// The article the file says the unit was made from (XLIFF `original`,
    /// a PO reference or `Project-Id-Version: tolk SLUG`), if it says.
    pub made_from: Option<String>,
}

/// The article a file reference names: `SLUG` in `…/SLUG/fi.txt` (a line
/// after a colon allowed), or `tolk SLUG` as a PO header's project.
pub fn article_named(reference: &str) -> Option<String> {
    let reference = reference.trim();
    if let Some(slug) = reference.strip_prefix("tolk ") {
        let slug = slug.trim();
        return crate::repo::check_slug(slug)
            .is_ok()
            .then(|| slug.to_string());
    }
    let path = match reference.rsplit_once(':') {
        Some((path, line)) if line.chars().all(|c| c.is_ascii_digit()) => path,
        _ => reference,
    };
    let path = path.replace('\\', "/");
    let dir = path.strip_suffix("/fi.txt")?;
    let slug = dir.rsplit('/').next()?;
    crate::repo::check_slug(slug)
        .is_ok()
        .then(|| slug.to_string())
}

/// The line of a `path:LINE` reference to fi.txt.
pub fn referenced_line(reference: &str) -> Option<usize> {
    let (path, line) = reference.trim().rsplit_once(':')?;
    (path.ends_with("fi.txt")).then(|| line.parse().ok())?
}

/// The formats `tolk export` writes and `tolk import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff12,
    Xliff21,
    Po,
}

/// Writes `doc` in `format`.
pub fn write(doc: &Document, format: Format) -> anyhow::Result<String> {
    match format {
        Format::Xliff12 => xliff::write_12(doc),
        Format::Xliff21 => xliff::write_21(doc),
        Format::Po => Ok(po::write(doc)),
    }
}

/// 1-based line of byte `at` in `text`.
pub(crate) fn line_at(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_their_article_and_line() {
        assert_eq!(
            article_named("articles/kolumni/fi.txt:32").as_deref(),
            Some("kolumni")
        );
        assert_eq!(
            article_named("../articles/kolumni/fi.txt").as_deref(),
            Some("kolumni")
        );
        assert_eq!(article_named("tolk kirjasto").as_deref(), Some("kirjasto"));
        assert_eq!(article_named("fi.txt"), None);
        assert_eq!(article_named("k.po"), None);
        assert_eq!(article_named("p1"), None);
        assert_eq!(referenced_line("articles/kolumni/fi.txt:32"), Some(32));
        assert_eq!(referenced_line("p1"), None);
    }

    #[test]
    fn layout_text_keeps_lines_and_paragraph_breaks() {
        assert_eq!(
            layout_text("ti 2.12.  klo 18\r\nKauneimmat\u{a0}joululaulut\r\n\r\n\r\nToinen"),
            "ti 2.12. klo 18\nKauneimmat joululaulut\n\nToinen"
        );
        assert_eq!(layout_text("yksi rivi"), "yksi rivi");
        assert_eq!(layout_text("\n\n  a  \n\n"), "a");
    }

    #[test]
    fn a_segment_text_is_its_range_in_the_file() {
        let fi = "| KAUPUNKI - STADEN\n\nOtsikko\n\nti 2.12. klo 18\nKirkko\n";
        let seg = crate::segment::segment(fi);
        let kicker = &seg.segments[0];
        assert_eq!(segment_text(kicker, fi), "KAUPUNKI - STADEN");
        assert_eq!(&fi[span(kicker)], "KAUPUNKI - STADEN");
        let p1 = seg.get("p1").unwrap();
        assert_eq!(segment_text(p1, fi), "ti 2.12. klo 18\nKirkko");
        assert_eq!(p1.text, "ti 2.12. klo 18 Kirkko");
    }

    proptest::proptest! {
        /// Whatever a CAT tool or a person wrote, reading it returns
        /// units or an error, never a panic.
        #[test]
        fn readers_never_panic(text in "(msgctxt|msgid|msgstr|#[,.:|~]|\"|\\\\|<|>|/|=|xliff|version|\"1.2\"|unit|id|\\n| |[a-zå–])*") {
            let _ = po::read(&text, "x.po");
            let _ = xliff::read(&text, "x.xlf");
        }
    }
}
