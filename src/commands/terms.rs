//! `tolk terms`: the glossary terms in a text, for a translator looking up
//! a paragraph's terminology.

use serde::Serialize;

use crate::cli::Lang;
use crate::glossary::{MatchKind, Matcher};

#[derive(Debug, Serialize)]
pub struct TermsReport {
    pub matches: Vec<TermHit>,
    /// The Finnish back ends asked, in order.
    pub morphology: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct TermHit {
    /// The term's Finnish base form (its name in the glossary).
    pub term: String,
    pub fi: String,
    pub sv: String,
    pub lang: &'static str,
    /// `term` (a Finnish term), `rendering` (the required Swedish) or
    /// `avoid` (a Swedish rendering that must not be used).
    pub kind: HitKind,
    /// The words as written in the text.
    pub text: String,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a hit is, as `terms` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Term,
    Rendering,
    Avoid,
}

pub fn run(text: &str, lang: Lang, matcher: &Matcher) -> TermsReport {
    let found = match lang {
        Lang::Fi => matcher.find_fi(text),
        Lang::Sv => matcher.find_sv(text),
    };
    let terms = &matcher.glossary().terms;
    let matches = found
        .into_iter()
        .map(|m| {
            let t = &terms[m.term];
            TermHit {
                term: t.fi.clone(),
                fi: t.fi.clone(),
                sv: t.sv.clone(),
                lang: lang.as_str(),
                kind: match m.kind {
                    MatchKind::Fi => HitKind::Term,
                    MatchKind::Sv => HitKind::Rendering,
                    MatchKind::Avoid => HitKind::Avoid,
                },
                text: m.text,
                start: m.start,
                end: m.end,
                note: t.note.clone(),
            }
        })
        .collect();
    TermsReport {
        matches,
        morphology: matcher.fi_backends(),
    }
}
