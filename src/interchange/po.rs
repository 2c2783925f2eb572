//! gettext PO, written and read here.
//!
//! One entry per unit: `msgctxt` is the segment id (identical Finnish
//! paragraphs stay distinct entries), `#.` comments give the role, the line
//! and who marked it, `#:` the line in fi.txt. States: a missing segment has
//! an empty `msgstr`; a draft and a stale segment are `fuzzy`, a stale one
//! with the Finnish it was translated from as `#| msgid` (previous msgid),
//! as msgmerge writes it; translated and reviewed ones are plain
//! translations (PO has no review state: the `#.` comment says who
//! reviewed).
//!
//! Why not a crate: rspolib (the maintained port of Python's polib) was
//! tried first; it panics on malformed input (a `msgstr` without a
//! `msgid`), wraps long comment lines without their `#.` prefix (a file no
//! PO reader accepts), and reads its argument as a path when a file of that
//! name exists. polib (Rust) has no previous msgid. What tolk needs is
//! small: the escapes, multi-line strings, msgctxt, flags, references and
//! `#|`, with errors that name the line.

use anyhow::{Result, bail};

use super::{Claimed, Document, ReadUnit, TARGET_LANG};
use crate::article::State;

/// Whether a state is written `fuzzy`.
pub fn fuzzy(state: State) -> bool {
    matches!(state, State::Draft | State::Stale)
}

/// A PO string literal: `"…"` with C escapes.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\{:03o}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `keyword "value"`, or, for a value of several lines, `keyword ""` and a
/// string per line, as gettext writes them; each line after `prefix`.
fn field(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let inner = value.trim_end_matches('\n');
    if !inner.contains('\n') {
        out.push_str(&format!("{prefix}{keyword} {}\n", quote(value)));
        return;
    }
    out.push_str(&format!("{prefix}{keyword} \"\"\n"));
    for piece in value.split_inclusive('\n') {
        out.push_str(&format!("{prefix}{}\n", quote(piece)));
    }
}

pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {}: Finnish to Swedish, exported by tolk.\n\
         # Import the translation with `tolk import {} --po FILE`.\n",
        doc.fi_file, doc.slug
    ));
    let header = [
        ("Project-Id-Version", format!("tolk {}", doc.slug)),
        // msgfmt -c wants these; a date from the article keeps the
        // export of an unchanged article byte-identical.
        (
            "PO-Revision-Date",
            format!(
                "{} 00:00+0000",
                doc.revised.as_deref().unwrap_or("1970-01-01")
            ),
        ),
        (
            "Last-Translator",
            doc.translator.clone().unwrap_or_else(|| "none".to_string()),
        ),
        ("Language-Team", "Swedish (Finland)".to_string()),
        ("Language", TARGET_LANG.replace('-', "_")),
        ("MIME-Version", "1.0".to_string()),
        ("Content-Type", "text/plain; charset=UTF-8".to_string()),
        ("Content-Transfer-Encoding", "8bit".to_string()),
        ("X-Source-Language", super::SOURCE_LANG.replace('-', "_")),
        ("X-Generator", format!("tolk {}", env!("CARGO_PKG_VERSION"))),
    ];
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for (key, value) in header {
        // A header value is one line: a name cannot break it.
        let value = value.replace(['\n', '\r'], " ");
        out.push_str(&format!("{}\n", quote(&format!("{key}: {value}\n"))));
    }
    for unit in &doc.units {
        out.push('\n');
        let mut comments = vec![format!("role: {}, line {}", unit.role, unit.line)];
        comments.extend(unit.marked.clone());
        if let Some(first) = &unit.with {
            comments.push(format!(
                "One Swedish paragraph translates this and {first}: its Swedish is on {first}."
            ));
        }
        for comment in comments {
            out.push_str(&format!("#. {}\n", comment.replace(['\n', '\r'], " ")));
        }
        out.push_str(&format!("#: {}:{}\n", doc.fi_file, unit.line));
        if fuzzy(unit.state) && unit.target.is_some() {
            out.push_str("#, fuzzy\n");
        }
        if let Some(old) = &unit.previous_source {
            field(&mut out, "#| ", "msgid", old);
        }
        field(&mut out, "", "msgctxt", &unit.id);
        field(&mut out, "", "msgid", &unit.source);
        field(&mut out, "", "msgstr", unit.target.as_deref().unwrap_or(""));
    }
    out
}

