//! Three-way merge of `status.toml`, per segment: what the git merge driver
//! `tolk merge-status %O %A %B` does.
//!
//! Each segment's record (the keys tolk writes) is merged on its own: a
//! record changed on one branch only is taken from that branch; the same
//! record changed differently on both is resolved by the later one, and the
//! other is kept as a comment above the winner's table, so nothing recorded
//! is lost. Everything else in the file (comments, unknown keys, layout)
//! comes from ours (`%A`), the branch being merged into.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::Serialize;
use toml_edit::{DocumentMut, Item, Table};

use crate::status::{TOLK_KEYS, conflict_marker};

/// A segment both branches changed, and how it was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    pub segment: String,
    /// `ours` or `theirs`.
    pub kept: &'static str,
    /// Why: `later`, `reviewed` or `ours`.
    pub reason: &'static str,
}

/// The merged file, and the segments that both branches changed.
#[derive(Debug)]
pub struct Merged {
    pub text: String,
    pub resolved: Vec<Resolved>,
}

/// A segment's record as tolk sees it: its keys and their values as text.
/// `None` for no table or a table without tolk's keys (not marked).
type Record = Option<BTreeMap<&'static str, String>>;

fn record(doc: &DocumentMut, id: &str) -> Record {
    let table = doc
        .get("segments")?
        .as_table_like()?
        .get(id)?
        .as_table_like()?;
    let fields: BTreeMap<&'static str, String> = TOLK_KEYS
        .iter()
        .filter_map(|&key| {
            let value = table.get(key)?.as_value()?;
            let text = match value.as_str() {
                Some(s) => s.to_string(),
                None => value.to_string().trim().to_string(),
            };
            Some((key, text))
        })
        .collect();
    (!fields.is_empty()).then_some(fields)
}

fn parse(text: &str, which: &str) -> Result<DocumentMut> {
    if let Some(line) = conflict_marker(text) {
        anyhow::bail!("{which} has conflict markers at line {line}");
    }
    text.parse::<DocumentMut>()
        .map_err(|err| anyhow::anyhow!("{which} is not valid TOML: {}", err.message().trim()))
}

fn segment_ids(doc: &DocumentMut) -> Vec<String> {
    doc.get("segments")
        .and_then(Item::as_table_like)
        .map(|t| t.iter().map(|(id, _)| id.to_string()).collect())
        .unwrap_or_default()
}

fn segment_table(doc: &DocumentMut, id: &str) -> Option<Table> {
    match doc.get("segments")?.get(id)? {
        Item::Table(t) => Some(t.clone()),
        Item::Value(v) => v.as_inline_table().map(|t| t.clone().into_table()),
        _ => None,
    }
}

/// Which record came later: the later `at`; on the same date a review
/// (it follows the translation); otherwise ours, the branch merged into.
/// Both records are kept either way, the loser as a comment.
fn later(ours: &Record, theirs: &Record) -> (&'static str, &'static str) {
    let key = |r: &Record| {
        r.as_ref().map(|f| {
            (
                f.get("at").cloned().unwrap_or_default(),
                f.get("state").is_some_and(|s| s == "reviewed"),
            )
        })
    };
    match (key(ours), key(theirs)) {
        // A record beats a removal: removing a record is never the later
        // decision to keep.
        (None, Some(_)) => ("theirs", "later"),
        (Some(_), None) | (None, None) => ("ours", "later"),
        (Some((a, ar)), Some((b, br))) => {
            if b > a {
                ("theirs", "later")
            } else if a > b {
                ("ours", "later")
            } else if br && !ar {
                ("theirs", "reviewed")
            } else if ar && !br {
                ("ours", "reviewed")
            } else {
                ("ours", "ours")
            }
        }
    }
}

/// The losing record as comment lines, one key a line, strings escaped so
/// each stays on one line.
fn as_comment(record: &Record, branch: &str) -> String {
    let mut out = format!("# tolk merge-status: {branch} recorded ");
    match record {
        None => out.push_str("no record for this segment\n"),
        Some(fields) => {
            out.push_str("instead:\n");
            for key in TOLK_KEYS {
                if let Some(value) = fields.get(key) {
                    let quoted = serde_json::to_string(value).unwrap_or_default();
                    out.push_str(&format!("#   {key} = {quoted}\n"));
                }
            }
        }
    }
    out
}

