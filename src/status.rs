//! `status.toml`: stored segment states and translator credit (DESIGN §4).
//!
//! The file is tolk's, but people read it and sometimes edit it, so it is
//! edited in place with `toml_edit`: comments and keys tolk did not write
//! survive every rewrite, and a file that does not parse is refused with its
//! line and never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use toml_edit::{DocumentMut, Item, Table, value};

use crate::error::{ErrorKind, LoadError};
use crate::repo::{self, Repo, Staged, write_atomic};
use crate::rules::Rule;

/// A state somebody recorded with `tolk mark`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stored {
    /// Translated by a translator
    Translated,
    /// Checked by a reviewer
    Reviewed,
}

impl Stored {
    pub fn as_str(self) -> &'static str {
        match self {
            Stored::Translated => "translated",
            Stored::Reviewed => "reviewed",
        }
    }
}

/// One segment's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub state: Stored,
    /// Who set the state.
    pub by: String,
    /// When, as an RFC 3339 date (`2026-11-23`).
    pub at: String,
    /// The Finnish text the segment was translated (or reviewed) from.
    pub source: String,
    /// Who translated it, kept when a reviewer marks it reviewed.
    pub translator: Option<String>,
    /// The Swedish text as reviewed, to notice edits after review.
    pub reviewed_text: Option<String>,
}

impl Entry {
    /// The person credited with translating this segment.
    pub fn translated_by(&self) -> &str {
        match self.state {
            Stored::Translated => &self.by,
            Stored::Reviewed => self.translator.as_deref().unwrap_or(&self.by),
        }
    }
}

/// A finding accepted on purpose (`tolk accept`): who, when, why, and the
/// texts it was accepted for. When either text changes, the finding is
/// reported again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub reason: String,
    pub by: String,
    /// When, as an RFC 3339 date.
    pub at: String,
    /// [`text_hash`] of the Finnish and of the Swedish of the segment.
    pub fi_hash: String,
    pub sv_hash: String,
    /// The words of the findings accepted (`2023`, `välfärdsrapporten`),
    /// for rules that can fire more than once on a segment: another
    /// finding of the rule there is not covered. Empty: every finding of
    /// the rule on the segment.
    pub words: Vec<String>,
}

/// The keys of a waiver's table.
const WAIVER_KEYS: [&str; 6] = ["reason", "by", "at", "fi_hash", "sv_hash", "words"];

/// A short, stable fingerprint of a text's words: re-wrapping lines or
/// changing spaces does not change it, any change of a word does.
pub fn text_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for word in text.split(crate::text::is_space).filter(|w| !w.is_empty()) {
        hasher.update(word.as_bytes());
        hasher.update(b" ");
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A loaded `status.toml` (or an empty one when the file does not exist).
#[derive(Debug, Clone)]
pub struct StatusFile {
    pub path: PathBuf,
    pub shown: String,
    /// The file as read; turned into an editable document only when a
    /// command changes something, since most runs only read.
    text: String,
    doc: Option<DocumentMut>,
    pub entries: BTreeMap<String, Entry>,
    /// The article's translator credit (from the `ÖVERSÄTTNING:` line).
    pub translator: Option<String>,
    /// Accepted findings, per segment id and rule.
    pub waivers: BTreeMap<String, BTreeMap<Rule, Waiver>>,
    /// How the file was written, kept on rewrite so that an editor on
    /// Windows does not see every line change: a byte-order mark, CRLF.
    bom: bool,
    crlf: bool,
}

/// The keys of a segment's table that tolk writes; any other key is the
/// user's and is kept as it is.
pub const TOLK_KEYS: [&str; 6] = ["state", "by", "at", "source", "translator", "reviewed_text"];

/// A record's date: empty (not known), or an RFC 3339 date, possibly with
/// a time (`2026-11-01`, `2026-11-01T10:00:00+02:00`).
fn valid_date(at: &str) -> bool {
    let at = at.trim();
    at.is_empty()
        || at
            .get(..10)
            .is_some_and(|d| d.parse::<jiff::civil::Date>().is_ok())
}

/// `status.toml` as the fast path reads it (serde, or [`quick`]): what
/// it does not accept goes through [`StatusFile::parse_checked`].
#[derive(Debug, Default, PartialEq, serde::Deserialize)]
struct Raw {
    credit: Option<RawCredit>,
    #[serde(default)]
    segments: BTreeMap<String, RawEntry>,
}

#[derive(Debug, Default, PartialEq, serde::Deserialize)]
struct RawCredit {
    translator: Option<String>,
}

#[derive(Debug, Default, PartialEq, serde::Deserialize)]
struct RawEntry {
    state: Option<String>,
    by: Option<String>,
    at: Option<toml::Value>,
    source: Option<String>,
    translator: Option<String>,
    reviewed_text: Option<String>,
    waived: Option<BTreeMap<String, RawWaiver>>,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    reason: String,
    by: String,
    at: toml::Value,
    fi_hash: String,
    sv_hash: String,
    #[serde(default)]
    words: Vec<String>,
}

/// Whether `text` has a CRLF line end: found from its carriage returns (a
/// file written on Linux or macOS has none, one vector pass), not by
/// searching for the pair.
fn has_crlf(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) == Some(&b'\n'))
}

/// The 1-based line of the first git conflict marker in `text`, if any.
pub fn conflict_marker(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
                .iter()
                .any(|marker| line.starts_with(marker))
        })
        .map(|i| i + 1)
}

/// The error for a status file git left with conflict markers: where, and
/// how to get out of it.
fn conflict(shown: &str, line: usize) -> LoadError {
    LoadError::new(
        ErrorKind::Conflict,
        shown,
        format!(
            "merge conflict in `{shown}` at line {line}: keep the record you want of each \
             conflicting segment (both, if they are different segments), delete the \
             `<<<<<<<`, `=======` and `>>>>>>>` lines, then `git add {shown}`; \
             `tolk init` sets up a merge driver that merges these files by segment"
        ),
    )
    .at_line(line)
}

const HEADER: &str = "\
# Segment states of this article, written by `tolk mark` and `tolk import`.
# Comments and keys you add are kept. Per segment: state (translated or
# reviewed), by whom, at (date), source (the Finnish text it was made from).
";

impl StatusFile {
    /// A status with no records, as for an article never marked.
    pub fn empty(path: &Path, shown: &str) -> StatusFile {
        StatusFile {
            path: path.to_path_buf(),
            shown: shown.to_string(),
            text: String::new(),
            doc: None,
            entries: BTreeMap::new(),
            translator: None,
            waivers: BTreeMap::new(),
            bom: false,
            crlf: false,
        }
    }

