//! The report's markup, with maud: every text from the articles, the
//! glossary and `status.toml` goes through maud's escaping, so an article
//! that contains `<script>` shows it as text. Style and script are inline
//! (`assets/`): the page opens from disk, an e-mail or a CI artifact.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::view::{ArticleView, FindingView, Rich, RowView, STATES, SegView, Summary};
use crate::article::State;
use crate::checks::Severity;
use crate::commands::diff::Op;

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

/// What the page says about the run.
#[derive(Debug, Clone)]
pub struct Meta {
    /// `2026-11-25`.
    pub date: String,
    /// Findings about no article (a glossary that cannot be read).
    pub notes: Vec<String>,
}

/// Where the index links an article: a fragment of the same file, or a
/// page beside the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Fragment,
    Pages,
}

pub fn article_anchor(slug: &str) -> String {
    format!("a-{slug}")
}

pub fn page_name(slug: &str) -> String {
    format!("{slug}.html")
}

/// A page name as a link: slugs are plain, but a misnamed directory
/// (shown as unreadable) may hold a space, `#` or `%`.
fn page_href(slug: &str) -> String {
    let mut href = String::new();
    for b in page_name(slug).bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            href.push(b as char);
        } else {
            href.push_str(&format!("%{b:02X}"));
        }
    }
    href
}

/// `1 error`, `2 errors`.
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The symbol that goes with a state, so that no state is told by colour
/// alone.
fn state_symbol(state: State) -> &'static str {
    match state {
        State::Missing => "○",
        State::Draft => "✎",
        State::Translated => "◑",
        State::Reviewed => "✔",
        State::Stale => "⟳",
    }
}

fn severity_symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
    }
}

/// The document around `body`: head, style, the finding navigation and
/// the script.
pub fn page(title: &str, meta: &Meta, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" class="nojs" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="tolk";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (toolbar())
                main {
                    header class="report-head" {
                        h1 { (title) }
                        p class="meta" { "Written by tolk on " time datetime=(meta.date) { (meta.date) } "." }
                        @for note in &meta.notes {
                            p class="finding sev-error" tabindex="-1" {
                                span class="sev" { span aria-hidden="true" { "✖ " } "error" } " " (note)
                            }
                        }
                    }
                    (body)
                }
                script { (PreEscaped(JS)) }
            }
        }
    }
}

/// The bar of buttons for moving between findings; the script shows it.
fn toolbar() -> Markup {
    html! {
        nav class="chrome toolbar" aria-label="Findings" {
            button type="button" data-go="-1" { "↑ Previous finding " kbd { "p" } }
            button type="button" data-go="1" { "↓ Next finding " kbd { "n" } }
            span class="position" aria-live="polite" {}
        }
    }
}

