//! The checks of DESIGN §6. Each rule family looks at one loaded article
//! and returns findings; `check_article` runs them all.

pub mod numbers;

use serde::Serialize;

use crate::article::{Article, Pair, State};
use crate::glossary::{MatchKind, Matcher};
use crate::lang::Lang;
pub use crate::rules::{Rule, Severity};
use crate::segment::{Kind, Segment, starts_with_answer_dash};
use crate::text::same_text;

/// One thing an editor should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub article: String,
    /// The segment id; `null` for article-wide findings.
    pub segment: Option<String>,
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// Path from the repository root (`articles/x/sv.txt`).
    pub file: String,
    /// 1-based line of the offending words (or the segment) in that file.
    pub line: usize,
    /// 1-based column, in characters, in the file as written.
    pub column: usize,
    /// Byte span in the file as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<ByteSpan>,
    /// A short extract of the text the finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<Excerpt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl Finding {
    /// A finding about a whole file at a known place (a load error).
    pub fn at_file(
        article: &str,
        rule: Rule,
        file: &str,
        line: usize,
        column: usize,
        message: String,
    ) -> Finding {
        Finding {
            article: article.to_string(),
            segment: None,
            rule,
            severity: rule.default_severity(),
            message,
            file: file.to_string(),
            line,
            column,
            span: None,
            excerpt: None,
        }
    }
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

/// Where a finding points.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A whole segment on one side.
    Segment(Lang, &'a Segment),
    /// Bytes `start..end` of a segment's text.
    Words(Lang, &'a Segment, usize, usize),
    /// A line of one side's file, with no segment.
    Line(Lang, usize),
}

struct Ctx<'a> {
    article: &'a Article,
    /// The article's pairs, worked out once for every rule.
    pairs: Vec<Pair<'a>>,
    out: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    fn push(&mut self, rule: Rule, at: At<'a>, message: String, excerpt: Option<Excerpt>) {
        let (lang, seg) = match at {
            At::Segment(lang, seg) | At::Words(lang, seg, ..) => (lang, Some(seg)),
            At::Line(lang, _) => (lang, None),
        };
        let source = self.article.source(lang);
        let span = source.map(|src| match at {
            At::Segment(_, s) => src.span(s.line, &s.text, 0, s.text.len()),
            At::Words(_, s, start, end) => src.span(s.line, &s.text, start, end),
            At::Line(_, line) => src.line_span(line),
        });
        let line = match at {
            At::Line(_, line) => line,
            _ => seg.map_or(1, |s| s.line),
        };
        self.out.push(Finding {
            article: self.article.slug.clone(),
            segment: seg.map(|s| s.id.clone()),
            rule,
            severity: rule.default_severity(),
            message,
            file: self.article.file(lang).to_string(),
            line: span.map_or(line, |s| s.line),
            column: span.map_or(1, |s| s.column),
            span: span.map(|s| ByteSpan {
                start: s.start,
                end: s.end,
            }),
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
                let head = head(Lang::Fi, &pair.fi.text);
                cx.push(
                    Rule::Missing,
                    At::Segment(Lang::Fi, pair.fi),
                    why,
                    Some(head),
                );
            }
            State::Stale => {
                let Some(e) = pair.entry else { continue };
                let msg = format!(
                    "the Finnish changed after {} {} it on {} (see `tolk diff {} {}`)",
                    e.by,
                    e.state.as_str(),
                    e.at,
                    cx.article.slug,
                    pair.fi.id
                );
                let head = head(Lang::Fi, &pair.fi.text);
                cx.push(Rule::Stale, At::Segment(Lang::Fi, pair.fi), msg, Some(head));
            }
            State::Draft => {
                let Some(sv) = pair.sv else { continue };
                cx.push(
                    Rule::Draft,
                    At::Segment(Lang::Sv, sv),
                    "translated but never marked (tolk mark … --as translated)".into(),
                    None,
                );
            }
            State::Translated | State::Reviewed => {}
        }
        if pair.edited
            && let (Some(e), Some(sv)) = (pair.entry, pair.sv)
        {
            cx.push(
                Rule::Edited,
                At::Segment(Lang::Sv, sv),
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
            Rule::Extra,
            At::Segment(Lang::Sv, sv),
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
                Rule::Copy,
                At::Segment(Lang::Sv, sv),
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
                Rule::Number,
                At::Segment(Lang::Sv, sv),
                format!("{} in the Finnish is missing from the Swedish", n.text),
                Some(excerpt(Lang::Fi, &pair.fi.text, n.start, n.end, 30)),
            );
        }
        for n in &diff.only_in_sv {
            cx.push(
                Rule::Number,
                At::Words(Lang::Sv, sv, n.start, n.end),
                format!("{} is only in the Swedish", n.text),
                Some(excerpt(Lang::Sv, &sv.text, n.start, n.end, 30)),
            );
        }
    }
}

