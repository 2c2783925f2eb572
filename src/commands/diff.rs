//! `tolk diff`: what changed in the Finnish since each segment was
//! translated, word by word, beside the current Swedish.

use anyhow::Result;
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::article::{Article, Pair, State};
use crate::cli::DiffArgs;
use crate::commands::status::RowState;
use crate::select;
use crate::session::Session;
use crate::tokens::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words that is equal, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub op: Op,
    pub text: String,
}

/// Word-level difference of two texts; whitespace differences are not
/// changes.
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    let a: Vec<&str> = words(old).map(|(_, w)| w).collect();
    let b: Vec<&str> = words(new).map(|(_, w)| w).collect();
    let mut changes: Vec<Change> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match changes.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&words.join(" "));
            }
            _ => changes.push(Change {
                op,
                text: words.join(" "),
            }),
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(Op::Equal, &a[old_index..old_index + len]),
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &a[old_index..old_index + old_len]);
                push(Op::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    changes
}

/// Words removed from the Finnish that the Swedish still carries: numbers
/// and names (capitalised words that do not start a sentence). These are
/// what a translator most easily misses.
pub fn still_in_sv(changes: &[Change], sv: &str) -> Vec<String> {
    let trim = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // Sets, not scans: a stale paragraph can have many thousand words.
    let sv_words: rustc_hash::FxHashSet<String> = words(sv).map(|(_, w)| trim(w)).collect();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out: Vec<String> = Vec::new();
    let mut sentence_start = true;
    for change in changes {
        for raw in change.text.split(' ') {
            let word = trim(raw);
            if change.op == Op::Delete && !word.is_empty() {
                let number = word.chars().any(|c| c.is_ascii_digit());
                let name = !sentence_start && word.chars().next().is_some_and(char::is_uppercase);
                if (number || name) && sv_words.contains(&word) && seen.insert(word.clone()) {
                    out.push(word);
                }
            }
            if change.op != Op::Insert {
                sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.starts_with(['–', '—']);
            }
        }
    }
    out
}

/// Numbers removed from and added to the Finnish.
#[derive(Debug, Default, Serialize)]
pub struct NumberChange {
    pub old: Vec<String>,
    pub new: Vec<String>,
}

/// The numbers of the old Finnish the new one lacks, and the other way
/// round, as written: read whole (`84 000` → `86 000`, not `84` → `86`),
/// compared by value (`15 000` = `15000`).
pub fn number_change(old: &str, new: &str) -> NumberChange {
    use crate::checks::numbers::numbers;
    let (mut before, mut after) = (numbers(old), numbers(new));
    let mut n = NumberChange::default();
    for b in before.drain(..) {
        match after.iter().position(|a| a.value == b.value) {
            Some(k) => {
                after.remove(k);
            }
            None => n.old.push(b.text),
        }
    }
    n.new = after.into_iter().map(|a| a.text).collect();
    n
}

#[derive(Debug, Serialize)]
pub struct StaleSegment {
    pub id: String,
    pub line: usize,
    /// The state that was recorded (`translated` or `reviewed`).
    pub marked: &'static str,
    pub by: String,
    pub at: String,
    pub old: String,
    pub new: String,
    pub sv: Option<String>,
    pub changes: Vec<Change>,
    /// Numbers and names the old Finnish had, the new lacks, and the
    /// Swedish still says.
    pub still_in_sv: Vec<String>,
    /// Numbers that changed in the Finnish.
    pub numbers: NumberChange,
}

#[derive(Debug, Serialize)]
pub struct EditedSegment {
    pub id: String,
    pub line: usize,
    pub reviewed_by: String,
    pub at: String,
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
}

/// One row of `diff --all`, borrowed from the article.
#[derive(Debug, Serialize)]
pub struct SideBySide<'a> {
    /// The Finnish id; `null` for a Swedish paragraph with no Finnish.
    pub id: Option<&'a str>,
    pub state: RowState,
    pub edited: bool,
    pub fi: &'a str,
    pub sv: Option<&'a str>,
    /// The lines of sv.txt that hold the Swedish (`[7, 9]`).
    pub sv_lines: Option<(usize, usize)>,
    /// Another Finnish segment whose Swedish paragraph this one shares
    /// (a merged row): the Swedish is shown there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<&'a str>,
}

/// Every Finnish segment beside the Swedish aligned with it, and the
/// Swedish paragraphs that translate nothing, in the order of sv.txt.
///
/// Holds the article and makes each row only when it is printed (or
/// serialised, as a JSON array written element by element): an article of
/// hundreds of megabytes is never copied into a report.
#[derive(Debug)]
pub struct AllRows(Article);

impl AllRows {
    pub fn rows(&self) -> impl Iterator<Item = SideBySide<'_>> {
        let article = &self.0;
        let mut extras = article.extra().iter().peekable();
        let mut pairs = article.pairs().into_iter().peekable();
        std::iter::from_fn(move || {
            let Some(pair) = pairs.peek() else {
                return extras.next().map(extra_row);
            };
            let row = &article.alignment.rows[pair.row];
            let first = &article.fi.segments[row.fi.start];
            let shared = first.id != pair.fi.id;
            if let Some(sv) = pair.sv.filter(|_| !shared)
                && let Some(extra) = extras.next_if(|e| e.line < sv.line)
            {
                return Some(extra_row(extra));
            }
            let pair = pairs.next()?;
            Some(SideBySide {
                id: Some(&pair.fi.id),
                state: pair.state.into(),
                edited: pair.edited,
                fi: &pair.fi.text,
                sv: pair.sv.filter(|_| !shared).map(|s| s.text.as_str()),
                sv_lines: pair.sv.map(|s| (s.line, s.end_line)),
                with: shared.then_some(first.id.as_str()),
            })
        })
    }
}

