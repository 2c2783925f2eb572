//! The result cache of `tolk check` (`.tolk-cache/`): a run that reuses
//! stored results prints exactly what a run without the cache prints,
//! whatever was edited in between, and a damaged cache is only rebuilt.
//!
//! `TOLK_CACHE_STATS=1` makes `check` say on stderr how many articles it
//! reused and checked: the tests use it to show that the cache was (or was
//! not) used, and compare everything else with `--no-cache`.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::cache_runs::{self, Run, age, archive, fixture, set_mtime, tolk};
use common::{Repo, SLUG};
use proptest::prelude::*;

fn run(repo: &Repo, args: &[&str], cached: bool) -> Run {
    cache_runs::run(repo, "check", args, cached)
}

fn stats(repo: &Repo, args: &[&str]) -> String {
    cache_runs::stats(repo, "check", args)
}

/// Runs `check ARGS` with the cache and without, asserts they agree, and
/// gives the run.
fn agree(repo: &Repo, args: &[&str]) -> Run {
    let cached = run(repo, args, true);
    let cold = run(repo, args, false);
    assert_eq!(cached, cold, "check {args:?} with and without the cache");
    cached
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    cache_runs::cache_files(dir, "check")
}

#[test]
fn a_warm_run_prints_byte_for_byte_what_a_cold_run_prints() {
    let repo = archive();
    for args in [
        &["--format", "json"][..],
        &[],
        &["--format", "concise", "--show-waived"],
        &["--format", "sarif"],
        &["--format", "junit"],
        &["--format", "json", "--statistics"],
        &["--select", "ALL", "--format", "json"],
    ] {
        let cold = run(&repo, args, false);
        assert!(!cold.stdout.is_empty());
        let first = run(&repo, args, true);
        let warm = run(&repo, args, true);
        assert_eq!(first, cold, "first cached run of {args:?}");
        assert_eq!(warm, cold, "warm run of {args:?}");
    }
    // The warm run reused every article; the format did not matter (the
    // rule selection does: the last run selected ALL).
    run(&repo, &["--format", "junit"], true);
    assert!(stats(&repo, &[]).starts_with("6 of 6 articles reused"));
    assert!(stats(&repo, &["--format", "json"]).starts_with("6 of 6 articles reused"));
}

#[test]
fn the_first_run_checks_everything_and_the_second_nothing() {
    let repo = archive();
    assert!(stats(&repo, &[]).starts_with("0 of 6 articles reused"));
    assert!(stats(&repo, &[]).ends_with(", 0 checked"));
}

#[test]
fn runs_of_different_rules_keep_their_results_apart() {
    let repo = archive();
    let all = ["--select", "ALL"];
    run(&repo, &[], true);
    run(&repo, &all, true);
    // Alternated, each finds its own results (they used to overwrite
    // each other's, so that neither was ever warm).
    for _ in 0..2 {
        assert!(stats(&repo, &[]).starts_with("6 of 6 articles reused"));
        assert!(stats(&repo, &all).starts_with("6 of 6 articles reused"));
    }
    assert_eq!(agree(&repo, &all), run(&repo, &all, false));
    assert_eq!(
        cache_runs::key_dirs(&repo.path(".tolk-cache"), "check").len(),
        2
    );
    tolk(&repo)
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "check   12 article results for 2 kinds of run in",
        ));
    let info = common::json(tolk(&repo).args(["cache", "info", "--format", "json"]));
    assert_eq!(info["namespaces"][0]["runs"], 2);
    // An edit is seen by both.
    repo.edit("sv.txt", "Grankullas nya", "Kauniainens nya");
    agree(&repo, &[]);
    agree(&repo, &all);
    assert!(stats(&repo, &[]).starts_with("6 of 6 articles reused"));
    tolk(&repo).args(["cache", "clean"]).assert().success();
    assert!(!repo.path(".tolk-cache").exists());
}

