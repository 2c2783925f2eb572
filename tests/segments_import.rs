//! `tolk segments` and `tolk import` on the seed article and on bad input.

mod common;

use common::{Repo, SEED_FI, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

const SEED_IDS: [&str; 17] = [
    "kicker", "title", "p1", "p2", "p3", "q1", "a1", "q2", "a2", "q3", "a3", "q4", "a4", "q5",
    "a5", "q6", "a6",
];

fn ids(doc: &serde_json::Value) -> Vec<String> {
    doc["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seed_pair_splits_into_the_same_17_ids_on_both_sides() {
    let repo = Repo::seed();
    for lang in ["fi", "sv"] {
        let doc = common::json(
            repo.tolk()
                .args(["segments", SLUG, "--lang", lang, "--format", "json"]),
        );
        assert_eq!(ids(&doc), SEED_IDS, "{lang}");
    }
}

#[test]
fn segments_of_a_file_path_take_the_language_from_the_name() {
    let repo = Repo::seed();
    let doc =
        common::json(
            repo.tolk()
                .args(["segments", &repo.article("sv.txt"), "--format", "json"]),
        );
    assert_eq!(doc["lang"], "sv");
    assert_eq!(doc["file"], repo.article("sv.txt"));
    assert_eq!(ids(&doc), SEED_IDS);
}

#[test]
fn json_shape_of_segments_credits_and_skipped() {
    let repo = Repo::seed();
    let doc = common::json(
        repo.tolk()
            .args(["segments", SLUG, "--lang", "sv", "--format", "json"]),
    );
    let kicker = &doc["segments"][0];
    assert_eq!(kicker["n"], 1);
    assert_eq!(kicker["id"], "kicker");
    assert_eq!(kicker["kind"], "kicker");
    assert_eq!(kicker["line"], 1);
    assert_eq!(kicker["words"], 2);
    assert_eq!(kicker["text"], "KAUPUNKI - STADEN");
    assert_eq!(doc["segments"][5]["kind"], "question");
    assert_eq!(doc["segments"][6]["kind"], "answer");
    assert_eq!(doc["segments"][2]["kind"], "paragraph");
    assert_eq!(doc["segments"][1]["kind"], "title");

    let credits = doc["credits"].as_array().unwrap();
    assert_eq!(credits.len(), 1);
    assert_eq!(credits[0]["role"], "translator");
    assert_eq!(credits[0]["name"], "PATRICIA HEIKKILÄ");
    assert_eq!(credits[0]["display"], "Patricia Heikkilä");
    assert_eq!(credits[0]["line"], 35);

    let skipped = doc["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["line"], 37);
    assert_eq!(skipped[0]["text"], "Lämna ett svar");
    assert_eq!(skipped[0]["reason"], "boilerplate");
}

#[test]
fn nbsp_indented_swedish_questions_lose_the_nbsp() {
    let repo = Repo::seed();
    let doc = common::json(
        repo.tolk()
            .args(["segments", SLUG, "--lang", "sv", "--format", "json"]),
    );
    assert_eq!(
        doc["segments"][5]["text"],
        "Vad är förebyggande välfärdsarbete, Taru Ikäheimonen?"
    );
}

#[test]
fn human_segments_table_fits_80_columns() {
    let repo = Repo::seed();
    let out = common::stdout(repo.tolk().args(["segments", SLUG]));
    assert!(out.contains("kicker"), "{out}");
    assert!(
        out.contains("skipped  line  37  Vastaa (boilerplate)"),
        "{out}"
    );
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn file_without_language_in_its_name_needs_lang() {
    let repo = Repo::empty();
    repo.write("juttu.txt", "Otsikko\n\nTeksti.");
    repo.tolk()
        .args(["segments", "juttu.txt"])
        .assert()
        .code(2)
        .stderr(contains("--lang"));
    repo.tolk()
        .args(["segments", "juttu.txt", "--lang", "fi"])
        .assert()
        .success();
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let repo = Repo::empty();
    repo.write("fi.txt", b"Otsikko\n\nHyv\xe4 teksti.\n");
    repo.tolk()
        .args(["segments", "fi.txt"])
        .assert()
        .code(2)
        .stderr(
            contains("fi.txt")
                .and(contains("line 3"))
                .and(contains("UTF-8")),
        )
        .stderr(contains("panicked").not());
}

#[test]
fn empty_file_has_zero_segments() {
    let repo = Repo::empty();
    repo.write("fi.txt", "");
    let doc = common::json(repo.tolk().args(["segments", "fi.txt", "--format", "json"]));
    assert_eq!(doc["segments"].as_array().unwrap().len(), 0);
}

#[test]
fn unknown_slug_is_refused() {
    let repo = Repo::seed();
    repo.tolk()
        .args(["segments", "ei-ole"])
        .assert()
        .code(2)
        .stderr(contains("no article `ei-ole`"));
}

#[test]
fn import_copies_byte_for_byte() {
    let repo = Repo::seed();
    assert_eq!(repo.read_bytes(&repo.article("fi.txt")), SEED_FI);
    assert_eq!(repo.read_bytes(&repo.article("sv.txt")), common::SEED_SV);
}

#[test]
fn import_refuses_bad_slugs_and_writes_nothing() {
    let repo = Repo::empty();
    repo.write("in/fi.txt", SEED_FI);
    for slug in ["../x", "A", "a/b", "-a", ""] {
        repo.tolk()
            .args(["import", "--fi", "in/fi.txt", "--", slug])
            .assert()
            .code(2)
            .stderr(contains("invalid article name"));
    }
    assert!(!repo.path("articles").exists());
    assert!(!repo.path("x").exists());
}

#[test]
fn import_refuses_to_overwrite_without_force() {
    let repo = Repo::seed();
    repo.write("new/fi.txt", "Uusi otsikko\n");
    repo.tolk()
        .args(["import", SLUG, "--fi", "new/fi.txt"])
        .assert()
        .code(2)
        .stderr(contains("already exists").and(contains("--force")));
    assert_eq!(repo.read_bytes(&repo.article("fi.txt")), SEED_FI);

    repo.tolk()
        .args(["import", SLUG, "--fi", "new/fi.txt", "--force"])
        .assert()
        .success();
    assert_eq!(repo.read(&repo.article("fi.txt")), "Uusi otsikko\n");
}

#[test]
fn import_refuses_invalid_utf8_before_writing_anything() {
    let repo = Repo::empty();
    repo.write("in/fi.txt", SEED_FI);
    repo.write("in/sv.txt", b"Rubrik\n\n\xff\n");
    repo.tolk()
        .args(["import", "juttu", "--fi", "in/fi.txt", "--sv", "in/sv.txt"])
        .assert()
        .code(2)
        .stderr(contains("in/sv.txt").and(contains("line 3")));
    assert!(!repo.path("articles/juttu").exists());
}

#[test]
fn import_of_a_missing_file_is_an_error() {
    let repo = Repo::empty();
    repo.tolk()
        .args(["import", "juttu", "--fi", "ei.txt"])
        .assert()
        .code(2)
        .stderr(contains("ei.txt"));
}

#[test]
fn broken_pipe_exits_quietly() {
    // Far more output than a pipe buffer holds, and a reader that closes
    // its end at once: tolk's writes fail with EPIPE, as under `| head`.
    let repo = Repo::empty();
    let body: String = (0..5000)
        .map(|i| format!("Kappale numero {i}.\n\n"))
        .collect();
    repo.write("fi.txt", format!("Otsikko\n\n{body}"));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolk"))
        .args(["segments", "fi.txt", "--format", "json"])
        .current_dir(repo.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_is_available_on_every_command() {
    let repo = Repo::empty();
    for cmd in ["import", "segments"] {
        repo.tolk().args([cmd, "--help"]).assert().success();
    }
}