fn qa_count(cx: &mut Ctx<'_>) {
    let article = cx.article;
    let sides = [
        (Lang::Fi, Some(&article.fi)),
        (Lang::Sv, article.sv.as_ref()),
    ];
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
            cx.push(
                Rule::QaCount,
                At::Segment(lang, title),
                format!(
                    "the title promises {promised} questions, the article has {pairs} \
                     question-answer pairs"
                ),
                Some(head(lang, &title.text)),
            );
        }
    }
}

/// A question lacking its `?`, or an answer its dash, where the other side
/// has it. A Swedish answer without its dash is read as a paragraph and
/// shifts every id after it, so it is named at its position.
fn punctuation(cx: &mut Ctx<'_>) {
    let article = cx.article;
    for pair in cx.pairs.clone() {
        let Some(sv) = pair.sv else { continue };
        if pair.fi.kind == Kind::Question && sv.kind == Kind::Question {
            let fi_q = pair.fi.text.trim_end().ends_with('?');
            let sv_q = sv.text.trim_end().ends_with('?');
            if fi_q != sv_q {
                let (lacking, lang, seg) = if fi_q {
                    ("Swedish", Lang::Sv, sv)
                } else {
                    ("Finnish", Lang::Fi, pair.fi)
                };
                cx.push(
                    Rule::Punctuation,
                    At::Segment(lang, seg),
                    format!("the {lacking} question lacks its `?`"),
                    Some(head(lang, &seg.text)),
                );
            }
        }
    }
    if let Some(sv) = &article.sv
        && sv.segments.len() == article.fi.segments.len()
    {
        for (fi, s) in article.fi.segments.iter().zip(&sv.segments) {
            let (fi_dash, sv_dash) = (
                starts_with_answer_dash(&fi.text),
                starts_with_answer_dash(&s.text),
            );
            if fi.kind == Kind::Answer && s.kind != Kind::Answer && !sv_dash {
                cx.push(
                    Rule::Punctuation,
                    At::Segment(Lang::Sv, s),
                    format!(
                        "the Swedish answer at this position (Finnish {}) lacks its dash, so it \
                         reads as {} and the ids after it shift",
                        fi.id, s.id
                    ),
                    Some(head(Lang::Sv, &s.text)),
                );
            } else if s.kind == Kind::Answer && fi.kind != Kind::Answer && !fi_dash {
                cx.push(
                    Rule::Punctuation,
                    At::Segment(Lang::Fi, fi),
                    format!(
                        "the Finnish answer at this position (Swedish {}) lacks its dash, so it \
                         reads as {}",
                        s.id, fi.id
                    ),
                    Some(head(Lang::Fi, &fi.text)),
                );
            }
        }
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
                Rule::Credit,
                At::Line(Lang::Sv, 1),
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
        cx.push(Rule::Credit, At::Line(Lang::Sv, c.line), message, None);
    }
}

