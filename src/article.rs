//! One article: its Finnish and Swedish segments paired by id, its stored
//! status and its credits, loaded by one function every command uses.

use std::path::PathBuf;

use serde::Serialize;

use crate::error::{ErrorKind, LoadError};
use crate::lang::Lang;
use crate::pairing::{self, Alignment, MatcherFn};
use crate::repo::{self, Repo};
use crate::segment::{Kind, Segment, Segmented, segment};
use crate::source::Source;
use crate::status::{Entry, StatusFile, Stored};
use crate::text::same_text;

/// A segment's state (DESIGN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// No Swedish text for this id, or only whitespace.
    Missing,
    /// Swedish text present, nobody has marked it.
    Draft,
    Translated,
    Reviewed,
    /// The Finnish text changed since the segment was marked.
    Stale,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Missing => "missing",
            State::Draft => "draft",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
            State::Stale => "stale",
        }
    }
}

/// A translation in progress often stops after a question whose answer is
/// not written yet. Alone at the end of sv.txt, that question has no dash
/// paragraph after it, so by the rules it would be read as the last
/// paragraph of the answer before it (or as a paragraph), hiding the
/// question and padding that answer. When everything before it pairs up
/// exactly and the Finnish has a question at that place, it is that
/// question.
fn adopt_trailing_question(fi: &Segmented, sv: &mut Segmented) {
    let Some(last) = sv.segments.last() else {
        return;
    };
    let last_para = last.text.rsplit("\n\n").next().unwrap_or(&last.text);
    if !last_para.trim_end().ends_with('?') {
        return;
    }
    let split = last.kind == Kind::Answer && last.parts.len() > 1;
    if !(split || last.kind == Kind::Paragraph) {
        return;
    }
    // Where the question stands among the segments once it is on its own.
    let at = if split {
        sv.segments.len()
    } else {
        sv.segments.len() - 1
    };
    let Some(fi_here) = fi.segments.get(at) else {
        return;
    };
    let aligned = sv.segments[..at.min(sv.segments.len())]
        .iter()
        .zip(&fi.segments)
        .all(|(s, f)| s.id == f.id);
    if fi_here.kind != Kind::Question || !aligned {
        return;
    }
    let question = if split {
        let answer = sv.segments.last_mut().expect("checked above");
        let (line, end_line) = answer.parts.pop().expect("several parts");
        let cut = answer.text.rfind("\n\n").expect("several paragraphs");
        let text = answer.text.split_off(cut);
        let text = text.trim_start_matches('\n').to_string();
        answer.end_line = answer.parts.last().map_or(answer.line, |p| p.1);
        answer.words -= crate::text::word_count(&text);
        Segment {
            n: answer.n + 1,
            id: fi_here.id.clone(),
            kind: Kind::Question,
            role: crate::segment::Element::Question,
            offsets: answer.split_off_offsets(cut + 2),
            line,
            end_line,
            words: crate::text::word_count(&text),
            parts: vec![(line, end_line)],
            text,
        }
    } else {
        let mut p = sv.segments.pop().expect("checked above");
        p.kind = Kind::Question;
        p.role = crate::segment::Element::Question;
        p.id = fi_here.id.clone();
        p
    };
    sv.segments.push(question);
}

/// A Finnish segment with its Swedish counterpart and record.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub fi: &'a Segment,
    pub sv: Option<&'a Segment>,
    pub entry: Option<&'a Entry>,
    pub state: State,
    /// Reviewed, and the Swedish text changed since.
    pub edited: bool,
    /// Index of the pair's row in [`Article::alignment`].
    pub row: usize,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    pub dir: PathBuf,
    pub fi_file: String,
    pub sv_file: String,
    pub fi: Segmented,
    /// `None` when `sv.txt` does not exist yet.
    pub sv: Option<Segmented>,
    pub status: StatusFile,
    /// How the Swedish pairs with the Finnish.
    pub alignment: Alignment,
    /// The files as written, for locating findings in them.
    pub fi_source: Source,
    pub sv_source: Option<Source>,
}

