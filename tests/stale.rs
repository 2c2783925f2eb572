//! Stale segments and `tolk diff`: a translator's loop after the Finnish
//! changes.

mod common;

use common::{Repo, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

fn marked_seed() -> Repo {
    let repo = Repo::seed();
    repo.mark(
        SLUG,
        &["--all", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    repo
}

fn article_status(repo: &Repo) -> serde_json::Value {
    common::json(repo.tolk().args(["status", SLUG, "--format", "json"]))["articles"][0].clone()
}

fn stale_ids(repo: &Repo) -> Vec<String> {
    article_status(repo)["detail"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["state"] == "stale")
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

/// q2 gets a changed word; a6 is only re-wrapped.
fn edit_q2_and_rewrap_a6(repo: &Repo) {
    repo.edit(
        "fi.txt",
        "Kerro tarkemmin mitä tulet tekemään?",
        "Kerro tarkemmin mitä aiot tehdä?",
    );
    repo.edit(
        "fi.txt",
        "Pidimme ensimmäiset Järjestötreffit marraskuussa ja",
        "Pidimme  ensimmäiset\nJärjestötreffit\u{a0}marraskuussa ja",
    );
}

#[test]
fn changed_word_makes_exactly_that_segment_stale() {
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    assert_eq!(stale_ids(&repo), ["q2"]);
    assert_eq!(article_status(&repo)["stale"], 1);
}

#[test]
fn diff_json_has_old_and_new_words() {
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    let doc = common::json(repo.tolk().args(["diff", SLUG, "--format", "json"]));
    assert_eq!(doc["article"], SLUG);
    let segs = doc["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 1, "{doc}");
    let q2 = &segs[0];
    assert_eq!(q2["id"], "q2");
    assert_eq!(q2["by"], "Patricia Heikkilä");
    assert_eq!(q2["old"], "Kerro tarkemmin mitä tulet tekemään?");
    assert_eq!(q2["new"], "Kerro tarkemmin mitä aiot tehdä?");
    assert_eq!(q2["sv"], "Berätta lite mer om vad du ska göra?");
    let changes: Vec<(String, String)> = q2["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["op"].as_str().unwrap().into(),
                c["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = changes
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("equal", "Kerro tarkemmin mitä"),
            ("delete", "tulet tekemään?"),
            ("insert", "aiot tehdä?")
        ]
    );
}

#[test]
fn human_diff_without_colour_uses_word_diff_markers_and_shows_swedish() {
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    repo.tolk().args(["diff", SLUG]).assert().success().stdout(
        contains("[-tulet tekemään?-]{+aiot tehdä?+}")
            .and(contains("Berätta lite mer om vad du ska göra?"))
            .and(contains("translated by Patricia Heikkilä"))
            .and(contains("\x1b[").not()),
    );
    // NO_COLOR beats a forced terminal colour decision of `auto`.
    repo.tolk()
        .env("NO_COLOR", "1")
        .args(["diff", SLUG])
        .assert()
        .stdout(contains("[-tulet"));
}

#[test]
fn colour_always_paints_the_markers() {
    // The markers stay with colour: red and green alone are one colour to
    // many readers.
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    repo.tolk()
        .args(["diff", SLUG, "--color", "always"])
        .assert()
        .success()
        .stdout(contains("\x1b[31m[-tulet tekemään?-]\x1b[0m"));
}

#[test]
fn re_marking_clears_stale() {
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    repo.mark(
        SLUG,
        &["q2", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    assert!(stale_ids(&repo).is_empty());
    repo.tolk()
        .args(["diff", SLUG])
        .assert()
        .success()
        .stdout(contains("no stale segments"));
}

#[test]
fn changed_number_is_emphasised() {
    let repo = marked_seed();
    repo.edit("fi.txt", "vuoden 2023 alusta", "vuoden 2024 alusta");
    assert_eq!(stale_ids(&repo), ["p3"]);
    repo.tolk()
        .args(["diff", SLUG])
        .assert()
        .success()
        .stdout(contains("[-2023-]{+2024+}").and(contains("number changed: 2023 → 2024")));
    let doc = common::json(repo.tolk().args(["diff", SLUG, "--format", "json"]));
    assert_eq!(
        doc["segments"][0]["numbers"]["old"],
        serde_json::json!(["2023"])
    );
    assert_eq!(
        doc["segments"][0]["numbers"]["new"],
        serde_json::json!(["2024"])
    );
}

#[test]
fn old_number_the_swedish_still_says_is_named() {
    let repo = Repo::seed();
    repo.edit(
        "sv.txt",
        "bytte också i årsskiftet namn",
        "bytte också vid ingången av 2023 namn",
    );
    repo.mark(SLUG, &["p3", "--as", "translated", "--by", "P"]);
    repo.edit("fi.txt", "vuoden 2023 alusta", "vuoden 2024 alusta");
    repo.tolk()
        .args(["diff", SLUG])
        .assert()
        .stdout(contains("sv still says 2023"));
}

#[test]
fn diff_of_named_segments_explains_unchanged_and_unmarked() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["q1", "--as", "translated", "--by", "P"]);
    repo.tolk()
        .args(["diff", SLUG, "q1", "q2"])
        .assert()
        .success()
        .stdout(contains("q1: the Finnish is unchanged").and(contains("q2: draft: never marked")));
    repo.tolk()
        .args(["diff", SLUG, "q9"])
        .assert()
        .code(2)
        .stderr(contains("`q9`"));
}

#[test]
fn swedish_edited_after_review_shows_as_reviewed_star() {
    let repo = marked_seed();
    repo.mark(SLUG, &["q4", "--as", "reviewed", "--by", "Eeva Editor"]);
    repo.edit(
        "sv.txt",
        "Vilken roll har välfärdsutskottet",
        "Vilken uppgift har välfärdsutskottet",
    );
    let a = article_status(&repo);
    assert_eq!(a["edited"], 1);
    let q4 = a["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "q4")
        .unwrap()
        .clone();
    assert_eq!(q4["state"], "reviewed");
    assert_eq!(q4["edited"], true);
    repo.tolk()
        .args(["status", SLUG])
        .assert()
        .stdout(contains("reviewed*").and(contains("changed after review")));
    repo.tolk()
        .args(["diff", SLUG])
        .assert()
        .stdout(contains("Swedish changed after review").and(contains("[-roll-]{+uppgift+}")));
    // A translator editing a merely translated segment is not flagged.
    repo.edit("sv.txt", "Hur sker samarbetet", "Hur går samarbetet till");
    assert_eq!(article_status(&repo)["edited"], 1);
}

#[test]
fn side_by_side_shows_every_segment_with_state() {
    let repo = marked_seed();
    edit_q2_and_rewrap_a6(&repo);
    let out = common::stdout(repo.tolk().args(["diff", SLUG, "--all"]));
    assert!(out.contains("Finnish") && out.contains("Swedish"), "{out}");
    assert!(out.contains("stale"), "{out}");
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    let doc = common::json(
        repo.tolk()
            .args(["diff", SLUG, "--all", "--format", "json"]),
    );
    assert_eq!(doc["all"].as_array().unwrap().len(), 17);
}

/// An article of more rows than one laid-out table takes (1024) is printed
/// row by row: still one table, every row once, within the width.
#[test]
fn side_by_side_of_a_long_article_is_one_table_within_the_width() {
    let repo = Repo::empty();
    let mut fi = String::from("| KAUPUNKI - STADEN\n\nOtsikko\n\n");
    let mut sv = String::from("| KAUPUNKI - STADEN\n\nRubrik\n\n");
    for i in 0..1100 {
        fi.push_str(&format!("Kappale {i} kertoo kaupungin asioista.\n\n"));
        sv.push_str(&format!("Stycke {i} berättar om stadens saker.\n\n"));
    }
    // A note added in Swedish: the whole text is aligned, and it shows.
    let sv = sv.replacen(
        "Stycke 500 ",
        "Översättarens anmärkning här.\n\nStycke 500 ",
        1,
    );
    repo.import("lang", &fi, Some(sv.as_bytes()));
    let out = common::stdout(repo.tolk().args(["diff", "lang", "--all"]));
    let lines: Vec<&str> = out.lines().collect();
    for line in &lines {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    assert!(lines[0].starts_with('─') && lines[1].starts_with(" id "));
    assert!(lines[2].starts_with('═'));
    assert_eq!(lines.iter().filter(|l| l.starts_with('═')).count(), 1);
    let rule = |l: &&str| l.starts_with('─');
    assert!(rule(&lines[lines.len() - 1]));
    assert!(lines.windows(2).all(|w| !(rule(&w[0]) && rule(&w[1]))));
    let rows = lines.iter().filter(|l| l.starts_with(" p")).count();
    assert_eq!(rows, 1100);
    let extra = lines
        .iter()
        .position(|l| l.contains("Översättarens"))
        .unwrap();
    assert!(lines[extra].starts_with(" —"), "{}", lines[extra]);
    assert!(
        lines[extra - 6..extra]
            .iter()
            .any(|l| l.contains("Kappale 499"))
    );
    let doc = common::json(
        repo.tolk()
            .args(["diff", "lang", "--all", "--format", "json"]),
    );
    let all = doc["all"].as_array().unwrap();
    assert_eq!(all.len(), 1103);
    assert_eq!(all[502]["id"], serde_json::Value::Null);
    assert_eq!(
        all[503]["sv"].as_str().unwrap(),
        "Stycke 500 berättar om stadens saker."
    );
}
