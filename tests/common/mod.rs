//! Shared fixtures for the integration tests: temp repositories holding the
//! seed article, and a command builder for the real binary.
#![allow(dead_code)]

pub mod cache_runs;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const SEED_FI: &[u8] = include_bytes!("../../articles/hyvinvointikoordinaattori/fi.txt");
pub const SEED_SV: &[u8] = include_bytes!("../../articles/hyvinvointikoordinaattori/sv.txt");
pub const SLUG: &str = "hyvinvointikoordinaattori";

/// A temporary data repository.
pub struct Repo {
    pub dir: tempfile::TempDir,
}

impl Repo {
    /// An empty repository (no articles/ yet).
    pub fn empty() -> Repo {
        Repo {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A repository holding the seed article, imported with tolk itself.
    pub fn seed() -> Repo {
        let repo = Repo::empty();
        repo.import(SLUG, SEED_FI, Some(SEED_SV));
        repo
    }

    /// `tolk import SLUG` of the given texts, which must succeed.
    pub fn import(&self, slug: &str, fi: impl AsRef<[u8]>, sv: Option<&[u8]>) {
        self.write("in/fi.txt", fi);
        let mut cmd = self.tolk();
        cmd.args(["import", slug, "--fi", "in/fi.txt"]);
        if let Some(sv) = sv {
            self.write("in/sv.txt", sv);
            cmd.args(["--sv", "in/sv.txt"]);
        }
        cmd.assert().success();
    }

    /// `tolk mark SLUG ARGS…`, which must succeed.
    pub fn mark(&self, slug: &str, args: &[&str]) {
        self.tolk()
            .arg("mark")
            .arg(slug)
            .args(args)
            .assert()
            .success();
    }

    /// Replaces the first `from` in a file of the seed article by `to`.
    pub fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.article(file);
        let text = self.read(&path);
        assert!(text.contains(from), "{from:?} not in {file}");
        self.write(&path, text.replacen(from, to, 1));
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap()
    }

    pub fn article(&self, file: &str) -> String {
        format!("articles/{SLUG}/{file}")
    }

    /// `tolk` run in the repository root with a clean, predictable
    /// environment: no colour, 80 columns, no user name, and no spelling
    /// dictionary, so that findings do not depend on whether this machine
    /// has hunspell-sv (`tests/spelling.rs` uses [`Repo::tolk_spelling`]).
    pub fn tolk(&self) -> Command {
        let mut cmd = self.tolk_spelling();
        cmd.env(
            "TOLK_DICTIONARY",
            self.root().join(".no-dictionary/sv_FI.dic"),
        );
        cmd
    }

    /// [`Repo::tolk`] with the machine's spelling dictionary.
    pub fn tolk_spelling(&self) -> Command {
        let mut cmd = Command::cargo_bin("tolk").unwrap();
        cmd.env_remove("TOLK_DICTIONARY")
            .current_dir(self.root())
            .env("COLUMNS", "80")
            .env_remove("NO_COLOR")
            .env_remove("TOLK_USER")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.root());
        cmd
    }
}

pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

pub fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
