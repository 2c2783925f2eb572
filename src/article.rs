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
use crate::text::{normalize_ws, same_text};

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

/// The id class of a record key (`p12` → `p`, 12) or of a fixed id.
fn class_of(key: &str) -> (&str, usize) {
    let digits = key.len() - key.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = key.split_at(key.len() - digits);
    (head, tail.parse().unwrap_or(0))
}

/// See [`Article::records`].
fn reconcile<'a>(fi: &Segmented, status: &'a StatusFile) -> Vec<Option<&'a str>> {
    use std::collections::BTreeMap;
    let segs = &fi.segments;
    let mut records: Vec<Option<&'a str>> = vec![None; segs.len()];
    let by_id: rustc_hash::FxHashMap<&str, usize> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // The common case: every record matches its own id.
    let mut free: Vec<(&'a str, &'a Entry)> = Vec::new();
    for (key, entry) in status.entries.iter() {
        match by_id.get(key.as_str()) {
            Some(&i) if same_text(&entry.source, &segs[i].text) => {
                records[i] = Some(key.as_str());
            }
            _ => free.push((key.as_str(), entry)),
        }
    }
    if free.is_empty() {
        return records;
    }
    // Records whose text moved to another segment of the same kind: the
    // nearest unclaimed segment holding exactly that text.
    let mut by_text: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    for (i, s) in segs.iter().enumerate() {
        if records[i].is_none() {
            by_text.entry(normalize_ws(&s.text)).or_default().push(i);
        }
    }
    let mut unmoved = Vec::new();
    let mut moved_any = false;
    for (key, entry) in free {
        let (class, n) = class_of(key);
        let target = by_text.get(&normalize_ws(&entry.source)).and_then(|found| {
            found
                .iter()
                .copied()
                .filter(|&i| records[i].is_none() && class_of(&segs[i].id).0 == class)
                .min_by_key(|&i| class_of(&segs[i].id).1.abs_diff(n))
        });
        match target {
            Some(i) => {
                records[i] = Some(key);
                moved_any = true;
            }
            None => unmoved.push(key),
        }
    }
    // An edited segment keeps the record under its own id, unless that id
    // now holds a moved record.
    unmoved.retain(|key| match by_id.get(key) {
        Some(&i) if records[i].is_none() => {
            records[i] = Some(key);
            false
        }
        _ => true,
    });
    // Then ids shifted around it: the record in the same gap between
    // moved ones.
    if !moved_any || unmoved.is_empty() {
        return records;
    }
    let mut left: BTreeMap<(&str, usize), &'a str> =
        unmoved.into_iter().map(|k| (class_of(k), k)).collect();
    // The record number of the nearest recorded segment of the same class,
    // before and after each segment: one pass each way.
    let nearest = |order: &mut dyn Iterator<Item = usize>| {
        let mut last: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut out = vec![None; segs.len()];
        for i in order {
            let class = class_of(&segs[i].id).0;
            out[i] = last.get(class).copied();
            if let Some(key) = records[i] {
                let (c, n) = class_of(key);
                if c == class {
                    last.insert(class, n);
                }
            }
        }
        out
    };
    let before = nearest(&mut (0..segs.len()));
    let after = nearest(&mut (0..segs.len()).rev());
    for i in 0..segs.len() {
        if records[i].is_some() {
            continue;
        }
        let class = class_of(&segs[i].id).0;
        let lo = before[i].unwrap_or(0);
        let hi = after[i].unwrap_or(usize::MAX);
        if lo >= hi {
            continue;
        }
        let found = left
            .range((class, lo + 1)..(class, hi))
            .next()
            .map(|(k, v)| (*k, *v));
        if let Some((slot, key)) = found {
            left.remove(&slot);
            records[i] = Some(key);
        }
    }
    records
}

