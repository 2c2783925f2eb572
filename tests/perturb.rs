//! The perturbation suite (issue: pair by content). Every slip a translator
//! or an editor can make in the structure of the Swedish is made, at every
//! position where it can occur, in the seed article and in a fixture of each
//! kind the magazine prints. Each slip must give exactly the one finding
//! that explains it (or none where nothing is wrong), and the real findings
//! of the unperturbed article must stay on their Finnish segments.

use std::collections::BTreeSet;

use tolk::article::Article;
use tolk::checks::{Finding, Rule, check_article};
use tolk::glossary::{Glossary, Matcher};
use tolk::segment::{Element, Kind, Segmented, segment};

const GLOSSARY: &str = include_str!("../glossary.toml");

/// The seed pair and the fixtures, as (name, fi, sv); BOM and CRLF
/// removed so that lines can be edited (the fixtures' own tests read them
/// as written).
fn articles() -> Vec<(String, String, String)> {
    let clean = |t: String| t.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let read = |p: &str| clean(std::fs::read_to_string(p).unwrap());
    let mut out = vec![(
        "seed".to_string(),
        read("articles/hyvinvointikoordinaattori/fi.txt"),
        read("articles/hyvinvointikoordinaattori/sv.txt"),
    )];
    let kinds = [
        "news",
        "column",
        "calendar",
        "duo",
        "gallup",
        "dash-interview",
    ]
    .map(|k| format!("tests/fixtures/kinds/{k}"));
    let holdout = ["kantele", "kouluruoka", "muisto", "salibandy", "valtuusto"]
        .map(|k| format!("tests/fixtures/holdout/{k}"));
    for dir in kinds.into_iter().chain(holdout) {
        let kind = dir.rsplit('/').next().unwrap().to_string();
        out.push((
            kind.to_string(),
            read(&format!("{dir}/fi.txt")),
            read(&format!("{dir}/sv.txt")),
        ));
    }
    out
}

fn matcher() -> Matcher {
    Matcher::builtin(&Glossary::parse(GLOSSARY, "glossary.toml").unwrap())
}

/// Rules about structure, which a slip may add; the others compare content.
fn is_structural(rule: Rule) -> bool {
    matches!(rule, Rule::Structure | Rule::Extra | Rule::Missing)
}

/// A finding keyed by the Finnish text of its segment, so that renumbered
/// ids (a Finnish-only caption shifts every `pN` after it) compare equal.
type Key = (Rule, String, String);

fn findings(fi: &str, sv: &str, matcher: &Matcher) -> (Article, Vec<Finding>) {
    let article = Article::from_texts_with("x", fi, Some(sv), &|| Some(matcher));
    let found = check_article(&article, Some(matcher))
        .into_iter()
        .filter(|f| !matches!(f.rule, Rule::Draft | Rule::Credit))
        .collect();
    (article, found)
}

fn key(article: &Article, f: &Finding) -> Key {
    let text = f
        .segment
        .as_deref()
        .and_then(|id| article.fi.get(id))
        .map_or(String::new(), |s| s.text.clone());
    (f.rule, text, f.message.clone())
}

/// One slip: the perturbed Swedish (and Finnish, for a Finnish-only
/// change), the structural findings it must give as (rule, Finnish id),
/// and the Finnish ids whose content findings may legitimately change.
struct Case {
    what: String,
    fi: String,
    sv: String,
    expect: Vec<(Rule, Option<String>)>,
    involved: Vec<String>,
    /// A content finding the slip must give (on an involved segment).
    content: Option<(Rule, String)>,
}

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

fn join(lines: &[String]) -> String {
    lines.join("\n")
}

/// Removes the blank lines between 1-based lines `a_end` and `b_start`,
/// gluing the two paragraphs with `glue` (a newline keeps the line break,
/// a space puts both on one line).
fn glue(text: &str, a_end: usize, b_start: usize, glue: &str) -> String {
    let mut l = lines(text);
    let tail = l[b_start - 1].clone();
    l[a_end - 1] = format!("{}{glue}{tail}", l[a_end - 1]);
    l.drain(a_end..b_start);
    join(&l)
}