impl Article {
    /// Loads `articles/SLUG/`: fi.txt (required), sv.txt and status.toml
    /// (both optional).
    ///
    /// `matcher` gives the glossary when the Swedish has to be aligned by
    /// content (glossary terms are anchors); it is asked only then.
    pub fn load(repo: &Repo, slug: &str, matcher: MatcherFn<'_>) -> Result<Article, LoadError> {
        crate::repo::check_slug(slug)?;
        let dir = repo.article_dir(slug);
        let fi_path = dir.join("fi.txt");
        let sv_path = dir.join("sv.txt");
        let status_path = dir.join("status.toml");
        let fi_file = repo.display(&fi_path);
        let sv_file = repo.display(&sv_path);
        let fi_source = repo::read_source(&fi_path, &fi_file)?;
        // One look-up fewer per article: the directory is only asked about
        // when fi.txt is not there.
        if fi_source.is_none() {
            repo.require_article(slug)?;
        }
        let fi_source = fi_source.ok_or_else(|| {
            LoadError::new(
                ErrorKind::NotFound,
                &fi_file,
                format!(
                    "no such file; every article needs its Finnish source \
                     (`tolk import {slug} --fi FILE`)"
                ),
            )
        })?;
        let sv_source = repo::read_source(&sv_path, &sv_file)?;
        let status = StatusFile::load(&status_path, &repo.display(&status_path))?;
        Ok(Article::assemble(
            slug, dir, fi_file, sv_file, fi_source, sv_source, status, matcher,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        slug: &str,
        dir: PathBuf,
        fi_file: String,
        sv_file: String,
        fi_source: Source,
        sv_source: Option<Source>,
        status: StatusFile,
        matcher: MatcherFn<'_>,
    ) -> Article {
        let fi = segment(fi_source.body());
        let sv = sv_source.as_ref().map(|t| {
            let mut sv = segment(t.body());
            adopt_trailing_question(&fi, &mut sv);
            sv
        });
        let alignment = pairing::pair(&fi, sv.as_ref(), matcher);
        Article {
            alignment,
            slug: slug.to_string(),
            dir,
            fi_file,
            sv_file,
            fi,
            sv,
            status,
            fi_source,
            sv_source,
        }
    }

    /// An article from texts in memory, with an empty status (for tests
    /// and benchmarks).
    pub fn from_texts(slug: &str, fi: &str, sv: Option<&str>) -> Article {
        Article::from_texts_with(slug, fi, sv, &|| None)
    }

    /// [`Article::from_texts`], aligned with a glossary.
    pub fn from_texts_with(
        slug: &str,
        fi: &str,
        sv: Option<&str>,
        matcher: MatcherFn<'_>,
    ) -> Article {
        let dir = PathBuf::from("articles").join(slug);
        let status_path = dir.join("status.toml");
        let status = StatusFile::empty(&status_path, &format!("articles/{slug}/status.toml"));
        Article::assemble(
            slug,
            dir,
            format!("articles/{slug}/fi.txt"),
            format!("articles/{slug}/sv.txt"),
            Source::new(fi.to_string()),
            sv.map(|t| Source::new(t.to_string())),
            status,
            matcher,
        )
    }

    /// Pairs the Swedish with the Finnish again, after `fi` or `sv` changed.
    pub fn realign(&mut self, matcher: MatcherFn<'_>) {
        self.alignment = pairing::pair(&self.fi, self.sv.as_ref(), matcher);
    }

    /// The file of one side, for locating findings.
    pub fn source(&self, lang: Lang) -> Option<&Source> {
        match lang {
            Lang::Fi => Some(&self.fi_source),
            Lang::Sv => self.sv_source.as_ref(),
        }
    }

    /// The path of one side's file as shown (`articles/x/sv.txt`).
    pub fn file(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi_file,
            Lang::Sv => &self.sv_file,
        }
    }

    /// Every Finnish segment in reading order, paired and with its state.
    pub fn pairs(&self) -> Vec<Pair<'_>> {
        (0..self.fi.segments.len()).map(|i| self.pair(i)).collect()
    }

