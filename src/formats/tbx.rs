//! The glossary as TBX-Basic (ISO 30042:2019, the TBX-Basic dialect in DCA
//! style), for CAT tools and termbases, and back.
//!
//! One `conceptEntry` per term:
//!
//! | glossary.toml | TBX |
//! |---|---|
//! | `fi` | `langSec xml:lang="fi"` › `termSec` › `term`, `administrativeStatus` `preferredTerm-admn-sts` |
//! | each `fi_forms` pattern | a `termSec` in the `fi` langSec, `admittedTerm-admn-sts`, `termType` `variant` |
//! | `sv` | `langSec xml:lang="sv"` › `termSec`, `preferredTerm-admn-sts` |
//! | each `sv_forms` pattern | a `termSec` in the `sv` langSec, `admittedTerm-admn-sts` |
//! | each `avoid` pattern | a `termSec` in the `sv` langSec, `deprecatedTerm-admn-sts` |
//! | `note` | the `conceptEntry`'s `note` |
//!
//! Patterns keep their `*` (a termbase shows `välfärdsrapport*` as typed).
//! Reading accepts what it writes, language tags with a region (`sv-FI`)
//! and a `descrip` at the entry as the note; anything else holding text
//! (another language, a definition, a transaction) is refused with its
//! line, since the glossary has nowhere to keep it.

use std::io::Write;

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::glossary::Term;

pub const NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";

const PREFERRED: &str = "preferredTerm-admn-sts";
const ADMITTED: &str = "admittedTerm-admn-sts";
const DEPRECATED: &str = "deprecatedTerm-admn-sts";

/// Writes the terms as one TBX-Basic document.
pub fn write(out: &mut impl Write, terms: &[Term], source: &str) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut tbx = BytesStart::new("tbx");
    tbx.push_attribute(("type", "TBX-Basic"));
    tbx.push_attribute(("style", "dca"));
    tbx.push_attribute(("xml:lang", "fi"));
    tbx.push_attribute(("xmlns", NAMESPACE));
    w.write_event(Event::Start(tbx))?;
    start(&mut w, "tbxHeader")?;
    start(&mut w, "fileDesc")?;
    start(&mut w, "sourceDesc")?;
    text_element(
        &mut w,
        BytesStart::new("p"),
        &format!("{source}, exported by tolk {}", env!("CARGO_PKG_VERSION")),
    )?;
    end(&mut w, "sourceDesc")?;
    end(&mut w, "fileDesc")?;
    end(&mut w, "tbxHeader")?;
    start(&mut w, "text")?;
    start(&mut w, "body")?;
    for (i, term) in terms.iter().enumerate() {
        let mut entry = BytesStart::new("conceptEntry");
        let id = format!("c{}", i + 1);
        entry.push_attribute(("id", id.as_str()));
        w.write_event(Event::Start(entry))?;
        if let Some(note) = &term.note {
            text_element(&mut w, BytesStart::new("note"), note)?;
        }
        lang_sec(&mut w, "fi", |w| {
            term_sec(w, &term.fi, PREFERRED, None)?;
            for form in &term.fi_forms {
                term_sec(w, form, ADMITTED, Some("variant"))?;
            }
            Ok(())
        })?;
        lang_sec(&mut w, "sv", |w| {
            term_sec(w, &term.sv, PREFERRED, None)?;
            for form in &term.sv_forms {
                term_sec(w, form, ADMITTED, None)?;
            }
            for avoid in &term.avoid {
                term_sec(w, avoid, DEPRECATED, None)?;
            }
            Ok(())
        })?;
        end(&mut w, "conceptEntry")?;
    }
    end(&mut w, "body")?;
    end(&mut w, "text")?;
    end(&mut w, "tbx")?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

type Xml<'a, W> = Writer<&'a mut W>;

fn start<W: Write>(w: &mut Xml<'_, W>, name: &str) -> Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    Ok(())
}