    /// The file's bytes as they were read (a byte-order mark included):
    /// what the result cache hashes. Empty for a file that was not there.
    pub fn as_read(&self) -> std::borrow::Cow<'_, [u8]> {
        if self.bom {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend_from_slice(self.text.as_bytes());
            bytes.into()
        } else {
            self.text.as_bytes().into()
        }
    }

    /// Loads `path`; a missing file is an empty status.
    pub fn load(path: &Path, shown: &str) -> Result<StatusFile, LoadError> {
        let bytes = match crate::repo::read_file(path) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(LoadError::io(shown, err)),
        };
        let mut status = StatusFile::empty(path, shown);
        if let Some(bytes) = bytes {
            let text = crate::text::decode(&bytes, shown)?;
            status.bom = bytes.starts_with(b"\xEF\xBB\xBF");
            status.crlf = has_crlf(text);
            status.parse(text)?;
        }
        Ok(status)
    }

    /// The common case, a well-formed file, read by [`quick`] (tolk's own
    /// layout) or plain serde (several times faster than building a
    /// span-carrying document). Anything it
    /// does not accept goes through [`StatusFile::parse_checked`], which
    /// names the line of the problem.
    fn parse(&mut self, text: &str) -> Result<(), LoadError> {
        // tolk's own layout first, read without a TOML parser; anything
        // else it leaves to the toml crate.
        let raw = match quick::parse(text) {
            Some(raw) => raw,
            None => match toml::from_str::<Raw>(text) {
                Ok(raw) => raw,
                Err(_) => return self.parse_checked(text),
            },
        };
        // The records come in key order: gathered in a vector, they make
        // the map in one go (`BTreeMap::from_iter` builds it from sorted
        // pairs) rather than one insertion each.
        let mut entries = Vec::with_capacity(raw.segments.len());
        let mut waivers = BTreeMap::new();
        for (id, e) in raw.segments {
            if let Some(waived) = e.waived {
                let mut rules = BTreeMap::new();
                for (code, w) in waived {
                    let Some(rule) = Rule::from_code(&code) else {
                        return self.parse_checked(text);
                    };
                    let at = match w.at {
                        toml::Value::String(s) => s,
                        toml::Value::Datetime(d) => d.to_string(),
                        _ => return self.parse_checked(text),
                    };
                    let waiver = Waiver {
                        reason: w.reason,
                        by: w.by,
                        at,
                        fi_hash: w.fi_hash,
                        sv_hash: w.sv_hash,
                        words: w.words,
                    };
                    rules.insert(rule, waiver);
                }
                if !rules.is_empty() {
                    waivers.insert(id.clone(), rules);
                }
            }
            let unmarked = e.state.is_none()
                && e.by.is_none()
                && e.at.is_none()
                && e.source.is_none()
                && e.translator.is_none()
                && e.reviewed_text.is_none();
            if unmarked {
                // A segment's placeholder table (`import` writes one per
                // segment): nobody has marked it.
                continue;
            }
            let (Some(state), Some(by), Some(source)) = (e.state, e.by, e.source) else {
                return self.parse_checked(text);
            };
            let state = match state.as_str() {
                "translated" => Stored::Translated,
                "reviewed" => Stored::Reviewed,
                _ => return self.parse_checked(text),
            };
            let at = match e.at {
                None => String::new(),
                Some(toml::Value::String(s)) => s,
                Some(toml::Value::Datetime(d)) => d.to_string(),
                Some(_) => return self.parse_checked(text),
            };
            if !valid_date(&at) || by.trim().is_empty() {
                return self.parse_checked(text);
            }
            let entry = Entry {
                state,
                by,
                at,
                source,
                translator: e.translator,
                reviewed_text: e.reviewed_text,
            };
            entries.push((id, entry));
        }
        self.translator = raw
            .credit
            .and_then(|c| c.translator)
            .filter(|n| !n.trim().is_empty());
        self.entries = entries.into_iter().collect();
        self.waivers = waivers;
        self.text = text.to_string();
        Ok(())
    }

    fn parse_checked(&mut self, text: &str) -> Result<(), LoadError> {
        let shown = &self.shown;
        let error = |kind: ErrorKind, offset: usize, what: String| -> LoadError {
            LoadError::new(
                kind,
                shown,
                format!("{what}; fix the file by hand (tolk will not overwrite it)"),
            )
            .at_offset(text, offset)
        };
        let refuse = |offset: usize, what: String| error(ErrorKind::Schema, offset, what);
        let doc = toml_edit::Document::parse(text.to_string()).map_err(|err| {
            if let Some(line) = conflict_marker(text) {
                return conflict(shown, line);
            }
            let offset = err.span().map_or(0, |s| s.start);
            error(
                ErrorKind::Syntax,
                offset,
                format!("not valid TOML: {}", err.message().trim()),
            )
        })?;
        let at = |span: Option<std::ops::Range<usize>>| span.map_or(0, |s| s.start);

        if let Some(credit) = doc.get("credit") {
            let table = credit
                .as_table_like()
                .ok_or_else(|| refuse(at(credit.span()), "`credit` must be a table".into()))?;
            if let Some(item) = table.get("translator") {
                let name = item.as_str().ok_or_else(|| {
                    refuse(
                        at(item.span()),
                        "`credit.translator` must be a string".into(),
                    )
                })?;
                self.translator = Some(name.to_string()).filter(|n| !n.trim().is_empty());
            }
        }
        if let Some(segments) = doc.get("segments") {
            let table = segments
                .as_table_like()
                .ok_or_else(|| refuse(at(segments.span()), "`segments` must be a table".into()))?;
            for (id, item) in table.iter() {
                let line = at(item.span());
                let entry = item
                    .as_table_like()
                    .ok_or_else(|| refuse(line, format!("`segments.{id}` must be a table")))?;
                if let Some(waived) = entry.get("waived") {
                    let rules = self.waivers_of(id, waived, &refuse)?;
                    if !rules.is_empty() {
                        self.waivers.insert(id.to_string(), rules);
                    }
                }
                if TOLK_KEYS.iter().all(|key| !entry.contains_key(key)) {
                    continue;
                }
                let string = |key: &str, required: bool| -> Result<Option<String>, LoadError> {
                    match entry.get(key) {
                        None if required => {
                            Err(refuse(line, format!("`segments.{id}` has no `{key}`")))
                        }
                        None => Ok(None),
                        Some(v) => match (v.as_str(), v.as_value()) {
                            (Some(s), _) => Ok(Some(s.to_string())),
                            // A date written as a TOML date, not a string.
                            (None, Some(toml_edit::Value::Datetime(d))) if key == "at" => {
                                Ok(Some(d.value().to_string()))
                            }
                            _ => Err(refuse(
                                at(v.span()),
                                format!("`segments.{id}.{key}` must be a string"),
                            )),
                        },
                    }
                };
                let state = match string("state", true)?.as_deref() {
                    Some("translated") => Stored::Translated,
                    Some("reviewed") => Stored::Reviewed,
                    other => {
                        let got = other.unwrap_or_default();
                        return Err(refuse(
                            line,
                            format!(
                                "`segments.{id}.state` is `{got}`, expected `translated` or `reviewed`"
                            ),
                        ));
                    }
                };
                let by = string("by", true)?.unwrap_or_default();
                if by.trim().is_empty() {
                    let place = entry.get("by").map_or(line, |v| at(v.span()));
                    return Err(refuse(
                        place,
                        format!("`segments.{id}.by` is empty: whose work is it?"),
                    ));
                }
                let when = string("at", false)?.unwrap_or_default();
                if !valid_date(&when) {
                    let place = entry.get("at").map_or(line, |v| at(v.span()));
                    return Err(refuse(
                        place,
                        format!(
                            "`segments.{id}.at` is `{when}`, expected a date as YYYY-MM-DD \
                             (2026-11-01)"
                        ),
                    ));
                }
                self.entries.insert(
                    id.to_string(),
                    Entry {
                        state,
                        by,
                        at: when,
                        source: string("source", true)?.unwrap_or_default(),
                        translator: string("translator", false)?,
                        reviewed_text: string("reviewed_text", false)?,
                    },
                );
            }
        }
        drop(doc);
        self.text = text.to_string();
        Ok(())
    }

    /// The waivers in a segment's `waived` table, or the error at the key
    /// that is wrong.
    fn waivers_of(
        &self,
        id: &str,
        waived: &toml_edit::Item,
        refuse: &dyn Fn(usize, String) -> LoadError,
    ) -> Result<BTreeMap<Rule, Waiver>, LoadError> {
        let at = |span: Option<std::ops::Range<usize>>| span.map_or(0, |s| s.start);
        let table = waived.as_table_like().ok_or_else(|| {
            refuse(
                at(waived.span()),
                format!("`segments.{id}.waived` must be a table of rules"),
            )
        })?;
        let mut rules = BTreeMap::new();
        for (code, item) in table.iter() {
            let place = at(item.span());
            let rule = Rule::from_code(code).ok_or_else(|| {
                refuse(
                    place,
                    format!(
                        "`segments.{id}.waived.{code}`: unknown rule `{code}`; the rules are {}",
                        crate::config::known_rules()
                    ),
                )
            })?;
            let fields = item.as_table_like().ok_or_else(|| {
                refuse(
                    place,
                    format!("`segments.{id}.waived.{code}` must be a table"),
                )
            })?;
            if let Some((key, value)) = fields.iter().find(|(key, _)| !WAIVER_KEYS.contains(key)) {
                return Err(refuse(
                    at(value.span()),
                    format!(
                        "`segments.{id}.waived.{code}`: unknown key `{key}` (a waiver holds {})",
                        WAIVER_KEYS.join(", ")
                    ),
                ));
            }
            let words = match fields.get("words") {
                None => Vec::new(),
                Some(item) => item
                    .as_array()
                    .and_then(|a| {
                        a.iter()
                            .map(|v| v.as_str().map(str::to_string))
                            .collect::<Option<Vec<String>>>()
                    })
                    .ok_or_else(|| {
                        refuse(
                            at(item.span()),
                            format!(
                                "`segments.{id}.waived.{code}.words` must be a list of strings"
                            ),
                        )
                    })?,
            };
            let field = |key: &str| -> Result<String, LoadError> {
                let value = fields.get(key).ok_or_else(|| {
                    refuse(
                        place,
                        format!("`segments.{id}.waived.{code}` has no `{key}`"),
                    )
                })?;
                match (value.as_str(), value.as_value()) {
                    (Some(s), _) => Ok(s.to_string()),
                    (None, Some(toml_edit::Value::Datetime(d))) if key == "at" => {
                        Ok(d.value().to_string())
                    }
                    _ => Err(refuse(
                        at(value.span()),
                        format!("`segments.{id}.waived.{code}.{key}` must be a string"),
                    )),
                }
            };
            rules.insert(
                rule,
                Waiver {
                    reason: field("reason")?,
                    by: field("by")?,
                    at: field("at")?,
                    fi_hash: field("fi_hash")?,
                    sv_hash: field("sv_hash")?,
                    words,
                },
            );
        }
        Ok(rules)
    }

    fn doc_mut(&mut self) -> Result<&mut DocumentMut> {
        if self.doc.is_none() {
            // `parse` accepted this text, so this cannot fail; if it ever
            // did, refusing beats writing a file that lost its contents.
            let doc = self.text.parse::<DocumentMut>().map_err(|err| {
                anyhow::anyhow!(
                    "`{}`: could not re-read for editing: {}",
                    self.shown,
                    err.message()
                )
            })?;
            self.doc = Some(doc);
        }
        Ok(self.doc.as_mut().expect("just set"))
    }

    fn segments_table(&mut self) -> Result<&mut Table> {
        let root = self.doc_mut()?.as_table_mut();
        if !root.contains_key("segments") {
            let mut table = Table::new();
            table.set_implicit(true);
            root.insert("segments", Item::Table(table));
        }
        Ok(match root.get_mut("segments") {
            Some(Item::Table(table)) => table,
            // `parse` accepted only tables; an inline table is converted.
            Some(item) => {
                let taken = std::mem::take(item);
                let table = match taken.into_table() {
                    Ok(table) => table,
                    Err(_) => Table::new(),
                };
                *item = Item::Table(table);
                item.as_table_mut().expect("just set")
            }
            None => unreachable!("inserted above"),
        })
    }

    /// Records `entry` for `id`, keeping keys of the old entry tolk does
    /// not own.
    pub fn set(&mut self, id: &str, entry: Entry) -> Result<()> {
        let segments = self.segments_table()?;
        if !matches!(segments.get(id), Some(Item::Table(_))) {
            segments.insert(id, Item::Table(segment_table()));
        }
        let table = segments
            .get_mut(id)
            .and_then(Item::as_table_mut)
            .expect("inserted");
        put(table, "state", Some(entry.state.as_str()));
        put(table, "by", Some(&entry.by));
        put(table, "at", Some(&entry.at));
        put(table, "source", Some(&entry.source));
        put(table, "translator", entry.translator.as_deref());
        put(table, "reviewed_text", entry.reviewed_text.as_deref());
        self.entries.insert(id.to_string(), entry);
        Ok(())
    }

    /// Records a waiver of `rule` on segment `id` (replacing an earlier one
    /// of the same rule). It goes into the segment's table, so it moves with
    /// the segment's record when ids shift.
    pub fn set_waiver(&mut self, id: &str, rule: Rule, waiver: Waiver) -> Result<()> {
        let segments = self.segments_table()?;
        if !matches!(segments.get(id), Some(Item::Table(_))) {
            segments.insert(id, Item::Table(segment_table()));
        }
        let table = segments
            .get_mut(id)
            .and_then(Item::as_table_mut)
            .expect("inserted");
        if !matches!(table.get("waived"), Some(Item::Table(_))) {
            let mut waived = Table::new();
            waived.set_implicit(true);
            table.insert("waived", Item::Table(waived));
        }
        let waived = table
            .get_mut("waived")
            .and_then(Item::as_table_mut)
            .expect("inserted");
        if !matches!(waived.get(rule.code()), Some(Item::Table(_))) {
            waived.insert(rule.code(), Item::Table(Table::new()));
        }
        let fields = waived
            .get_mut(rule.code())
            .and_then(Item::as_table_mut)
            .expect("inserted");
        put(fields, "reason", Some(&waiver.reason));
        put(fields, "by", Some(&waiver.by));
        put(fields, "at", Some(&waiver.at));
        put(fields, "fi_hash", Some(&waiver.fi_hash));
        put(fields, "sv_hash", Some(&waiver.sv_hash));
        if waiver.words.is_empty() {
            fields.remove("words");
        } else {
            let words: toml_edit::Array = waiver.words.iter().map(String::as_str).collect();
            fields.insert("words", value(words));
        }
        self.waivers
            .entry(id.to_string())
            .or_default()
            .insert(rule, waiver);
        Ok(())
    }

    /// Removes the waiver of `rule` on `id`; whether there was one.
    pub fn remove_waiver(&mut self, id: &str, rule: Rule) -> Result<bool> {
        let Some(rules) = self.waivers.get_mut(id) else {
            return Ok(false);
        };
        if rules.remove(&rule).is_none() {
            return Ok(false);
        }
        if rules.is_empty() {
            self.waivers.remove(id);
        }
        let segments = self.segments_table()?;
        if let Some(table) = segments.get_mut(id).and_then(Item::as_table_like_mut)
            && let Some(waived) = table.get_mut("waived").and_then(Item::as_table_like_mut)
        {
            waived.remove(rule.code());
            if waived.is_empty() {
                table.remove("waived");
            }
        }
        Ok(true)
    }

    /// Moves the waiver of `rule` from segment `from` to segment `to` (its
    /// text moved there), table and comments with it; one already on `to`
    /// stays.
    pub fn move_waiver(&mut self, from: &str, to: &str, rule: Rule) -> Result<bool> {
        if self.waiver(to, rule).is_some() {
            return Ok(false);
        }
        let Some(waiver) = self.waivers.get(from).and_then(|w| w.get(&rule)).cloned() else {
            return Ok(false);
        };
        let segments = self.segments_table()?;
        let table = segments
            .get_mut(from)
            .and_then(Item::as_table_like_mut)
            .and_then(|t| t.get_mut("waived"))
            .and_then(Item::as_table_like_mut)
            .and_then(|w| w.remove(rule.code()));
        self.remove_waiver(from, rule)?;
        self.set_waiver(to, rule, waiver)?;
        // Keep the moved table's comments and keys.
        if let Some(Item::Table(old)) = table {
            let segments = self.segments_table()?;
            if let Some(new) = segments
                .get_mut(to)
                .and_then(Item::as_table_like_mut)
                .and_then(|t| t.get_mut("waived"))
                .and_then(Item::as_table_like_mut)
            {
                new.insert(rule.code(), Item::Table(old));
            }
        }
        Ok(true)
    }

    /// The waiver of `rule` on segment `id`, if any.
    pub fn waiver(&self, id: &str, rule: Rule) -> Option<&Waiver> {
        self.waivers.get(id)?.get(&rule)
    }

    /// Moves records to new ids, whole (comments and keys tolk does not
    /// own go with them), for ids that shifted when the Finnish gained or
    /// lost a segment. Every old key is taken out before any is written, so
    /// chains (`p9` → `p10` → `p11`) move without clobbering.
    pub fn rename(&mut self, moves: &[(String, String)]) -> Result<()> {
        if moves.is_empty() {
            return Ok(());
        }
        let segments = self.segments_table()?;
        let taken: Vec<(String, Option<Item>)> = moves
            .iter()
            .map(|(old, new)| (new.clone(), segments.remove(old)))
            .collect();
        for (new, item) in taken {
            if let Some(item) = item {
                segments.insert(&new, item);
            }
        }
        let entries: Vec<(String, Option<Entry>)> = moves
            .iter()
            .map(|(old, new)| (new.clone(), self.entries.remove(old)))
            .collect();
        for (new, entry) in entries {
            if let Some(entry) = entry {
                self.entries.insert(new, entry);
            }
        }
        let waivers: Vec<(String, Option<BTreeMap<Rule, Waiver>>)> = moves
            .iter()
            .map(|(old, new)| (new.clone(), self.waivers.remove(old)))
            .collect();
        for (new, rules) in waivers {
            if let Some(rules) = rules {
                self.waivers.insert(new, rules);
            }
        }
        Ok(())
    }

    /// Gives every id in `ids` (the Finnish segments, in reading order) a
    /// table of its own, empty until somebody marks it, so that marks on
    /// different segments change different lines and git merges them
    /// without conflict. Tables already there stay where they are.
    pub fn ensure_segments<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let segments = self.segments_table()?;
        for id in ids {
            if !segments.contains_key(id) {
                segments.insert(id, Item::Table(segment_table()));
            }
        }
        Ok(())
    }

    pub fn set_translator(&mut self, name: &str) -> Result<()> {
        let root = self.doc_mut()?.as_table_mut();
        if !matches!(root.get("credit"), Some(Item::Table(_))) {
            root.insert("credit", Item::Table(Table::new()));
            // Keep the credit at the top, above the segment tables.
            if let Some(Item::Table(t)) = root.get_mut("credit") {
                t.set_position(Some(-1));
            }
        }
        if let Some(Item::Table(t)) = root.get_mut("credit") {
            t.insert("translator", value(name));
        }
        self.translator = Some(name.to_string());
        Ok(())
    }

    /// The file's new text, with the BOM and line endings it had.
    pub fn render(&self) -> String {
        let text = match &self.doc {
            Some(doc) => doc.to_string(),
            None => self.text.clone(),
        };
        let mut text = if text.trim_start().starts_with('#') {
            text
        } else {
            // The header may have ended up below a table put at the top
            // (the credit, added after the segments): moved up, not doubled.
            let rest = text.replacen(HEADER, "", 1);
            format!("{HEADER}\n{}", rest.trim_start())
        };
        if self.crlf {
            text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{FEFF}');
        }
        text
    }

    /// Writes the file atomically.
    pub fn save(&self) -> Result<()> {
        write_atomic(&self.path, self.render().as_bytes(), &self.shown)
    }

    /// Stages the new file for [`crate::repo::commit_all`].
    pub fn stage(&self) -> Result<Staged> {
        repo::stage(&self.path, self.render().as_bytes(), &self.shown)
    }
}