/// Merges `theirs` into `ours` with `base` as the common ancestor.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged> {
    let base_doc = parse(base, "the common ancestor (%O)")?;
    let ours_doc = parse(ours, "ours (%A)")?;
    let theirs_doc = parse(theirs, "theirs (%B)")?;
    let mut result = ours_doc.clone();
    let mut resolved = Vec::new();

    let mut ids = segment_ids(&ours_doc);
    for id in segment_ids(&theirs_doc)
        .into_iter()
        .chain(segment_ids(&base_doc))
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    for id in ids.clone() {
        let (o, a, b) = (
            record(&base_doc, &id),
            record(&ours_doc, &id),
            record(&theirs_doc, &id),
        );
        let take_theirs = if a == b {
            // Theirs may hold a placeholder table ours lacks.
            segment_table(&ours_doc, &id).is_none() && segment_table(&theirs_doc, &id).is_some()
        } else if a == o {
            true
        } else if b == o {
            false
        } else {
            let (kept, reason) = later(&a, &b);
            resolved.push(Resolved {
                segment: id.clone(),
                kept,
                reason,
            });
            let (table, loser, branch) = if kept == "theirs" {
                (segment_table(&theirs_doc, &id), &a, "ours (%A)")
            } else {
                (segment_table(&ours_doc, &id), &b, "theirs (%B)")
            };
            let mut table = table.unwrap_or_default();
            let prefix = table
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("\n")
                .to_string();
            table
                .decor_mut()
                .set_prefix(format!("{prefix}{}", as_comment(loser, branch)));
            put_table(&mut result, &ours_doc, &id, table);
            continue;
        };
        if take_theirs {
            match segment_table(&theirs_doc, &id) {
                Some(table) => put_table(&mut result, &ours_doc, &id, table),
                None => {
                    if let Some(segments) =
                        result.get_mut("segments").and_then(Item::as_table_like_mut)
                    {
                        segments.remove(&id);
                    }
                }
            }
        }
    }

    // Waivers (`[segments.ID.waived.RULE]`) are merged per rule, apart
    // from the record: a waiver given on one branch survives a mark on the
    // other.
    for id in &ids {
        merge_waivers(&mut result, [&base_doc, &ours_doc, &theirs_doc], id);
    }

    // The article's translator credit: one value, merged the same way.
    let credit = |doc: &DocumentMut| {
        doc.get("credit")
            .and_then(|c| c.get("translator"))
            .and_then(Item::as_str)
            .map(str::to_string)
    };
    let (o, a, b) = (credit(&base_doc), credit(&ours_doc), credit(&theirs_doc));
    if a == o
        && b != o
        && let Some(name) = b
    {
        let root = result.as_table_mut();
        if !root.contains_key("credit") {
            let mut table = Table::new();
            table.set_position(Some(-1));
            root.insert("credit", Item::Table(table));
        }
        if let Some(t) = root.get_mut("credit").and_then(Item::as_table_like_mut) {
            t.insert("translator", toml_edit::value(name));
        }
    }

    Ok(Merged {
        text: result.to_string(),
        resolved,
    })
}

/// A segment's waivers: rule → (its fields as text, its table).
fn waivers(doc: &DocumentMut, id: &str) -> BTreeMap<String, (String, Table)> {
    let Some(waived) = segment_table(doc, id).and_then(|t| t.get("waived").cloned()) else {
        return BTreeMap::new();
    };
    let Some(waived) = waived.as_table_like() else {
        return BTreeMap::new();
    };
    waived
        .iter()
        .filter_map(|(rule, item)| {
            let table = match item {
                Item::Table(t) => t.clone(),
                Item::Value(v) => v.as_inline_table()?.clone().into_table(),
                _ => return None,
            };
            let fields: Vec<String> = table
                .iter()
                .map(|(k, v)| format!("{k}={}", v.to_string().trim()))
                .collect();
            Some((rule.to_string(), (fields.join("\n"), table)))
        })
        .collect()
}

