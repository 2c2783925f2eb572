//! `status.toml` under git: disjoint marks merge cleanly, the merge driver
//! resolves a same-segment conflict, conflict markers are named, and
//! `tolk init` sets the driver up.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Repo, SLUG};
use predicates::prelude::*;
use predicates::str::contains;

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_tolk")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PATH", path)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A git repository holding the seed article, imported and committed on `main`.
fn seeded_git_repo() -> Repo {
    let repo = Repo::seed();
    std::fs::remove_dir_all(repo.path("in")).unwrap();
    ok(repo.root(), &["init", "-q"]);
    ok(repo.root(), &["add", "-A"]);
    ok(repo.root(), &["commit", "-qm", "import"]);
    repo
}

fn row(repo: &Repo, id: &str) -> serde_json::Value {
    let json = common::json(repo.tolk().args(["status", SLUG, "--format", "json"]));
    json["articles"][0]["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn git_merges_marks_on_different_segments_without_conflict() {
    let repo = seeded_git_repo();
    let root = repo.root();
    ok(root, &["checkout", "-qb", "other"]);
    repo.mark(SLUG, &["p2", "--as", "translated", "--by", "Bertil"]);
    ok(root, &["commit", "-qam", "p2"]);
    ok(root, &["checkout", "-q", "main"]);
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", "Anna"]);
    ok(root, &["commit", "-qam", "p1"]);
    // No merge driver: plain git, line by line.
    ok(root, &["merge", "-q", "--no-edit", "other"]);
    assert_eq!(row(&repo, "p1")["by"], "Anna");
    assert_eq!(row(&repo, "p2")["by"], "Bertil");
}

#[test]
fn merge_driver_keeps_the_later_record_and_the_other_as_a_comment() {
    let repo = seeded_git_repo();
    let root = repo.root();
    let init = repo.tolk().arg("init").assert().success();
    let printed = String::from_utf8(init.get_output().stdout.clone()).unwrap();
    assert!(
        printed.contains(r#"git config merge.tolk-status.driver "tolk merge-status %O %A %B""#),
        "{printed}"
    );
    ok(
        root,
        &[
            "config",
            "merge.tolk-status.driver",
            "tolk merge-status %O %A %B",
        ],
    );
    ok(root, &["add", "-A"]);
    ok(root, &["commit", "-qm", "tolk init"]);

    ok(root, &["checkout", "-qb", "other"]);
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", "Bertil"]);
    ok(root, &["commit", "-qam", "p1 by Bertil"]);
    ok(root, &["checkout", "-q", "main"]);
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", "Anna"]);
    // Anna's record is older than Bertil's.
    let file = repo.article("status.toml");
    let text = repo.read(&file);
    let today = format!("at = \"{}\"", row(&repo, "p1")["at"].as_str().unwrap());
    repo.write(&file, text.replacen(&today, "at = \"2020-01-01\"", 1));
    ok(root, &["commit", "-qam", "p1 by Anna"]);

    let merge = git(root, &["merge", "--no-edit", "other"]);
    assert!(
        merge.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = repo.read(&file);
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    assert_eq!(row(&repo, "p1")["by"], "Bertil");
    assert!(merged.contains("#   by = \"Anna\""), "{merged}");
    assert!(merged.contains("#   at = \"2020-01-01\""), "{merged}");
}

#[test]
fn conflict_markers_are_named_with_their_line_by_every_command() {
    let repo = Repo::seed();
    let file = repo.article("status.toml");
    let text = repo.read(&file).replacen(
        "[segments.p1]\n",
        "[segments.p1]\n<<<<<<< HEAD\nstate = \"translated\"\n=======\nstate = \"reviewed\"\n>>>>>>> other\n",
        1,
    );
    let line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    repo.write(&file, &text);
    let said = format!("merge conflict in `articles/{SLUG}/status.toml` at line {line}");
    for args in [
        vec!["status", SLUG],
        vec!["diff", SLUG],
        vec!["mark", SLUG, "p2", "--as", "translated", "--by", "P"],
        vec!["credits"],
    ] {
        repo.tolk()
            .args(&args)
            .assert()
            .code(2)
            .stderr(contains(said.as_str()).and(contains("git add")));
    }
    repo.tolk()
        .args(["check", "--format", "concise"])
        .assert()
        .code(2)
        .stdout(contains(said.as_str()));
    assert_eq!(repo.read(&file), text, "the conflicted file was rewritten");
}

#[test]
fn init_creates_what_is_missing_and_never_overwrites() {
    let repo = Repo::empty();
    repo.tolk()
        .arg("init")
        .assert()
        .success()
        .stdout(contains("created glossary.toml"));
    for path in [
        "articles",
        "glossary.toml",
        "tolk.toml",
        ".gitattributes",
        ".gitignore",
    ] {
        assert!(repo.path(path).exists(), "{path}");
    }
    assert!(
        repo.read(".gitattributes")
            .contains("articles/*/status.toml merge=tolk-status\n")
    );
    assert!(repo.read(".gitignore").contains(".tolk-*.tmp\n"));
    // The starter glossary is a valid (empty) glossary.
    repo.tolk()
        .args(["terms", "kunta", "--lang", "fi"])
        .assert()
        .success();

    repo.write("glossary.toml", "# ours\n");
    repo.write(".gitattributes", "*.txt text\n");
    repo.tolk()
        .arg("init")
        .assert()
        .success()
        .stdout(contains("kept glossary.toml"));
    assert_eq!(repo.read("glossary.toml"), "# ours\n");
    assert_eq!(
        repo.read(".gitattributes"),
        "*.txt text\narticles/*/status.toml merge=tolk-status\n"
    );
    repo.tolk().arg("init").assert().success();
    assert_eq!(
        repo.read(".gitattributes").matches("tolk-status").count(),
        1
    );
}
