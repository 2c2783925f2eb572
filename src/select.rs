//! Which segments (and which article) a command means: the one place that
//! reads what people type after `tolk mark`, `tolk diff` and `tolk accept`.
//!
//! A segment is named by its id in any letter case (`P1` is `p1`), by the
//! `n` number every table starts with (`3`), or by a range of either
//! (`3-7`, `q1-a3`); a state (`--stale`, `--state draft`) selects every
//! segment in it, or narrows the named ones to it. A name that matches
//! nothing is refused with what was probably meant (`did you mean
//! `title`?`), never guessed: a command that writes must not write to the
//! wrong segment.

use anyhow::Result;

use crate::article::{Article, State};
use crate::repo::{self, Repo};
use crate::segment::Segment;

/// The segments `specs` and `states` select, as ids in reading order, each
/// once.
///
/// With `specs`, the segments they name (every one must exist), kept only
/// when in one of `states` (if any); without, every segment in one of
/// `states`. With neither, no segment: the command decides what that means.
///
/// The error says which names matched nothing and what they were probably
/// meant to be; it does not end in a full stop, so commands can add what
/// they did not do.
pub fn segments(article: &Article, specs: &[String], states: &[State]) -> Result<Vec<String>> {
    let segs = &article.fi.segments;
    let mut chosen = vec![false; segs.len()];
    if specs.is_empty() {
        chosen.fill(!states.is_empty());
    } else {
        let mut unknown = Vec::new();
        for spec in specs {
            match resolve(segs, spec) {
                Ok(range) => chosen[range].fill(true),
                Err(why) => unknown.push(why),
            }
        }
        if !unknown.is_empty() {
            anyhow::bail!(
                "no segment {} in `{}` ({})",
                unknown.join(", "),
                article.fi_file,
                known(segs)
            );
        }
    }
    if !states.is_empty() {
        for (i, pair) in article.pairs().iter().enumerate() {
            if !states.contains(&pair.state) {
                chosen[i] = false;
            }
        }
    }
    Ok(segs
        .iter()
        .zip(chosen)
        .filter(|(_, on)| *on)
        .map(|(s, _)| s.id.clone())
        .collect())
}

/// The one segment `spec` names (an id in any case, or an `n` number), for
/// commands that take one.
pub fn one(article: &Article, spec: &str) -> Result<String> {
    let segs = &article.fi.segments;
    match resolve(segs, spec) {
        Ok(range) if range.len() == 1 => Ok(segs[range.start].id.clone()),
        Ok(range) => anyhow::bail!(
            "`{spec}` names {} segments ({}–{}); name one",
            range.len(),
            segs[range.start].id,
            segs[range.end - 1].id
        ),
        Err(why) => anyhow::bail!(
            "no segment {why} in `{}` ({})",
            article.fi_file,
            known(segs)
        ),
    }
}

/// What the segments are called, for an error: their ids, and their
/// numbers.
fn known(segs: &[Segment]) -> String {
    if segs.is_empty() {
        return "it has no segments".to_string();
    }
    let ids: Vec<&str> = segs.iter().map(|s| s.id.as_str()).collect();
    format!(
        "its ids: {}; or their numbers 1–{}, see `tolk segments`",
        ids.join(" "),
        segs.len()
    )
}

/// The indexes `spec` names: one segment, or a range `A-B` of ids or
/// numbers. The error is the spec, quoted, with a hint.
fn resolve(segs: &[Segment], spec: &str) -> Result<std::ops::Range<usize>, String> {
    let spec = spec.trim();
    if let Some((from, to)) = spec.split_once(['-', '–']) {
        if from.trim().is_empty() || to.trim().is_empty() {
            return Err(format!("`{spec}` (a range needs both ends: `3-7`)"));
        }
        let (a, b) = (single(segs, from.trim())?, single(segs, to.trim())?);
        if a > b {
            return Err(format!(
                "`{spec}` (a range runs forwards: `{}-{}`)",
                to.trim(),
                from.trim()
            ));
        }
        return Ok(a..b + 1);
    }
    single(segs, spec).map(|i| i..i + 1)
}

/// The index of the segment `spec` names: an id in any letter case, or a
/// number from the `n` column.
fn single(segs: &[Segment], spec: &str) -> Result<usize, String> {
    let lower = spec.to_lowercase();
    if let Some(i) = segs.iter().position(|s| s.id == lower) {
        return Ok(i);
    }
    if !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit()) {
        return match lower.parse::<usize>() {
            Ok(n) if (1..=segs.len()).contains(&n) => Ok(n - 1),
            _ => Err(format!(
                "`{spec}` (the segments are numbered 1–{})",
                segs.len()
            )),
        };
    }
    Err(match hint(segs, &lower) {
        Some(hint) => format!("`{spec}` ({hint})"),
        None => format!("`{spec}`"),
    })
}