/// Inserts a paragraph after 1-based line `after`.
fn insert_after(text: &str, after: usize, para: &str) -> String {
    let mut l = lines(text);
    l.insert(after, String::new());
    l.insert(after + 1, para.to_string());
    join(&l)
}

/// Splits the paragraph at 1-based lines `line..=end` at the sentence
/// boundary nearest its middle; `None` for a one-sentence paragraph.
fn split_sentence(text: &str, line: usize, end: usize) -> Option<String> {
    let l = lines(text);
    let para = l[line - 1..end].join("\n");
    let mid = para.len() / 2;
    let cut = para
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .filter(|&i| {
            // A following capital starts a sentence (`6.12. klo` does not).
            para[i + 1..].chars().next().is_some_and(char::is_uppercase)
        })
        .min_by_key(|&i| i.abs_diff(mid))?;
    let mut out: Vec<String> = l[..line - 1].to_vec();
    out.extend(lines(&format!("{}\n\n{}", &para[..cut], &para[cut + 1..])));
    out.extend(l[end..].iter().cloned());
    Some(join(&out))
}

fn replace_line_start(text: &str, line: usize, from: &str, to: &str) -> Option<String> {
    let mut l = lines(text);
    let rest = l[line - 1].trim_start().strip_prefix(from)?.to_string();
    l[line - 1] = format!("{to}{rest}");
    Some(join(&l))
}

fn ids(seg: &Segmented) -> Vec<String> {
    seg.segments.iter().map(|s| s.id.clone()).collect()
}

