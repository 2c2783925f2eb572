//! The result cache of `tolk status` (`.tolk-cache/status/`): a run that
//! reuses stored summaries prints exactly what a run without the cache
//! prints, whatever was edited in between, and a damaged cache is only
//! rebuilt.
//!
//! `TOLK_CACHE_STATS=1` makes `status` say on stderr how many articles it
//! reused and read: the tests use it to show that the cache was (or was
//! not) used, and compare everything else with `--no-cache`.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::cache_runs::{self, Run, age, fixture, set_mtime, tolk};
use common::{Repo, SLUG};

/// The seed and the kinds fixtures, one half of the seed marked (four
/// segments of it reviewed) and three segments of the news reviewed.
fn archive() -> Repo {
    let repo = cache_runs::archive();
    repo.mark(SLUG, &["1-4", "--as", "reviewed", "--by", "Eeva Editori"]);
    repo.mark("news", &["1-3", "--as", "reviewed", "--by", "Eeva Editori"]);
    repo
}

fn run(repo: &Repo, args: &[&str], cached: bool) -> Run {
    cache_runs::run(repo, "status", args, cached)
}

fn stats(repo: &Repo, args: &[&str]) -> String {
    cache_runs::stats(repo, "status", args)
}

/// Runs `status ARGS` with the cache (twice: the run that stores and the
/// run that reuses) and without, asserts they agree, and gives the run.
fn agree(repo: &Repo, args: &[&str]) -> Run {
    let first = run(repo, args, true);
    let cached = run(repo, args, true);
    let cold = run(repo, args, false);
    assert_eq!(first, cold, "status {args:?}: the run that stored");
    assert_eq!(cached, cold, "status {args:?} with and without the cache");
    cached
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    cache_runs::cache_files(dir, "status")
}

const FORMATS: [&[&str]; 3] = [
    &["--format", "json"],
    &[],
    &["--format", "json", "--pretty"],
];

#[test]
fn a_warm_run_prints_byte_for_byte_what_a_cold_run_prints() {
    let repo = archive();
    for args in FORMATS {
        let cold = run(&repo, args, false);
        assert!(!cold.stdout.is_empty());
        assert_eq!(cold.code, Some(0), "{}", cold.stderr);
        let first = run(&repo, args, true);
        let warm = run(&repo, args, true);
        assert_eq!(first, cold, "{args:?}: the run that stored");
        assert_eq!(warm, cold, "{args:?}: the run that reused");
    }
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
}

#[test]
fn the_first_run_reads_everything_and_the_second_nothing() {
    let repo = archive();
    let note = stats(&repo, &[]);
    assert!(note.starts_with("0 of 6 articles reused"), "{note}");
    assert!(note.ends_with(", 6 read"), "{note}");
    let note = stats(&repo, &[]);
    assert!(note.starts_with("6 of 6 articles reused"), "{note}");
    assert!(note.ends_with(", 0 read"), "{note}");
}

#[test]
fn edits_change_the_status_exactly_as_without_the_cache() {
    let repo = archive();
    let json = ["--format", "json"];
    let mut before = agree(&repo, &json);
    // Each edit: what it does, and how many of the six articles the next
    // run reuses.
    type Edit<'a> = (&'a str, Box<dyn Fn(&Repo) + 'a>, &'a str);
    let edits: Vec<Edit> = vec![
        (
            "the Swedish of a reviewed segment",
            Box::new(|r: &Repo| r.edit("sv.txt", "Grankullas nya", "")),
            "5 of 6",
        ),
        (
            "the Finnish of one article (a marked segment goes stale)",
            Box::new(|r: &Repo| r.edit("fi.txt", "6 kysymystä", "7 kysymystä")),
            "5 of 6",
        ),
        (
            "a mark (status.toml)",
            Box::new(|r: &Repo| {
                r.mark(
                    SLUG,
                    &["--all", "--as", "translated", "--by", "Bertil Berg"],
                )
            }),
            "5 of 6",
        ),
        (
            "status.toml edited by hand",
            Box::new(|r: &Repo| r.edit("status.toml", "Bertil Berg", "Cecilia Carlsson")),
            "5 of 6",
        ),
        (
            "status.toml of another article removed",
            Box::new(|r: &Repo| std::fs::remove_file(r.path("articles/news/status.toml")).unwrap()),
            "5 of 6",
        ),
        (
            "a deleted sv.txt",
            Box::new(|r: &Repo| std::fs::remove_file(r.path("articles/gallup/sv.txt")).unwrap()),
            "5 of 6",
        ),
        (
            "a new article",
            Box::new(|r: &Repo| {
                r.import(
                    "duo",
                    fixture("duo", "fi.txt"),
                    Some(&fixture("duo", "sv.txt")),
                )
            }),
            "6 of 7",
        ),
        (
            "a deleted article",
            Box::new(|r: &Repo| std::fs::remove_dir_all(r.path("articles/column")).unwrap()),
            "6 of 6",
        ),
    ];
    for (what, edit, reused) in edits {
        // The cached run before the edit stored everything.
        run(&repo, &json, true);
        edit(&repo);
        let note = stats(&repo, &json);
        assert!(note.starts_with(reused), "after {what}: {note}");
        let after = agree(&repo, &json);
        assert_ne!(after.stdout, before.stdout, "{what} changed nothing");
        // The table too.
        agree(&repo, &[]);
        before = after;
    }
}

