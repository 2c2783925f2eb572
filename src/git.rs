//! What git knows about the repository, for `check --changed-since REF`:
//! which articles' files differ from a revision. Runs the `git` program
//! (as editors and CI have it) rather than reading the object store.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::repo::Repo;
use crate::session::Selection;

/// Files under the root that differ from a revision.
#[derive(Debug, Default)]
pub struct Changed {
    /// Article directories (`articles/<name>/…`) with a changed file.
    pub articles: BTreeSet<String>,
    /// A file every article depends on changed (glossary.toml, tolk.toml).
    pub shared: Option<String>,
}

/// Runs git in `dir`; its stdout, or an error carrying its stderr.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("--changed-since runs `git`, which could not be started; is git installed?")?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(out.stdout)
}

/// NUL-separated paths, as `-z` prints them.
fn paths(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).replace('\\', "/"))
}

/// What differs between revision `rev` and the working tree under the
/// repository root: committed, staged and unstaged changes and new files
/// git does not ignore.
pub fn changed_since(repo: &Repo, rev: &str) -> Result<Changed> {
    let root = &repo.root;
    if git(root, &["rev-parse", "--show-toplevel"]).is_err() {
        bail!(
            "--changed-since needs a git repository, and `{}` is not inside one; \
             check every article without it",
            root.display()
        );
    }
    if rev.starts_with('-') {
        bail!("--changed-since `{rev}`: a revision cannot start with `-`");
    }
    let commit = format!("{rev}^{{commit}}");
    if git(root, &["rev-parse", "--verify", "--quiet", &commit]).is_err() {
        bail!(
            "--changed-since: git knows no revision `{rev}` (a branch, tag or commit; in CI, \
             fetch enough history, e.g. `fetch-depth: 0`)"
        );
    }
    let diff = git(
        root,
        &[
            "diff",
            "--name-only",
            "--relative",
            "-z",
            &commit,
            "--",
            ".",
        ],
    )?;
    let untracked = git(
        root,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            ".",
        ],
    )?;
    let glossary = repo.display(&repo.glossary);
    let mut changed = Changed::default();
    for path in paths(&diff).chain(paths(&untracked)) {
        if let Some(rest) = path.strip_prefix("articles/") {
            if let Some((name, _)) = rest.split_once('/') {
                changed.articles.insert(name.to_string());
            }
        } else if path == glossary || path == "tolk.toml" {
            changed.shared.get_or_insert(path);
        }
    }
    Ok(changed)
}

impl Changed {
    /// Keeps in `selection` only what changed (everything, when a shared
    /// file did); a note for stderr saying what was left out.
    pub fn narrow(&self, selection: &mut Selection, rev: &str) -> Option<String> {
        if let Some(file) = &self.shared {
            return Some(format!(
                "`{file}` changed since {rev}: checking every article"
            ));
        }
        let before = selection.len();
        selection.slugs.retain(|s| self.articles.contains(s));
        selection
            .misnamed
            .retain(|m| self.articles.contains(&m.name));
        Some(format!(
            "{} of {before} articles changed since {rev}",
            selection.len()
        ))
    }
}