#[test]
fn only_the_most_recently_used_kinds_of_run_are_kept() {
    let repo = archive();
    // Files dated long ago: a warm run then writes nothing.
    age(&repo);
    let dir = repo.path(".tolk-cache");
    let selections = ["missing", "ALL", "stale", "draft", "number", "credit"];
    let mut written = Vec::new();
    for (i, rule) in selections.iter().enumerate() {
        run(&repo, &["--select", rule], true);
        let dirs = cache_runs::key_dirs(&dir, "check");
        let new: Vec<PathBuf> = dirs
            .iter()
            .filter(|d| !written.contains(*d))
            .cloned()
            .collect();
        assert_eq!(new.len(), 1, "run {i} adds one directory");
        written.push(new[0].clone());
        assert_eq!(dirs.len(), (i + 1).min(4), "after run {i}: {dirs:?}");
        // Used one second after the one before (directory times may be
        // coarse).
        std::fs::File::open(&new[0])
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(100 - i as u64))
            .unwrap();
        if i == 3 {
            // The first kind of run is used again (a warm run, which
            // writes nothing): it outlives the second.
            assert!(stats(&repo, &["--select", "missing"]).starts_with("6 of 6"));
        }
    }
    let kept = cache_runs::key_dirs(&dir, "check");
    assert!(kept.contains(&written[0]), "used recently: {kept:?}");
    assert!(!kept.contains(&written[1]) && !kept.contains(&written[2]));
    assert!(stats(&repo, &["--select", "missing"]).starts_with("6 of 6"));
    assert!(stats(&repo, &["--select", "ALL"]).starts_with("0 of 6"));
}

#[test]
fn shards_of_the_layout_before_run_keys_had_directories_are_removed() {
    let repo = archive();
    run(&repo, &[], true);
    let dir = repo.path(".tolk-cache/check");
    let kept = cache_runs::key_dirs(&repo.path(".tolk-cache"), "check");
    // Shards where earlier versions wrote them, beside the run key's.
    for file in cache_files(&repo.path(".tolk-cache")) {
        std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
    }
    repo.write("mine.txt", "not tolk's");
    std::fs::copy(repo.path("mine.txt"), dir.join("notes.txt")).unwrap();
    assert!(std::fs::read_dir(&dir).unwrap().count() > 2);
    // A new kind of run writes its directory, and clears the old layout.
    run(&repo, &["--select", "ALL"], true);
    let left: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(left, [dir.join("notes.txt")]);
    assert!(cache_runs::key_dirs(&repo.path(".tolk-cache"), "check").contains(&kept[0]));
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
}

#[test]
fn the_same_rules_typed_otherwise_are_the_same_kind_of_run() {
    let repo = archive();
    run(&repo, &["--select", "ALL"], true);
    assert!(stats(&repo, &["--select", "all"]).starts_with("6 of 6"));
    run(&repo, &["--ignore", "draft,credit"], true);
    assert!(stats(&repo, &["--ignore", "credit,draft"]).starts_with("6 of 6"));
    assert!(stats(&repo, &["--ignore", "credit", "--ignore", "draft"]).starts_with("6 of 6"));
    // Other rules are another kind of run.
    assert!(stats(&repo, &["--ignore", "credit"]).starts_with("0 of 6"));
    assert_eq!(
        cache_runs::key_dirs(&repo.path(".tolk-cache"), "check").len(),
        3
    );
}

/// A link among the run keys' directories is not one of them: making
/// room, or `cache clean`, never removes files through it.
#[cfg(unix)]
#[test]
fn a_linked_directory_among_the_kinds_of_run_is_left_alone() {
    let repo = archive();
    repo.write("outside/00.bin", "mine");
    repo.write("outside/index.bin", "mine too");
    run(&repo, &[], true);
    let link = repo.path(".tolk-cache/check/0123456789abcdef0123456789abcdef");
    std::os::unix::fs::symlink(repo.path("outside"), &link).unwrap();
    for rule in ["missing", "stale", "draft", "number", "credit"] {
        run(&repo, &["--select", rule], true);
    }
    assert!(cache_runs::key_dirs(&repo.path(".tolk-cache"), "check").len() <= 5);
    tolk(&repo).args(["cache", "clean"]).assert().success();
    assert_eq!(repo.read("outside/00.bin"), "mine");
    assert_eq!(repo.read("outside/index.bin"), "mine too");
}