fn cases(fi: &str, sv: &str) -> Vec<Case> {
    let f = segment(fi);
    let s = segment(sv);
    assert_eq!(ids(&f), ids(&s), "the fixture's sides must pair by id");
    let mut cases = Vec::new();
    let case =
        |what: String, sv: String, expect: Vec<(Rule, Option<&str>)>, involved: &[&str]| Case {
            what,
            fi: fi.to_string(),
            sv,
            expect: expect
                .into_iter()
                .map(|(r, id)| (r, id.map(str::to_string)))
                .collect(),
            involved: involved.iter().map(|s| s.to_string()).collect(),
            content: None,
        };
    let segs = &s.segments;
    let dashed: Vec<_> = segs
        .iter()
        .filter(|x| x.kind == Kind::Answer && x.text.starts_with(['–', '—']))
        .collect();
    for a in &dashed {
        let dash = a.text.chars().next().unwrap().to_string();
        if let Some(t) = replace_line_start(sv, a.line, &format!("{dash} "), "") {
            let e = vec![(Rule::Structure, Some(a.id.as_str()))];
            cases.push(case(format!("{} loses its dash", a.id), t, e, &[&a.id]));
        }
        if let Some(t) = replace_line_start(sv, a.line, &format!("{dash} "), "-") {
            let e = vec![(Rule::Structure, Some(a.id.as_str()))];
            cases.push(case(format!("{} typed -X", a.id), t, e, &[&a.id]));
        }
        // A second, dashless paragraph of the same answer: nothing wrong.
        if a.parts.len() == 1
            && let Some(t) = split_sentence(sv, a.line, a.end_line)
        {
            cases.push(case(
                format!("{} split, second part dashless", a.id),
                t,
                vec![],
                &[],
            ));
        }
    }
    if dashed.len() > 1 {
        // Every answer typed `-X`: one finding per answer, nothing else.
        let mut t = sv.to_string();
        for a in &dashed {
            let dash = a.text.chars().next().unwrap().to_string();
            t = replace_line_start(&t, a.line, &format!("{dash} "), "-").unwrap();
        }
        let e = dashed
            .iter()
            .map(|a| (Rule::Structure, Some(a.id.as_str())))
            .collect();
        let inv: Vec<&str> = dashed.iter().map(|a| a.id.as_str()).collect();
        cases.push(case("every answer typed -X".into(), t, e, &inv));
    }
    let body = |x: &tolk::segment::Segment| x.role == Element::Paragraph;
    for w in segs.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if body(a) && body(b) && a.parts.len() == 1 {
            let t = glue(sv, a.end_line, b.line, " ");
            let e = vec![(Rule::Structure, Some(a.id.as_str()))];
            cases.push(case(
                format!("{}+{} merged", a.id, b.id),
                t,
                e,
                &[&a.id, &b.id],
            ));
        }
        // A subheading typed straight above its paragraph, no blank line.
        if a.role == Element::Subheading && body(b) {
            let t = glue(sv, a.end_line, b.line, "\n");
            let e = vec![(Rule::Structure, Some(a.id.as_str()))];
            cases.push(case(
                format!("subheading {} glued to {}", a.id, b.id),
                t,
                e,
                &[&a.id, &b.id],
            ));
        }
        if a.kind == Kind::Question && b.kind == Kind::Answer {
            for (how, g) in [("newline", "\n"), ("same line", " ")] {
                let t = glue(sv, a.end_line, b.line, g);
                let e = vec![(Rule::Structure, Some(a.id.as_str()))];
                cases.push(case(
                    format!("{} glued to its answer ({how})", a.id),
                    t,
                    e,
                    &[&a.id, &b.id],
                ));
            }
            // The pair left out: one `missing`, on the question.
            let mut l = lines(sv);
            let mut end = b.end_line;
            while l.get(end).is_some_and(|x| x.trim().is_empty()) {
                end += 1;
            }
            l.drain(a.line - 1..end);
            let e = vec![(Rule::Missing, Some(a.id.as_str()))];
            cases.push(case(
                format!("{} and {} left out", a.id, b.id),
                join(&l),
                e,
                &[&a.id, &b.id],
            ));
        }
    }
    for p in segs.iter().filter(|x| body(x)) {
        // The paragraph left out: `missing` on it, not on the last segment.
        let mut l = lines(sv);
        let mut end = p.end_line;
        while l.get(end).is_some_and(|x| x.trim().is_empty()) {
            end += 1;
        }
        l.drain(p.line - 1..end);
        let e = vec![(Rule::Missing, Some(p.id.as_str()))];
        cases.push(case(format!("{} left out", p.id), join(&l), e, &[&p.id]));
        if let Some(t) = split_sentence(sv, p.line, p.end_line) {
            let e = vec![(Rule::Structure, Some(p.id.as_str()))];
            cases.push(case(format!("{} split in two", p.id), t, e, &[&p.id]));
        }
    }
    // Swedish-only paragraphs after the title and after the first body
    // paragraph: a translator's note, a caption, a subheading.
    let title = segs.iter().find(|x| x.kind == Kind::Title);
    let first_body = segs.iter().find(|x| body(x));
    let added = [
        "Översättarens anmärkning: texten har kortats något för den svenska upplagan.",
        "På bilden syns stadens nya servicepunkt vid torget.",
        "Ett nytt uppdrag",
    ];
    for at in [title, first_body].into_iter().flatten() {
        for para in added {
            let t = insert_after(sv, at.end_line, para);
            let e = vec![(Rule::Extra, None)];
            cases.push(case(format!("`{para}` added after {}", at.id), t, e, &[]));
        }
    }
    // A subheading added in the Swedish mid-interview.
    if let Some(q) = segs.iter().filter(|x| x.kind == Kind::Question).nth(1) {
        let t = insert_after(sv, q.line - 2, "Samarbete i vardagen");
        cases.push(case(
            format!("subheading added before {}", q.id),
            t,
            vec![(Rule::Extra, None)],
            &[],
        ));
    }
    // A caption in the Finnish only: `missing`, on the new Finnish segment.
    if let Some(p) = f.segments.iter().find(|x| body(x)) {
        let fi2 = insert_after(
            fi,
            p.end_line,
            "Kuvassa kaupungin uusi palvelupiste torin laidalla.",
        );
        let new_id = segment(&fi2)
            .segments
            .iter()
            .find(|x| x.text.starts_with("Kuvassa kaupungin"))
            .map(|x| x.id.clone())
            .unwrap();
        cases.push(Case {
            what: format!("caption in the Finnish only after {}", p.id),
            fi: fi2,
            sv: sv.to_string(),
            expect: vec![(Rule::Missing, Some(new_id))],
            involved: vec![],
            content: None,
        });
    }
    // A paragraph left in Finnish: one `copy`, on it.
    for (p, fp) in segs
        .iter()
        .zip(&f.segments)
        .filter(|(x, _)| body(x) && x.words >= 4)
    {
        let mut l = lines(sv);
        let finnish = lines(&join(&lines(fi)[fp.line - 1..fp.end_line]));
        l.splice(p.line - 1..p.end_line, finnish);
        let mut c = case(
            format!("{} left in Finnish", p.id),
            join(&l),
            vec![],
            &[&p.id],
        );
        c.content = Some((Rule::Copy, p.id.clone()));
        cases.push(c);
    }
    // A paragraph of a segment of several left out, or a note added
    // inside it: `missing` (on the segment) or `extra`.
    for x in segs.iter().filter(|x| x.parts.len() > 1) {
        for (k, &(line, end)) in x.parts.iter().enumerate().skip(1) {
            let mut l = lines(sv);
            let mut stop = end;
            while l.get(stop).is_some_and(|y| y.trim().is_empty()) {
                stop += 1;
            }
            l.drain(line - 1..stop);
            let e = vec![(Rule::Missing, Some(x.id.as_str()))];
            cases.push(case(
                format!("paragraph {} of {} left out", k + 1, x.id),
                join(&l),
                e,
                &[&x.id],
            ));
        }
        let note = "(Översättarens anmärkning: stycket har kortats i den svenska upplagan.)";
        let t = insert_after(sv, x.parts[0].1, note);
        cases.push(case(
            format!("note added inside {}", x.id),
            t,
            vec![(Rule::Extra, None)],
            &[&x.id],
        ));
    }
    // Lists: an item left out is one finding; other bullets, or bullets
    // for numbers, are the same list.
    let is_marker = |l: &str| {
        let w = l.trim_start().split(' ').next().unwrap_or("");
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        matches!(w, "-" | "•" | "*")
            || ((1..=2).contains(&digits) && matches!(&w[digits..], "." | ")"))
    };
    for x in segs.iter().filter(|x| x.role == Element::List) {
        let l = lines(sv);
        let items: Vec<usize> = (x.line..=x.end_line)
            .filter(|&n| is_marker(&l[n - 1]))
            .collect();
        if items.len() >= 2 {
            let mut dropped = l.clone();
            dropped.remove(items[1] - 1);
            let rule = if x.parts.len() == 1 {
                Rule::Structure
            } else {
                Rule::Missing
            };
            cases.push(case(
                format!("item 2 of list {} left out", x.id),
                join(&dropped),
                vec![(rule, Some(x.id.as_str()))],
                &[&x.id],
            ));
            let mut restyled = l.clone();
            for &n in &items {
                let line = &restyled[n - 1];
                let (_, rest) = line.trim_start().split_once(' ').unwrap_or(("", ""));
                let bullet = if line.trim_start().starts_with('•') {
                    "-"
                } else {
                    "•"
                };
                restyled[n - 1] = format!("{bullet} {rest}");
            }
            cases.push(case(
                format!("list {} with other bullets", x.id),
                join(&restyled),
                vec![],
                &[],
            ));
        }
    }
    // A subheading added in the Swedish before the first question.
    if let Some(q) = segs.iter().find(|x| x.kind == Kind::Question)
        && q.line > 2
    {
        let t = insert_after(sv, q.line - 2, "Ett nytt uppdrag");
        cases.push(case(
            format!("subheading added before {}", q.id),
            t,
            vec![(Rule::Extra, None)],
            &[],
        ));
    }
    cases
}

