//! XLIFF 1.2 and 2.1 written and read with quick-xml.
//!
//! State mapping (the test `state_mapping_table` pins it):
//!
//! | tolk       | XLIFF 1.2 `<target state>`          | XLIFF 2.1 `<segment state>` (`subState`) |
//! |------------|-------------------------------------|------------------------------------------|
//! | missing    | `new` (empty target)                | `initial` (`tolk:missing`), no target    |
//! | draft      | `needs-translation`                 | `translated` (`tolk:draft`)              |
//! | translated | `translated`                        | `translated` (`tolk:translated`)         |
//! | reviewed   | `signed-off`, `approved="yes"`      | `reviewed` (`tolk:reviewed`)             |
//! | stale      | `needs-review-translation`          | `initial` (`tolk:stale`)                 |
//!
//! A stale unit keeps the Finnish it was translated from: in 1.2 as an
//! `<alt-trans>` (old source, current target), the element made for that;
//! in 2.1, whose core has no such element (the matches module is for
//! candidate translations, and a tool may offer it as one), as a
//! `<note category="previous-source">`.

use anyhow::{Context, Result, bail};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use super::{Claimed, Document, ReadUnit, SOURCE_LANG, TARGET_LANG, Unit, line_at};
use crate::article::State;

pub const NS_12: &str = "urn:oasis:names:tc:xliff:document:1.2";
pub const NS_20: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The 1.2 `state` of a unit's target.
pub fn state_12(state: State) -> &'static str {
    match state {
        State::Missing => "new",
        State::Draft => "needs-translation",
        State::Translated => "translated",
        State::Reviewed => "signed-off",
        State::Stale => "needs-review-translation",
    }
}

/// The 2.1 `state` and `subState` of a unit's segment.
pub fn state_21(state: State) -> (&'static str, &'static str) {
    match state {
        State::Missing => ("initial", "tolk:missing"),
        State::Draft => ("translated", "tolk:draft"),
        State::Translated => ("translated", "tolk:translated"),
        State::Reviewed => ("reviewed", "tolk:reviewed"),
        State::Stale => ("initial", "tolk:stale"),
    }
}

/// What a 1.2 target's state (and the unit's `approved`) claims.
pub fn claimed_12(state: Option<&str>, approved: bool) -> Claimed {
    match state {
        Some("final" | "signed-off") => Claimed::Reviewed,
        _ if approved => Claimed::Reviewed,
        Some("translated") => Claimed::Translated,
        _ => Claimed::Open,
    }
}

/// What a 2.1 segment's state claims; tolk's own `subState` of a draft
/// says the `translated` is not a translator's mark.
pub fn claimed_21(state: Option<&str>, sub_state: Option<&str>) -> Claimed {
    match (state, sub_state) {
        (Some("reviewed" | "final"), _) => Claimed::Reviewed,
        (Some("translated"), Some("tolk:draft")) => Claimed::Open,
        (Some("translated"), _) => Claimed::Translated,
        _ => Claimed::Open,
    }
}

fn writer() -> Writer<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("writing to memory");
    w
}

fn finish(w: Writer<Vec<u8>>) -> Result<String> {
    let mut text = String::from_utf8(w.into_inner()).context("XLIFF is not UTF-8")?;
    text.push('\n');
    Ok(text)
}

fn text(w: &mut Writer<Vec<u8>>, name: &str, content: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(content))?;
    Ok(())
}

fn location(doc: &Document, unit: &Unit) -> String {
    format!("{}:{}", doc.fi_file, unit.line)
}