/// Records of `status` stored under another id than their segment's in
/// `fi` (after the Finnish gained or lost a segment): (stored key, current
/// id). See [`Article::records`].
pub fn moved_records(fi: &Segmented, status: &StatusFile) -> Vec<(String, String)> {
    reconcile(fi, status)
        .into_iter()
        .zip(&fi.segments)
        .filter_map(|(key, seg)| {
            key.filter(|k| *k != seg.id)
                .map(|k| (k.to_string(), seg.id.clone()))
        })
        .collect()
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
        // The files as shown, from the directory as shown: the same
        // strings as `repo.display` of each file's path, for one walk of
        // the root's components instead of three.
        let shown = repo.display(&dir);
        let fi_file = format!("{shown}/fi.txt");
        let sv_file = format!("{shown}/sv.txt");
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
        let status = StatusFile::load(&status_path, &format!("{shown}/status.toml"))?;
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
        let raw = pairing::Raw {
            fi: Some(fi_source.body()),
            sv: sv_source.as_ref().map(Source::body),
        };
        let alignment = pairing::pair(&fi, sv.as_ref(), matcher, raw);
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
        let raw = pairing::Raw {
            fi: Some(self.fi_source.body()),
            sv: self.sv_source.as_ref().map(Source::body),
        };
        self.alignment = pairing::pair(&self.fi, self.sv.as_ref(), matcher, raw);
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
        self.pairs_of(&self.records())
    }

    /// [`Article::pairs`] from the article's [`Article::records`], for a
    /// caller that needs them for more than the pairs (the records are
    /// worked out afresh on each call).
    pub fn pairs_of<'a>(&'a self, records: &[Option<&'a str>]) -> Vec<Pair<'a>> {
        (0..self.fi.segments.len())
            .map(|i| self.pair_with(i, records[i]))
            .collect()
    }

    /// For each Finnish segment, the key of its record in status.toml.
    ///
    /// A record follows the text it was made from: when the writer adds or
    /// removes a paragraph, the ids after it shift (`p9` becomes `p10`), and
    /// the record of old `p9` belongs to the segment that now holds its
    /// text. A record stays with its id when its source still matches, moves
    /// to the nearest segment of the same kind whose text is exactly its
    /// source, and otherwise (an edited segment) pairs with the segment in
    /// the same gap between moved records, or keeps its id.
    pub fn records(&self) -> Vec<Option<&str>> {
        reconcile(&self.fi, &self.status)
    }

    /// Records stored under another id than their segment's (after the
    /// Finnish gained or lost a segment): (stored key, current id).
    pub fn moved_records(&self) -> Vec<(String, String)> {
        moved_records(&self.fi, &self.status)
    }

    fn pair(&self, i: usize) -> Pair<'_> {
        let records = self.records();
        self.pair_with(i, records[i])
    }

    fn pair_with<'a>(&'a self, i: usize, record: Option<&str>) -> Pair<'a> {
        let fi = &self.fi.segments[i];
        let row = self.alignment.row(i);
        let sv = self
            .alignment
            .sv(row, self.sv.as_ref())
            .filter(|s| !s.text.trim().is_empty());
        let entry = record.and_then(|k| self.status.entries.get(k));
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

    /// Status entries that belong to no segment of fi.txt (their text and
    /// their id are gone): kept, reported.
    pub fn orphans(&self) -> Vec<(&str, &Entry)> {
        self.orphans_of(&self.records())
    }

    /// [`Article::orphans`] from the article's [`Article::records`].
    pub fn orphans_of(&self, records: &[Option<&str>]) -> Vec<(&str, &Entry)> {
        // A set: an article with tens of thousands of marked segments
        // would otherwise compare every pair.
        let used: rustc_hash::FxHashSet<&str> = records.iter().copied().flatten().collect();
        self.status
            .entries
            .iter()
            .filter(|(id, _)| !used.contains(id.as_str()))
            .map(|(id, e)| (id.as_str(), e))
            .collect()
    }

    /// The article's translators: the credit recorded in status.toml (or,
    /// before any is recorded, the `ÖVERSÄTTNING:` line of sv.txt), then
    /// everyone who marked segments translated; each name once, compared
    /// case-insensitively.
    pub fn translators(&self) -> Vec<String> {
        self.translators_of(&self.records())
    }

    /// [`Article::translators`] from the article's [`Article::records`].
    /// The translator credit as recorded at import (`status.toml`), else
    /// the Swedish's `ÖVERSÄTTNING:` lines, as written.
    pub fn credit_lines(&self) -> Vec<&str> {
        match &self.status.translator {
            Some(name) => vec![name.as_str()],
            None => self
                .sv
                .iter()
                .flat_map(|sv| sv.translators())
                .map(|c| c.name.as_str())
                .collect(),
        }
    }

    pub fn translators_of<'a>(&'a self, records: &[Option<&'a str>]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        // The names as written that were added already: one comes again
        // on nearly every record, and adding it again changes nothing (its
        // display name is the same), so it is not formatted and
        // lower-cased again for each.
        let mut seen: Vec<&'a str> = Vec::new();
        fn push(names: &mut Vec<String>, name: &str) {
            let name = crate::text::display_name(name);
            if !name.is_empty()
                && !names
                    .iter()
                    .any(|n| n.to_lowercase() == name.to_lowercase())
            {
                names.push(name);
            }
        }
        // A credit naming two translators (`Johan Sundström och Patricia
        // Heikkilä`) is two names, unless somebody recorded the whole line
        // as their name (`Heikkilä, Patricia`), as the `credit` rule reads it.
        let fold = crate::people::fold;
        for credit in self.credit_lines() {
            let parts = crate::people::co_names(credit);
            let recorded = || {
                records
                    .iter()
                    .flatten()
                    .filter_map(|key| self.status.entries.get(*key))
                    .any(|e| fold(e.translated_by()) == fold(credit))
            };
            if parts.len() > 1 && !recorded() {
                for name in parts {
                    push(&mut names, &name);
                }
            } else {
                push(&mut names, credit);
            }
        }
        let mut add = |name: &'a str| {
            if seen.contains(&name) {
                return;
            }
            seen.push(name);
            push(&mut names, name);
        };
        // The records of the segments in reading order, as `pairs` gives
        // them, without working out each segment's state.
        for &key in records.iter().flatten() {
            if let Some(e) = self.status.entries.get(key) {
                add(e.translated_by());
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Article::load`] names its files from the directory as shown: the
    /// same as showing each file's path, whatever the root looks like.
    #[test]
    fn files_are_shown_as_their_paths_are() {
        for root in ["mag", ".", "./mag", "mag/", "../x/mag", "/abs/mag", "a b/ä"] {
            let repo = Repo::at(PathBuf::from(root), None);
            let dir = repo.article_dir("x-1");
            for name in ["fi.txt", "sv.txt", "status.toml"] {
                assert_eq!(
                    format!("{}/{name}", repo.display(&dir)),
                    repo.display(&dir.join(name)),
                    "{root}"
                );
            }
        }
    }

    /// [`Article::translators`] as first written (every record's name
    /// formatted and compared), which the one skipping names seen already
    /// must match.
    fn translators_simple(a: &Article) -> Vec<String> {
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
        match &a.status.translator {
            Some(name) => add(name),
            None => {
                for credit in a.sv.iter().flat_map(|sv| sv.translators()) {
                    add(&credit.name);
                }
            }
        }
        for pair in a.pairs() {
            if let Some(e) = pair.entry {
                add(e.translated_by());
            }
        }
        names
    }

    #[test]
    fn translators_as_the_simple_version() {
        let fi = "Otsikko\n\nEka.\n\nToka.\n\nKolmas.\n\nNeljäs.\n\nViides.";
        let sv =
            "Rubrik\n\nEtt.\n\nTvå.\n\nTre.\n\nFyra.\n\nFem.\n\nÖVERSÄTTNING: PATRICIA HEIKKILÄ";
        let names = [
            ("ANNA LINDHOLM", None),
            ("Anna Lindholm", None),
            ("Outi", Some("PATRICIA HEIKKILÄ")),
            ("  ", None),
            ("ANNA LINDHOLM", Some("anna lindholm")),
            ("Outi", Some("Outi")),
        ];
        for credit in [None, Some("Outi"), Some(" ")] {
            let mut a = Article::from_texts("x", fi, Some(sv));
            if let Some(name) = credit {
                a.status.set_translator(name).unwrap();
            }
            let ids: Vec<(String, String)> =
                a.fi.segments
                    .iter()
                    .map(|s| (s.id.clone(), s.text.clone()))
                    .collect();
            for ((id, text), (by, translator)) in ids.iter().zip(names) {
                let entry = Entry {
                    state: if translator.is_some() {
                        Stored::Reviewed
                    } else {
                        Stored::Translated
                    },
                    by: by.to_string(),
                    at: "2026-11-23".into(),
                    source: text.clone(),
                    translator: translator.map(str::to_string),
                    reviewed_text: None,
                };
                a.status.set(id, entry).unwrap();
            }
            assert_eq!(a.translators(), translators_simple(&a), "{credit:?}");
            assert!(a.translators().len() >= 2);
        }
    }

    fn ids(a: &Article) -> Vec<String> {
        a.sv.as_ref()
            .unwrap()
            .segments
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }

    const FI: &str = "T\n\nP.\n\nMiksi?\n\n– Siksi.\n\nMiten?\n\n– Näin.\n";

    const BODY: &str = "Otsikko\n\nEka kappale kertoo vuodesta 2021.\n\nToka kappale kertoo vuodesta 2022.\n\nKolmas kappale kertoo vuodesta 2023.\n\nNeljäs kappale kertoo vuodesta 2024.\n";
    const BODY_SV: &str = "Rubrik\n\nFörsta stycket handlar om år 2021.\n\nAndra stycket handlar om år 2022.\n\nTredje stycket handlar om år 2023.\n\nFjärde stycket handlar om år 2024.\n";

    /// Every segment of `fi` marked translated from its current text.
    fn marked(fi: &str, sv: &str) -> Article {
        let mut a = Article::from_texts("x", fi, Some(sv));
        for s in a.fi.segments.clone() {
            a.status
                .set(
                    &s.id,
                    Entry {
                        state: Stored::Translated,
                        by: "P".into(),
                        at: "2026-11-25".into(),
                        source: s.text.clone(),
                        translator: None,
                        reviewed_text: None,
                    },
                )
                .unwrap();
        }
        a
    }

    fn states(a: &Article) -> Vec<(String, State)> {
        a.pairs()
            .iter()
            .map(|p| (p.fi.id.clone(), p.state))
            .collect()
    }

    fn with_fi(mut a: Article, fi: &str) -> Article {
        a.fi = segment(fi);
        a.realign(&|| None);
        a
    }

    #[test]
    fn records_follow_their_text_when_a_paragraph_is_added() {
        let a = marked(BODY, BODY_SV);
        let fi = BODY.replace(
            "Toka kappale",
            "Uusi kappale kertoo vuodesta 2025.\n\nToka kappale",
        );
        let a = with_fi(a, &fi);
        let stale: Vec<_> = states(&a)
            .into_iter()
            .filter(|(_, s)| *s == State::Stale)
            .collect();
        assert!(stale.is_empty(), "{stale:?}");
        assert_eq!(a.records()[2], None, "the new p2 has no record");
        assert_eq!(a.records()[3], Some("p2"));
        assert_eq!(
            a.moved_records(),
            [
                ("p2".to_string(), "p3".to_string()),
                ("p3".to_string(), "p4".to_string()),
                ("p4".to_string(), "p5".to_string())
            ]
        );
        assert!(a.orphans().is_empty());
    }

    #[test]
    fn a_removed_paragraph_leaves_its_record_as_an_orphan_and_nothing_stale() {
        let a = marked(BODY, BODY_SV);
        let a = with_fi(
            a,
            &BODY.replace("Toka kappale kertoo vuodesta 2022.\n\n", ""),
        );
        assert!(
            states(&a).iter().all(|(_, s)| *s != State::Stale),
            "{:?}",
            states(&a)
        );
        let orphans: Vec<&str> = a.orphans().iter().map(|(k, _)| *k).collect();
        assert_eq!(orphans, ["p2"]);
    }

    #[test]
    fn an_edit_after_a_shift_is_stale_on_the_edited_segment_only() {
        let a = marked(BODY, BODY_SV);
        let fi = BODY
            .replace(
                "Toka kappale",
                "Uusi kappale kertoo vuodesta 2025.\n\nToka kappale",
            )
            .replace("Kolmas kappale", "Kolmas, muutettu kappale");
        let a = with_fi(a, &fi);
        let stale: Vec<String> = states(&a)
            .into_iter()
            .filter(|(_, s)| *s == State::Stale)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(stale, ["p4"], "{:?} {:?}", states(&a), a.records());
        // Without a shift, an edit is stale under its own id.
        let a = with_fi(
            marked(BODY, BODY_SV),
            &BODY.replace("Kolmas", "Kolmas uusi"),
        );
        let stale: Vec<String> = states(&a)
            .into_iter()
            .filter(|(_, s)| *s == State::Stale)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(stale, ["p3"]);
    }

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