#[test]
fn every_slip_gives_its_one_finding_and_moves_nothing() {
    let matcher = matcher();
    let mut failures = Vec::new();
    let mut total = 0;
    for (name, fi, sv) in articles() {
        let (base_article, base) = findings(&fi, &sv, &matcher);
        let base_structural: Vec<&Finding> =
            base.iter().filter(|f| is_structural(f.rule)).collect();
        assert!(
            base_structural.is_empty(),
            "{name}: the unperturbed pair is not clean: {base_structural:#?}"
        );
        let base_keys: BTreeSet<Key> = base.iter().map(|f| key(&base_article, f)).collect();
        for case in cases(&fi, &sv) {
            total += 1;
            let (article, found) = findings(&case.fi, &case.sv, &matcher);
            let mut got: Vec<(Rule, Option<String>)> = found
                .iter()
                .filter(|f| is_structural(f.rule))
                .map(|f| (f.rule, f.segment.clone()))
                .collect();
            got.sort();
            let mut want = case.expect.clone();
            want.sort();
            // Content findings of the segments the slip does not touch.
            let touched = |f: &Finding| {
                f.segment.as_ref().is_some_and(|id| {
                    case.involved.contains(id)
                        || article
                            .row_ids(id)
                            .iter()
                            .any(|r| case.involved.contains(r))
                })
            };
            let content: BTreeSet<Key> = found
                .iter()
                .filter(|f| !is_structural(f.rule) && !touched(f))
                .map(|f| key(&article, f))
                .collect();
            let involved_text: Vec<String> = case
                .involved
                .iter()
                .filter_map(|id| base_article.fi.get(id).map(|s| s.text.clone()))
                .collect();
            let expected_content: BTreeSet<Key> = base_keys
                .iter()
                .filter(|k| !involved_text.contains(&k.1))
                .cloned()
                .collect();
            let has_content = case.content.as_ref().is_none_or(|(rule, id)| {
                found
                    .iter()
                    .any(|f| f.rule == *rule && f.segment.as_deref() == Some(id.as_str()))
            });
            if got != want || content != expected_content || !has_content {
                failures.push(format!(
                    "{name}: {}\n  structural: got {got:?}, want {want:?}\n  content only now: {:?}\n  content lost: {:?}\n  all: {:?}",
                    case.what,
                    content.difference(&expected_content).collect::<Vec<_>>(),
                    expected_content.difference(&content).collect::<Vec<_>>(),
                    found.iter().map(|f| format!("{} {:?} {}", f.rule, f.segment, f.message)).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} slips misreported:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total > 100, "only {total} cases");
}

/// The fixtures are correct translations: with the glossary, nothing but
/// the unmarked-state warnings.
#[test]
fn every_fixture_checks_clean() {
    let matcher = matcher();
    for (name, fi, sv) in articles().into_iter().skip(1) {
        let (_, found) = findings(&fi, &sv, &matcher);
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
}

/// The other bullet glyph and the other quotation style mean the same: they
/// align one to one without findings.
#[test]
fn bullet_and_quote_style_variants_align_without_findings() {
    let matcher = matcher();
    let (_, fi, sv) = articles().into_iter().find(|a| a.0 == "news").unwrap();
    let variants = [
        sv.replace("• ", "- "),
        sv.replace("• ", "* "),
        // `– Quote, säger X.` rewritten as `”Quote”, säger X.` and back.
        sv.lines()
            .map(|l| match l.strip_prefix("– ") {
                Some(rest) => match rest.rsplit_once(", säger ") {
                    Some((quote, who)) => format!("”{quote}”, säger {who}"),
                    None => l.to_string(),
                },
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    ];
    for variant in variants {
        assert_ne!(variant, sv);
        let (article, found) = findings(&fi, &variant, &matcher);
        assert!(found.is_empty(), "{found:#?}\n{variant}");
        assert!(article.extra().is_empty());
    }
}
