//! Waivers (DESIGN §7): a finding accepted on purpose stays quiet while the
//! texts it was accepted for are unchanged, and comes back, with the old
//! reason, when either side changes. Also the project's rule selection and
//! severities, applied to an article's findings in one place.

use serde::Serialize;

use crate::article::Article;
use crate::checks::{Finding, Rule};
use crate::config::Config;
use crate::status::{Waiver, text_hash};

/// The Finnish and Swedish texts a finding on segment `id` is about: the
/// row of the Finnish segment (joined, when several share one Swedish
/// paragraph) and the Swedish paired with it; for a Swedish paragraph with
/// no Finnish counterpart, no Finnish and that paragraph. `None` when no
/// segment has that id.
pub fn segment_texts<'a>(article: &'a Article, id: &str) -> Option<(&'a str, &'a str)> {
    let alignment = &article.alignment;
    if let Some(i) = article.fi.segments.iter().position(|s| s.id == id) {
        let row = alignment.row(i);
        let fi = &alignment.fi_text(row, &article.fi).text;
        let sv = alignment
            .sv(row, article.sv.as_ref())
            .map_or("", |s| s.text.as_str());
        return Some((fi, sv));
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
    let keys = waiver_keys(article);
    let mut prints: rustc_hash::FxHashMap<String, Option<(String, String)>> = Default::default();
    for mut f in findings {
        if !config.selects(f.rule) && f.rule != Rule::Publish {
            continue;
        }
        f.severity = config.severity(f.rule);
        let waiver = f
            .segment
            .as_deref()
            .and_then(|id| keys.get(id).copied().unwrap_or(Some(id)))
            .and_then(|key| article.status.waiver(key, f.rule));
        let (Some(waiver), Some(id)) = (waiver, f.segment.clone()) else {
            settled.findings.push(f);
            continue;
        };
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