fn end<W: Write>(w: &mut Xml<'_, W>, name: &str) -> Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

fn text_element<W: Write>(w: &mut Xml<'_, W>, el: BytesStart<'_>, text: &str) -> Result<()> {
    let name = AsRef::<str>::as_ref(&el.name()).to_string();
    w.write_event(Event::Start(el))?;
    // Quotes and apostrophes stay as typed: only `<`, `>`, `&` need escaping in text.
    w.write_event(Event::Text(BytesText::from_escaped(
        quick_xml::escape::partial_escape(text),
    )))?;
    end(w, &name)
}

fn lang_sec<'a, W: Write>(
    w: &mut Xml<'a, W>,
    lang: &str,
    body: impl FnOnce(&mut Xml<'a, W>) -> Result<()>,
) -> Result<()> {
    let mut sec = BytesStart::new("langSec");
    sec.push_attribute(("xml:lang", lang));
    w.write_event(Event::Start(sec))?;
    body(w)?;
    end(w, "langSec")
}

fn term_sec<W: Write>(
    w: &mut Xml<'_, W>,
    term: &str,
    status: &str,
    term_type: Option<&str>,
) -> Result<()> {
    start(w, "termSec")?;
    text_element(w, BytesStart::new("term"), term)?;
    let mut note = BytesStart::new("termNote");
    note.push_attribute(("type", "administrativeStatus"));
    text_element(w, note, status)?;
    if let Some(kind) = term_type {
        let mut note = BytesStart::new("termNote");
        note.push_attribute(("type", "termType"));
        text_element(w, note, kind)?;
    }
    end(w, "termSec")
}

/// A term read from a file, or why the file cannot be read, with the line.
pub type Read = Result<Vec<Term>, (usize, String)>;

/// One `termSec` as read.
#[derive(Default)]
struct TermSec {
    term: String,
    status: Option<String>,
    line: usize,
}

/// One `conceptEntry` as read: its line, notes, and term sections per
/// language.
struct Entry {
    line: usize,
    notes: Vec<String>,
    langs: Vec<(String, Vec<TermSec>)>,
}

/// Reads the terms of a TBX file (see the module docs for what is taken).
/// Each term's `line` is its `conceptEntry`'s.
pub fn read(text: &str) -> Read {
    use quick_xml::events::Event as E;
    let lines: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| c == '\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |pos: usize| lines.partition_point(|&nl| nl < pos) + 1;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut terms = Vec::new();
    // The path of open elements (local names), and where each started.
    let mut path: Vec<String> = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut sec: Option<TermSec> = None;
    let mut note_type = String::new();
    let mut text_buf = String::new();
    let mut saw_tbx = false;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            (
                line_at(reader.error_position() as usize),
                format!("not well-formed XML: {e}"),
            )
        })?;
        let line = line_at(pos + 1);
        match event {
            E::Start(el) => {
                let name = AsRef::<str>::as_ref(&el.local_name()).to_string();
                let attr = |key: &str| -> Option<String> {
                    el.attributes()
                        .flatten()
                        .find(|a| AsRef::<str>::as_ref(&a.key.local_name()) == key)
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                };
                let parent = path.last().map(String::as_str).unwrap_or("");
                let in_header = path.iter().any(|p| p == "tbxHeader");
                match (parent, name.as_str()) {
                    ("", "tbx") => saw_tbx = true,
                    ("tbx", "tbxHeader") | ("tbx", "text") | ("text", "body") => {}
                    _ if in_header => {}
                    ("body", "conceptEntry") => {
                        entry = Some(Entry {
                            line,
                            notes: Vec::new(),
                            langs: Vec::new(),
                        })
                    }
                    ("conceptEntry", "note") | ("conceptEntry", "descrip") => {}
                    ("conceptEntry", "langSec") => {
                        let tag = attr("lang").unwrap_or_default();
                        let base = tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
                        if base != "fi" && base != "sv" {
                            return Err((
                                line,
                                format!(
                                    "a langSec in `{tag}`: the glossary holds only Finnish (fi) \
                                     and Swedish (sv); remove it or keep it in another termbase"
                                ),
                            ));
                        }
                        if let Some(e) = entry.as_mut() {
                            e.langs.push((base, Vec::new()));
                        }
                    }
                    ("langSec", "termSec") => {
                        sec = Some(TermSec {
                            line,
                            ..TermSec::default()
                        })
                    }
                    ("termSec", "term") => {}
                    ("termSec", "termNote") => note_type = attr("type").unwrap_or_default(),
                    _ => {
                        return Err((
                            line,
                            format!(
                                "`<{name}>` in `<{parent}>`: tolk's glossary has no place for it \
                                 (a term keeps its Finnish, Swedish, variants, renderings to \
                                 avoid and one note); remove it to import"
                            ),
                        ));
                    }
                }
                path.push(name);
                text_buf.clear();
            }
            E::Empty(el) => {
                let name = AsRef::<str>::as_ref(&el.local_name()).to_string();
                let in_header = path.iter().any(|p| p == "tbxHeader") || name == "tbxHeader";
                if !in_header && !matches!(name.as_str(), "note" | "descrip" | "term") {
                    return Err((
                        line,
                        format!(
                            "`<{name}/>`: tolk's glossary has no place for it; remove it to import"
                        ),
                    ));
                }
            }
            E::Text(t) => {
                text_buf.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            E::CData(t) => text_buf.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            E::GeneralRef(r) => {
                let name = r
                    .xml_content(quick_xml::XmlVersion::Implicit1_0)
                    .into_owned();
                let ch = match name.as_str() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                match ch {
                    Some(c) => text_buf.push(c),
                    None => return Err((line, format!("unknown entity `&{name};`"))),
                }
            }
            E::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let content = std::mem::take(&mut text_buf);
                let trimmed = crate::text::normalize_ws(&content);
                match (parent, name.as_str()) {
                    ("conceptEntry", "note") | ("conceptEntry", "descrip") => {
                        if let Some(e) = entry.as_mut()
                            && !trimmed.is_empty()
                        {
                            e.notes.push(content.trim().to_string());
                        }
                    }
                    ("termSec", "term") => {
                        if let Some(s) = sec.as_mut() {
                            s.term = trimmed;
                        }
                    }
                    ("termSec", "termNote") => {
                        if let Some(s) = sec.as_mut() {
                            match note_type.as_str() {
                                "administrativeStatus" => s.status = Some(trimmed),
                                "termType" if trimmed == "variant" => {}
                                other => {
                                    return Err((
                                        line,
                                        format!(
                                            "termNote `{other}` (`{trimmed}`): tolk's glossary \
                                             has no place for it; remove it to import"
                                        ),
                                    ));
                                }
                            }
                        }
                    }
                    ("langSec", "termSec") => {
                        if let (Some(s), Some(e)) = (sec.take(), entry.as_mut())
                            && let Some((_, secs)) = e.langs.last_mut()
                        {
                            secs.push(s);
                        }
                    }
                    ("body", "conceptEntry") => {
                        if let Some(e) = entry.take() {
                            terms.push(concept(e)?);
                        }
                    }
                    _ => {
                        if !trimmed.is_empty()
                            && !path.iter().any(|p| p == "tbxHeader")
                            && name != "tbxHeader"
                        {
                            return Err((
                                line,
                                format!("text in `<{name}>` that tolk's glossary has no place for"),
                            ));
                        }
                    }
                }
                text_buf.clear();
            }
            E::Eof => break,
            _ => {}
        }
    }
    if !saw_tbx {
        return Err((1, "no `<tbx>` element: is this a TBX file?".to_string()));
    }
    Ok(terms)
}

