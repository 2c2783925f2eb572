//! The compiled glossary kept in the result cache (`.tolk-cache/matcher/`),
//! and the cache directory's housekeeping. The glossary:
//! `tolk check SLUG` after an edit reads it instead of compiling the
//! glossary, finds exactly what a run without the cache finds, and a
//! changed glossary or a damaged file is only compiled again.

mod common;

use std::path::PathBuf;

use common::cache_runs::tolk;
use common::{Repo, SLUG};

/// stdout and exit code of `check SLUG --format json`, with or without the
/// cache.
fn check(repo: &Repo, cached: bool) -> (String, Option<i32>) {
    let mut cmd = tolk(repo);
    if !cached {
        cmd.arg("--no-cache");
    }
    let out = cmd
        .args(["check", SLUG, "--format", "json"])
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

/// The compiled glossaries in the cache.
fn kept(repo: &Repo) -> Vec<PathBuf> {
    let dir = repo.path(".tolk-cache/matcher");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The seed with the project's glossary.
fn seed() -> Repo {
    let repo = Repo::seed();
    let glossary = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml");
    repo.write("glossary.toml", std::fs::read(glossary).unwrap());
    repo
}

/// A glossary finding to be found: the seed's Swedish uses an avoided
/// rendering once the glossary says so.
fn with_avoided(repo: &Repo) {
    let glossary = repo.read("glossary.toml");
    repo.write(
        "glossary.toml",
        format!("{glossary}\n[[term]]\nfi = \"kaupunki\"\nsv = \"kommun\"\navoid = [\"stad\"]\n"),
    );
}

#[test]
fn a_kept_glossary_finds_what_a_compiled_one_finds() {
    let repo = seed();
    with_avoided(&repo);
    let fresh = check(&repo, false);
    assert!(kept(&repo).is_empty(), "--no-cache keeps nothing");
    assert_eq!(check(&repo, true), fresh);
    assert_eq!(kept(&repo).len(), 1);
    // An edit of the article: checked again, with the kept glossary.
    repo.edit("sv.txt", "budget och bokslut", "budget och bokslut i stad");
    let fresh = check(&repo, false);
    assert!(fresh.0.contains("glossary-avoid"), "{}", fresh.0);
    assert_eq!(check(&repo, true), fresh);
}

#[test]
fn a_changed_glossary_is_compiled_again_and_replaces_the_old_one() {
    let repo = seed();
    check(&repo, true);
    let before = kept(&repo);
    assert_eq!(before.len(), 1);
    with_avoided(&repo);
    repo.edit("sv.txt", "budget och bokslut", "budget och bokslut i stad");
    let cached = check(&repo, true);
    assert_eq!(cached, check(&repo, false));
    assert!(cached.0.contains("glossary-avoid"), "{}", cached.0);
    let after = kept(&repo);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_ne!(before, after);
}

#[test]
fn a_damaged_kept_glossary_is_compiled_again() {
    let repo = seed();
    with_avoided(&repo);
    repo.edit("sv.txt", "budget och bokslut", "budget och bokslut i stad");
    let fresh = check(&repo, false);
    check(&repo, true);
    let file = kept(&repo).pop().unwrap();
    let whole = std::fs::read(&file).unwrap();
    let mut flipped = whole.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    let mut header_only = whole.clone();
    header_only.truncate(20);
    // A body that passes the checksum but is no matcher.
    let mut foreign = whole[..12].to_vec();
    let body = b"not a matcher";
    foreign.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(body).to_le_bytes());
    foreign.extend_from_slice(body);
    for damaged in [flipped, header_only, Vec::new(), foreign] {
        std::fs::write(&file, &damaged).unwrap();
        // Another article state each time, so that the result cache misses.
        let sv = repo.read(&repo.article("sv.txt"));
        repo.write(&repo.article("sv.txt"), format!("{sv}\n"));
        let fresh_now = check(&repo, false);
        assert_eq!(check(&repo, true), fresh_now);
        assert_ne!(std::fs::read(&file).unwrap(), damaged, "written again");
    }
    assert_eq!(fresh.1, check(&repo, true).1);
}

#[test]
fn cache_clean_removes_the_kept_glossary() {
    let repo = seed();
    check(&repo, true);
    assert_eq!(kept(&repo).len(), 1);
    let info = tolk(&repo).args(["cache", "info"]).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("matcher"), "{info}");
    tolk(&repo).args(["cache", "clean"]).assert().success();
    assert!(kept(&repo).is_empty());
    assert!(!repo.path(".tolk-cache").exists());
}

#[test]
fn the_cache_is_git_ignored_again_after_its_ignore_file_is_gone() {
    let repo = seed();
    check(&repo, true);
    let ignore = repo.path(".tolk-cache/.gitignore");
    assert!(ignore.exists());
    // Removed by hand, or gone with a `cache clean` that left other files.
    std::fs::remove_file(&ignore).unwrap();
    repo.edit("sv.txt", "budget och bokslut", "budget och boksluten");
    check(&repo, true);
    assert_eq!(
        std::fs::read_to_string(&ignore).unwrap(),
        "# Automatically created by tolk.\n*\n"
    );
}

#[test]
fn cache_clean_removes_what_status_keeps_too() {
    let repo = seed();
    // Two articles: `status` keeps summaries for an archive, not for one.
    let fi = repo.read(&repo.article("fi.txt"));
    let sv = repo.read(&repo.article("sv.txt"));
    repo.import("toinen", fi, Some(sv.as_bytes()));
    tolk(&repo).arg("status").assert().success();
    assert!(repo.path(".tolk-cache/status").is_dir());
    let info = tolk(&repo).args(["cache", "info"]).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("status"));
    tolk(&repo).args(["cache", "clean"]).assert().success();
    assert!(!repo.path(".tolk-cache").exists());
}