/// Three-way merge of segment `id`'s waivers into `result`: per rule, the
/// side that changed it; both changed, the later `at` (ties: ours).
fn merge_waivers(result: &mut DocumentMut, [base, ours, theirs]: [&DocumentMut; 3], id: &str) {
    let (o, a, b) = (waivers(base, id), waivers(ours, id), waivers(theirs, id));
    let mut rules: Vec<&String> = a.keys().chain(b.keys()).chain(o.keys()).collect();
    rules.sort();
    rules.dedup();
    let text = |m: &BTreeMap<String, (String, Table)>, r: &str| m.get(r).map(|(t, _)| t.clone());
    let at = |m: &BTreeMap<String, (String, Table)>, r: &str| {
        m.get(r)
            .and_then(|(_, t)| t.get("at"))
            .map(|v| v.to_string().trim().trim_matches('"').to_string())
    };
    let mut merged: Vec<(String, Table)> = Vec::new();
    for rule in rules {
        let (to, ta, tb) = (text(&o, rule), text(&a, rule), text(&b, rule));
        let both = ta != tb && ta != to && tb != to;
        let from_theirs = if ta == tb || tb == to {
            false
        } else if ta == to {
            true
        } else {
            // Both changed: a waiver beats a removal, then the later one.
            ta.is_none() || (tb.is_some() && at(&b, rule) > at(&a, rule))
        };
        let (side, other, branch) = if from_theirs {
            (&b, &a, "ours (%A)")
        } else {
            (&a, &b, "theirs (%B)")
        };
        if let Some((_, table)) = side.get(rule) {
            let mut table = table.clone();
            // Both branches waived it differently: the other waiver is
            // kept as a comment above the one kept, as records are.
            if both && let Some((_, lost)) = other.get(rule) {
                let mut comment = format!("# tolk merge-status: {branch} waived it instead:\n");
                for (key, value) in lost.iter() {
                    let shown = match value.as_str() {
                        Some(s) => serde_json::to_string(s).unwrap_or_default(),
                        None => value.to_string().trim().to_string(),
                    };
                    comment.push_str(&format!("#   {key} = {shown}\n"));
                }
                let prefix = table
                    .decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("\n")
                    .to_string();
                table.decor_mut().set_prefix(format!("{prefix}{comment}"));
            }
            merged.push((rule.clone(), table));
        }
    }
    let now = waivers(result, id);
    let same = now.len() == merged.len()
        && merged.iter().all(|(rule, t)| {
            now.get(rule)
                .is_some_and(|(_, n)| n.to_string() == t.to_string())
        });
    if same {
        return;
    }
    let Some(segment) = result
        .get_mut("segments")
        .and_then(|s| s.get_mut(id))
        .and_then(Item::as_table_mut)
    else {
        // Ours removed the segment's table: the waivers go where it was.
        let mut table = Table::new();
        table.decor_mut().set_prefix("\n");
        put_table(result, ours, id, table);
        return merge_waivers(result, [base, ours, theirs], id);
    };
    segment.remove("waived");
    if merged.is_empty() {
        return;
    }
    let mut waived = Table::new();
    waived.set_implicit(true);
    for (rule, table) in merged {
        waived.insert(&rule, Item::Table(table));
    }
    segment.insert("waived", Item::Table(waived));
}

/// Puts `table` as segment `id` of `result`, where ours had it (or at the end).
fn put_table(result: &mut DocumentMut, ours: &DocumentMut, id: &str, mut table: Table) {
    let root = result.as_table_mut();
    if !root.contains_key("segments") {
        let mut segments = Table::new();
        segments.set_implicit(true);
        root.insert("segments", Item::Table(segments));
    }
    let position = segment_table(ours, id).and_then(|t| t.position());
    table.set_position(position);
    if let Some(segments) = root.get_mut("segments").and_then(Item::as_table_like_mut) {
        segments.insert(id, Item::Table(table));
    }
}

