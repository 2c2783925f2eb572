//! The checks of DESIGN §6. Each rule family looks at one loaded article
//! and returns findings; `check_article` runs them all.

pub mod numbers;

use serde::Serialize;

use crate::article::{Article, Pair, State};
use crate::glossary::{MatchKind, Matcher};
use crate::lang::Lang;
use crate::segment::{Kind, Segment, starts_with_answer_dash};
use crate::text::same_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing an editor should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub article: String,
    /// The segment id; `null` for article-wide findings.
    pub segment: Option<String>,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Path from the repository root (`articles/x/sv.txt`).
    pub file: String,
    /// 1-based line of the segment in that file.
    pub line: usize,
    /// A short extract of the text the finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<Excerpt>,
}

/// Text around the offending words, with their byte ranges in `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Which side the text is from: `fi` or `sv`.
    pub lang: &'static str,
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// Cuts `text` down to about `radius` characters either side of the byte
/// range `start..end`, keeping word boundaries, and highlights the range.
pub fn excerpt(lang: Lang, text: &str, start: usize, end: usize, radius: usize) -> Excerpt {
    // Paragraph breaks of a long answer become two spaces, not one, so the
    // byte offsets of `start..end` still point at the same words.
    let flat = text.replace("\n\n", "  ");
    let (start, end) = (start.min(flat.len()), end.min(flat.len()));
    let mut from = start;
    for (n, (i, _)) in flat[..start].char_indices().rev().enumerate() {
        from = i;
        if n >= radius {
            break;
        }
    }
    if from > 0 {
        // Start at a word.
        from = flat[from..start].find(' ').map_or(from, |p| from + p + 1);
    }
    let mut to = end;
    for (n, (i, c)) in flat[end..].char_indices().enumerate() {
        to = end + i + c.len_utf8();
        if n >= radius {
            break;
        }
    }
    if to < flat.len() {
        to = flat[end..to].rfind(' ').map_or(to, |p| end + p);
    }
    let mut out = String::new();
    if from > 0 {
        out.push_str("… ");
    }
    let shift = out.len();
    out.push_str(&flat[from..to]);
    if to < flat.len() {
        out.push_str(" …");
    }
    Excerpt {
        lang: lang.as_str(),
        text: out,
        highlights: vec![(start - from + shift, end - from + shift)],
    }
}

/// The start of a segment, for findings about the whole segment.
fn head(lang: Lang, text: &str) -> Excerpt {
    let flat = text.replace("\n\n", " ");
    let short = crate::text::ellipsize(&flat, 70);
    Excerpt {
        lang: lang.as_str(),
        text: short,
        highlights: Vec::new(),
    }
}

struct Ctx<'a> {
    article: &'a Article,
    /// The article's pairs, worked out once for every rule.
    pairs: Vec<Pair<'a>>,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        seg: Option<&Segment>,
        lang: Lang,
        rule: &'static str,
        severity: Severity,
        message: String,
        excerpt: Option<Excerpt>,
    ) {
        let file = match lang {
            Lang::Fi => self.article.fi_file.clone(),
            Lang::Sv => self.article.sv_file.clone(),
        };
        self.out.push(Finding {
            article: self.article.slug.clone(),
            segment: seg.map(|s| s.id.clone()),
            rule,
            severity,
            message,
            file,
            line: seg.map_or(1, |s| s.line),
            excerpt,
        });
    }
}

/// Every check on one article. `matcher` is `None` without a glossary.
pub fn check_article(article: &Article, matcher: Option<&Matcher>) -> Vec<Finding> {
    let mut cx = Ctx {
        article,
        pairs: article.pairs(),
        out: Vec::new(),
    };
    states(&mut cx);
    extra(&mut cx);
    copies(&mut cx);
    number_rule(&mut cx);
    qa_count(&mut cx);
    punctuation(&mut cx);
    credit(&mut cx);
    if let Some(matcher) = matcher {
        glossary(&mut cx, matcher);
    }
    let order = |f: &Finding| {
        let n = f
            .segment
            .as_deref()
            .and_then(|id| article.fi.get(id).or_else(|| article.sv_segment(id)))
            .map_or(usize::MAX, |s| s.n);
        (n, f.severity, f.rule)
    };
    cx.out.sort_by_key(order);
    cx.out
}