impl Serialize for AllRows {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows())
    }
}

#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub article: String,
    /// Stale segments (or the named ones that are marked).
    pub segments: Vec<StaleSegment>,
    /// Reviewed segments whose Swedish changed after review.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited: Vec<EditedSegment>,
    /// Named segments with nothing to compare, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unchanged: Vec<Note>,
    /// With `--all`: every segment side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<AllRows>,
}

#[derive(Debug, Serialize)]
pub struct Note {
    pub id: String,
    pub note: String,
}

fn extra_row(sv: &crate::segment::Segment) -> SideBySide<'_> {
    SideBySide {
        id: None,
        state: RowState::Extra,
        edited: false,
        fi: "",
        sv: Some(&sv.text),
        sv_lines: Some((sv.line, sv.end_line)),
        with: None,
    }
}

fn stale(pair: &Pair<'_>) -> Option<StaleSegment> {
    let entry = pair.entry?;
    let changes = word_diff(&entry.source, &pair.fi.text);
    let sv = pair.sv.map(|s| s.text.clone());
    Some(StaleSegment {
        id: pair.fi.id.clone(),
        line: pair.fi.line,
        marked: entry.state.as_str(),
        by: entry.by.clone(),
        at: entry.at.clone(),
        numbers: number_change(&entry.source, &pair.fi.text),
        old: entry.source.clone(),
        new: pair.fi.text.clone(),
        still_in_sv: still_in_sv(&changes, sv.as_deref().unwrap_or("")),
        sv,
        changes,
    })
}

fn edited(pair: &Pair<'_>) -> Option<EditedSegment> {
    let entry = pair.entry?;
    let old = entry.reviewed_text.clone()?;
    let new = pair.sv?.text.clone();
    Some(EditedSegment {
        id: pair.fi.id.clone(),
        line: pair.sv?.line,
        reviewed_by: entry.by.clone(),
        at: entry.at.clone(),
        changes: word_diff(&old, &new),
        old,
        new,
    })
}

pub fn run(args: &DiffArgs, session: &Session) -> Result<DiffReport> {
    select::require_article(session.repo()?, &args.slug)?;
    let article = session.article(&args.slug)?;
    let mut report = DiffReport {
        article: article.slug.clone(),
        segments: Vec::new(),
        edited: Vec::new(),
        unchanged: Vec::new(),
        all: None,
    };
    if args.all {
        report.all = Some(AllRows(article));
        return Ok(report);
    }
    // Named segments (ids in any case, numbers, ranges) or states: see
    // `select`.
    let states = args.pick.states();
    let named = !args.ids.is_empty() || !states.is_empty();
    let mut pairs: Vec<Pair<'_>> = article.pairs();
    if named {
        let chosen = select::segments(&article, &args.ids, &states)?;
        let chosen: rustc_hash::FxHashSet<&str> = chosen.iter().map(String::as_str).collect();
        pairs.retain(|p| chosen.contains(p.fi.id.as_str()));
    }
    for pair in &pairs {
        let is_stale = pair.state == State::Stale;
        if is_stale || (named && pair.entry.is_some()) {
            if let Some(s) =
                stale(pair).filter(|s| is_stale || s.changes.iter().any(|c| c.op != Op::Equal))
            {
                report.segments.push(s);
            } else if named {
                report.unchanged.push(Note {
                    id: pair.fi.id.clone(),
                    note: "the Finnish is unchanged since it was marked".into(),
                });
            }
        } else if named {
            report.unchanged.push(Note {
                id: pair.fi.id.clone(),
                note: format!(
                    "{}: never marked, so there is no earlier text to compare",
                    pair.state.as_str()
                ),
            });
        }
        if pair.edited {
            report.edited.extend(edited(pair));
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(changes: &[Change]) -> String {
        changes
            .iter()
            .map(|c| match c.op {
                Op::Equal => c.text.clone(),
                Op::Delete => format!("[-{}-]", c.text),
                Op::Insert => format!("{{+{}+}}", c.text),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn changed_word_is_a_delete_and_an_insert() {
        let d = word_diff("vuoden 2023 alusta.", "vuoden 2024 alusta.");
        assert_eq!(render(&d), "vuoden [-2023-] {+2024+} alusta.");
    }

    #[test]
    fn whitespace_is_not_a_change() {
        let d = word_diff("a  b\nc", "a b\u{a0}c");
        assert_eq!(
            d,
            vec![Change {
                op: Op::Equal,
                text: "a b c".into()
            }]
        );
    }

    #[test]
    fn adjacent_changes_merge_into_one_run() {
        let d = word_diff("yksi kaksi kolme neljä", "yksi viisi kuusi neljä");
        assert_eq!(render(&d), "yksi [-kaksi kolme-] {+viisi kuusi+} neljä");
    }

    #[test]
    fn removed_number_still_in_swedish_is_named() {
        let d = word_diff("vuoden 2023 alusta.", "vuoden 2024 alusta.");
        assert_eq!(still_in_sv(&d, "från början av 2023."), ["2023"]);
        assert!(still_in_sv(&d, "från början av 2024.").is_empty());
    }

    #[test]
    fn removed_name_still_in_swedish_is_named_but_sentence_start_is_not() {
        let d = word_diff(
            "Kysyin Taru Ikäheimoselta. Sitten lähdin.",
            "Kysyin Maija Virtaselta. Nyt lähdin.",
        );
        assert_eq!(
            still_in_sv(&d, "Jag frågade Taru. Sitten gick jag."),
            ["Taru"]
        );
    }
}