/// The merge driver: merges the three files and writes the result to
/// `ours`, as git expects.
pub fn merge_files(
    base: &std::path::Path,
    ours: &std::path::Path,
    theirs: &std::path::Path,
) -> Result<Merged> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).with_context(|| format!("could not read `{}`", p.display()))
    };
    let merged = merge(&read(base)?, &read(ours)?, &read(theirs)?)?;
    // Git's temporary file for %A: written in place, as git reads it back.
    std::fs::write(ours, &merged.text)
        .with_context(|| format!("could not write `{}`", ours.display()))?;
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "[credit]\ntranslator = \"P\"\n\n[segments.p1]\n\n[segments.p2]\n";

    fn marked(id: &str, by: &str, at: &str, state: &str) -> String {
        format!(
            "[segments.{id}]\nstate = \"{state}\"\nby = \"{by}\"\nat = \"{at}\"\nsource = \"Teksti.\"\n"
        )
    }

    #[test]
    fn disjoint_marks_both_survive() {
        let ours = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "A", "2026-11-01", "translated"),
        );
        let theirs = BASE.replace(
            "[segments.p2]\n",
            &marked("p2", "B", "2026-11-02", "translated"),
        );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.resolved.is_empty());
        assert!(m.text.contains("by = \"A\""), "{}", m.text);
        assert!(m.text.contains("by = \"B\""), "{}", m.text);
        assert!(m.text.find("segments.p1").unwrap() < m.text.find("segments.p2").unwrap());
    }

    #[test]
    fn same_segment_later_record_wins_and_the_other_is_a_comment() {
        let ours = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "A", "2026-11-01", "translated"),
        );
        let theirs = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "B", "2026-11-03", "translated"),
        );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!(m.resolved[0].kept, "theirs");
        assert!(m.text.contains("by = \"B\""), "{}", m.text);
        assert!(m.text.contains("#   by = \"A\""), "{}", m.text);
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert_eq!(record(&status, "p1").unwrap()["by"], "B");
        // Symmetric: merging the other way keeps the same record.
        let back = merge(BASE, &theirs, &ours).unwrap();
        assert_eq!(back.resolved[0].kept, "ours");
        assert!(back.text.contains("#   by = \"A\""), "{}", back.text);
    }

    #[test]
    fn same_date_review_beats_translation_then_ours() {
        let ours = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "A", "2026-11-01", "translated"),
        );
        let theirs = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "R", "2026-11-01", "reviewed"),
        );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!(
            (m.resolved[0].kept, m.resolved[0].reason),
            ("theirs", "reviewed")
        );
        let theirs = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "B", "2026-11-01", "translated"),
        );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!((m.resolved[0].kept, m.resolved[0].reason), ("ours", "ours"));
        assert!(m.text.contains("#   by = \"B\""), "{}", m.text);
    }

    fn waiver(id: &str, rule: &str, by: &str, at: &str) -> String {
        format!(
            "\n[segments.{id}.waived.{rule}]\nreason = \"r\"\nby = \"{by}\"\nat = \"{at}\"\n\
             fi_hash = \"1\"\nsv_hash = \"2\"\n"
        )
    }

    #[test]
    fn a_waiver_on_one_branch_survives_a_mark_on_the_other() {
        // Ours marks p1; theirs accepts a finding on p1.
        let ours = BASE.replace(
            "[segments.p1]\n",
            &marked("p1", "A", "2026-11-01", "translated"),
        );
        let theirs = BASE.replace(
            "[segments.p2]\n",
            &format!(
                "{}\n[segments.p2]\n",
                waiver("p1", "number", "E", "2026-11-02")
            ),
        );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.resolved.is_empty(), "{:?}", m.resolved);
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert_eq!(record(&status, "p1").unwrap()["by"], "A", "{}", m.text);
        assert_eq!(waivers(&status, "p1").len(), 1, "{}", m.text);
        // And the other way round.
        let m = merge(BASE, &theirs, &ours).unwrap();
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert_eq!(record(&status, "p1").unwrap()["by"], "A", "{}", m.text);
        assert_eq!(waivers(&status, "p1").len(), 1, "{}", m.text);
        // Waivers of different rules on both branches: both kept.
        let ours = format!("{BASE}{}", waiver("p2", "number", "E", "2026-11-02"));
        let theirs = format!("{BASE}{}", waiver("p2", "copy", "F", "2026-11-03"));
        let m = merge(BASE, &ours, &theirs).unwrap();
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert_eq!(waivers(&status, "p2").len(), 2, "{}", m.text);
        // The same rule on both: the later one.
        let theirs = format!("{BASE}{}", waiver("p2", "number", "F", "2026-11-03"));
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.text.contains("\nby = \"F\""), "{}", m.text);
        assert!(!m.text.contains("\nby = \"E\""), "{}", m.text);
        // The other is kept as a comment.
        assert!(m.text.contains("#   by = \"E\""), "{}", m.text);
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert_eq!(waivers(&status, "p2").len(), 1, "{}", m.text);
        // Removed on one branch, untouched on the other: removed.
        let m = merge(&ours, BASE, &ours).unwrap();
        let status = m.text.parse::<DocumentMut>().unwrap();
        assert!(waivers(&status, "p2").is_empty(), "{}", m.text);
    }

    #[test]
    fn credit_changed_on_their_side_is_taken() {
        let theirs = BASE.replace("\"P\"", "\"Q\"");
        let m = merge(BASE, BASE, &theirs).unwrap();
        assert!(m.text.contains("translator = \"Q\""), "{}", m.text);
    }

    #[test]
    fn conflict_markers_are_refused() {
        let err = merge(BASE, "<<<<<<< HEAD\n", BASE).unwrap_err();
        assert!(err.to_string().contains("conflict markers"), "{err}");
    }
}