/// A new segment table: a blank line above its header, so that the lines
/// of neighbouring records never touch.
fn segment_table() -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table
}

/// Sets (or, with `None`, removes) `key`, keeping the comments around an
/// existing value: the line above the key and a trailing `# …`.
fn put(table: &mut Table, key: &str, new: Option<&str>) {
    let Some(new) = new else {
        table.remove(key);
        return;
    };
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            if old.as_str() == Some(new) {
                return;
            }
            let decor = old.decor().clone();
            *old = toml_edit::Value::from(new);
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, value(new));
        }
    }
}

/// The lock file that serialises writers of `path`:
/// `articles/x/.status.toml.lock`. It is never removed (removing a lock file
/// another process waits on would let a third one in).
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(
        || "status.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    path.with_file_name(format!(".{name}.lock"))
}

/// Runs `f` holding the exclusive advisory lock of the status file `path`
/// (blocking until other writers are done). Readers never take it: writes
/// are atomic renames, so a reader sees the old file or the new one.
pub fn with_lock<T>(path: &Path, shown: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let lock = lock_path(path);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .with_context(|| format!("could not open the lock file beside `{shown}`"))?;
    let mut lock = fd_lock::RwLock::new(file);
    let _guard = lock
        .write()
        .with_context(|| format!("could not lock `{shown}` for writing"))?;
    f()
}

