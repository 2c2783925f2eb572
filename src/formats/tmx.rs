//! TMX 1.4b (the LISA translation memory exchange format OmegaT, Trados,
//! memoQ and Translate Toolkit read): one `<tu>` per memory unit.
//!
//! Per unit: `tuid` = `slug/id`; `creationid` the translator and
//! `creationdate` the date recorded in `status.toml` (for a reviewed unit,
//! the review's: `status.toml` keeps one date); a reviewed unit also has
//! `changeid` (the reviewer) and `changedate`. Properties: `x-state`
//! (translated, reviewed) and `x-role` (paragraph, question, …).

use std::io::Write;

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::memory::Unit;

pub const SOURCE_LANG: &str = "fi-FI";
pub const TARGET_LANG: &str = "sv-FI";

/// A `status.toml` date (`2026-11-23`, or with a time and offset) in TMX's
/// form, `YYYYMMDDThhmmssZ` in UTC; `None` when it is empty or unreadable
/// (the attribute is then left out rather than invented).
pub fn tmx_date(at: &str) -> Option<String> {
    let at = at.trim();
    if let Ok(ts) = at.parse::<jiff::Timestamp>() {
        return Some(ts.strftime("%Y%m%dT%H%M%SZ").to_string());
    }
    if let Ok(dt) = at.parse::<jiff::civil::DateTime>() {
        return Some(dt.strftime("%Y%m%dT%H%M%SZ").to_string());
    }
    let date = at.get(..10)?.parse::<jiff::civil::Date>().ok()?;
    Some(date.strftime("%Y%m%dT000000Z").to_string())
}

/// Writes `units` as one TMX document.
pub fn write(out: &mut impl Write, units: &[Unit]) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut tmx = BytesStart::new("tmx");
    tmx.push_attribute(("version", "1.4"));
    w.write_event(Event::Start(tmx))?;
    let mut header = BytesStart::new("header");
    header.push_attribute(("creationtool", "tolk"));
    header.push_attribute(("creationtoolversion", env!("CARGO_PKG_VERSION")));
    header.push_attribute(("segtype", "paragraph"));
    header.push_attribute(("o-tmf", "tolk"));
    header.push_attribute(("adminlang", "en-US"));
    header.push_attribute(("srclang", SOURCE_LANG));
    header.push_attribute(("datatype", "plaintext"));
    w.write_event(Event::Empty(header))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    for unit in units {
        let tuid = unit.tuid();
        let mut tu = BytesStart::new("tu");
        tu.push_attribute(("tuid", tuid.as_str()));
        let date = tmx_date(&unit.at);
        if let Some(date) = &date {
            tu.push_attribute(("creationdate", date.as_str()));
        }
        tu.push_attribute(("creationid", unit.translator.as_str()));
        if let Some(reviewer) = &unit.reviewer {
            if let Some(date) = &date {
                tu.push_attribute(("changedate", date.as_str()));
            }
            tu.push_attribute(("changeid", reviewer.as_str()));
        }
        w.write_event(Event::Start(tu))?;
        prop(&mut w, "x-state", unit.state.as_str())?;
        prop(&mut w, "x-role", unit.role)?;
        tuv(&mut w, SOURCE_LANG, &unit.fi)?;
        tuv(&mut w, TARGET_LANG, &unit.sv)?;
        w.write_event(Event::End(BytesEnd::new("tu")))?;
    }
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("tmx")))?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

fn prop<W: Write>(w: &mut Writer<W>, kind: &str, value: &str) -> Result<()> {
    let mut p = BytesStart::new("prop");
    p.push_attribute(("type", kind));
    w.write_event(Event::Start(p))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new("prop")))?;
    Ok(())
}

fn tuv<W: Write>(w: &mut Writer<W>, lang: &str, text: &str) -> Result<()> {
    let mut tuv = BytesStart::new("tuv");
    tuv.push_attribute(("xml:lang", lang));
    w.write_event(Event::Start(tuv))?;
    w.write_event(Event::Start(BytesStart::new("seg")))?;
    // Control characters XML 1.0 cannot carry at all are dropped rather
    // than written into a file no reader would open.
    let clean: String = text
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    w.write_event(Event::Text(BytesText::from_escaped(
        quick_xml::escape::partial_escape(&clean),
    )))?;
    w.write_event(Event::End(BytesEnd::new("seg")))?;
    w.write_event(Event::End(BytesEnd::new("tuv")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_tmx_form() {
        assert_eq!(tmx_date("2026-11-23").as_deref(), Some("20261123T000000Z"));
        assert_eq!(
            tmx_date("2026-11-01T10:00:00+02:00").as_deref(),
            Some("20261101T080000Z")
        );
        assert_eq!(tmx_date(""), None);
        assert_eq!(tmx_date("eilen"), None);
    }
}