/// XLIFF 1.2 (transitional schema), as OmegaT, Trados, memoQ and
/// Translate Toolkit read it.
pub fn write_12(doc: &Document) -> Result<String> {
    let mut w = writer();
    w.create_element("xliff")
        .with_attribute(("xmlns", NS_12))
        .with_attribute(("version", "1.2"))
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attribute(("original", doc.fi_file.as_str()))
                .with_attribute(("source-language", SOURCE_LANG))
                .with_attribute(("target-language", TARGET_LANG))
                .with_attribute(("datatype", "plaintext"))
                .with_attribute(("tool-id", "tolk"))
                .write_inner_content(|w| {
                    w.create_element("header").write_inner_content(|w| {
                        w.create_element("tool")
                            .with_attribute(("tool-id", "tolk"))
                            .with_attribute(("tool-name", "tolk"))
                            .with_attribute(("tool-version", env!("CARGO_PKG_VERSION")))
                            .write_empty()?;
                        Ok(())
                    })?;
                    w.create_element("body").write_inner_content(|w| {
                        for unit in &doc.units {
                            unit_12(w, doc, unit)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    finish(w)
}

fn unit_12(w: &mut Writer<Vec<u8>>, doc: &Document, unit: &Unit) -> std::io::Result<()> {
    let mut el = w
        .create_element("trans-unit")
        .with_attribute(("id", unit.id.as_str()))
        .with_attribute(("resname", unit.id.as_str()))
        .with_attribute(("xml:space", "preserve"));
    if unit.state == State::Reviewed {
        el = el.with_attribute(("approved", "yes"));
    }
    el.write_inner_content(|w| {
        text(w, "source", &unit.source)?;
        w.create_element("target")
            .with_attribute(("state", state_12(unit.state)))
            .write_text_content(BytesText::new(unit.target.as_deref().unwrap_or("")))?;
        w.create_element("context-group")
            .with_attribute(("purpose", "location"))
            .write_inner_content(|w| {
                w.create_element("context")
                    .with_attribute(("context-type", "sourcefile"))
                    .write_text_content(BytesText::new(&doc.fi_file))?;
                w.create_element("context")
                    .with_attribute(("context-type", "linenumber"))
                    .write_text_content(BytesText::new(&unit.line.to_string()))?;
                Ok(())
            })?;
        for note in notes(unit) {
            w.create_element("note")
                .with_attribute(("from", "tolk"))
                .write_text_content(BytesText::new(&note))?;
        }
        if let (Some(old), Some(target)) = (&unit.previous_source, &unit.target) {
            w.create_element("alt-trans")
                .with_attribute(("origin", "tolk"))
                .with_attribute(("alttranstype", "previous-version"))
                .write_inner_content(|w| {
                    text(w, "source", old)?;
                    text(w, "target", target)
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The notes of a unit for a translator: its role, who marked it, a
/// shared Swedish paragraph.
fn notes(unit: &Unit) -> Vec<String> {
    let mut notes = vec![format!("role: {}", unit.role)];
    if let Some(marked) = &unit.marked {
        notes.push(marked.clone());
    }
    if let Some(first) = &unit.with {
        notes.push(format!(
            "one Swedish paragraph translates this and {first}: its Swedish is on {first}"
        ));
    }
    if unit.state == State::Stale {
        notes.push("the Finnish changed since the translation was marked".to_string());
    }
    notes
}

/// XLIFF 2.1 (core only; validates against the OASIS 2.0 core schema,
/// which 2.1 keeps).
pub fn write_21(doc: &Document) -> Result<String> {
    let mut w = writer();
    w.create_element("xliff")
        .with_attribute(("xmlns", NS_20))
        .with_attribute(("version", "2.1"))
        .with_attribute(("srcLang", SOURCE_LANG))
        .with_attribute(("trgLang", TARGET_LANG))
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attribute(("id", doc.slug.as_str()))
                .with_attribute(("original", doc.fi_file.as_str()))
                .write_inner_content(|w| {
                    for unit in &doc.units {
                        unit_21(w, doc, unit)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    finish(w)
}

fn unit_21(w: &mut Writer<Vec<u8>>, doc: &Document, unit: &Unit) -> std::io::Result<()> {
    let (state, sub_state) = state_21(unit.state);
    w.create_element("unit")
        .with_attribute(("id", unit.id.as_str()))
        .with_attribute(("name", unit.id.as_str()))
        .with_attribute(("xml:space", "preserve"))
        .write_inner_content(|w| {
            w.create_element("notes").write_inner_content(|w| {
                let note = |w: &mut Writer<Vec<u8>>, category: &str, content: &str| {
                    w.create_element("note")
                        .with_attribute(("category", category))
                        .write_text_content(BytesText::new(content))
                        .map(|_| ())
                };
                note(w, "role", unit.role)?;
                note(w, "location", &location(doc, unit))?;
                if let Some(marked) = &unit.marked {
                    note(w, "marked", marked)?;
                }
                if let Some(first) = &unit.with {
                    note(
                        w,
                        "shared-target",
                        &format!("one Swedish paragraph translates this and {first}: its Swedish is on {first}"),
                    )?;
                }
                if let Some(old) = &unit.previous_source {
                    note(w, "previous-source", old)?;
                }
                Ok(())
            })?;
            w.create_element("segment")
                .with_attribute(("state", state))
                .with_attribute(("subState", sub_state))
                .write_inner_content(|w| {
                    text(w, "source", &unit.source)?;
                    if let Some(target) = &unit.target {
                        text(w, "target", target)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// Reads the units of an XLIFF file, 1.2 or 2.x by its `version`.
/// Inline markup a CAT tool added (`<g>`, `<ph>`, `<mrk>`, `<pc>`) is read
/// as its text; the sources and targets of `<alt-trans>` are not the unit's.
pub fn read(text: &str, shown: &str) -> Result<Vec<ReadUnit>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = quick_xml::Reader::from_str(text);
    let mut units: Vec<ReadUnit> = Vec::new();
    let mut version: Option<String> = None;
    // Where the reader is: which unit, inside which text element.
    let mut current: Option<Reading> = None;
    let mut approved = false;
    let mut state: Option<String> = None;
    let mut sub_state: Option<String> = None;
    let mut in_text: Option<Slot> = None;
    let mut in_po_reference = false;
    let mut header_unit = false;
    // The article the `<file original>` names, and a po2xliff header's
    // `Project-Id-Version: tolk SLUG`.
    let mut original: Option<String> = None;
    let mut project: Option<String> = None;
    let mut text_depth = 0usize;
    let mut skip_depth = 0usize; // inside <alt-trans>, <notes>, …
    let fail = |reader: &quick_xml::Reader<&[u8]>, what: String| -> anyhow::Error {
        let at = usize::try_from(reader.error_position()).unwrap_or(0);
        anyhow::anyhow!("`{shown}` line {}: {what}", line_at(text, at))
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| fail(&reader, format!("not well-formed XML: {e}")))?;
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match event {
            Event::Start(e) | Event::Empty(e) if version.is_none() => {
                if e.local_name().as_ref() != "xliff" {
                    bail!(
                        "`{shown}` is not an XLIFF file: its root element is `{}`",
                        e.name().as_ref()
                    );
                }
                let v = attr(&e, "version").unwrap_or_default();
                // Translate Toolkit's po2xliff writes 1.1, which 1.2 extends.
                if !(matches!(v.as_str(), "1.0" | "1.1" | "1.2") || v.starts_with("2.")) {
                    bail!(
                        "`{shown}`: XLIFF version `{v}` is not supported; tolk reads 1.x and 2.x"
                    );
                }
                version = Some(v);
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                if in_text.is_some() {
                    text_depth += 1;
                    continue;
                }
                match name.as_str() {
                    "trans-unit" | "unit" => {
                        let id = attr(&e, "id").ok_or_else(|| {
                            anyhow::anyhow!(
                                "`{shown}` line {}: a unit without an id",
                                line_at(text, pos)
                            )
                        })?;
                        approved = attr(&e, "approved").as_deref() == Some("yes");
                        header_unit =
                            attr(&e, "restype").as_deref() == Some("x-gettext-domain-header");
                        state = None;
                        sub_state = None;
                        current = Some(Reading {
                            unit: ReadUnit {
                                id,
                                line: line_at(text, pos),
                                source: None,
                                target: None,
                                claimed: Claimed::Open,
                                fi_line: None,
                                made_from: None,
                            },
                            reference: None,
                            line_number: None,
                        });
                    }
                    "file" => {
                        original = attr(&e, "original").and_then(|o| super::article_named(&o));
                    }
                    // Translate Toolkit's po2xliff keeps the unit's first id
                    // (which xliff2po made a PO reference) here.
                    "context-group" if attr(&e, "name").as_deref() == Some("po-reference") => {
                        in_po_reference = true;
                    }
                    "context"
                        if in_po_reference
                            && attr(&e, "context-type").as_deref() == Some("sourcefile") =>
                    {
                        if let Some(unit) = current.as_mut() {
                            unit.reference = Some(String::new());
                        }
                        in_text = Some(Slot::Reference);
                        text_depth = 0;
                    }
                    "context"
                        if in_po_reference
                            && attr(&e, "context-type").as_deref() == Some("linenumber") =>
                    {
                        if let Some(unit) = current.as_mut() {
                            unit.line_number = Some(String::new());
                        }
                        in_text = Some(Slot::LineNumber);
                        text_depth = 0;
                    }
                    "alt-trans" | "notes" | "note" | "context-group" | "originalData" => {
                        skip_depth = 1;
                    }
                    "segment" => {
                        state = attr(&e, "state");
                        sub_state = attr(&e, "subState");
                    }
                    "source" | "target" if current.is_some() => {
                        let target = name == "target";
                        if target && attr(&e, "state").is_some() {
                            state = attr(&e, "state");
                        }
                        let unit = current.as_mut().expect("checked");
                        let slot = if target { Slot::Target } else { Slot::Source };
                        // 2.x units may hold several segments: their texts
                        // follow one another.
                        unit.slot(slot).get_or_insert_with(String::new);
                        in_text = Some(slot);
                        text_depth = 0;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 || in_text.is_some() {
                    continue;
                }
                if e.local_name().as_ref() == "segment" {
                    state = attr(&e, "state");
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                if in_text.is_some() {
                    if text_depth == 0 {
                        in_text = None;
                    } else {
                        text_depth -= 1;
                    }
                    continue;
                }
                if e.local_name().as_ref() == "context-group" {
                    in_po_reference = false;
                }
                if matches!(e.local_name().as_ref(), "trans-unit" | "unit")
                    && let Some(mut unit) = current.take()
                {
                    if header_unit {
                        project = unit.unit.source.as_deref().and_then(|s| {
                            s.lines()
                                .find_map(|l| l.strip_prefix("Project-Id-Version:"))
                                .and_then(super::article_named)
                        });
                        continue;
                    }
                    let mut made_from = None;
                    if let Some(reference) = unit.reference.take().filter(|r| !r.is_empty()) {
                        let line = unit.line_number.as_deref().map(str::trim);
                        if reference.contains('/') || reference.ends_with(".txt") {
                            // A PO reference to fi.txt (tolk's PO through
                            // po2xliff): the segment is found by its line;
                            // po2xliff's own unit id means nothing here.
                            made_from = super::article_named(&reference);
                            unit.unit.fi_line = line
                                .and_then(|l| l.parse().ok())
                                .or_else(|| super::referenced_line(&reference));
                            unit.unit.id = String::new();
                        } else {
                            unit.unit.id = reference;
                        }
                    }
                    unit.unit.made_from = made_from
                        .or_else(|| original.clone())
                        .or_else(|| project.clone());
                    unit.unit.claimed = match version.as_deref() {
                        Some(v) if v.starts_with("1.") => claimed_12(state.as_deref(), approved),
                        _ => claimed_21(state.as_deref(), sub_state.as_deref()),
                    };
                    units.push(unit.unit);
                }
            }
            Event::Text(t) => {
                if let (Some(slot), Some(unit)) = (in_text, current.as_mut()) {
                    unit.slot(slot)
                        .get_or_insert_with(String::new)
                        .push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let (Some(slot), Some(unit)) = (in_text, current.as_mut()) {
                    unit.slot(slot)
                        .get_or_insert_with(String::new)
                        .push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(slot), Some(unit)) = (in_text, current.as_mut()) {
                    let name = r.xml10_content();
                    let resolved = quick_xml::escape::unescape(&format!("&{name};"))
                        .map_err(|_| fail(&reader, format!("unknown entity `&{name};`")))?
                        .into_owned();
                    unit.slot(slot)
                        .get_or_insert_with(String::new)
                        .push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if version.is_none() {
        bail!("`{shown}` is not an XLIFF file: it has no `<xliff>` element");
    }
    Ok(units)
}

/// Which text of a unit the reader is in.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Source,
    Target,
    Reference,
    LineNumber,
}

/// A unit being read.
struct Reading {
    unit: ReadUnit,
    /// Translate Toolkit's `po-reference` context: the id the unit had.
    reference: Option<String>,
    /// Its `linenumber` context.
    line_number: Option<String>,
}

impl Reading {
    fn slot(&mut self, slot: Slot) -> &mut Option<String> {
        match slot {
            Slot::Source => &mut self.unit.source,
            Slot::Target => &mut self.unit.target,
            Slot::Reference => &mut self.reference,
            Slot::LineNumber => &mut self.line_number,
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name && a.key.as_ref() != "xmlns")
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let article = crate::article::Article::from_texts(
            "a",
            "| KAUPUNKI\n\nOtsikko & muuta\n\nEka <kappale>.\nToinen rivi.\n",
            Some("| STADEN\n\nRubrik & annat\n"),
        );
        Document::of(&article)
    }

    #[test]
    fn xliff_12_round_trips_its_units() {
        let doc = doc();
        let xml = write_12(&doc).unwrap();
        assert!(xml.contains("Otsikko &amp; muuta"), "{xml}");
        let units = read(&xml, "a.xlf").unwrap();
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["kicker", "title", "p1"]);
        assert_eq!(units[1].target.as_deref(), Some("Rubrik & annat"));
        assert_eq!(
            units[2].source.as_deref(),
            Some("Eka <kappale>.\nToinen rivi.")
        );
        assert_eq!(units[2].target.as_deref(), Some(""));
    }

    #[test]
    fn xliff_21_round_trips_its_units() {
        let doc = doc();
        let xml = write_21(&doc).unwrap();
        let units = read(&xml, "a.xlf").unwrap();
        assert_eq!(units.len(), 3);
        assert_eq!(units[0].target.as_deref(), Some("STADEN"));
        assert_eq!(units[2].target, None);
        assert_eq!(units[0].claimed, Claimed::Open, "a draft claims nothing");
    }

    #[test]
    fn alt_trans_and_notes_are_not_the_units_text() {
        let xml = r#"<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>
<trans-unit id="p1"><source>Uusi</source><target state="final">Ny <g id="1">text</g></target>
<note>muistiinpano</note>
<alt-trans><source>Vanha</source><target>Gammal</target></alt-trans></trans-unit>
</body></file></xliff>"#;
        let units = read(xml, "a.xlf").unwrap();
        assert_eq!(units[0].source.as_deref(), Some("Uusi"));
        assert_eq!(units[0].target.as_deref(), Some("Ny text"));
        assert_eq!(units[0].claimed, Claimed::Reviewed);
    }

    #[test]
    fn broken_xml_is_refused_with_its_line() {
        let err = read(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file>\n</body>",
            "x.xlf",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("`x.xlf` line"), "{err}");
        let err = read("<html/>", "x.xlf").unwrap_err().to_string();
        assert!(err.contains("not an XLIFF file"), "{err}");
        let err = read("<xliff version=\"3.0\"/>", "x.xlf")
            .unwrap_err()
            .to_string();
        assert!(err.contains("version `3.0`"), "{err}");
    }
}
