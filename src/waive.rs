//! Waivers (DESIGN §7): a finding accepted on purpose stays quiet while the
//! texts it was accepted for are unchanged, and comes back, with the old
//! reason, when either side changes. Also the project's rule selection and
//! severities, applied to an article's findings in one place.

use anyhow::Result;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::Article;
use crate::checks::{Finding, Rule};
use crate::config::Config;
use crate::status::{StatusFile, Waiver, text_hash};

/// The texts of the row of Finnish segment `i` (joined, when several
/// share one Swedish paragraph) and the Swedish paired with it.
fn texts_at(article: &Article, i: usize) -> (&str, &str) {
    let alignment = &article.alignment;
    let row = alignment.row(i);
    let fi = &alignment.fi_text(row, &article.fi).text;
    let sv = alignment
        .sv(row, article.sv.as_ref())
        .map_or("", |s| s.text.as_str());
    (fi, sv)
}

/// The Finnish and Swedish texts a finding on segment `id` is about: those
/// of its row; for a Swedish paragraph with no Finnish counterpart, no
/// Finnish and that paragraph. `None` when no segment has that id.
pub fn segment_texts<'a>(article: &'a Article, id: &str) -> Option<(&'a str, &'a str)> {
    if let Some(i) = article.fi.segments.iter().position(|s| s.id == id) {
        return Some(texts_at(article, i));
    }
    let sv = article
        .extra()
        .iter()
        .chain(article.sv.iter().flat_map(|sv| sv.segments.iter()))
        .find(|s| s.id == id)?;
    Some(("", &sv.text))
}

/// The fingerprints a waiver of a finding on `id` records now.
pub fn fingerprints(article: &Article, id: &str) -> Option<(String, String)> {
    let (fi, sv) = segment_texts(article, id)?;
    Some((text_hash(fi), text_hash(sv)))
}

/// The fingerprints of every Finnish segment's texts, in order.
pub fn all_fingerprints(article: &Article) -> Vec<(String, String)> {
    (0..article.fi.segments.len())
        .map(|i| {
            let (fi, sv) = texts_at(article, i);
            (text_hash(fi), text_hash(sv))
        })
        .collect()
}

/// What a finding is about, for telling apart findings of one rule on one
/// segment: the words it highlights (`2023`, `välfärdsrapporten`), or
/// nothing for a finding about the whole segment.
pub fn subject(f: &Finding) -> Option<String> {
    let e = f.excerpt.as_ref()?;
    let words: Vec<&str> = e
        .highlights
        .iter()
        .filter_map(|&(a, b)| e.text.get(a..b))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Where a waiver belongs now: it follows the Finnish text it was accepted
/// for. `current` is the segment its key names (after records moved); when
/// that segment's Finnish is no longer the accepted one but another
/// segment's is (the writer added or removed a paragraph above it), the
/// nearest such segment, one whose Swedish is the accepted one too first.
/// Otherwise it stays, and its finding comes back with the old reason.
fn home(current: Option<usize>, w: &Waiver, prints: &[(String, String)]) -> Option<usize> {
    if let Some(i) = current
        && prints.get(i).is_some_and(|(fi, _)| *fi == w.fi_hash)
    {
        return Some(i);
    }
    let near = |i: &usize| current.map_or(*i, |c| i.abs_diff(c));
    let moved = |both: bool| {
        (0..prints.len())
            .filter(|&j| prints[j].0 == w.fi_hash && (!both || prints[j].1 == w.sv_hash))
            .min_by_key(near)
    };
    moved(true).or_else(|| moved(false)).or(current)
}

/// Every waiver of an article at the Finnish segment it belongs to now,
/// by segment id; waivers of Swedish-only segments (extras) under their
/// own key.
pub fn placed(article: &Article) -> FxHashMap<String, Vec<(Rule, &Waiver)>> {
    let mut out: FxHashMap<String, Vec<(Rule, &Waiver)>> = FxHashMap::default();
    if article.status.waivers.is_empty() {
        return out;
    }
    let keys = waiver_keys(article);
    // The segment each stored key names now.
    let mut segment_of: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, seg) in article.fi.segments.iter().enumerate() {
        let id = seg.id.as_str();
        if let Some(key) = keys.get(id).copied().unwrap_or(Some(id)) {
            segment_of.insert(key, i);
        }
    }
    let prints = all_fingerprints(article);
    for (key, rules) in &article.status.waivers {
        let current = segment_of.get(key.as_str()).copied();
        for (rule, w) in rules {
            let id = match home(current, w, &prints) {
                Some(i) => article.fi.segments[i].id.clone(),
                None => key.clone(),
            };
            out.entry(id).or_default().push((*rule, w));
        }
    }
    out
}