/// Share of words in a state, as a whole percent for the bar.
fn percent(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

fn progress(s: &Summary) -> Markup {
    let total = s.total_words();
    let label: Vec<String> = STATES
        .iter()
        .zip(s.words)
        .filter(|(_, w)| *w > 0)
        .map(|(state, w)| format!("{} {}%", state.as_str(), percent(w, total)))
        .collect();
    html! {
        div class="bar" role="img" aria-label=(label.join(", ")) {
            @for (state, w) in STATES.iter().zip(s.words) {
                @if w > 0 {
                    span class={"part s-" (state.as_str())}
                        style={"width:" (percent(w, total)) "%"}
                        title={(state.as_str()) ": " (w) " words"} {}
                }
            }
        }
        div class="legend" aria-hidden="true" {
            @for (state, w) in STATES.iter().zip(s.words) {
                @if w > 0 {
                    span class={"key s-" (state.as_str())} {
                        (state_symbol(*state)) " " (state.as_str()) " " (percent(w, total)) "%"
                    }
                    " "
                }
            }
        }
    }
}

/// The overview's columns: heading, and whether it sorts as a number.
/// Each cell has the class `c-` and the heading in lower case, which the
/// narrow-screen and print layouts place.
const COLUMNS: [(&str, bool); 10] = [
    ("Article", false),
    ("Kind", false),
    ("Segments", true),
    ("Words", true),
    ("Progress", true),
    ("Errors", true),
    ("Warnings", true),
    ("Waived", true),
    ("Translators", false),
    ("Reviewers", false),
];

/// The first page: every article at a glance, sortable by any column.
pub fn index(summaries: &[Summary], links: Links) -> Markup {
    let (errors, warnings, waived) = summaries.iter().fold((0, 0, 0), |(e, w, v), s| {
        (e + s.errors, w + s.warnings, v + s.waived)
    });
    html! {
        section class="index" aria-labelledby="index-title" {
            h2 id="index-title" { "The issue at a glance" }
            p class="totals" {
                (summaries.len()) @if summaries.len() == 1 { " article · " } @else { " articles · " }
                span class="sev-error" { span aria-hidden="true" { "✖ " } (count(errors, "error")) } " · "
                span class="sev-warning" { span aria-hidden="true" { "▲ " } (count(warnings, "warning")) } " · "
                (waived) " waived"
            }
            p class="hint chrome" { "Sort by clicking a column heading. Keys: "
                kbd { "n" } "/" kbd { "j" } " next finding, " kbd { "p" } "/" kbd { "k" } " previous." }
            div class="scroll" {
                table class="sortable overview" {
                    thead { tr {
                        @for (name, numeric) in COLUMNS {
                            th scope="col" class={"c-" (name.to_lowercase())} data-numeric=[numeric.then_some("1")] {
                                button type="button" { (name) }
                            }
                        }
                    } }
                    tbody {
                        @for s in summaries {
                            @let done = s.words[2] + s.words[3];
                            tr class=[s.unreadable.then_some("unreadable")] {
                                th scope="row" class="c-article" data-sort=(s.slug) {
                                    @match links {
                                        Links::Fragment => a href={"#" (article_anchor(&s.slug))} { (s.slug) },
                                        Links::Pages => a href=(page_href(&s.slug)) { (s.slug) },
                                    }
                                }
                                td class="c-kind" data-label="Kind" { @if s.unreadable { "unreadable" } @else { (s.kind) } }
                                td class="num c-segments" data-label="Segments" data-sort=(s.segments) { (s.segments) }
                                td class="num c-words" data-label="Words" data-sort=(s.total_words()) { (s.total_words()) }
                                td class="progress c-progress" data-sort=(percent(done, s.total_words())) { (progress(s)) }
                                td class={"num c-errors" @if s.errors > 0 { " sev-error" }} data-label="Errors" data-sort=(s.errors) {
                                    @if s.errors > 0 { span aria-hidden="true" { "✖ " } } (s.errors)
                                }
                                td class={"num c-warnings" @if s.warnings > 0 { " sev-warning" }} data-label="Warnings" data-sort=(s.warnings) {
                                    @if s.warnings > 0 { span aria-hidden="true" { "▲ " } } (s.warnings)
                                }
                                td class="num c-waived" data-label="Waived" data-sort=(s.waived) { (s.waived) }
                                td class="c-translators" data-label="Translators" { (s.translators.join(", ")) }
                                td class="c-reviewers" data-label="Reviewers" { (s.reviewers.join(", ")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn badge(state: State, edited: bool) -> Markup {
    html! {
        span class={"badge s-" (state.as_str())} {
            span aria-hidden="true" { (state_symbol(state)) " " } (state.as_str())
        }
        @if edited {
            " "
            span class="badge s-edited" title="the Swedish changed after review" {
                span aria-hidden="true" { "✱ " } "edited"
            }
        }
    }
}

/// `f-SLUG-3`: apart from the rows' `SLUG-ID` and the articles' `a-SLUG`
/// in a file of many articles.
fn finding_id(slug: &str, k: usize) -> String {
    format!("f-{slug}-{k}")
}

fn text(rich: &Rich, slug: &str, findings: &[FindingView]) -> Markup {
    html! {
        @for piece in &rich.pieces {
            @let inner = html! {
                @match piece.mark {
                    Some(k) => {
                        @let f = &findings[k];
                        mark class={"sev-" (f.severity.as_str()) @if f.waived.is_some() { " waived" }}
                            data-finding=(finding_id(slug, k))
                            title={(f.rule) ": " (f.message)} { (piece.text) }
                    }
                    None => (piece.text),
                }
            };
            @match piece.term.and_then(|t| rich.terms.get(t)) {
                Some(term) => span class={"term" @if term.avoid { " avoid" }} tabindex="0"
                    data-tip=(term.tip) { (inner) },
                None => (inner),
            }
        }
    }
}

fn finding(slug: &str, k: usize, f: &FindingView, next: Option<usize>) -> Markup {
    let sev = f.severity.as_str();
    html! {
        li class={"finding sev-" (sev) @if f.waived.is_some() { " waived" }}
            id=(finding_id(slug, k)) tabindex="-1" {
            span class="sev" {
                span aria-hidden="true" { (severity_symbol(f.severity)) " " }
                @if f.waived.is_some() { "waived " } (sev)
            }
            " " code class="rule" { (f.rule) } " "
            span class="message" { (f.message) }
            " " span class="loc" { (f.location) }
            @if let Some(w) = &f.waived {
                span class="waiver" { "Waived by " (w.by) " on " (w.at) ": " q { (w.reason) } }
            }
            @if let Some(n) = next {
                " " a class="next chrome" href={"#" (finding_id(slug, n))} { "next ↓" }
            }
        }
    }
}

fn findings_list(slug: &str, ks: &[usize], view: &ArticleView, next: &[Option<usize>]) -> Markup {
    html! {
        @if !ks.is_empty() {
            ul class="findings" {
                @for &k in ks { (finding(slug, k, &view.findings[k], next[k])) }
            }
        }
    }
}

fn who(seg: &SegView) -> Markup {
    html! {
        @if let Some(by) = &seg.by {
            span class="who" { (by) @if let Some(at) = &seg.at { ", " time datetime=(at) { (at) } } }
        }
    }
}

fn row(view: &ArticleView, row: &RowView, next: &[Option<usize>]) -> Markup {
    let slug = &view.summary.slug;
    let span = row.segments.len().max(1);
    let sv_cell = html! {
        td class="sv" lang="sv" rowspan=[(span > 1).then_some(span)] {
            @match &row.sv {
                Some(rich) => {
                    @if span > 1 {
                        span class="covers" { "one Swedish paragraph for "
                            (row.segments.first().map_or("", |s| s.id.as_str())) "–"
                            (row.segments.last().map_or("", |s| s.id.as_str())) }
                    }
                    div class="text" { (text(rich, slug, &view.findings)) }
                }
                None => span class="placeholder" { span aria-hidden="true" { "○ " } "missing: no Swedish" },
            }
        }
    };
    html! {
        @if row.segments.is_empty() {
            tr class="extra" {
                th scope="row" class="seg" {
                    span class="role" { "extra" }
                    @if let Some((a, b)) = row.sv_lines {
                        " " span class="id" { "sv " (a) @if b != a { "–" (b) } }
                    }
                    " " span class="badge s-extra" { span aria-hidden="true" { "+ " } "no Finnish" }
                }
                td class="fi placeholder" lang="fi" { "— (Swedish only)" }
                (sv_cell)
                td class="notes" { (findings_list(slug, &row.extra_findings, view, next)) }
            }
        }
        @for (j, seg) in row.segments.iter().enumerate() {
            tr id={(slug) "-" (seg.id)} class={"s-" (seg.state.as_str()) @if span > 1 { " merged" }} {
                th scope="row" class="seg" {
                    span class="role" { (seg.role) } " " span class="id" { (seg.id) " · " (seg.n) }
                    " " (badge(seg.state, seg.edited)) " " (who(seg))
                }
                td class="fi" lang="fi" {
                    div class="text" { (text(&seg.fi, slug, &view.findings)) }
                    @if let Some(changes) = &seg.diff {
                        div class="diff" {
                            span class="diff-label" { "Finnish since it was marked:" } " "
                            @for c in changes {
                                @match c.op {
                                    Op::Equal => span { (c.text) },
                                    Op::Delete => del { (c.text) },
                                    Op::Insert => ins { (c.text) },
                                }
                                " "
                            }
                        }
                    }
                }
                @if j == 0 { (sv_cell) }
                td class="notes" { (findings_list(slug, &seg.findings, view, next)) }
            }
        }
    }
}

/// For each finding, the next one in page order (the links that move
/// between findings with scripts off).
fn next_links(view: &ArticleView) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = view.general.clone();
    for row in &view.rows {
        order.extend(&row.extra_findings);
        for seg in &row.segments {
            order.extend(&seg.findings);
        }
    }
    let mut next = vec![None; view.findings.len()];
    for w in order.windows(2) {
        next[w[0]] = Some(w[1]);
    }
    next
}

/// One article: its head, article-wide findings and the aligned rows.
pub fn article(view: &ArticleView, links: Links) -> Markup {
    let s = &view.summary;
    let next = next_links(view);
    html! {
        section class="article" id=(article_anchor(&s.slug)) aria-labelledby={(article_anchor(&s.slug)) "-h"} {
            h2 id={(article_anchor(&s.slug)) "-h"} {
                (s.slug) @if !s.kind.is_empty() { " " small { (s.kind) } }
            }
            p class="meta" {
                @if links == Links::Pages { span class="chrome" { a href="index.html" { "← all articles" } " · " } }
                @if links == Links::Fragment { span class="chrome" { a href="#index-title" { "↑ all articles" } " · " } }
                (count(s.segments, "segment")) ", " (count(s.total_words(), "Finnish word")) " · "
                span class=[(s.errors > 0).then_some("sev-error")] { (count(s.errors, "error")) } ", "
                span class=[(s.warnings > 0).then_some("sev-warning")] { (count(s.warnings, "warning")) } ", "
                (s.waived) " waived"
                @if !s.translators.is_empty() { " · translated by " (s.translators.join(", ")) }
                @if !s.reviewers.is_empty() { " · reviewed by " (s.reviewers.join(", ")) }
            }
            @if s.total_words() > 0 { div class="article-progress" { (progress(s)) } }
            (findings_list(&s.slug, &view.general, view, &next))
            @if !view.rows.is_empty() {
                table class="pairs" {
                    thead { tr {
                        th scope="col" class="seg" { "Segment" }
                        th scope="col" { "Finnish " span class="file" { (view.fi_file) } }
                        th scope="col" { "Swedish " span class="file" { (view.sv_file) } }
                        th scope="col" class="notes" { "Findings" }
                    } }
                    tbody { @for r in &view.rows { (row(view, r, &next)) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_meet_wcag_aa_on_their_backgrounds() {
        // (text, background) pairs of the stylesheet: findings, badges,
        // marks, muted text.
        let pairs = [
            ("#7a4a00", "#fff3d6"),
            ("#a3001b", "#fde7ea"),
            ("#555", "#fff3d6"),
            ("#555", "#fde7ea"),
            ("#555", "#f4f4f4"),
            ("#6b5300", "#fff8dc"),
            ("#0b4f9c", "#eaf2fd"),
            ("#1b5e20", "#e8f5e9"),
            ("#5a5a5a", "#fff"),
            ("#1b1b1b", "#ffe9a8"),
            ("#1b1b1b", "#ffd1d8"),
            ("#0b4f9c", "#fff3d6"),
        ];
        let full = |c: &str| {
            if c.len() == 4 {
                c.chars().skip(1).fold("#".to_string(), |mut s, ch| {
                    s.push(ch);
                    s.push(ch);
                    s
                })
            } else {
                c.to_string()
            }
        };
        for (fg, bg) in pairs {
            assert!(
                CSS.contains(fg) && CSS.contains(bg),
                "{fg} on {bg} is not in the CSS any more"
            );
            let ratio = contrast(&full(fg), &full(bg));
            assert!(ratio >= 4.5, "{fg} on {bg}: {ratio:.1}:1");
        }
        // A pale grey on white would not do.
        assert!(contrast("#999999", "#ffffff") < 4.5);
    }

    #[test]
    fn page_links_are_percent_encoded_only_where_needed() {
        assert_eq!(page_href("kirjasto-2024"), "kirjasto-2024.html");
        assert_eq!(page_href("Uusi juttu#2"), "Uusi%20juttu%232.html");
        assert_eq!(page_href("ä"), "%C3%A4.html");
    }
}