/// What an id that matches nothing was probably meant to be: past the last
/// of its kind (`q9` when the questions end at `q6`), or a misspelling of
/// an id (`tilte`).
fn hint(segs: &[Segment], lower: &str) -> Option<String> {
    let digits = lower.len() - lower.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let class = &lower[..lower.len() - digits];
    if digits > 0 {
        let last = segs
            .iter()
            .rev()
            .find(|s| s.id.strip_prefix(class).is_some_and(is_number));
        if let Some(last) = last {
            return Some(format!("the last is `{}`", last.id));
        }
    }
    // Ids are short: one edit in a short id, two in a longer one.
    let limit = if lower.chars().count() <= 4 { 1 } else { 2 };
    segs.iter()
        .map(|s| (strsim::damerau_levenshtein(lower, &s.id), &s.id))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| format!("did you mean `{id}`?"))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Refuses a slug that names no article, saying which existing article was
/// probably meant (`hyvinvointikordinaattori`, `Kirjasto`). Nothing is
/// suggested when no slug is close.
pub fn require_article(repo: &Repo, slug: &str) -> Result<()> {
    if repo::valid_slug(slug) && repo.article_dir(slug).is_dir() {
        return Ok(());
    }
    let slugs = repo.slugs().unwrap_or_default();
    if let Some(best) = closest_slug(slug, &slugs) {
        anyhow::bail!(
            "no article `{slug}`; did you mean `{best}`? (see `tolk status` for the articles)"
        );
    }
    repo.require_article(slug)?;
    Ok(())
}

/// The existing slug `slug` most probably misspells, if one is close.
pub fn closest_slug<'a>(slug: &str, slugs: &'a [String]) -> Option<&'a str> {
    // `Kirjasto`, `Äiti ja lapsi`: the slug the name reads as.
    let wanted = repo::suggest_slug(slug).unwrap_or_else(|| slug.to_lowercase());
    slugs
        .iter()
        .map(|s| (strsim::jaro_winkler(&wanted, s), s.as_str()))
        .filter(|(score, _)| *score >= 0.88)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article::from_texts(
            "a",
            "Otsikko\n\nEka.\n\nToka.\n\nKysymys?\n\n– Vastaus.\n",
            Some("Rubrik\n\nFörsta.\n\nAndra.\n\nFråga?\n\n– Svar.\n"),
        )
    }

    fn ids(specs: &[&str], states: &[State]) -> Result<Vec<String>> {
        let specs: Vec<String> = specs.iter().map(|s| s.to_string()).collect();
        segments(&article(), &specs, states)
    }

    #[test]
    fn ids_in_any_case_numbers_and_ranges() {
        assert_eq!(ids(&["P1", "TITLE"], &[]).unwrap(), ["title", "p1"]);
        assert_eq!(ids(&["2"], &[]).unwrap(), ["p1"]);
        assert_eq!(ids(&["2-4"], &[]).unwrap(), ["p1", "p2", "q1"]);
        assert_eq!(ids(&["p2-a1", "3"], &[]).unwrap(), ["p2", "q1", "a1"]);
    }

    #[test]
    fn states_select_or_narrow() {
        assert_eq!(ids(&[], &[State::Draft]).unwrap().len(), 5);
        assert!(ids(&[], &[State::Stale]).unwrap().is_empty());
        assert!(ids(&["p1"], &[State::Reviewed]).unwrap().is_empty());
        assert!(ids(&[], &[]).unwrap().is_empty());
    }

    #[test]
    fn what_matches_nothing_is_refused_with_a_hint() {
        let err = ids(&["tilte", "q9", "9", "4-2", "zz"], &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("`tilte` (did you mean `title`?)"), "{err}");
        assert!(err.contains("`q9` (the last is `q1`)"), "{err}");
        assert!(err.contains("`9` (the segments are numbered 1–5)"), "{err}");
        assert!(
            err.contains("`4-2` (a range runs forwards: `2-4`)"),
            "{err}"
        );
        assert!(err.contains("`zz`,") || err.contains("`zz` in"), "{err}");
        let err = ids(&["3-"], &[]).unwrap_err().to_string();
        assert!(err.contains("`3-` (a range needs both ends"), "{err}");
    }

    #[test]
    fn one_segment_only() {
        assert_eq!(one(&article(), "Q1").unwrap(), "q1");
        assert_eq!(one(&article(), "5").unwrap(), "a1");
        assert!(one(&article(), "1-2").is_err());
    }

    #[test]
    fn a_misspelt_slug_finds_the_article() {
        let slugs = vec!["hyvinvointikoordinaattori".to_string(), "kirjasto".into()];
        assert_eq!(
            closest_slug("hyvinvointikordinaattori", &slugs),
            Some("hyvinvointikoordinaattori")
        );
        assert_eq!(closest_slug("Kirjasto", &slugs), Some("kirjasto"));
        assert_eq!(closest_slug("uimahalli", &slugs), None);
    }
}
