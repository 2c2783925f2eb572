//! The publish gate (`tolk check --publish`): the step between
//! "translated" and "printed". Every segment must be reviewed, the Swedish
//! unchanged since, and (unless the project says otherwise) reviewed by
//! somebody other than its translator. One finding per article names what
//! holds it back.

use crate::article::{Article, State};
use crate::checks::{Finding, Rule};
use crate::people::fold;
use crate::text::display_name;

/// How many segment ids a list names before `and N more`.
const SHOWN: usize = 12;

/// The gate's finding for `article`, or `None` when it may be published.
pub fn publish_gate(article: &Article, distinct_reviewer: bool) -> Option<Finding> {
    let pairs = article.pairs();
    // Not reviewed, by state; reviewed but edited since; reviewed by the
    // person who translated it (with the name).
    let mut unreviewed: Vec<(State, Vec<&str>)> = Vec::new();
    let mut edited = Vec::new();
    let mut same_person: Vec<(&str, String)> = Vec::new();
    let mut first = None;
    for pair in &pairs {
        let id = pair.fi.id.as_str();
        let held = if pair.state != State::Reviewed {
            match unreviewed.iter_mut().find(|(s, _)| *s == pair.state) {
                Some((_, ids)) => ids.push(id),
                None => unreviewed.push((pair.state, vec![id])),
            }
            true
        } else if pair.edited {
            edited.push(id);
            true
        } else if let Some(entry) = pair.entry.filter(|_| distinct_reviewer) {
            let translator = entry
                .translator
                .as_deref()
                .or(article.status.translator.as_deref());
            // One person however the name was typed: case, accents
            // (composed or not) and spacing do not make another.
            let same = translator.is_some_and(|t| fold(t) == fold(&entry.by));
            if same {
                same_person.push((id, display_name(&entry.by)));
            }
            same
        } else {
            false
        };
        if held && first.is_none() {
            first = Some(*pair);
        }
    }
    let first = first?;
    let held = unreviewed.iter().map(|(_, ids)| ids.len()).sum::<usize>()
        + edited.len()
        + same_person.len();
    let mut parts = Vec::new();
    if !unreviewed.is_empty() {
        let count: usize = unreviewed.iter().map(|(_, ids)| ids.len()).sum();
        let by_state: Vec<String> = unreviewed
            .iter()
            .map(|(state, ids)| format!("{} {}", state.as_str(), list(ids)))
            .collect();
        parts.push(format!("{count} not reviewed ({})", by_state.join("; ")));
    }
    if !edited.is_empty() {
        parts.push(format!(
            "{} changed after review ({})",
            edited.len(),
            list(&edited)
        ));
    }
    if !same_person.is_empty() {
        let named: Vec<String> = same_person
            .iter()
            .take(SHOWN)
            .map(|(id, name)| format!("{id} by {name}"))
            .collect();
        let more = same_person.len().saturating_sub(SHOWN);
        let more = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        parts.push(format!(
            "{} reviewed by their own translator ({}{more})",
            same_person.len(),
            named.join(", ")
        ));
    }
    let message = format!(
        "not ready to publish: {held} of {} segments held back: {}",
        pairs.len(),
        parts.join("; ")
    );
    // At the first segment held back: its Swedish when it has some.
    let (file, line) = match first.sv {
        Some(sv) => (article.sv_file.as_str(), sv.line),
        None => (article.fi_file.as_str(), first.fi.line),
    };
    Some(Finding::at_file(
        &article.slug,
        Rule::Publish,
        file,
        line,
        1,
        message,
    ))
}

/// `p1, p2, p3`, or the first [`SHOWN`] and `and N more`.
fn list(ids: &[&str]) -> String {
    let mut out = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        out.push_str(&format!(", and {} more", ids.len() - SHOWN));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{Entry, Stored};

    const FI: &str = "Otsikko\n\nEnsimmäinen kappale tässä.\n\nToinen kappale tässä.\n";
    const SV: &str = "Rubrik\n\nFörsta stycket här.\n\nAndra stycket här.\n";

    fn reviewed(article: &mut Article, id: &str, reviewer: &str, translator: &str) {
        let source = article
            .fi
            .segments
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .text
            .clone();
        article
            .status
            .set(
                id,
                Entry {
                    state: Stored::Reviewed,
                    by: reviewer.into(),
                    at: "2026-11-25".into(),
                    source,
                    translator: Some(translator.into()),
                    reviewed_text: None,
                },
            )
            .unwrap();
    }

    #[test]
    fn every_segment_reviewed_by_another_person_passes() {
        let mut article = Article::from_texts("x", FI, Some(SV));
        for id in ["title", "p1", "p2"] {
            reviewed(&mut article, id, "Eeva Editori", "Patricia Heikkilä");
        }
        assert_eq!(publish_gate(&article, true), None);
    }

    #[test]
    fn unreviewed_and_same_person_segments_are_named() {
        let mut article = Article::from_texts("x", FI, Some(SV));
        reviewed(&mut article, "title", "Eeva Editori", "Patricia Heikkilä");
        reviewed(
            &mut article,
            "p1",
            "patricia  heikkilä",
            "Patricia Heikkilä",
        );
        let f = publish_gate(&article, true).expect("held back");
        assert_eq!(f.rule, Rule::Publish);
        assert!(f.message.contains("2 of 3 segments"), "{}", f.message);
        assert!(
            f.message.contains("1 not reviewed (draft p2)"),
            "{}",
            f.message
        );
        assert!(
            f.message
                .contains("reviewed by their own translator (p1 by patricia heikkilä)"),
            "{}",
            f.message
        );
        assert_eq!(f.file, "articles/x/sv.txt");
        // Same-person review allowed by the project.
        let f = publish_gate(&article, false).expect("p2 still unreviewed");
        assert!(!f.message.contains("own translator"), "{}", f.message);
    }
}
