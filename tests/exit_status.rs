//! Exit statuses that cannot lie: what a command decided, not whether its
//! output could be written, sets the status (`tolk check | head -1` in a
//! `pipefail` CI script still fails).

mod common;

use std::process::{Command, Output, Stdio};

use common::Repo;

const GLOSSARY: &str = include_str!("../glossary.toml");

/// The seed article with the project glossary: `check` finds errors (1).
fn seed_with_errors() -> Repo {
    let repo = Repo::seed();
    repo.write("glossary.toml", GLOSSARY);
    repo
}

/// `tolk ARGS` with stdout going to `stdout`; stderr captured.
fn tolk_to(repo: &Repo, args: &[&str], stdout: impl Into<Stdio>) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tolk"))
        .args(args)
        .current_dir(repo.root())
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .env_remove("TOLK_USER")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo.root())
        .stdin(Stdio::null())
        .stdout(stdout)
        .output()
        .unwrap()
}

/// `tolk ARGS` writing into a pipe whose reader has already gone, as
/// after `| head -1` has read its line: every write fails with EPIPE.
fn tolk_into_closed_pipe(repo: &Repo, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    tolk_to(repo, args, writer)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_with_errors_keeps_exit_1_when_its_reader_goes_away() {
    let repo = seed_with_errors();
    let alone = repo.tolk().arg("check").output().unwrap();
    assert_eq!(alone.status.code(), Some(1));
    for format in ["human", "concise", "json", "github"] {
        let out = tolk_into_closed_pipe(&repo, &["check", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        // Quietly: a closed pipe is not an error to report.
        assert!(
            !stderr(&out).contains("standard output"),
            "{format}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn check_of_an_unreadable_article_keeps_exit_2_when_its_reader_goes_away() {
    let repo = seed_with_errors();
    repo.write(&repo.article("sv.txt"), b"\xff\xfe broken");
    let out = tolk_into_closed_pipe(&repo, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn succeeding_commands_exit_0_quietly_when_their_reader_goes_away() {
    let repo = seed_with_errors();
    for args in [
        &["status"][..],
        &["status", "--format", "json"],
        &["segments", common::SLUG],
        &["diff", common::SLUG, "--all"],
        &["rules"],
        &["doctor"],
    ] {
        let out = tolk_into_closed_pipe(&repo, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("standard output"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_an_error_that_says_so() {
    let repo = seed_with_errors();
    for args in [&["check"][..], &["status"], &["check", "--format", "json"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = tolk_to(&repo, args, full);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("tolk: could not write to standard output: "),
            "{args:?}: {err}"
        );
    }
}