/// Moves the waivers of `status` to the segments whose Finnish they were
/// accepted for, by the fingerprints of the article's segments (`ids` and
/// `prints` in reading order). Run under the lock after records moved, so
/// that a waiver given now never lands on, or replaces, one that belongs to
/// a moved text.
pub fn rehome(status: &mut StatusFile, ids: &[&str], prints: &[(String, String)]) -> Result<()> {
    let index: FxHashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let moves: Vec<(String, String, Rule)> = status
        .waivers
        .iter()
        .flat_map(|(key, rules)| {
            let current = index.get(key.as_str()).copied();
            rules.iter().filter_map(move |(rule, w)| {
                let to = ids[home(current, w, prints)?];
                (to != key).then(|| (key.clone(), to.to_string(), *rule))
            })
        })
        .collect();
    for (from, to, rule) in moves {
        status.move_waiver(&from, &to, rule)?;
    }
    Ok(())
}

/// A finding that a waiver keeps quiet, with the waiver.
#[derive(Debug, Clone, Serialize)]
pub struct Waived {
    #[serde(flatten)]
    pub finding: Finding,
    pub waiver: WaiverNote,
}

/// Who accepted a finding, when and why.
#[derive(Debug, Clone, Serialize)]
pub struct WaiverNote {
    pub reason: String,
    pub by: String,
    pub at: String,
}

impl From<&Waiver> for WaiverNote {
    fn from(w: &Waiver) -> WaiverNote {
        WaiverNote {
            reason: w.reason.clone(),
            by: w.by.clone(),
            at: w.at.clone(),
        }
    }
}

/// An article's findings as the project wants them: rules it does not
/// select dropped, severities it sets applied, waived findings set apart.
/// A waiver whose texts changed lets its finding through, saying so.
pub fn settle(article: &Article, findings: Vec<Finding>, config: &Config) -> Settled {
    let mut settled = Settled::default();
    let placed = placed(article);
    let mut prints: FxHashMap<String, Option<(String, String)>> = FxHashMap::default();
    for mut f in findings {
        if !config.selects(f.rule) && f.rule != Rule::Publish {
            continue;
        }
        f.severity = config.severity(f.rule);
        let waiver = f.segment.as_deref().and_then(|id| {
            placed
                .get(id)?
                .iter()
                .find(|(rule, _)| *rule == f.rule)
                .map(|(_, w)| *w)
        });
        let (Some(waiver), Some(id)) = (waiver, f.segment.clone()) else {
            settled.findings.push(f);
            continue;
        };
        // A finding about other words than those accepted (a term added to
        // the glossary since) is not covered.
        if !waiver.words.is_empty()
            && let Some(subject) = subject(&f)
            && !waiver.words.contains(&subject)
        {
            settled.findings.push(f);
            continue;
        }
        let now = prints
            .entry(id.clone())
            .or_insert_with(|| fingerprints(article, &id));
        let (fi_same, sv_same) = now.as_ref().map_or((false, false), |(fi, sv)| {
            (*fi == waiver.fi_hash, *sv == waiver.sv_hash)
        });
        if fi_same && sv_same {
            settled.waived.push(Waived {
                finding: f,
                waiver: waiver.into(),
            });
            continue;
        }
        let changed = match (fi_same, sv_same) {
            (false, false) => "both texts have",
            (false, true) => "the Finnish has",
            _ => "the Swedish has",
        };
        f.message = format!(
            "{} (accepted by {} on {}: \"{}\"; {changed} changed since)",
            f.message, waiver.by, waiver.at, waiver.reason
        );
        settled.findings.push(f);
    }
    settled
}

/// Where each Finnish segment's waivers are stored, when that is not
/// under its own id: the key of its record, which follows the text when
/// the writer adds or removes a paragraph above it (`Article::records`).
/// A segment with no record whose id another segment's record now holds
/// has none (`None`): those waivers belong to the moved text.
fn waiver_keys(article: &Article) -> rustc_hash::FxHashMap<&str, Option<&str>> {
    let mut keys = rustc_hash::FxHashMap::default();
    if article.status.waivers.is_empty() {
        return keys;
    }
    let records = article.records();
    let claimed: rustc_hash::FxHashSet<&str> = records.iter().flatten().copied().collect();
    for (seg, key) in article.fi.segments.iter().zip(records) {
        let id = seg.id.as_str();
        match key {
            Some(key) if key != id => {
                keys.insert(id, Some(key));
            }
            None if claimed.contains(id) => {
                keys.insert(id, None);
            }
            _ => {}
        }
    }
    keys
}

/// What [`settle`] leaves.
#[derive(Debug, Default)]
pub struct Settled {
    pub findings: Vec<Finding>,
    pub waived: Vec<Waived>,
}