#[test]
fn the_glossary_is_part_of_the_key() {
    let repo = archive();
    run(&repo, &[], true);
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"kirjasto\"\nsv = \"bibliotek\"\n",
    );
    assert!(stats(&repo, &[]).starts_with("0 of 6"));
    agree(&repo, &["--format", "json"]);
}

/// Each file of the seed rewritten with the same size within the same
/// second, its mtime put back: only the contents tell.
#[test]
fn a_file_rewritten_with_the_same_size_and_mtime_is_seen() {
    let repo = archive();
    let edits: [(&str, &str, &str); 3] = [
        ("sv.txt", "Grankullas nya", "Grankullas nyx"),
        ("fi.txt", "6 kysymystä", "6 kysymystö"),
        ("status.toml", "Anna Lindholm", "Anna Lindholx"),
    ];
    for (file, from, to) in edits {
        let path = repo.path(&repo.article(file));
        let before = run(&repo, &["--format", "json"], true);
        let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        repo.edit(file, from, to);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len, "{file}");
        set_mtime(&path, mtime);
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
        let after = agree(&repo, &["--format", "json"]);
        assert_ne!(after.stdout, before.stdout, "{file}");
    }
}

#[test]
fn recent_files_are_read_again_and_old_ones_trusted_by_their_metadata() {
    let repo = archive();
    // Just written: racy, so the next run reads them again (and reuses the
    // summaries when the contents are the same).
    run(&repo, &[], true);
    let note = stats(&repo, &[]);
    assert!(note.starts_with("6 of 6"), "{note}");
    assert!(!note.contains("(0 files read again"), "{note}");
    // Dated long ago: the metadata is trusted and nothing is read.
    age(&repo);
    run(&repo, &[], true);
    let note = stats(&repo, &[]);
    assert!(note.starts_with("6 of 6"), "{note}");
    assert!(note.contains("(0 files read again"), "{note}");
    // A file touched without a change is read, compared and reused.
    let status = repo.path(&repo.article("status.toml"));
    set_mtime(&status, SystemTime::now() - Duration::from_secs(3600));
    let note = stats(&repo, &[]);
    assert!(
        note.starts_with("6 of 6") && note.contains("(1 files read again"),
        "{note}"
    );
    // And one changed with the same size and dated back as it was is
    // still seen: writing it changed its ctime. Each of the three files.
    for (file, from, to) in [
        ("status.toml", "Anna Lindholm", "Anna Lindholx"),
        ("sv.txt", "Grankullas nya", "Grankullas nyx"),
        ("fi.txt", "6 kysymystä", "6 kysymystö"),
    ] {
        age(&repo);
        run(&repo, &[], true);
        let before = run(&repo, &["--format", "json"], true);
        repo.edit(file, from, to);
        age(&repo);
        let after = agree(&repo, &["--format", "json"]);
        assert_ne!(after.stdout, before.stdout, "{file}");
    }
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_rebuilt() {
    let repo = archive();
    let cold = run(&repo, &["--format", "json"], false);
    let dir = repo.path(".tolk-cache");
    type Damage = (&'static str, fn(&Path));
    let damages: [Damage; 6] = [
        ("truncated", |p| {
            let b = std::fs::read(p).unwrap();
            std::fs::write(p, &b[..b.len() / 2]).unwrap();
        }),
        ("one byte changed", |p| {
            let mut b = std::fs::read(p).unwrap();
            let at = b.len() - 10;
            b[at] ^= 0x20;
            std::fs::write(p, b).unwrap();
        }),
        ("empty", |p| std::fs::write(p, b"").unwrap()),
        ("garbage", |p| {
            std::fs::write(p, "not a cache at all\n".repeat(50)).unwrap()
        }),
        ("another format", |p| {
            let mut b = std::fs::read(p).unwrap();
            b[8] = b[8].wrapping_add(1);
            std::fs::write(p, b).unwrap();
        }),
        ("unreadable (a directory)", |p| {
            std::fs::remove_file(p).unwrap();
            std::fs::create_dir(p).unwrap();
        }),
    ];
    for (what, damage) in damages {
        let _ = std::fs::remove_dir_all(&dir);
        run(&repo, &["--format", "json"], true);
        let shards = cache_files(&dir);
        assert!(!shards.is_empty());
        for shard in &shards {
            damage(shard);
        }
        let note = stats(&repo, &[]);
        assert!(note.starts_with("0 of 6"), "{what}: {note}");
        let _ = std::fs::remove_dir_all(&dir);
        run(&repo, &["--format", "json"], true);
        for shard in &cache_files(&dir) {
            damage(shard);
        }
        assert_eq!(run(&repo, &["--format", "json"], true), cold, "{what}");
        if what.starts_with("unreadable") {
            continue;
        }
        // Rebuilt: the next run reuses everything.
        let note = stats(&repo, &[]);
        assert!(note.starts_with("6 of 6"), "{what} not rebuilt: {note}");
        assert_eq!(run(&repo, &["--format", "json"], true), cold, "{what}");
    }
}

#[test]
fn a_broken_status_toml_is_reported_every_time_and_never_kept() {
    let repo = archive();
    run(&repo, &[], true);
    let path = repo.article("status.toml");
    let good = repo.read(&path);
    repo.write(
        &path,
        good.replacen("state = \"translated\"", "state = 3", 1),
    );
    let broken = agree(&repo, &["--format", "json"]);
    assert_eq!(broken.code, Some(2));
    assert!(broken.stdout.contains("\"errors\""), "{}", broken.stdout);
    let note = stats(&repo, &[]);
    assert!(
        note.starts_with("5 of 6") && note.ends_with("1 read"),
        "{note}"
    );
    agree(&repo, &[]);
    // Put back: the article is read and counted again.
    repo.write(&path, &good);
    let fixed = agree(&repo, &["--format", "json"]);
    assert_eq!(fixed.code, Some(0));
    assert_eq!(fixed, run(&repo, &["--format", "json"], false));
}

#[test]
fn one_article_shows_its_segments_without_the_cache_and_several_use_it() {
    let repo = archive();
    // One article: the table of its segments, the same either way, and
    // no cache of it.
    let one = agree(&repo, &[SLUG]);
    assert!(one.stdout.contains("p1"), "{}", one.stdout);
    assert!(cache_files(&repo.path(".tolk-cache")).is_empty());
    // Two: summaries, kept; a run over some articles keeps the others'.
    run(&repo, &[], true);
    assert!(stats(&repo, &[SLUG, "news"]).starts_with("2 of 2"));
    repo.edit("sv.txt", "Grankullas nya", "Kauniainens nya");
    assert!(stats(&repo, &[SLUG, "news"]).starts_with("1 of 2"));
    agree(&repo, &[SLUG, "news", "--format", "json"]);
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
}

#[test]
fn no_cache_and_cache_dir_work_for_status_as_for_check() {
    let repo = archive();
    run(&repo, &[], false);
    assert!(!repo.path(".tolk-cache").exists());
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("c");
    tolk(&repo)
        .arg("--cache-dir")
        .arg(&dir)
        .arg("status")
        .assert()
        .success();
    assert!(!cache_files(&dir).is_empty());
    assert!(!repo.path(".tolk-cache").exists());
    let by_env = elsewhere.path().join("e");
    tolk(&repo)
        .env("TOLK_CACHE_DIR", &by_env)
        .arg("status")
        .assert()
        .success();
    assert!(!cache_files(&by_env).is_empty());
    assert!(!repo.path(".tolk-cache").exists());
    // An unwritable cache directory: the run is as without the cache.
    repo.write("plain-file", "x");
    let out = tolk(&repo)
        .args([
            "--cache-dir",
            "plain-file/cache",
            "status",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let cold = run(&repo, &["--format", "json"], false);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), cold.stdout);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), cold.stderr);
    assert_eq!(out.status.code(), cold.code);
}

#[test]
fn status_and_check_keep_their_caches_apart() {
    let repo = archive();
    tolk(&repo).arg("check").output().unwrap();
    run(&repo, &[], true);
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
    let out = tolk(&repo)
        .env("TOLK_CACHE_STATS", "1")
        .arg("check")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cache: 6 of 6"), "{stderr}");
}