#[test]
fn cache_info_counts_shards_of_the_old_layout_as_a_kind_of_run() {
    let repo = archive();
    run(&repo, &[], true);
    let dir = repo.path(".tolk-cache/check");
    for file in cache_files(&repo.path(".tolk-cache")) {
        std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
    }
    let info = common::json(tolk(&repo).args(["cache", "info", "--format", "json"]));
    assert_eq!(info["namespaces"][0]["runs"], 2);
    assert_eq!(info["namespaces"][0]["articles"], 12);
}

#[test]
fn json_is_compact_unless_pretty() {
    let repo = Repo::seed();
    let compact = tolk(&repo)
        .args(["check", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let pretty = tolk(&repo)
        .args(["--pretty", "check", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let compact = String::from_utf8(compact).unwrap();
    let pretty = String::from_utf8(pretty).unwrap();
    assert_eq!(compact.lines().count(), 1, "one line");
    assert!(pretty.lines().count() > 10);
    assert!(pretty.contains("\n  \"findings\": ["));
    // The same document either way.
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
    // Every command's JSON: `status` too, and `--pretty` after the command.
    let status = tolk(&repo)
        .args(["status", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(String::from_utf8(status).unwrap().lines().count(), 1);
    let status = tolk(&repo)
        .args(["status", "--format", "json", "--pretty"])
        .output()
        .unwrap()
        .stdout;
    assert!(String::from_utf8(status).unwrap().lines().count() > 1);
}

#[test]
fn edits_change_the_findings_exactly_as_without_the_cache() {
    let repo = archive();
    let json = ["--format", "json", "--show-waived"];
    let mut before = agree(&repo, &json);
    // Each edit: what it does, and how many of the six articles the next
    // run reuses.
    type Edit<'a> = (&'a str, Box<dyn Fn(&Repo) + 'a>, &'a str);
    let edits: Vec<Edit> = vec![
        (
            "the Swedish of one article",
            Box::new(|r: &Repo| r.edit("sv.txt", "Grankullas nya", "Kauniainens nya")),
            "5 of 6",
        ),
        (
            "the Finnish of one article",
            Box::new(|r: &Repo| r.edit("fi.txt", "6 kysymystä", "7 kysymystä")),
            "5 of 6",
        ),
        (
            "a mark (status.toml)",
            Box::new(|r: &Repo| {
                r.mark(
                    SLUG,
                    &["--all", "--as", "translated", "--by", "Anna Lindholm"],
                )
            }),
            "5 of 6",
        ),
        (
            "a waiver (status.toml)",
            Box::new(|r: &Repo| {
                tolk(r)
                    .args(["accept", SLUG, "title", "qa-count", "--by", "Eeva Editori"])
                    .args(["--reason", "Seven on purpose"])
                    .assert()
                    .success();
            }),
            "5 of 6",
        ),
        (
            "the glossary",
            Box::new(|r: &Repo| {
                let mut g = std::fs::read_to_string(r.path("glossary.toml")).unwrap_or_default();
                g.push_str("\n[[term]]\nfi = \"kirjasto\"\nsv = \"bibliotek\"\navoid = [\"biblioteket\"]\n");
                r.write("glossary.toml", g);
            }),
            "0 of 6",
        ),
        (
            "tolk.toml",
            Box::new(|r: &Repo| r.write("tolk.toml", "[check]\nignore = [\"draft\"]\n")),
            "0 of 6",
        ),
        (
            "a deleted sv.txt",
            Box::new(|r: &Repo| std::fs::remove_file(r.path("articles/news/sv.txt")).unwrap()),
            "5 of 6",
        ),
        (
            "a deleted article",
            Box::new(|r: &Repo| std::fs::remove_dir_all(r.path("articles/gallup")).unwrap()),
            "5 of 5",
        ),
    ];
    for (what, edit, reused) in edits {
        let args: Vec<&str> = json.to_vec();
        // The cached run before the edit stored everything.
        run(&repo, &args, true);
        edit(&repo);
        let note = stats(&repo, &args);
        // `stats` ran with the cache: the check itself comes next, reusing
        // what that run stored; compare its own note separately.
        assert!(note.starts_with(reused), "after {what}: {note}");
        let after = agree(&repo, &args);
        assert_ne!(after.stdout, before.stdout, "{what} changed nothing");
        before = after;
    }
}

#[test]
fn a_changed_rule_selection_changes_the_findings_as_without_the_cache() {
    let repo = archive();
    let all = agree(&repo, &["--format", "json"]);
    let some = agree(&repo, &["--format", "json", "--select", "draft,credit"]);
    let ignored = agree(&repo, &["--format", "json", "--ignore", "draft"]);
    let publish = agree(&repo, &["--format", "json", "--publish"]);
    assert_ne!(all.stdout, some.stdout);
    assert_ne!(all.stdout, ignored.stdout);
    assert_ne!(all.stdout, publish.stdout);
    assert_eq!(agree(&repo, &["--format", "json"]), all);
    // --strict changes the verdict, not the findings: the cache holds.
    run(&repo, &[], true);
    assert!(stats(&repo, &["--strict"]).starts_with("6 of 6"));
    assert_eq!(
        run(&repo, &["--strict"], true),
        run(&repo, &["--strict"], false)
    );
}

#[test]
fn words_and_people_files_are_part_of_the_key() {
    let repo = archive();
    run(&repo, &[], true);
    repo.write("words.txt", "uppgörandet\n");
    assert!(stats(&repo, &[]).starts_with("0 of 6"), "words.txt");
    repo.write("people.toml", "[[person]]\nname = \"Anna Lindholm\"\n");
    assert!(stats(&repo, &[]).starts_with("0 of 6"), "people.toml");
    agree(&repo, &["--format", "json"]);
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
}

#[test]
fn words_txt_changes_spelling_findings_as_without_the_cache() {
    let repo = Repo::seed();
    let doctor = repo.tolk_spelling().arg("doctor").output().unwrap();
    if !String::from_utf8_lossy(&doctor.stdout).contains("ok   spelling") {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the sv_FI dictionary (hunspell-sv) is required under CI=true"
        );
        eprintln!("skipping: hunspell-sv is not installed");
        return;
    }
    let check = |cached: bool| {
        let mut cmd = repo.tolk_spelling();
        cmd.env_remove("TOLK_CACHE_DIR");
        if !cached {
            cmd.arg("--no-cache");
        }
        let out = cmd
            .args(["check", "--format", "json", "--select", "spelling"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let before = check(true);
    assert!(before.contains("uppgörandet"));
    assert_eq!(check(true), check(false));
    repo.write("words.txt", "uppgörandet\n");
    let after = check(true);
    assert!(!after.contains("uppgörandet"));
    assert_eq!(after, check(false));
}

#[test]
fn a_file_rewritten_within_the_same_second_with_the_same_size_is_seen() {
    let repo = archive();
    let sv = repo.path(&repo.article("sv.txt"));
    let before = run(&repo, &["--format", "json"], true);
    let mtime = std::fs::metadata(&sv).unwrap().modified().unwrap();
    // Same length, same mtime: only the contents tell.
    repo.edit("sv.txt", "Grankullas nya", "Grankullan ny");
    let text = repo.read(&repo.article("sv.txt"));
    assert_eq!(text.len(), std::fs::metadata(&sv).unwrap().len() as usize);
    set_mtime(&sv, mtime);
    assert_eq!(std::fs::metadata(&sv).unwrap().modified().unwrap(), mtime);
    let after = agree(&repo, &["--format", "json"]);
    assert_ne!(after.stdout, before.stdout);
}

#[test]
fn recent_files_are_read_again_and_old_ones_trusted_by_their_metadata() {
    let repo = archive();
    // Just written: racy, so the next run reads them again (and reuses the
    // results when the contents are the same).
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
    let sv = repo.path(&repo.article("sv.txt"));
    set_mtime(&sv, SystemTime::now() - Duration::from_secs(3600));
    let note = stats(&repo, &[]);
    assert!(
        note.starts_with("6 of 6") && note.contains("(1 files read again"),
        "{note}"
    );
    // And one changed and dated back as it was is still seen: writing it
    // changed its ctime.
    age(&repo);
    run(&repo, &[], true);
    let before = run(&repo, &["--format", "json"], true);
    repo.edit("sv.txt", "Grankullas nya", "Grankullan ny");
    age(&repo);
    let after = agree(&repo, &["--format", "json"]);
    assert_ne!(after.stdout, before.stdout);
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
    }
}

#[test]
fn a_cache_written_by_another_build_of_tolk_is_not_reused() {
    let repo = archive();
    run(&repo, &[], true);
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
    // The same tolk from another file: another build as far as the cache
    // knows (it keys on the binary's size and mtime).
    let copy = repo.path("bin/tolk");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(assert_cmd::cargo::cargo_bin("tolk"), &copy).unwrap();
    set_mtime(&copy, SystemTime::now() - Duration::from_secs(7200));
    let out = std::process::Command::new(&copy)
        .current_dir(repo.root())
        .env(
            "TOLK_DICTIONARY",
            repo.root().join(".no-dictionary/sv_FI.dic"),
        )
        .env("TOLK_CACHE_STATS", "1")
        .env_remove("TOLK_CACHE_DIR")
        .arg("check")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cache: 0 of 6"), "{stderr}");
}

#[test]
fn no_cache_writes_nothing_and_the_cache_is_git_ignored() {
    let repo = archive();
    run(&repo, &[], false);
    assert!(!repo.path(".tolk-cache").exists());
    run(&repo, &[], true);
    assert_eq!(
        repo.read(".tolk-cache/.gitignore").lines().last(),
        Some("*")
    );
    assert!(
        repo.read(".tolk-cache/CACHEDIR.TAG")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55")
    );
    assert!(!cache_files(&repo.path(".tolk-cache")).is_empty());
}

#[test]
fn cache_dir_and_its_variable_choose_where_the_cache_lives() {
    let repo = archive();
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("c");
    tolk(&repo)
        .arg("--cache-dir")
        .arg(&dir)
        .arg("check")
        .output()
        .unwrap();
    assert!(!cache_files(&dir).is_empty());
    assert!(!repo.path(".tolk-cache").exists());
    let by_env = elsewhere.path().join("e");
    tolk(&repo)
        .env("TOLK_CACHE_DIR", &by_env)
        .arg("check")
        .output()
        .unwrap();
    assert!(!cache_files(&by_env).is_empty());
    assert!(!repo.path(".tolk-cache").exists());
    // An empty variable is no variable.
    tolk(&repo)
        .env("TOLK_CACHE_DIR", "")
        .arg("check")
        .assert()
        .success();
    assert!(!cache_files(&repo.path(".tolk-cache")).is_empty());
}

#[test]
fn an_unwritable_cache_leaves_the_run_as_it_was() {
    let repo = archive();
    let cold = run(&repo, &["--format", "json"], false);
    // A cache directory that cannot be made (its parent is a file): the
    // run checks everything, says nothing about it and exits as ever.
    repo.write("plain-file", "x");
    let out = tolk(&repo)
        .args([
            "--cache-dir",
            "plain-file/cache",
            "check",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), cold.stdout);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), cold.stderr);
    assert_eq!(out.status.code(), cold.code);
}

#[test]
fn concurrent_runs_leave_a_cache_every_run_can_read() {
    let repo = archive();
    let cold = run(&repo, &["--format", "json"], false);
    for round in 0..3 {
        // Runs that all write at once, some after an edit they race with.
        let children: Vec<std::process::Child> = (0..4)
            .map(|i| {
                if i == 2 {
                    // Saved as editors save, a new file renamed over the
                    // old: the runs already going read the text whole, old
                    // or new. (Written in place, a run could read it half
                    // written, and print findings of half an article.)
                    let rel = repo.article("sv.txt");
                    let staged = repo.path("sv.txt.new");
                    std::fs::write(&staged, repo.read(&rel)).unwrap();
                    std::fs::rename(&staged, repo.path(&rel)).unwrap();
                }
                let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolk"));
                cmd.current_dir(repo.root())
                    .env(
                        "TOLK_DICTIONARY",
                        repo.root().join(".no-dictionary/sv_FI.dic"),
                    )
                    .env_remove("TOLK_CACHE_DIR")
                    .args(["check", "--format", "json"])
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                String::from_utf8(out.stdout).unwrap(),
                cold.stdout,
                "round {round}"
            );
        }
        assert_eq!(
            run(&repo, &["--format", "json"], true),
            cold,
            "round {round}"
        );
        assert!(stats(&repo, &[]).starts_with("6 of 6"), "round {round}");
    }
}

#[test]
fn one_article_reads_and_writes_its_own_shard() {
    let repo = archive();
    run(&repo, &[], true);
    assert!(stats(&repo, &[SLUG]).starts_with("1 of 1"));
    repo.edit("sv.txt", "Grankullas nya", "Kauniainens nya");
    assert!(stats(&repo, &[SLUG]).starts_with("0 of 1"));
    assert_eq!(run(&repo, &[SLUG], true), run(&repo, &[SLUG], false));
    // The other articles' results are still there for a full run.
    assert!(stats(&repo, &[]).starts_with("6 of 6"));
}

#[test]
fn cache_clean_removes_only_what_tolk_wrote() {
    let repo = archive();
    run(&repo, &[], true);
    tolk(&repo)
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicates::str::contains("check   6 articles in"));
    let info = common::json(tolk(&repo).args(["cache", "info", "--format", "json"]));
    assert_eq!(info["namespaces"][0]["articles"], 6);
    tolk(&repo)
        .args(["cache", "clean"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "removed the cache at `.tolk-cache`",
        ));
    assert!(!repo.path(".tolk-cache").exists());
    tolk(&repo)
        .args(["cache", "clean"])
        .assert()
        .success()
        .stdout(predicates::str::contains("nothing to remove"));
    tolk(&repo)
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicates::str::contains("no cache at `.tolk-cache` yet"));
    // A --cache-dir shared with other files keeps them.
    repo.write("shared/notes.txt", "mine");
    tolk(&repo)
        .args(["--cache-dir", "shared", "check"])
        .output()
        .unwrap();
    assert!(!cache_files(&repo.path("shared")).is_empty());
    tolk(&repo)
        .args(["--cache-dir", "shared", "cache", "clean"])
        .assert()
        .success();
    assert_eq!(repo.read("shared/notes.txt"), "mine");
    assert!(!repo.path("shared/check").exists());
    assert!(!repo.path("shared/.gitignore").exists());
}

/// One step of a random edit sequence.
#[derive(Debug, Clone)]
enum Step {
    /// Replace the `word`th word of an article's file by `with`.
    Word {
        article: usize,
        sv: bool,
        word: usize,
        with: &'static str,
    },
    AddParagraph {
        article: usize,
        sv: bool,
    },
    RemoveParagraph {
        article: usize,
        sv: bool,
    },
    Mark {
        article: usize,
    },
    /// Accept the first finding `check` reports.
    Accept,
    Glossary {
        with: &'static str,
    },
    /// Date every file long ago (metadata trusted from then on).
    Age,
}

const WORDS: [&str; 8] = [
    "Grankulla",
    "Kauniainen",
    "15",
    "16",
    "klo",
    "kl.",
    "2024",
    "ja",
];
const ARTICLES: [&str; 3] = [SLUG, "news", "gallup"];

fn step() -> impl Strategy<Value = Step> {
    let article = 0..ARTICLES.len();
    prop_oneof![
        4 => (article.clone(), any::<bool>(), 0..400usize, prop::sample::select(&WORDS[..]))
            .prop_map(|(article, sv, word, with)| Step::Word { article, sv, word, with }),
        1 => (article.clone(), any::<bool>()).prop_map(|(article, sv)| Step::AddParagraph { article, sv }),
        1 => (article.clone(), any::<bool>()).prop_map(|(article, sv)| Step::RemoveParagraph { article, sv }),
        1 => article.prop_map(|article| Step::Mark { article }),
        1 => Just(Step::Accept),
        1 => prop::sample::select(&WORDS[..]).prop_map(|with| Step::Glossary { with }),
        1 => Just(Step::Age),
    ]
}

fn file_of(article: usize, sv: bool) -> String {
    format!(
        "articles/{}/{}",
        ARTICLES[article],
        if sv { "sv.txt" } else { "fi.txt" }
    )
}

fn apply(repo: &Repo, step: &Step, last: &serde_json::Value) {
    match *step {
        Step::Word {
            article,
            sv,
            word,
            with,
        } => {
            let file = file_of(article, sv);
            let Ok(text) = std::fs::read_to_string(repo.path(&file)) else {
                return;
            };
            let words: Vec<(usize, &str)> = text
                .split_inclusive(char::is_whitespace)
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.len();
                    Some((start, w.trim_end()))
                })
                .filter(|(_, w)| !w.is_empty())
                .collect();
            if words.is_empty() {
                return;
            }
            let (start, old) = words[word % words.len()];
            let mut edited = text.clone();
            edited.replace_range(start..start + old.len(), with);
            repo.write(&file, edited);
        }
        Step::AddParagraph { article, sv } => {
            let file = file_of(article, sv);
            let Ok(mut text) = std::fs::read_to_string(repo.path(&file)) else {
                return;
            };
            text.push_str("\nKlo 15 Grankulla ja 2024 kl. 16.\n");
            repo.write(&file, text);
        }
        Step::RemoveParagraph { article, sv } => {
            let file = file_of(article, sv);
            let Ok(text) = std::fs::read_to_string(repo.path(&file)) else {
                return;
            };
            let trimmed = text.trim_end();
            if let Some(at) = trimmed.rfind("\n\n") {
                repo.write(&file, &trimmed[..at + 1]);
            }
        }
        Step::Mark { article } => {
            // It may refuse (nothing to mark): the state is what it is.
            let _ = tolk(repo)
                .args(["mark", ARTICLES[article], "--all", "--as", "translated"])
                .args(["--by", "Anna Lindholm"])
                .output();
        }
        Step::Accept => {
            let Some(f) = last["findings"].as_array().and_then(|f| {
                f.iter()
                    .find(|f| f["segment"].is_string() && f["rule"] != "inconsistent")
            }) else {
                return;
            };
            let _ = tolk(repo)
                .arg("accept")
                .args([&f["article"], &f["segment"], &f["rule"]].map(|v| v.as_str().unwrap()))
                .args(["--by", "Eeva Editori", "--reason", "On purpose"])
                .output();
        }
        Step::Glossary { with } => {
            let mut g = std::fs::read_to_string(repo.path("glossary.toml")).unwrap_or_default();
            g.push_str(&format!("\n[[term]]\nfi = \"{with}x\"\nsv = \"{with}y\"\n"));
            repo.write("glossary.toml", g);
        }
        Step::Age => age(repo),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_give_the_same_findings_with_and_without_the_cache(
        steps in prop::collection::vec(step(), 1..7)
    ) {
        let repo = Repo::seed();
        for kind in ["news", "gallup"] {
            repo.import(kind, fixture(kind, "fi.txt"), Some(&fixture(kind, "sv.txt")));
        }
        let args = ["--select", "ALL", "--format", "json", "--show-waived"];
        let mut last = serde_json::Value::Null;
        run(&repo, &args, true);
        for step in &steps {
            apply(&repo, step, &last);
            let cached = run(&repo, &args, true);
            let cold = run(&repo, &args, false);
            prop_assert_eq!(&cached, &cold, "after {:?}", step);
            last = serde_json::from_str(&cold.stdout).unwrap_or_default();
        }
    }
}
