//! Every directory under `articles/` is accounted for: one whose name is
//! not a valid slug is reported by `check`, `status`, `credits` and
//! `doctor`, never silently skipped.

mod common;

use common::{Repo, SLUG};
use predicates::str::contains;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// The seed article, clean under the glossary-free check (warnings only),
/// beside directories named as people name folders.
fn seed_with(dirs: &[&str]) -> Repo {
    let repo = Repo::seed();
    for dir in dirs {
        repo.write(&format!("articles/{dir}/fi.txt"), common::SEED_FI);
    }
    repo
}

fn check_json(repo: &Repo) -> (Option<i32>, serde_json::Value) {
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

fn invalid_messages(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "invalid")
        .map(|f| {
            (
                f["article"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_misnamed_directory_is_an_invalid_finding_with_the_rename() {
    let repo = seed_with(&["Kirjasto"]);
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(2));
    let invalid = invalid_messages(&doc);
    assert_eq!(invalid.len(), 1, "{invalid:?}");
    assert_eq!(invalid[0].0, "Kirjasto");
    assert!(
        invalid[0].1.contains("rename `Kirjasto` to `kirjasto`"),
        "{}",
        invalid[0].1
    );
    let finding = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "invalid")
        .unwrap();
    assert_eq!(finding["file"], "articles/Kirjasto");
    assert_eq!(finding["severity"], "error");
    // Counted: two articles, the misnamed one an error.
    assert_eq!(doc["summary"]["articles"], 2);
    assert_eq!(doc["summary"]["invalid"], 1);
    assert!(doc["summary"]["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn every_kind_of_bad_name_is_reported_with_how_to_name_it() {
    let repo = seed_with(&["Kirjasto", "old.bak", "with space", "ä", "日本"]);
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(2));
    let invalid = invalid_messages(&doc);
    let expect = [
        ("Kirjasto", "rename `Kirjasto` to `kirjasto`"),
        ("old.bak", "rename `old.bak` to `old-bak`"),
        ("with space", "rename `with space` to `with-space`"),
        ("ä", "rename `ä` to `a`"),
        (
            "日本",
            "rename `日本` using lower-case letters a-z, digits and hyphens",
        ),
    ];
    assert_eq!(invalid.len(), expect.len(), "{invalid:?}");
    for (name, message) in expect {
        let found = invalid.iter().find(|(a, _)| a == name);
        let (_, got) = found.unwrap_or_else(|| panic!("{name} not reported: {invalid:?}"));
        assert!(got.contains(message), "{name}: {got}");
    }
    assert_eq!(doc["summary"]["articles"], 6);
    assert_eq!(doc["summary"]["invalid"], 5);
}

#[test]
fn human_check_shows_the_misnamed_directory_and_counts_it() {
    let repo = seed_with(&["Kirjasto"]);
    // Wide enough that no message is wrapped mid-phrase.
    repo.tolk()
        .env("COLUMNS", "200")
        .arg("check")
        .assert()
        .code(2)
        .stdout(contains("articles/Kirjasto:1:1: error[invalid]"))
        .stdout(contains("rename `Kirjasto` to `kirjasto`"))
        .stdout(contains("in 2 articles checked"));
}

#[test]
fn a_rename_onto_an_existing_article_says_so() {
    let repo = seed_with(&["Hyvinvointikoordinaattori"]);
    let (_, doc) = check_json(&repo);
    let invalid = invalid_messages(&doc);
    assert!(
        invalid[0].1.contains(&format!("`{SLUG}` exists already")),
        "{invalid:?}"
    );
}

#[test]
fn hidden_directories_and_plain_files_are_not_articles() {
    let repo = Repo::seed();
    repo.write("articles/.git/config", "x");
    repo.write("articles/.Trash/fi.txt", "x");
    repo.write("articles/README.md", "what goes here");
    repo.write("articles/Notes.txt", "x");
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(0), "{doc}");
    assert!(invalid_messages(&doc).is_empty());
    assert_eq!(doc["summary"]["articles"], 1);
    repo.tolk().arg("status").assert().success();
}

#[test]
fn a_repository_of_only_misnamed_directories_reports_them() {
    let repo = Repo::empty();
    repo.write("articles/Kirjasto/fi.txt", common::SEED_FI);
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(2));
    assert_eq!(invalid_messages(&doc).len(), 1);
    assert_eq!(doc["summary"]["articles"], 1);
}

#[test]
fn status_reports_a_misnamed_directory_as_an_error_and_exits_2() {
    let repo = seed_with(&["Kirjasto"]);
    repo.tolk()
        .arg("status")
        .assert()
        .code(2)
        .stdout(contains(SLUG))
        .stderr(contains("tolk: Kirjasto: "))
        .stderr(contains("rename `Kirjasto` to `kirjasto`"));
    let out = repo
        .tolk()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["errors"][0]["article"], "Kirjasto");
    assert_eq!(doc["errors"][0]["kind"], "misnamed");
    assert_eq!(doc["errors"][0]["file"], "articles/Kirjasto");
}

#[test]
fn naming_a_good_article_ignores_misnamed_neighbours() {
    let repo = seed_with(&["Kirjasto"]);
    repo.tolk().args(["status", SLUG]).assert().success();
    let out = repo.tolk().args(["check", SLUG]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn credits_report_a_misnamed_directory() {
    let repo = seed_with(&["old.bak"]);
    repo.write("glossary.toml", GLOSSARY);
    repo.tolk()
        .arg("credits")
        .assert()
        .code(2)
        .stderr(contains("rename `old.bak` to `old-bak`"));
}

#[test]
fn doctor_lists_misnamed_directories() {
    let repo = seed_with(&["with space", "Kirjasto"]);
    repo.tolk()
        .env("COLUMNS", "200")
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains(
            "warn articles    1 (and 2 directories that are not articles)",
        ))
        .stdout(contains("rename `with space` to `with-space`"))
        .stdout(contains("rename `Kirjasto` to `kirjasto`"));
}

#[test]
fn a_cache_directory_under_articles_is_not_an_article() {
    let repo = Repo::seed();
    // A relative TOLK_CACHE_DIR used from inside `articles/`.
    repo.tolk()
        .current_dir(repo.path("articles"))
        .env("TOLK_CACHE_DIR", "c")
        .arg("check")
        .assert()
        .code(0);
    assert!(repo.path("articles/c/CACHEDIR.TAG").is_file());
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(0), "{doc}");
    assert_eq!(doc["summary"]["articles"], 1, "{doc}");
    assert!(invalid_messages(&doc).is_empty(), "{doc}");
    // Without the tag it is a directory like any other: reported.
    std::fs::remove_file(repo.path("articles/c/CACHEDIR.TAG")).unwrap();
    let (code, doc) = check_json(&repo);
    assert_eq!(code, Some(2), "{doc}");
    assert_eq!(invalid_messages(&doc).len(), 1, "{doc}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_place_of_a_text_is_reported_not_waited_on() {
    for file in ["sv.txt", "status.toml", "fi.txt"] {
        let repo = Repo::seed();
        let path = repo.path(&format!("articles/{SLUG}/{file}"));
        let _ = std::fs::remove_file(&path);
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        for cache in [true, false] {
            let mut cmd = repo.tolk();
            if !cache {
                cmd.arg("--no-cache");
            }
            let out = cmd
                .args(["check", "--format", "json"])
                .timeout(std::time::Duration::from_secs(30))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{file}: {out:?}");
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let invalid = invalid_messages(&doc);
            assert_eq!(invalid.len(), 1, "{file}: {doc}");
            assert!(invalid[0].1.contains("not a regular file"), "{file}: {doc}");
        }
        repo.tolk()
            .args(["status"])
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .code(2)
            .stderr(contains("not a regular file"));
    }
}