/// `glossary-avoid` anywhere in Swedish; `glossary-missing` when the
/// Finnish segment uses a term and its Swedish lacks the rendering.
fn glossary(cx: &mut Ctx<'_>, matcher: &Matcher) {
    let article = cx.article;
    let terms = &matcher.glossary().terms;
    // Each Swedish segment is searched once, for both rules.
    let sv_matches: Vec<(&Segment, Vec<crate::glossary::TermMatch>)> = article
        .sv
        .iter()
        .flat_map(|s| s.segments.iter())
        .map(|sv| (sv, matcher.find_sv(&sv.text)))
        .collect();
    for (sv, matches) in &sv_matches {
        for m in matches {
            if m.kind == MatchKind::Avoid {
                let term = &terms[m.term];
                cx.push(
                    Rule::GlossaryAvoid,
                    At::Words(Lang::Sv, sv, m.start, m.end),
                    format!("`{}`: use `{}` (for `{}`)", m.text, term.sv, term.fi),
                    Some(excerpt(Lang::Sv, &sv.text, m.start, m.end, 30)),
                );
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
                cx.push(
                    Rule::GlossaryMissing,
                    At::Segment(Lang::Sv, sv),
                    format!(
                        "the Finnish has `{}` ({}): the Swedish lacks `{}`",
                        m.text, term.fi, term.sv
                    ),
                    Some(excerpt(Lang::Fi, &pair.fi.text, m.start, m.end, 30)),
                );
            }
        }
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
            .find(|f| f.rule == Rule::GlossaryAvoid)
            .expect("avoid hit");
        let e = avoid.excerpt.as_ref().unwrap();
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "välfärdsrapporten");
        let missing = found
            .iter()
            .find(|f| f.rule == Rule::GlossaryMissing)
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

    fn rules(article: &Article) -> Vec<(String, Rule)> {
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

    fn with_rule(article: &Article, rule: Rule) -> Vec<String> {
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
        assert!(with_rule(&a, Rule::Missing).contains(&"a3".to_string()));
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), Rule::Missing).is_empty());
        assert_eq!(
            with_rule(&Article::from_texts("x", FI, None), Rule::Missing).len(),
            9
        );
    }

    #[test]
    fn extra_fires_on_swedish_without_finnish() {
        let sv = SV.replace("– I maj.", "– I maj.\n\nEn fjärde fråga?\n\n– Ja.");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Extra),
            ["q4", "a4"]
        );
        assert!(with_rule(&marked(FI, SV, "P"), Rule::Extra).is_empty());
    }

    #[test]
    fn copy_fires_on_pasted_finnish_but_not_the_kicker_or_short_names() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "– Vanha talo on liian pieni.",
        );
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Copy),
            ["a1"]
        );
        // The kicker is the same in both languages by design.
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Copy).is_empty());
        // Under four words: a name or a date may well be the same.
        let fi = FI.replace("– Toukokuussa.", "– Maija Meikäläinen.");
        let sv = SV.replace("– I maj.", "– Maija Meikäläinen.");
        assert!(with_rule(&marked(&fi, &sv, "Patricia Heikkilä"), Rule::Copy).is_empty());
    }

    #[test]
    fn stale_fires_when_the_finnish_changed_but_not_on_rewrap() {
        let a = marked(FI, SV, "Patricia Heikkilä");
        let mut changed = a.clone();
        changed.fi = crate::segment::segment(&FI.replace("liian pieni", "aivan liian pieni"));
        assert_eq!(with_rule(&changed, Rule::Stale), ["a1"]);
        let mut rewrapped = a.clone();
        rewrapped.fi = crate::segment::segment(&FI.replace("on liian", "on\nliian"));
        assert!(with_rule(&rewrapped, Rule::Stale).is_empty());
    }

    #[test]
    fn draft_fires_on_unmarked_text_only() {
        let a = Article::from_texts("x", FI, Some(SV));
        assert_eq!(with_rule(&a, Rule::Draft).len(), 9);
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Draft).is_empty());
    }

    #[test]
    fn edited_fires_when_swedish_changed_after_review() {
        let mut a = marked(FI, SV, "Eeva");
        a.sv = Some(crate::segment::segment(
            &SV.replace("för litet", "alldeles för litet"),
        ));
        assert_eq!(with_rule(&a, Rule::Edited), ["a1"]);
        let mut rewrapped = marked(FI, SV, "Eeva");
        rewrapped.sv = Some(crate::segment::segment(&SV.replace("är för", "är\nför")));
        assert!(with_rule(&rewrapped, Rule::Edited).is_empty());
    }

    #[test]
    fn number_fires_on_a_missing_year_not_on_formatting() {
        let sv = SV.replace("Plats för 15 000 böcker", "Plats för 1 500 böcker");
        let found: Vec<Finding> = check_article(&marked(FI, &sv, "Patricia Heikkilä"), None)
            .into_iter()
            .filter(|f| f.rule == Rule::Number)
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].message.contains("15 000"), "{}", found[0].message);
        // `15 000` against `15000` and `2.` against `2` are the same numbers.
        let sv = SV.replace("15 000", "15000");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Number).is_empty());
    }

    #[test]
    fn qa_count_fires_when_the_title_promises_otherwise() {
        let fi = FI.replace("Kolme kysymystä", "Neljä kysymystä");
        let a = marked(&fi, SV, "Patricia Heikkilä");
        let found = check_article(&a, None);
        let qa: Vec<&Finding> = found.iter().filter(|f| f.rule == Rule::QaCount).collect();
        assert_eq!(qa.len(), 1);
        assert!(qa[0].file.ends_with("fi.txt"));
        assert!(qa[0].message.contains("promises 4"), "{}", qa[0].message);
        assert!(with_rule(&marked(FI, SV, "P"), Rule::QaCount).is_empty());
    }

    #[test]
    fn punctuation_fires_on_a_lost_question_mark() {
        let sv = SV.replace("Vad finns i det nya?", "Vad finns i det nya");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Punctuation),
            ["q2"]
        );
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Punctuation).is_empty());
    }

    #[test]
    fn punctuation_names_a_swedish_answer_without_its_dash() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "Det gamla huset är för litet.",
        );
        let found = check_article(&Article::from_texts("x", FI, Some(&sv)), None);
        let p: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule == Rule::Punctuation)
            .collect();
        assert_eq!(p.len(), 1, "{found:#?}");
        assert!(p[0].message.contains("lacks its dash"), "{}", p[0].message);
        assert_eq!(p[0].line, 9);
    }

    #[test]
    fn credit_fires_without_a_translator_line_or_with_the_wrong_name() {
        let sv = SV.replace("ÖVERSÄTTNING: Patricia Heikkilä\n", "");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit),
            [""]
        );
        assert_eq!(
            with_rule(&marked(FI, SV, "Tiina Tulkki"), Rule::Credit),
            [""]
        );
        // Case and spacing of the name do not matter.
        let sv = SV.replace("Patricia Heikkilä", "PATRICIA  HEIKKILÄ");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit).is_empty());
        // Nobody marked anything yet: nothing to compare the credit with.
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), Rule::Credit).is_empty());
    }
}