    fn pair(&self, i: usize) -> Pair<'_> {
        let fi = &self.fi.segments[i];
        let row = self.alignment.row(i);
        let sv = self
            .alignment
            .sv(row, self.sv.as_ref())
            .filter(|s| !s.text.trim().is_empty());
        let entry = self.status.entries.get(&fi.id);
        let state = match (sv, entry) {
            (None, _) => State::Missing,
            (Some(_), None) => State::Draft,
            (Some(_), Some(e)) if !same_text(&e.source, &fi.text) => State::Stale,
            (Some(_), Some(e)) => match e.state {
                Stored::Translated => State::Translated,
                Stored::Reviewed => State::Reviewed,
            },
        };
        let edited = matches!((sv, entry), (Some(sv), Some(e))
            if e.state == Stored::Reviewed
                && e.reviewed_text.as_ref().is_some_and(|r| !same_text(r, &sv.text)));
        Pair {
            fi,
            sv,
            entry,
            state,
            edited,
            row: self.alignment.row_of[i],
        }
    }

    pub fn pair_of(&self, id: &str) -> Option<Pair<'_>> {
        let i = self.fi.segments.iter().position(|s| s.id == id)?;
        Some(self.pair(i))
    }

    /// The Finnish ids that share `id`'s Swedish paragraph (a merged row):
    /// marking one marks them all. Just `id` when it stands alone.
    pub fn row_ids(&self, id: &str) -> Vec<String> {
        let Some(i) = self.fi.segments.iter().position(|s| s.id == id) else {
            return vec![id.to_string()];
        };
        self.alignment
            .row(i)
            .fi
            .clone()
            .map(|k| self.fi.segments[k].id.clone())
            .collect()
    }

    /// Swedish paragraphs with no Finnish counterpart.
    pub fn extra(&self) -> &[Segment] {
        &self.alignment.extras
    }

    /// Status entries whose id no longer exists in fi.txt: kept, reported.
    pub fn orphans(&self) -> Vec<(&str, &Entry)> {
        // A set, not `Segmented::get` per entry: an article with tens of
        // thousands of marked segments would compare every pair.
        let ids: rustc_hash::FxHashSet<&str> =
            self.fi.segments.iter().map(|s| s.id.as_str()).collect();
        self.status
            .entries
            .iter()
            .filter(|(id, _)| !ids.contains(id.as_str()))
            .map(|(id, e)| (id.as_str(), e))
            .collect()
    }

    /// The article's translators: the credit recorded in status.toml (or,
    /// before any is recorded, the `ÖVERSÄTTNING:` line of sv.txt), then
    /// everyone who marked segments translated; each name once, compared
    /// case-insensitively.
    pub fn translators(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            let name = crate::text::display_name(name);
            if !name.is_empty()
                && !names
                    .iter()
                    .any(|n| n.to_lowercase() == name.to_lowercase())
            {
                names.push(name);
            }
        };
        match &self.status.translator {
            Some(name) => add(name),
            None => {
                for credit in self.sv.iter().flat_map(|sv| sv.translators()) {
                    add(&credit.name);
                }
            }
        }
        for pair in self.pairs() {
            if let Some(e) = pair.entry {
                add(e.translated_by());
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(a: &Article) -> Vec<String> {
        a.sv.as_ref()
            .unwrap()
            .segments
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }

    const FI: &str = "T\n\nP.\n\nMiksi?\n\n– Siksi.\n\nMiten?\n\n– Näin.\n";

    #[test]
    fn trailing_question_awaiting_its_answer_keeps_its_id() {
        let a = Article::from_texts("x", FI, Some("T\n\nP.\n\nVarför?\n\n– Därför.\n\nHur?\n"));
        assert_eq!(ids(&a), ["title", "p1", "q1", "a1", "q2"]);
        assert!(a.extra().is_empty());
        let sv = a.sv.as_ref().unwrap();
        assert_eq!(sv.segments[3].text, "– Därför.");
        assert_eq!((sv.segments[3].line, sv.segments[3].end_line), (7, 7));
        assert_eq!(sv.segments[4].text, "Hur?");
        assert_eq!((sv.segments[4].line, sv.segments[4].n), (9, 5));
        assert_eq!(sv.segments[3].words + sv.segments[4].words, 2);
        // A news article's trailing paragraph where the Finnish has a question.
        let a = Article::from_texts(
            "x",
            "T\n\nP.\n\nMiksi?\n\n– Siksi.\n",
            Some("T\n\nP.\n\nVarför?\n"),
        );
        assert_eq!(ids(&a), ["title", "p1", "q1"]);
    }

    #[test]
    fn a_trailing_paragraph_stays_a_paragraph_when_nothing_says_otherwise() {
        // Not a question mark: the answer goes on.
        let a = Article::from_texts(
            "x",
            FI,
            Some("T\n\nP.\n\nVarför?\n\n– Därför.\n\nSå här.\n"),
        );
        assert_eq!(ids(&a), ["title", "p1", "q1", "a1"]);
        assert!(a.sv.as_ref().unwrap().segments[3].text.ends_with("Så här."));
        // Earlier ids do not pair up: no guessing.
        let a = Article::from_texts("x", FI, Some("T\n\nVarför?\n\n– Därför.\n\nHur?\n"));
        assert_eq!(ids(&a), ["title", "q1", "a1"]);
        // The Finnish has no question there: a rhetorical question ends the answer.
        let fi = "T\n\nP.\n\nMiksi?\n\n– Siksi.\n\nLoppu.\n";
        let a = Article::from_texts(
            "x",
            fi,
            Some("T\n\nP.\n\nVarför?\n\n– Därför.\n\nEller hur?\n"),
        );
        assert_eq!(ids(&a), ["title", "p1", "q1", "a1"]);
    }
}