/// The value of a PO string literal (`"…"`), its escapes resolved.
fn unquote(literal: &str) -> std::result::Result<String, String> {
    let inner = literal
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .filter(|_| literal.len() >= 2)
        .ok_or_else(|| format!("expected a string in double quotes, found `{literal}`"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars.next().ok_or("a string ends in a lone backslash")?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '"' | '\\' | '\'' | '?' => out.push(e),
                    '0'..='7' => {
                        let mut n = e.to_digit(8).expect("octal digit");
                        for _ in 0..2 {
                            match chars.peek().and_then(|c| c.to_digit(8)) {
                                Some(d) => {
                                    n = n * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        out.push(char::from_u32(n).ok_or("an invalid octal escape")?);
                    }
                    other => return Err(format!("unknown escape `\\{other}`")),
                }
            }
            '"' => return Err("a double quote inside a string must be escaped as `\\\"`".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// One entry as read.
#[derive(Default)]
struct Entry {
    line: usize,
    ctxt: Option<String>,
    id: Option<String>,
    strs: Vec<String>,
    fuzzy: bool,
    references: Vec<String>,
    /// Which string continuation lines extend.
    open: Option<Open>,
}

#[derive(Clone, Copy)]
enum Open {
    Ctxt,
    Id,
    Plural,
    Str,
}

/// Reads the entries of a PO file as units: the id from `msgctxt` (tolk's
/// export), else from a `#:` reference without a line (Translate
/// Toolkit's `xliff2po` puts the XLIFF unit id there). Obsolete (`#~`) and
/// header entries are skipped.
pub fn read(text: &str, shown: &str) -> Result<Vec<ReadUnit>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    let fail = |line: usize, what: &str| anyhow::anyhow!("`{shown}` line {line}: {what}");
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            entry.open = None;
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            // Comments after a msgstr open the next entry.
            if !entry.strs.is_empty() {
                entries.push(std::mem::take(&mut entry));
            }
            entry.open = None;
            if let Some(flags) = rest.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(refs) = rest.strip_prefix(':') {
                entry
                    .references
                    .extend(refs.split_whitespace().map(str::to_string));
            }
            // `#.`, `# `, `#|` (previous), `#~` (obsolete): nothing to import.
            if entry.line == 0 {
                entry.line = n;
            }
            continue;
        }
        if line.starts_with('"') {
            let value = unquote(line).map_err(|e| fail(n, &e))?;
            match entry.open {
                Some(Open::Ctxt) => entry.ctxt.get_or_insert_default().push_str(&value),
                Some(Open::Id) => entry.id.get_or_insert_default().push_str(&value),
                Some(Open::Plural) => {}
                Some(Open::Str) => {
                    if let Some(last) = entry.strs.last_mut() {
                        last.push_str(&value);
                    }
                }
                None => return Err(fail(n, "a string continues no msgid or msgstr")),
            }
            continue;
        }
        let (keyword, literal) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| fail(n, &format!("`{line}` is not a PO line")))?;
        let value = unquote(literal.trim()).map_err(|e| fail(n, &e))?;
        let keyword_is = |k: &str| keyword == k;
        // A new msgctxt or msgid after a msgstr starts the next entry.
        if (keyword_is("msgctxt") || keyword_is("msgid")) && !entry.strs.is_empty() {
            entries.push(std::mem::take(&mut entry));
        }
        if entry.line == 0 {
            entry.line = n;
        }
        match keyword {
            "msgctxt" if entry.ctxt.is_none() && entry.id.is_none() => {
                entry.ctxt = Some(value);
                entry.open = Some(Open::Ctxt);
            }
            "msgid" if entry.id.is_none() => {
                entry.id = Some(value);
                entry.open = Some(Open::Id);
            }
            "msgid_plural" if entry.id.is_some() && entry.strs.is_empty() => {
                entry.open = Some(Open::Plural);
            }
            k if (k == "msgstr" || (k.starts_with("msgstr[") && k.ends_with(']')))
                && entry.id.is_some() =>
            {
                entry.strs.push(value);
                entry.open = Some(Open::Str);
            }
            _ => {
                return Err(fail(
                    n,
                    &format!("`{keyword}` is out of place (each entry is msgctxt, msgid, msgstr)"),
                ));
            }
        }
    }
    if entry.id.is_some() || entry.ctxt.is_some() {
        entries.push(entry);
    }
    let mut units = Vec::new();
    // The header's `Project-Id-Version: tolk SLUG` (tolk's export).
    let mut project: Option<String> = None;
    for entry in entries {
        let Some(source) = entry.id else {
            return Err(fail(entry.line, "an entry without msgid"));
        };
        if entry.strs.is_empty() {
            return Err(fail(entry.line, "an entry without msgstr"));
        }
        if source.is_empty() {
            // The header.
            project = entry.strs[0]
                .lines()
                .find_map(|l| l.strip_prefix("Project-Id-Version:"))
                .and_then(super::article_named);
            continue;
        }
        // `#: articles/SLUG/fi.txt:LINE`, as tolk writes it.
        let located = entry
            .references
            .iter()
            .find_map(|r| super::referenced_line(r).map(|line| (r, line)));
        let made_from = located
            .and_then(|(r, _)| super::article_named(r))
            .or_else(|| project.clone());
        let fi_line = located.map(|(_, line)| line);
        let id = match entry.ctxt.filter(|c| !c.is_empty()) {
            Some(ctxt) => ctxt,
            None => match entry
                .references
                .iter()
                .find(|r| !r.contains(':') && !r.contains('/'))
            {
                Some(reference) => reference.clone(),
                // Found by its line in fi.txt when the import looks it up.
                None if fi_line.is_some() => String::new(),
                None => bail!(
                    "`{shown}` line {}: an entry without msgctxt, so tolk cannot tell its \
                     segment; export with `tolk export SLUG --format po`, which names each \
                     entry's segment in msgctxt",
                    entry.line
                ),
            },
        };
        let target = entry.strs.into_iter().next().filter(|t| !t.is_empty());
        units.push(ReadUnit {
            id,
            line: entry.line,
            source: Some(source),
            claimed: if entry.fuzzy || target.is_none() {
                Claimed::Open
            } else {
                Claimed::Translated
            },
            target,
            fi_line,
            made_from,
        });
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_po_file_keeps_ids_states_and_the_previous_finnish() {
        let article = crate::article::Article::from_texts(
            "a",
            "Otsikko \"lainaus\"\n\nKappale\\yksi.\nToinen rivi.\n\nKappale\\yksi.\nToinen rivi.\n",
            Some("Rubrik ”citat”\n"),
        );
        let mut doc = Document::of(&article);
        doc.units[0].state = State::Stale;
        doc.units[0].previous_source = Some("Vanha otsikko".into());
        let po = write(&doc);
        assert!(po.contains("#| msgid \"Vanha otsikko\""), "{po}");
        assert!(po.contains("#, fuzzy"), "{po}");
        assert!(po.contains("msgctxt \"p2\""), "{po}");
        let units = read(&po, "a.po").unwrap();
        assert_eq!(units.len(), 3, "identical Finnish stays two entries");
        assert_eq!(units[0].source.as_deref(), Some("Otsikko \"lainaus\""));
        assert_eq!(units[0].target.as_deref(), Some("Rubrik ”citat”"));
        assert_eq!(units[0].claimed, Claimed::Open);
        assert_eq!(
            units[1].source.as_deref(),
            Some("Kappale\\yksi.\nToinen rivi.")
        );
        assert_eq!(units[1].target, None);
    }

    #[test]
    fn strings_round_trip_through_their_escapes() {
        for text in [
            "a \"b\" c\\d",
            "rivi\nrivi\n",
            "tab\there",
            "\u{7}kello",
            "”…” – ok",
        ] {
            assert_eq!(unquote(&quote(text)).unwrap(), text);
        }
        assert_eq!(unquote(r#""\101\x""#).unwrap_err(), "unknown escape `\\x`");
        assert!(unquote(r#""a"b""#).is_err());
        assert!(unquote("\"").is_err());
    }

    #[test]
    fn malformed_entries_are_refused_with_their_line() {
        for (po, line) in [
            ("msgctxt \"p1\"\nmsgstr \"b\"\n", 2),
            ("msgid \"a\"\n\"b\n", 2),
            ("\"b\"\n", 1),
            ("msgid \"a\"\nmsgstr \"b\"\nmsgid_plural \"c\"\n", 3),
            ("msgid \"a\"\nmsgid \"b\"\n", 2),
            ("msgctxt \"p1\"\nmsgid \"a\"\n", 1),
            ("bogus\n", 1),
        ] {
            let err = read(po, "x.po").unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("`x.po` line {line}:")),
                "{po:?}: {err}"
            );
        }
    }

    #[test]
    fn gettext_layouts_read_as_written() {
        let po = "# header\r\nmsgid \"\"\r\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\r\n\r\n\
                  #: p1\r\n#, fuzzy, c-format\r\nmsgid \"\"\r\n\"yksi \"\r\n\"kaksi\"\r\nmsgstr \"\"\r\n\"ett \"\r\n\"två\"\r\n\
                  msgctxt \"p2\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\nmsgstr[1] \"ys\"\n\
                  #~ msgid \"vanha\"\n#~ msgstr \"gammal\"\n";
        let units = read(po, "x.po").unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].id, "p1");
        assert_eq!(units[0].source.as_deref(), Some("yksi kaksi"));
        assert_eq!(units[0].target.as_deref(), Some("ett två"));
        assert_eq!(units[0].claimed, Claimed::Open);
        assert_eq!(units[1].id, "p2");
        assert_eq!(units[1].target.as_deref(), Some("y"));
        assert_eq!(units[1].claimed, Claimed::Translated);
    }

    #[test]
    fn a_broken_po_file_is_refused() {
        let err = read("msgid \"a\nmsgstr \"b\"\n", "x.po")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`x.po`"), "{err}");
    }

    #[test]
    fn an_entry_without_context_is_refused_with_its_line() {
        let err = read("msgid \"a\"\nmsgstr \"b\"\n", "x.po")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`x.po` line 1"), "{err}");
    }
}