/// `missing`, `stale`, `draft` and `edited`: what the states say.
fn states(cx: &mut Ctx<'_>) {
    for pair in cx.pairs.clone() {
        match pair.state {
            State::Missing => {
                let why = if cx.article.sv.is_none() {
                    format!(
                        "no Swedish text: `{}` does not exist yet",
                        cx.article.sv_file
                    )
                } else {
                    format!("{} has no Swedish text", pair.fi.id)
                };
                cx.push(
                    Some(pair.fi),
                    Lang::Fi,
                    "missing",
                    Severity::Error,
                    why,
                    Some(head(Lang::Fi, &pair.fi.text)),
                );
            }
            State::Stale => {
                let e = pair.entry.expect("stale segments are marked");
                let msg = format!(
                    "the Finnish changed after {} {} it on {} (see `tolk diff {} {}`)",
                    e.by,
                    e.state.as_str(),
                    e.at,
                    cx.article.slug,
                    pair.fi.id
                );
                cx.push(
                    Some(pair.fi),
                    Lang::Fi,
                    "stale",
                    Severity::Error,
                    msg,
                    Some(head(Lang::Fi, &pair.fi.text)),
                );
            }
            State::Draft => {
                let sv = pair.sv.expect("draft has Swedish");
                cx.push(
                    Some(sv),
                    Lang::Sv,
                    "draft",
                    Severity::Warning,
                    "translated but never marked (tolk mark … --as translated)".into(),
                    None,
                );
            }
            State::Translated | State::Reviewed => {}
        }
        if pair.edited {
            let e = pair.entry.expect("edited segments are marked");
            let sv = pair.sv.expect("edited segments have Swedish");
            cx.push(
                Some(sv),
                Lang::Sv,
                "edited",
                Severity::Warning,
                format!(
                    "changed after review by {} on {} (see `tolk diff {} {}`)",
                    e.by, e.at, cx.article.slug, sv.id
                ),
                None,
            );
        }
    }
}

fn extra(cx: &mut Ctx<'_>) {
    for sv in cx.article.extra() {
        cx.push(
            Some(sv),
            Lang::Sv,
            "extra",
            Severity::Error,
            format!("Swedish {} has no Finnish counterpart", sv.id),
            Some(head(Lang::Sv, &sv.text)),
        );
    }
}

/// Copy: the Swedish is the Finnish pasted over. The kicker is exempt
/// (`KAUPUNKI - STADEN` is bilingual by design), and so are short segments,
/// where names legitimately stay the same.
fn copies(cx: &mut Ctx<'_>) {
    for pair in cx.pairs.clone() {
        let Some(sv) = pair.sv else { continue };
        if pair.fi.kind != Kind::Kicker && pair.fi.words >= 4 && same_text(&pair.fi.text, &sv.text)
        {
            cx.push(
                Some(sv),
                Lang::Sv,
                "copy",
                Severity::Error,
                "the Swedish is identical to the Finnish".into(),
                Some(head(Lang::Sv, &sv.text)),
            );
        }
    }
}

fn number_rule(cx: &mut Ctx<'_>) {
    for pair in cx.pairs.clone() {
        let Some(sv) = pair.sv else { continue };
        let diff = numbers::compare(&pair.fi.text, &sv.text);
        for n in &diff.missing_in_sv {
            cx.push(
                Some(sv),
                Lang::Sv,
                "number",
                Severity::Warning,
                format!("{} in the Finnish is missing from the Swedish", n.text),
                Some(excerpt(Lang::Fi, &pair.fi.text, n.start, n.end, 30)),
            );
        }
        for n in &diff.only_in_sv {
            cx.push(
                Some(sv),
                Lang::Sv,
                "number",
                Severity::Warning,
                format!("{} is only in the Swedish", n.text),
                Some(excerpt(Lang::Sv, &sv.text, n.start, n.end, 30)),
            );
        }
    }
}