/// The read-modify-write of an article's `status.toml`: under its lock,
/// re-reads the file (another `mark` may have just written it), applies
/// `change` and writes the result atomically. The article directory must
/// resolve inside the repository.
pub fn update<T>(
    repo: &Repo,
    slug: &str,
    change: impl FnOnce(&mut StatusFile) -> Result<T>,
) -> Result<T> {
    let dir = repo.article_dir(slug);
    repo.check_inside(&dir)?;
    let path = dir.join("status.toml");
    let shown = repo.display(&path);
    with_lock(&path, &shown, || {
        let mut status = StatusFile::load(&path, &shown)?;
        let out = change(&mut status)?;
        status.save()?;
        Ok(out)
    })
}

/// `status.toml` as tolk writes it, read without a TOML parser: comment
/// and blank lines, `[credit]` and `[segments.ID]` headers, and keys with
/// string values (basic, literal or multi-line basic). Anything else (a
/// waiver, a date that is not a string, a quoted key, an escape or a
/// construct it does not know, anything TOML would refuse) gives `None`,
/// and the file is read by the toml crate instead, which is the reference:
/// what this accepts, it reads exactly as the toml crate does.
mod quick {
    use super::{Raw, RawCredit, RawEntry};

    /// Where the keys that follow go: a segment's record is filled here
    /// and put in the map when its table ends, not looked up for each key.
    enum Table<'a> {
        Root,
        Credit,
        Segment(&'a str, RawEntry),
    }

