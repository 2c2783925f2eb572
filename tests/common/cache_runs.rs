//! The harness of the result-cache tests (`tests/cache.rs` for `check`,
//! `tests/status_cache.rs` for `status`): an archive of several kinds of
//! article, runs with and without the cache, and file dates.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{Repo, SLUG};

/// The kinds fixtures imported besides the seed: six articles in all.
pub const KINDS: [&str; 5] = ["news", "gallup", "column", "calendar", "dash-interview"];

pub fn fixture(kind: &str, file: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kinds");
    std::fs::read(dir.join(kind).join(file)).unwrap()
}

/// The seed and the kinds fixtures, one half of the seed marked.
pub fn archive() -> Repo {
    let repo = Repo::seed();
    for kind in KINDS {
        repo.import(
            kind,
            fixture(kind, "fi.txt"),
            Some(&fixture(kind, "sv.txt")),
        );
    }
    repo.mark(
        SLUG,
        &["1-8", "--as", "translated", "--by", "Anna Lindholm"],
    );
    repo
}

/// What a run shows: stdout, stderr and the exit code.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

/// `tolk` with the cache where the repository keeps it, saying nothing
/// of what it reused.
pub fn tolk(repo: &Repo) -> assert_cmd::Command {
    let mut cmd = repo.tolk();
    cmd.env_remove("TOLK_CACHE_DIR")
        .env_remove("TOLK_CACHE_STATS");
    cmd
}

/// `tolk COMMAND ARGS`, with the cache or with `--no-cache`.
pub fn run(repo: &Repo, command: &str, args: &[&str], cached: bool) -> Run {
    let mut cmd = tolk(repo);
    if !cached {
        cmd.arg("--no-cache");
    }
    let out = cmd.arg(command).args(args).output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code(),
    }
}

/// What the cache did in a run of `COMMAND ARGS`, from `TOLK_CACHE_STATS`.
pub fn stats(repo: &Repo, command: &str, args: &[&str]) -> String {
    let out = tolk(repo)
        .env("TOLK_CACHE_STATS", "1")
        .arg(command)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("tolk: cache: "))
        .unwrap_or_else(|| panic!("no cache note in {stderr:?}"))
        .to_string()
}

/// The files of the cache's `namespace` (`check`, `status`), sorted: in
/// its directory and in its run keys' directories in it.
pub fn cache_files(dir: &Path, namespace: &str) -> Vec<PathBuf> {
    let list = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let mut files = Vec::new();
    for path in list(&dir.join(namespace)) {
        if path.is_dir() {
            files.extend(list(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The run keys' directories of the cache's `namespace`.
pub fn key_dirs(dir: &Path, namespace: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir.join(namespace))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

pub fn set_mtime(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// Every file of every article, dated long ago (as after a checkout a
/// while back).
pub fn age(repo: &Repo) {
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    for dir in std::fs::read_dir(repo.path("articles")).unwrap().flatten() {
        for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if file.path().is_file() {
                set_mtime(&file.path(), long_ago);
            }
        }
    }
}