fn qa_count(cx: &mut Ctx<'_>) {
    let sides = [
        (Lang::Fi, Some(&cx.article.fi)),
        (Lang::Sv, cx.article.sv.as_ref()),
    ];
    let mut found = Vec::new();
    for (lang, seg) in sides {
        let Some(seg) = seg else { continue };
        let Some(title) = seg.segments.iter().find(|s| s.kind == Kind::Title) else {
            continue;
        };
        let Some(promised) = numbers::promised_questions(&title.text, lang) else {
            continue;
        };
        let pairs = seg
            .segments
            .iter()
            .filter(|s| s.kind == Kind::Answer)
            .count();
        if promised != pairs {
            found.push((
                title.clone(),
                lang,
                format!("the title promises {promised} questions, the article has {pairs} question-answer pairs"),
            ));
        }
    }
    for (title, lang, msg) in found {
        cx.push(
            Some(&title),
            lang,
            "qa-count",
            Severity::Warning,
            msg,
            Some(head(lang, &title.text)),
        );
    }
}

/// A question lacking its `?`, or an answer its dash, where the other side
/// has it. A Swedish answer without its dash is read as a paragraph and
/// shifts every id after it, so it is named at its position.
fn punctuation(cx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for pair in cx.pairs.clone() {
        let Some(sv) = pair.sv else { continue };
        if pair.fi.kind == Kind::Question && sv.kind == Kind::Question {
            let fi_q = pair.fi.text.trim_end().ends_with('?');
            let sv_q = sv.text.trim_end().ends_with('?');
            if fi_q != sv_q {
                let (lacking, side) = if fi_q {
                    ("Swedish", Lang::Sv)
                } else {
                    ("Finnish", Lang::Fi)
                };
                let seg = if fi_q { sv.clone() } else { pair.fi.clone() };
                found.push((seg, side, format!("the {lacking} question lacks its `?`")));
            }
        }
    }
    if let Some(sv) = &cx.article.sv
        && sv.segments.len() == cx.article.fi.segments.len()
    {
        for (fi, s) in cx.article.fi.segments.iter().zip(&sv.segments) {
            let (fi_dash, sv_dash) = (
                starts_with_answer_dash(&fi.text),
                starts_with_answer_dash(&s.text),
            );
            if fi.kind == Kind::Answer && s.kind != Kind::Answer && !sv_dash {
                found.push((
                    s.clone(),
                    Lang::Sv,
                    format!(
                        "the Swedish answer at this position (Finnish {}) lacks its dash, so it reads as {} \
                         and the ids after it shift",
                        fi.id, s.id
                    ),
                ));
            } else if s.kind == Kind::Answer && fi.kind != Kind::Answer && !fi_dash {
                found.push((
                    fi.clone(),
                    Lang::Fi,
                    format!(
                        "the Finnish answer at this position (Swedish {}) lacks its dash, so it reads as {}",
                        s.id, fi.id
                    ),
                ));
            }
        }
    }
    for (seg, lang, msg) in found {
        cx.push(
            Some(&seg),
            lang,
            "punctuation",
            Severity::Warning,
            msg,
            Some(head(lang, &seg.text)),
        );
    }
}

/// The printed credit: sv.txt names its translator, and that person is
/// among those who marked segments.
fn credit(cx: &mut Ctx<'_>) {
    let Some(sv) = &cx.article.sv else { return };
    let credits: Vec<&crate::segment::Credit> = sv.translators().collect();
    if credits.is_empty() {
        if !sv.segments.is_empty() {
            cx.push(
                None,
                Lang::Sv,
                "credit",
                Severity::Warning,
                "no ÖVERSÄTTNING: line names the translator".into(),
                None,
            );
        }
        return;
    }
    let markers: Vec<String> = cx
        .article
        .status
        .entries
        .values()
        .map(|e| e.translated_by().to_lowercase())
        .collect();
    if markers.is_empty() {
        return;
    }
    let named = credits.iter().any(|c| {
        let name = crate::text::normalize_ws(&c.name).to_lowercase();
        markers.iter().any(|m| crate::text::normalize_ws(m) == name)
    });
    if !named {
        let c = credits[0];
        let mut people: Vec<String> = cx
            .article
            .status
            .entries
            .values()
            .map(|e| e.translated_by().to_string())
            .collect();
        people.sort();
        people.dedup();
        let message = format!(
            "the ÖVERSÄTTNING line names {}, but the segments were marked by {}",
            c.display,
            people.join(", ")
        );
        let file = cx.article.sv_file.clone();
        cx.out.push(Finding {
            article: cx.article.slug.clone(),
            segment: None,
            rule: "credit",
            severity: Severity::Warning,
            message,
            file,
            line: c.line,
            excerpt: None,
        });
    }
}

