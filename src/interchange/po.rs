//! gettext PO written and read with rspolib.
//!
//! One entry per unit: `msgctxt` is the segment id (identical Finnish
//! paragraphs stay distinct entries), `#.` comments give the role and who
//! marked it, `#:` the line in fi.txt. States: a missing segment has an
//! empty `msgstr`; a draft and a stale segment are `fuzzy`, a stale one
//! with the Finnish it was translated from as `#| msgid` (previous msgid),
//! as msgmerge writes it; translated and reviewed ones are plain
//! translations (PO has no review state: the `#.` comment says who
//! reviewed).

use anyhow::{Result, bail};
use rspolib::{FileOptions, POEntry, POFile};

use super::{Claimed, Document, ReadUnit, TARGET_LANG};
use crate::article::State;

/// Whether a state is written `fuzzy`.
pub fn fuzzy(state: State) -> bool {
    matches!(state, State::Draft | State::Stale)
}

/// Comment lines longer than this are broken at spaces: rspolib wraps a
/// long comment line without its `#.` prefix, which no PO reader accepts.
const COMMENT_WIDTH: usize = 70;

fn comment_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > COMMENT_WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub fn write(doc: &Document) -> String {
    let options = FileOptions {
        wrapwidth: 79,
        ..FileOptions::default()
    };
    let mut file = POFile::new(options);
    file.header = Some(format!(
        "{}: Finnish to Swedish, exported by tolk.\n\
         Import the translation with `tolk import {} --po FILE`.",
        doc.fi_file, doc.slug
    ));
    for (key, value) in [
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
    ] {
        file.metadata.insert(key.to_string(), value);
    }
    for unit in &doc.units {
        let mut comments = vec![format!("role: {}, line {}", unit.role, unit.line)];
        comments.extend(unit.marked.clone());
        if let Some(first) = &unit.with {
            comments.push(format!(
                "One Swedish paragraph translates this and {first}: its Swedish is on {first}."
            ));
        }
        let comment: Vec<String> = comments.iter().flat_map(|c| comment_lines(c)).collect();
        let mut entry = POEntry::new(0);
        entry.msgctxt = Some(unit.id.clone());
        entry.msgid = unit.source.clone();
        entry.msgstr = Some(unit.target.clone().unwrap_or_default());
        entry.comment = Some(comment.join("\n"));
        entry.occurrences = vec![(doc.fi_file.clone(), unit.line.to_string())];
        if fuzzy(unit.state) && unit.target.is_some() {
            entry.flags.push("fuzzy".to_string());
        }
        entry.previous_msgid = unit.previous_source.clone();
        file.entries.push(entry);
    }
    let mut text = file.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Reads the entries of a PO file as units: the id from `msgctxt` (tolk's
/// export), else from the first `#:` reference that is not a file
/// position (Translate Toolkit's `xliff2po` puts the unit id there).
pub fn read(text: &str, shown: &str) -> Result<Vec<ReadUnit>> {
    let mut content = text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string();
    // rspolib reads its argument as a path when a file of that name exists:
    // a line break makes sure it is read as the content it is.
    content.push('\n');
    let parsed = rspolib::pofile(content.as_str())
        .map_err(|e| anyhow::anyhow!("`{shown}` is not a valid PO file: {e}"))?;
    let mut units = Vec::new();
    for entry in parsed.entries.iter().filter(|e| !e.obsolete) {
        if entry.msgid.is_empty() {
            continue;
        }
        let id = match entry.msgctxt.as_deref().filter(|c| !c.is_empty()) {
            Some(ctx) => ctx.to_string(),
            None => match entry
                .occurrences
                .iter()
                .find(|(file, line)| line.is_empty() && !file.contains('/'))
            {
                Some((file, _)) => file.clone(),
                None => bail!(
                    "`{shown}` line {}: an entry without msgctxt, so tolk cannot tell its \
                     segment; export with `tolk export SLUG --format po`, which names each \
                     entry's segment in msgctxt",
                    entry.linenum.max(1)
                ),
            },
        };
        let target = entry.msgstr.clone().filter(|t| !t.is_empty());
        units.push(ReadUnit {
            id,
            line: entry.linenum.max(1),
            source: Some(entry.msgid.clone()),
            claimed: if entry.fuzzy() || target.is_none() {
                Claimed::Open
            } else {
                Claimed::Translated
            },
            target,
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
    fn long_comments_stay_comments() {
        let lines = comment_lines(&"sana ".repeat(40));
        assert!(lines.len() > 1 && lines.iter().all(|l| l.len() <= COMMENT_WIDTH));
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