    impl<'a> Table<'a> {
        /// Ends the table: a segment's record goes into `raw`.
        fn close(&mut self, raw: &mut Raw) {
            if let Table::Segment(id, entry) = std::mem::replace(self, Table::Root) {
                raw.segments.insert(id.to_string(), entry);
            }
        }
    }

    fn is_bare(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
    }

    /// A character TOML allows in no string or comment (tab aside).
    fn is_control(b: u8) -> bool {
        (b < 0x20 && b != b'\t') || b == 0x7F
    }

    /// Whether `bytes` hold a byte [`is_control`] refuses: every byte
    /// asked, with `&` and `|` rather than jumps, so the compiler turns it
    /// into vector code.
    fn has_control(bytes: &[u8]) -> bool {
        bytes.iter().fold(0u8, |seen, &b| {
            seen | (u8::from(b < 0x20) & u8::from(b != b'\t')) | u8::from(b == 0x7F)
        }) != 0
    }

    struct Reader<'a> {
        text: &'a str,
        at: usize,
    }

    impl<'a> Reader<'a> {
        fn peek(&self) -> Option<u8> {
            self.text.as_bytes().get(self.at).copied()
        }

        fn rest(&self) -> &'a [u8] {
            &self.text.as_bytes()[self.at..]
        }

        fn skip_blanks(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\t')) {
                self.at += 1;
            }
        }

        /// The end of a line: blanks, perhaps a comment, a newline (or the
        /// end of the text).
        fn end_of_line(&mut self) -> Option<()> {
            self.skip_blanks();
            match self.peek() {
                None => Some(()),
                Some(b'#') => self.comment(),
                _ => self.newline(),
            }
        }

        fn newline(&mut self) -> Option<()> {
            if self.rest().starts_with(b"\n") {
                self.at += 1;
            } else if self.rest().starts_with(b"\r\n") {
                self.at += 2;
            } else {
                return None;
            }
            Some(())
        }

        /// A comment up to and with its newline.
        fn comment(&mut self) -> Option<()> {
            let len = memchr::memchr(b'\n', self.rest()).unwrap_or(self.rest().len());
            let body = &self.rest()[..len];
            let body = body.strip_suffix(b"\r").unwrap_or(body);
            if body.iter().any(|&b| is_control(b)) {
                return None;
            }
            self.at += len;
            if self.peek().is_some() {
                self.at += 1;
            }
            Some(())
        }

        fn bare_key(&mut self) -> Option<&'a str> {
            let len = self.rest().iter().take_while(|&&b| is_bare(b)).count();
            let key = &self.text[self.at..self.at + len];
            self.at += len;
            (!key.is_empty()).then_some(key)
        }

        fn value(&mut self) -> Option<String> {
            let rest = self.rest();
            if rest.starts_with(b"\"\"\"") {
                self.at += 3;
                self.multiline()
            } else if rest.starts_with(b"\"") {
                self.at += 1;
                self.basic()
            } else if rest.starts_with(b"'''") {
                None
            } else if rest.starts_with(b"'") {
                self.at += 1;
                let len = memchr::memchr(b'\'', self.rest())?;
                let body = &self.text[self.at..self.at + len];
                if body.bytes().any(is_control) {
                    return None;
                }
                self.at += len + 1;
                Some(body.to_string())
            } else {
                None
            }
        }

        /// A basic string's body after its opening quote, and the quote
        /// that closes it.
        fn basic(&mut self) -> Option<String> {
            // Found from quote to backslash, not byte by byte: texts are
            // most of a status file, and escapes are few.
            let mut out = String::new();
            loop {
                let rest = self.rest();
                let len = memchr::memchr2(b'"', b'\\', rest)?;
                if has_control(&rest[..len]) {
                    return None;
                }
                out.push_str(&self.text[self.at..self.at + len]);
                self.at += len;
                if rest[len] == b'"' {
                    self.at += 1;
                    return Some(out);
                }
                self.escape(&mut out)?;
            }
        }

        /// A multi-line basic string's body after its opening quotes: a
        /// newline right after them is not part of it. Line-ending
        /// backslashes, carriage returns and quotes just before the closing
        /// ones are left to the toml crate.
        fn multiline(&mut self) -> Option<String> {
            if self.rest().starts_with(b"\n") {
                self.at += 1;
            }
            let mut out = String::new();
            let mut from = self.at;
            loop {
                let b = self.peek()?;
                match b {
                    b'"' if self.rest().starts_with(b"\"\"\"") => {
                        if self.rest().get(3) == Some(&b'"') {
                            return None;
                        }
                        out.push_str(&self.text[from..self.at]);
                        self.at += 3;
                        return Some(out);
                    }
                    b'\\' => {
                        out.push_str(&self.text[from..self.at]);
                        self.escape(&mut out)?;
                        from = self.at;
                    }
                    b'\n' => self.at += 1,
                    b if is_control(b) => return None,
                    _ => self.at += 1,
                }
            }
        }

        /// An escape at the backslash, its character pushed to `out`.
        fn escape(&mut self, out: &mut String) -> Option<()> {
            let code = *self.rest().get(1)?;
            let c = match code {
                b'b' => '\u{8}',
                b't' => '\t',
                b'n' => '\n',
                b'f' => '\u{c}',
                b'r' => '\r',
                b'"' => '"',
                b'\\' => '\\',
                b'u' | b'U' => {
                    let len = if code == b'u' { 4 } else { 8 };
                    let hex = self.rest().get(2..2 + len)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    let hex = std::str::from_utf8(hex).ok()?;
                    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                    self.at += len;
                    c
                }
                _ => return None,
            };
            self.at += 2;
            out.push(c);
            Some(())
        }
    }

    pub(super) fn parse(text: &str) -> Option<Raw> {
        let mut raw = Raw::default();
        let mut table = Table::Root;
        // The keys of the current table, to refuse one given twice.
        let mut keys: Vec<&str> = Vec::new();
        let mut r = Reader { text, at: 0 };
        loop {
            r.skip_blanks();
            match r.peek() {
                None => {
                    table.close(&mut raw);
                    return Some(raw);
                }
                Some(b'#') => r.comment()?,
                Some(b'\n' | b'\r') => r.newline()?,
                Some(b'[') => {
                    r.at += 1;
                    table.close(&mut raw);
                    let name = r.bare_key()?;
                    table = match name {
                        "credit" if raw.credit.is_none() => {
                            raw.credit = Some(RawCredit::default());
                            Table::Credit
                        }
                        "segments" if r.peek() == Some(b'.') => {
                            r.at += 1;
                            let id = r.bare_key()?;
                            if raw.segments.contains_key(id) {
                                return None;
                            }
                            Table::Segment(id, RawEntry::default())
                        }
                        _ => return None,
                    };
                    if r.peek() != Some(b']') {
                        return None;
                    }
                    r.at += 1;
                    r.end_of_line()?;
                    keys.clear();
                }
                Some(_) => {
                    let key = r.bare_key()?;
                    r.skip_blanks();
                    if r.peek() != Some(b'=') {
                        return None;
                    }
                    r.at += 1;
                    r.skip_blanks();
                    let value = r.value()?;
                    r.end_of_line()?;
                    if keys.contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    match &mut table {
                        Table::Root => return None,
                        Table::Credit => {
                            if key == "translator" {
                                raw.credit.as_mut()?.translator = Some(value);
                            }
                        }
                        Table::Segment(_, entry) => {
                            match key {
                                "state" => entry.state = Some(value),
                                "by" => entry.by = Some(value),
                                "at" => entry.at = Some(toml::Value::String(value)),
                                "source" => entry.source = Some(value),
                                "translator" => entry.translator = Some(value),
                                "reviewed_text" => entry.reviewed_text = Some(value),
                                "waived" => return None,
                                // Keys tolk does not own are the user's.
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(state: Stored) -> Entry {
        Entry {
            state,
            by: "Patricia Heikkilä".into(),
            at: "2026-11-23".into(),
            source: "Mitä?".into(),
            translator: None,
            reviewed_text: None,
        }
    }

    fn parse(text: &str) -> Result<StatusFile> {
        let mut s = StatusFile {
            path: PathBuf::from("status.toml"),
            shown: "status.toml".into(),
            text: String::new(),
            doc: None,
            entries: BTreeMap::new(),
            translator: None,
            waivers: BTreeMap::new(),
            bom: false,
            crlf: false,
        };
        s.parse(text)?;
        Ok(s)
    }

    #[test]
    fn crlf_is_found_as_by_searching_for_the_pair() {
        for text in [
            "", "\r", "\n", "\r\n", "\n\r", "\r\r\n", "a\rb\n", "a\r b\n", "a\nb\r\n", "ä\r\n",
            "x\r", "\r\r",
        ] {
            assert_eq!(has_crlf(text), text.contains("\r\n"), "{text:?}");
        }
    }

    #[test]
    fn round_trip_keeps_comments_and_unknown_keys() {
        let mut s = parse(
            "# my note\n[credit]\ntranslator = \"P\"\n\n[segments.q1]\nstate = \"translated\" # ok\nby = \"P\"\nat = 2026-11-01\nsource = \"Mitä?\"\nmood = \"happy\"\n",
        )
        .unwrap();
        assert_eq!(s.entries["q1"].at, "2026-11-01");
        s.set("q1", entry(Stored::Reviewed)).unwrap();
        s.set("a1", entry(Stored::Translated)).unwrap();
        let out = s.render();
        assert!(out.starts_with("# my note\n"), "{out}");
        assert!(out.contains("mood = \"happy\""), "{out}");
        let again = parse(&out).unwrap();
        assert_eq!(again.entries["q1"].state, Stored::Reviewed);
        assert_eq!(again.entries["a1"].state, Stored::Translated);
        assert_eq!(again.translator.as_deref(), Some("P"));
    }

    #[test]
    fn new_file_gets_a_header_and_credit_on_top() {
        let mut s = parse("").unwrap();
        s.set("title", entry(Stored::Translated)).unwrap();
        s.set_translator("Patricia Heikkilä").unwrap();
        let out = s.render();
        assert!(out.starts_with("# Segment states"), "{out}");
        let credit = out.find("[credit]").unwrap();
        let seg = out.find("[segments.title]").unwrap();
        assert!(credit < seg, "{out}");
        assert!(parse(&out).is_ok());
    }

    #[test]
    fn a_credit_added_later_does_not_double_the_header() {
        let mut s = parse("").unwrap();
        s.set("p1", entry(Stored::Translated)).unwrap();
        let once = parse(&s.render()).unwrap();
        let mut again = once;
        again.set_translator("Patricia Heikkilä").unwrap();
        let out = again.render();
        assert_eq!(out.matches("# Segment states").count(), 1, "{out}");
        assert!(out.starts_with("# Segment states"), "{out}");
        assert!(out.find("[credit]").unwrap() < out.find("[segments.p1]").unwrap());
    }

    #[test]
    fn multi_line_source_survives() {
        let mut s = parse("").unwrap();
        let mut e = entry(Stored::Translated);
        e.source = "– Eka \"lainaus\".\n\nToka \\ kappale.".into();
        s.set("a1", e.clone()).unwrap();
        let again = parse(&s.render()).unwrap();
        assert_eq!(again.entries["a1"].source, e.source);
    }

    #[test]
    fn broken_toml_is_refused_with_its_line() {
        let err = parse("[segments.q1]\nstate = \"translated\nby = 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("will not overwrite"), "{err}");
    }

    #[test]
    fn unknown_state_is_refused_with_its_line() {
        let err = parse("\n[segments.q1]\nstate = \"done\"\nby = \"P\"\nsource = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("`done`"), "{err}");
    }

    #[test]
    fn a_date_that_is_not_one_and_an_empty_name_are_refused_with_their_line() {
        let err = parse(
            "[segments.q1]\nstate = \"translated\"\nby = \"P\"\nat = \"31.10.2026\"\nsource = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("expected a date as YYYY-MM-DD"), "{err}");
        let err = parse("[segments.q1]\nstate = \"translated\"\nby = \"\"\nsource = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("is empty"), "{err}");
        // A date with a time, or none at all, is fine.
        assert!(parse("[segments.q1]\nstate = \"translated\"\nby = \"P\"\nat = 2026-11-01T10:00:00Z\nsource = \"x\"\n").is_ok());
        assert!(
            parse("[segments.q1]\nstate = \"translated\"\nby = \"P\"\nsource = \"x\"\n").is_ok()
        );
    }

    #[test]
    fn missing_required_key_is_refused() {
        let err = parse("[segments.q1]\nstate = \"translated\"\nsource = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no `by`"), "{err}");
    }

    fn waiver() -> Waiver {
        Waiver {
            reason: "Deliberate: \"the year\" is spelled out".into(),
            by: "Eeva".into(),
            at: "2026-11-25".into(),
            fi_hash: text_hash("Ensi vuoden alusta."),
            sv_hash: text_hash("Från början av 2023."),
            words: vec!["2023".into()],
        }
    }

    #[test]
    fn a_waiver_round_trips_and_moves_with_its_record() {
        let mut s = parse("# kept\n[segments.q6]\nmine = 1\n").unwrap();
        s.set_waiver("q6", Rule::Number, waiver()).unwrap();
        let text = s.render();
        assert!(text.contains("[segments.q6.waived.number]"), "{text}");
        assert!(text.contains("mine = 1"), "{text}");
        let mut again = parse(&text).unwrap();
        assert_eq!(again.waiver("q6", Rule::Number), Some(&waiver()));
        assert!(again.entries.is_empty(), "a waiver is not a mark");
        again
            .rename(&[("q6".to_string(), "q7".to_string())])
            .unwrap();
        let moved = parse(&again.render()).unwrap();
        assert_eq!(moved.waiver("q7", Rule::Number), Some(&waiver()));
        let mut moved = moved;
        assert!(moved.remove_waiver("q7", Rule::Number).unwrap());
        assert!(!moved.remove_waiver("q7", Rule::Number).unwrap());
        let text = moved.render();
        assert!(!text.contains("waived"), "{text}");
        assert!(parse(&text).unwrap().waivers.is_empty());
    }

    #[test]
    fn a_hand_edited_waiver_is_refused_with_its_line() {
        let err = parse(
            "[segments.q6.waived.numbers]\nreason = \"r\"\nby = \"E\"\nat = \"x\"\n\
             fi_hash = \"1\"\nsv_hash = \"2\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown rule `numbers`"), "{err}");
        assert!(err.contains("line 1"), "{err}");
        let err = parse("[segments.q6.waived.number]\nreason = \"r\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("has no `by`"), "{err}");
    }

    #[test]
    fn the_text_hash_ignores_spacing_not_words() {
        assert_eq!(text_hash("a  b\nc"), text_hash("a b\u{a0}c"));
        assert_ne!(text_hash("a b"), text_hash("ab"));
        assert_ne!(text_hash(""), text_hash("a"));
        assert_eq!(text_hash("x").len(), 16);
    }

    #[test]
    fn reviewer_keeps_translator_credit() {
        let mut e = entry(Stored::Reviewed);
        e.by = "Eeva".into();
        e.translator = Some("Patricia".into());
        assert_eq!(e.translated_by(), "Patricia");
        assert_eq!(
            entry(Stored::Translated).translated_by(),
            "Patricia Heikkilä"
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the texts hold (quotes, backslashes, newlines, NBSP,
            /// control characters), a write reads back to the same record,
            /// and comments already in the file survive.
            #[test]
            fn status_writer_never_loses_text(
                id in "[a-z][a-z0-9]{0,4}",
                source in any::<String>(),
                by in any::<String>().prop_filter("tolk records no blank name", |s| !s.trim().is_empty()),
                sv in any::<String>(),
            ) {
                let mut s = parse("# kept comment\n").unwrap();
                let e = Entry {
                    state: Stored::Reviewed,
                    by: by.clone(),
                    at: "2026-11-23".into(),
                    source: source.clone(),
                    translator: Some(by.clone()),
                    reviewed_text: Some(sv.clone()),
                };
                s.set(&id, e.clone()).unwrap();
                let text = s.render();
                prop_assert!(text.contains("# kept comment"));
                let again = parse(&text).unwrap();
                prop_assert_eq!(&again.entries[&id], &e);
            }
        }
    }
}

#[cfg(test)]
mod quick_tests {
    use super::*;

    /// What the toml crate reads from `text`, beside what [`quick`] reads:
    /// wherever `quick` reads something, it must be the same.
    fn agrees(text: &str) -> bool {
        let quick = quick::parse(text);
        if let Some(quick) = &quick {
            let reference = toml::from_str::<Raw>(text);
            assert_eq!(reference.as_ref().ok(), Some(quick), "{text:?}");
        }
        quick.is_some()
    }

    fn entry(source: &str, reviewed: Option<&str>) -> Entry {
        Entry {
            state: if reviewed.is_some() {
                Stored::Reviewed
            } else {
                Stored::Translated
            },
            by: "Patricia Heikkilä".into(),
            at: "2026-11-23".into(),
            source: source.into(),
            translator: reviewed.map(|_| "Outi Lindholm".to_string()),
            reviewed_text: reviewed.map(str::to_string),
        }
    }

    /// Files as tolk writes them, with texts holding everything that needs
    /// quoting: the fast path reads them all, as the toml crate does.
    #[test]
    fn tolk_s_own_files_are_read_as_the_toml_crate_reads_them() {
        let texts = [
            "Mitä?",
            "",
            "Hän sanoi \"ei\" ja lähti.",
            "It's 'quoted'",
            "both \" and '",
            "back\\slash \\n not a newline",
            "– Vastaus.\n\nToinen kappale.",
            "three \"\"\" quotes",
            "ends with a quote\"",
            "tab\there",
            "bell\u{7}and del\u{7f}",
            "cr\r\nlf",
            "ünïcödé ”lainaus” 😀",
            "'''",
            "multi\nline with 'single' and \"double\" quotes\n",
        ];
        let mut s = StatusFile::empty(Path::new("status.toml"), "status.toml");
        s.set_translator("Patricia \"P\" Heikkilä").unwrap();
        for (i, text) in texts.iter().enumerate() {
            let reviewed = (i % 2 == 0).then_some(*text);
            s.set(&format!("p{i}"), entry(text, reviewed)).unwrap();
        }
        let out = s.render();
        agrees(&out);
        let mut reread = StatusFile::empty(Path::new("status.toml"), "status.toml");
        reread.parse(&out).unwrap();
        assert_eq!(reread.entries, s.entries);
        assert_eq!(reread.translator, s.translator);
        // One text at a time: each file the fast path takes, or not.
        let mut taken = 0;
        for (i, text) in texts.iter().enumerate() {
            let mut one = StatusFile::empty(Path::new("status.toml"), "status.toml");
            one.set("p1", entry(text, (i % 2 == 0).then_some(*text)))
                .unwrap();
            taken += usize::from(agrees(&one.render()));
        }
        assert!(taken >= 10, "the fast path took only {taken} files");
        // The layout of plain files is the fast path's.
        let mut plain = StatusFile::empty(Path::new("status.toml"), "status.toml");
        plain.set("title", entry("Otsikko", None)).unwrap();
        plain.ensure_segments(["p1", "p2"]).unwrap();
        assert!(agrees(&plain.render()), "{}", plain.render());
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of string bodies: text, quotes, escapes good and bad,
        /// control characters and tabs.
        fn body() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "Mitä",
                " ",
                "ä",
                "”",
                "\"",
                "\\",
                "\\\"",
                "\\n",
                "\\t",
                "\\u00e4",
                "\\U0001F600",
                "\\uD800",
                "\\q",
                "\t",
                "\n",
                "\r",
                "\u{0}",
                "\u{1f}",
                "\u{7f}",
                "'",
                "\"\"\"",
                "#",
                "[",
                "]",
                "=",
            ]);
            prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
        }

        proptest! {
            /// The fast path reads a basic string from quote to backslash;
            /// whatever it takes must read as the toml crate reads it.
            #[test]
            fn basic_strings_read_as_the_toml_crate_reads_them(
                source in body(),
                by in body(),
                key in prop::sample::select(vec!["p1", "title", "p-1_A"]),
            ) {
                let text = format!(
                    "[credit]\ntranslator = \"{by}\"\n\n[segments.{key}]\nstate = \"translated\"\nby = \"{by}\"\nsource = \"{source}\"\n\n[segments.p2]\nsource = \"{source}\"\n"
                );
                agrees(&text);
            }
        }
    }

    #[test]
    fn whatever_the_fast_path_takes_reads_as_the_toml_crate_reads_it() {
        let cases = [
            "",
            "\n\n",
            "# only a comment",
            "# comment\r\n[credit]\r\ntranslator = \"A\"\r\n",
            "[credit]\ntranslator = 'literal \\ no escape'\n",
            "[credit] # trailing\ntranslator = \"A\" # x\n",
            "[credit]\ntranslator = \"A\"\nother = \"kept\"\n",
            "[credit]\ntranslator = 3\n",
            "[credit]\n[credit]\n",
            "[credit]\ntranslator = \"A\"\ntranslator = \"B\"\n",
            "translator = \"root key\"\n",
            "[segments.p1]\n[segments.p1]\n",
            "[segments.p1]\nstate = \"translated\"\nstate = \"reviewed\"\n",
            "[segments.p1]\nstate=\"translated\"\nby\t=\t\"A\"\nsource = \"x\"\n",
            "  [segments.p1]\n  state = \"translated\"\n",
            "[ segments.p1 ]\n",
            "[segments . p1]\n",
            "[segments.\"p 1\"]\nstate = \"x\"\n",
            "[segments]\n[segments.p1]\n",
            "[segments.p1.waived.copy]\nreason = \"x\"\n",
            "[[segments.p1]]\n",
            "[segments.p1]\nat = 2026-11-01\n",
            "[segments.p1]\nsource = \"\\u00e4\\U0001F600\\t\\b\\f\\r\\n\\\"\\\\\"\n",
            "[segments.p1]\nsource = \"\\uD800\"\n",
            "[segments.p1]\nsource = \"\\u00g0\"\n",
            "[segments.p1]\nsource = \"\\u+0e4\"\n",
            "[segments.p1]\nsource = \"\\e\"\n",
            "[segments.p1]\nsource = \"\\x41\"\n",
            "[segments.p1]\nsource = \"\\q\"\n",
            "[segments.p1]\nsource = \"tab\tok\"\n",
            "[segments.p1]\nsource = \"nul\u{0}no\"\n",
            "[segments.p1]\nsource = \"del\u{7f}no\"\n",
            "[segments.p1]\nsource = \"unterminated\n",
            "[segments.p1]\nsource = \"a\" \"b\"\n",
            "[segments.p1]\nsource = \"a\"b\n",
            "[segments.p1]\nsource = \"\"\"\nfirst\n\nsecond\"\"\"\n",
            "[segments.p1]\nsource = \"\"\"no newline\"\"\"\n",
            "[segments.p1]\nsource = \"\"\"\r\ncrlf\"\"\"\n",
            "[segments.p1]\nsource = \"\"\"quote\"\"\"\"\n",
            "[segments.p1]\nsource = \"\"\"two \"\" inside\"\"\"\n",
            "[segments.p1]\nsource = \"\"\"line \\\n  joined\"\"\"\n",
            "[segments.p1]\nsource = '''literal\nmulti'''\n",
            "[segments.p1]\nsource = 'a'\n",
            "[segments.p1]\nsource = ''\n",
            "[segments.p1]\nsource = \"x\"\r",
            "[segments.p1]\nsource = \"x\"\rstate = \"y\"\n",
            "[segments.p1]\n# comment with \u{1} control\n",
            "[segments.p1]\nmood = \"happy\"\n",
            "[segments.p1]\nmood = 3\n",
            "[segments.p1]\nwaived = \"x\"\n",
            "[segments.p1]\nsource.x = \"dotted\"\n",
            "[segments.p1]\n\"source\" = \"quoted key\"\n",
            "[segments.p1]\nsource = \"x\"",
            "[segments.p1]\nsource =\n",
            "[segments.p1]\n= \"x\"\n",
            "[segments.p-1_A]\nstate = \"translated\"\n",
            "[segments.p1]\nsource = \"ä\"\n[credit]\ntranslator = \"B\"\n",
        ];
        let mut taken = 0;
        for text in cases {
            taken += usize::from(agrees(text));
        }
        assert!(taken >= 20, "the fast path took only {taken} cases");
    }
}
