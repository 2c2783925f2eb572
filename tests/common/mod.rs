//! Shared fixtures for the integration tests: temp repositories holding the
//! seed article, and a command builder for the real binary.
#![allow(dead_code)]

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
        repo.write("in/fi.txt", SEED_FI);
        repo.write("in/sv.txt", SEED_SV);
        repo.tolk()
            .args(["import", SLUG, "--fi", "in/fi.txt", "--sv", "in/sv.txt"])
            .assert()
            .success();
        repo
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
    /// environment: no colour, 80 columns, no user name.
    pub fn tolk(&self) -> Command {
        let mut cmd = Command::cargo_bin("tolk").unwrap();
        cmd.current_dir(self.root())
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