/// One `conceptEntry` as a glossary term.
fn concept(entry: Entry) -> Result<Term, (usize, String)> {
    let Entry { line, notes, langs } = entry;
    let mut term = Term {
        fi: String::new(),
        sv: String::new(),
        avoid: Vec::new(),
        fi_forms: Vec::new(),
        sv_forms: Vec::new(),
        note: (!notes.is_empty()).then(|| notes.join("\n")),
        line,
    };
    for (lang, secs) in langs {
        for s in secs {
            let status = s.status.as_deref().unwrap_or(PREFERRED);
            let (main, forms) = if lang == "fi" {
                (&mut term.fi, &mut term.fi_forms)
            } else {
                (&mut term.sv, &mut term.sv_forms)
            };
            match status {
                PREFERRED if main.is_empty() => *main = s.term,
                PREFERRED => {
                    return Err((
                        s.line,
                        format!(
                            "a second preferred {lang} term `{}` (the first is `{main}`); mark \
                             one admittedTerm-admn-sts",
                            s.term
                        ),
                    ));
                }
                ADMITTED => forms.push(s.term),
                DEPRECATED | "supersededTerm-admn-sts" if lang == "sv" => term.avoid.push(s.term),
                other => {
                    return Err((
                        s.line,
                        format!(
                            "a {lang} term with administrativeStatus `{other}`, which tolk's glossary cannot keep"
                        ),
                    ));
                }
            }
        }
    }
    if term.fi.is_empty() {
        return Err((line, "this conceptEntry has no Finnish term".to_string()));
    }
    if term.sv.is_empty() {
        return Err((line, format!("`{}` has no preferred Swedish term", term.fi)));
    }
    Ok(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(inner: &str) -> String {
        format!(
            "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"fi\" xmlns=\"{NAMESPACE}\">\n\
             <text><body><conceptEntry id=\"c1\">\n{inner}\n</conceptEntry></body></text></tbx>\n"
        )
    }

    #[test]
    fn reads_what_it_writes() {
        let term = Term {
            fi: "perusopetus".into(),
            sv: "grundläggande utbildning".into(),
            avoid: vec!["grundutbildning".into()],
            fi_forms: vec!["perusopetukse*".into()],
            sv_forms: vec![],
            note: Some("Lag 628/1998 & förordning".into()),
            line: 0,
        };
        let mut out = Vec::new();
        write(&mut out, std::slice::from_ref(&term), "glossary.toml").unwrap();
        let read = read(std::str::from_utf8(&out).unwrap()).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(
            Term {
                line: 0,
                ..read[0].clone()
            },
            term
        );
    }

    #[test]
    fn a_term_note_the_glossary_cannot_keep_is_refused_with_its_line() {
        let text = entry(
            "<langSec xml:lang=\"fi\"><termSec><term>perusopetus</term></termSec></langSec>\n\
             <langSec xml:lang=\"sv\"><termSec><term>grundläggande utbildning</term>\n\
             <termNote type=\"partOfSpeech\">noun</termNote></termSec></langSec>",
        );
        let (line, why) = read(&text).unwrap_err();
        assert_eq!(line, 5);
        assert!(why.contains("partOfSpeech"), "{why}");
        // Without it, the entry is read.
        let text = text.replace("<termNote type=\"partOfSpeech\">noun</termNote>", "");
        assert_eq!(read(&text).unwrap()[0].sv, "grundläggande utbildning");
    }

    #[test]
    fn an_entry_without_swedish_is_refused() {
        let text =
            entry("<langSec xml:lang=\"fi\"><termSec><term>perusopetus</term></termSec></langSec>");
        let (line, why) = read(&text).unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("no preferred Swedish term"), "{why}");
    }

    #[test]
    fn not_tbx_is_refused() {
        assert!(read("<martif type=\"TBX\"></martif>").is_err());
    }
}