/// `glossary-avoid` anywhere in Swedish; `glossary-missing` when the
/// Finnish segment uses a term and its Swedish lacks the rendering.
fn glossary(cx: &mut Ctx<'_>, matcher: &Matcher) {
    let terms = &matcher.glossary().terms;
    let mut found = Vec::new();
    // Each Swedish segment is searched once, for both rules.
    let sv_matches: Vec<(&Segment, Vec<crate::glossary::TermMatch>)> = cx
        .article
        .sv
        .iter()
        .flat_map(|s| s.segments.iter())
        .map(|sv| (sv, matcher.find_sv(&sv.text)))
        .collect();
    for (sv, matches) in &sv_matches {
        for m in matches {
            if m.kind == MatchKind::Avoid {
                let term = &terms[m.term];
                found.push((
                    (*sv).clone(),
                    Severity::Error,
                    "glossary-avoid",
                    format!("`{}`: use `{}` (for `{}`)", m.text, term.sv, term.fi),
                    excerpt(Lang::Sv, &sv.text, m.start, m.end, 30),
                ));
            }
        }
    }
    for pair in cx.pairs.clone() {
        let Some(sv) = pair.sv else { continue };
        let fi_matches = matcher.find_fi(&pair.fi.text);
        if fi_matches.is_empty() {
            continue;
        }
        let sv_found = sv_matches
            .iter()
            .find(|(s, _)| s.id == sv.id)
            .map_or(&[][..], |(_, m)| m.as_slice());
        let mut reported = Vec::new();
        for m in fi_matches {
            if reported.contains(&m.term) {
                continue;
            }
            let rendered = sv_found
                .iter()
                .any(|s| s.term == m.term && s.kind == MatchKind::Sv);
            if !rendered {
                reported.push(m.term);
                let term = &terms[m.term];
                found.push((
                    sv.clone(),
                    Severity::Warning,
                    "glossary-missing",
                    format!(
                        "the Finnish has `{}` ({}): the Swedish lacks `{}`",
                        m.text, term.fi, term.sv
                    ),
                    excerpt(Lang::Fi, &pair.fi.text, m.start, m.end, 30),
                ));
            }
        }
    }
    for (seg, severity, rule, msg, ex) in found {
        cx.push(Some(&seg), Lang::Sv, rule, severity, msg, Some(ex));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_centres_on_the_words_and_marks_them() {
        let text = "Yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen";
        let start = text.find("viisi").unwrap();
        let e = excerpt(Lang::Fi, text, start, start + "viisi".len(), 12);
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "viisi");
        assert!(e.text.starts_with("… "), "{}", e.text);
        assert!(e.text.ends_with(" …"), "{}", e.text);
    }

    #[test]
    fn excerpt_in_a_later_paragraph_keeps_its_offsets() {
        let text = "– Ääni ja öljy.\n\nToinen kappale: välfärdsrapporten här.";
        let start = text.find("välfärdsrapporten").unwrap();
        let e = excerpt(Lang::Sv, text, start, start + "välfärdsrapporten".len(), 30);
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "välfärdsrapporten");
    }

    #[test]
    fn glossary_findings_in_a_multi_paragraph_answer() {
        let glossary = crate::glossary::Glossary::parse(
            "[[term]]\nfi = \"hyvinvointikertomus\"\nsv = \"välfärdsberättelse\"\navoid = [\"välfärdsrapport\"]\n",
            "glossary.toml",
        )
        .unwrap();
        let matcher = Matcher::builtin(&glossary);
        let fi = "T\n\nMikä?\n\n– Ääni.\n\nTeemme hyvinvointikertomuksen.\n";
        let sv = "T\n\nVad?\n\n– Röst.\n\nVi gör välfärdsrapporten.\n";
        let article = Article::from_texts("x", fi, Some(sv));
        let found = check_article(&article, Some(&matcher));
        let avoid = found
            .iter()
            .find(|f| f.rule == "glossary-avoid")
            .expect("avoid hit");
        let e = avoid.excerpt.as_ref().unwrap();
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "välfärdsrapporten");
        let missing = found
            .iter()
            .find(|f| f.rule == "glossary-missing")
            .expect("missing rendering");
        let e = missing.excerpt.as_ref().unwrap();
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "hyvinvointikertomuksen");
    }

    #[test]
    fn excerpt_of_short_text_is_whole() {
        let e = excerpt(Lang::Fi, "ääni 2023", 7, 11, 30);
        assert_eq!(e.text, "ääni 2023");
        assert_eq!(e.highlights, vec![(7, 11)]);
    }

    use crate::status::{Entry, Stored};

    const FI: &str = "| KAUPUNKI - STADEN\n\nKolme kysymystä kirjastosta\n\nKirjasto avautuu 2. toukokuuta kello 10.\n\nMiksi kirjasto muuttaa?\n\n– Vanha talo on liian pieni.\n\nMitä uudessa on?\n\n– Tilaa 15 000 kirjalle.\n\nMilloin avajaiset ovat?\n\n– Toukokuussa.\n";
    const SV: &str = "| KAUPUNKI - STADEN\n\nTre frågor om biblioteket\n\nBiblioteket öppnar 2 maj klockan 10.\n\nVarför flyttar biblioteket?\n\n– Det gamla huset är för litet.\n\nVad finns i det nya?\n\n– Plats för 15 000 böcker.\n\nNär är invigningen?\n\n– I maj.\n\nÖVERSÄTTNING: Patricia Heikkilä\n";

    fn rules(article: &Article) -> Vec<(String, &'static str)> {
        check_article(article, None)
            .into_iter()
            .map(|f| (f.segment.unwrap_or_default(), f.rule))
            .collect()
    }

    fn marked(fi: &str, sv: &str, by: &str) -> Article {
        let mut a = Article::from_texts("x", fi, Some(sv));
        let pairs: Vec<(String, String, String)> = a
            .pairs()
            .iter()
            .map(|p| {
                (
                    p.fi.id.clone(),
                    p.fi.text.clone(),
                    p.sv.map(|s| s.text.clone()).unwrap_or_default(),
                )
            })
            .collect();
        for (id, source, sv) in pairs {
            a.status
                .set(
                    &id,
                    Entry {
                        state: Stored::Reviewed,
                        by: by.into(),
                        at: "2026-11-23".into(),
                        source,
                        translator: Some(by.into()),
                        reviewed_text: Some(sv),
                    },
                )
                .unwrap();
        }
        a
    }

    fn with_rule(article: &Article, rule: &str) -> Vec<String> {
        rules(article)
            .into_iter()
            .filter(|(_, r)| *r == rule)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn clean_marked_article_has_no_findings() {
        assert_eq!(rules(&marked(FI, SV, "Patricia Heikkilä")), vec![]);
    }

    #[test]
    fn missing_fires_on_absent_swedish_only() {
        let sv = SV.replace("– I maj.", "");
        let a = Article::from_texts("x", FI, Some(&sv));
        assert!(with_rule(&a, "missing").contains(&"a3".to_string()));
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), "missing").is_empty());
        assert_eq!(
            with_rule(&Article::from_texts("x", FI, None), "missing").len(),
            9
        );
    }

    #[test]
    fn extra_fires_on_swedish_without_finnish() {
        let sv = SV.replace("– I maj.", "– I maj.\n\nEn fjärde fråga?\n\n– Ja.");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "extra"),
            ["q4", "a4"]
        );
        assert!(with_rule(&marked(FI, SV, "P"), "extra").is_empty());
    }

    #[test]
    fn copy_fires_on_pasted_finnish_but_not_the_kicker_or_short_names() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "– Vanha talo on liian pieni.",
        );
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "copy"),
            ["a1"]
        );
        // The kicker is the same in both languages by design.
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), "copy").is_empty());
        // Under four words: a name or a date may well be the same.
        let fi = FI.replace("– Toukokuussa.", "– Maija Meikäläinen.");
        let sv = SV.replace("– I maj.", "– Maija Meikäläinen.");
        assert!(with_rule(&marked(&fi, &sv, "Patricia Heikkilä"), "copy").is_empty());
    }

    #[test]
    fn stale_fires_when_the_finnish_changed_but_not_on_rewrap() {
        let a = marked(FI, SV, "Patricia Heikkilä");
        let mut changed = a.clone();
        changed.fi = crate::segment::segment(&FI.replace("liian pieni", "aivan liian pieni"));
        assert_eq!(with_rule(&changed, "stale"), ["a1"]);
        let mut rewrapped = a.clone();
        rewrapped.fi = crate::segment::segment(&FI.replace("on liian", "on\nliian"));
        assert!(with_rule(&rewrapped, "stale").is_empty());
    }

    #[test]
    fn draft_fires_on_unmarked_text_only() {
        let a = Article::from_texts("x", FI, Some(SV));
        assert_eq!(with_rule(&a, "draft").len(), 9);
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), "draft").is_empty());
    }

    #[test]
    fn edited_fires_when_swedish_changed_after_review() {
        let mut a = marked(FI, SV, "Eeva");
        a.sv = Some(crate::segment::segment(
            &SV.replace("för litet", "alldeles för litet"),
        ));
        assert_eq!(with_rule(&a, "edited"), ["a1"]);
        let mut rewrapped = marked(FI, SV, "Eeva");
        rewrapped.sv = Some(crate::segment::segment(&SV.replace("är för", "är\nför")));
        assert!(with_rule(&rewrapped, "edited").is_empty());
    }

    #[test]
    fn number_fires_on_a_missing_year_not_on_formatting() {
        let sv = SV.replace("Plats för 15 000 böcker", "Plats för 1 500 böcker");
        let found: Vec<Finding> = check_article(&marked(FI, &sv, "Patricia Heikkilä"), None)
            .into_iter()
            .filter(|f| f.rule == "number")
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].message.contains("15 000"), "{}", found[0].message);
        // `15 000` against `15000` and `2.` against `2` are the same numbers.
        let sv = SV.replace("15 000", "15000");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "number").is_empty());
    }

    #[test]
    fn qa_count_fires_when_the_title_promises_otherwise() {
        let fi = FI.replace("Kolme kysymystä", "Neljä kysymystä");
        let a = marked(&fi, SV, "Patricia Heikkilä");
        let found = check_article(&a, None);
        let qa: Vec<&Finding> = found.iter().filter(|f| f.rule == "qa-count").collect();
        assert_eq!(qa.len(), 1);
        assert!(qa[0].file.ends_with("fi.txt"));
        assert!(qa[0].message.contains("promises 4"), "{}", qa[0].message);
        assert!(with_rule(&marked(FI, SV, "P"), "qa-count").is_empty());
    }

    #[test]
    fn punctuation_fires_on_a_lost_question_mark() {
        let sv = SV.replace("Vad finns i det nya?", "Vad finns i det nya");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "punctuation"),
            ["q2"]
        );
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), "punctuation").is_empty());
    }

    #[test]
    fn punctuation_names_a_swedish_answer_without_its_dash() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "Det gamla huset är för litet.",
        );
        let found = check_article(&Article::from_texts("x", FI, Some(&sv)), None);
        let p: Vec<&Finding> = found.iter().filter(|f| f.rule == "punctuation").collect();
        assert_eq!(p.len(), 1, "{found:#?}");
        assert!(p[0].message.contains("lacks its dash"), "{}", p[0].message);
        assert_eq!(p[0].line, 9);
    }

    #[test]
    fn credit_fires_without_a_translator_line_or_with_the_wrong_name() {
        let sv = SV.replace("ÖVERSÄTTNING: Patricia Heikkilä\n", "");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "credit"),
            [""]
        );
        assert_eq!(with_rule(&marked(FI, SV, "Tiina Tulkki"), "credit"), [""]);
        // Case and spacing of the name do not matter.
        let sv = SV.replace("Patricia Heikkilä", "PATRICIA  HEIKKILÄ");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), "credit").is_empty());
        // Nobody marked anything yet: nothing to compare the credit with.
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), "credit").is_empty());
    }
}
