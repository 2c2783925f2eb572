//! `tolk init`: set up a magazine repository: `articles/`, a starter
//! glossary and configuration, and the git merge driver for `status.toml`.
//! Nothing that exists is overwritten.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::repo::{self, Repo};

/// The `.gitattributes` line that sends `status.toml` to the merge driver.
pub const ATTRIBUTES: &str = "articles/*/status.toml merge=tolk-status";

/// The command that registers the driver (git keeps it out of the
/// repository, so every clone runs it once).
pub const GIT_CONFIG: &str = "git config merge.tolk-status.driver \"tolk merge-status %O %A %B\"";

/// tolk's temporary and lock files, for `.gitignore`.
pub const IGNORE: [&str; 2] = [".tolk-*.tmp", ".status.toml.lock"];

const GLOSSARY: &str = r#"# Terminology: the Swedish rendering each Finnish term requires.
# See `tolk terms TEXT --lang fi` and the README's glossary section.
#
# [[term]]
# fi = "hyvinvointikertomus"          # Finnish base form
# sv = "välfärdsberättelse"           # required Swedish rendering
# avoid = ["välfärdsrapport*"]        # renderings that must not be used
# note = "Statutory term."
"#;

const CONFIG: &str = r#"# tolk's project settings. See `tolk rules` for the rules and the README's
# "Project settings" section; the command line (--select, --ignore,
# --strict, --no-strict, --publish) overrides what is set here.
#
# [check]
# strict = false            # true: warnings fail too
# select = ["ALL"]          # or a list of rules; without it, every rule but
#                           # spelling and inconsistent (slow on a large archive)
# ignore = ["draft"]        # rules that do not run
# [check.severity]
# number = "error"          # a rule's severity in this project
#
# [publish]
# always = false            # true: every check is a publish check
# distinct_reviewer = true  # the reviewer must not be the translator
"#;

#[derive(Debug, Serialize)]
pub struct InitReport {
    pub root: String,
    /// What was created or added to, as shown paths.
    pub created: Vec<String>,
    /// What was there already and left alone.
    pub kept: Vec<String>,
    /// The `git config` command to run once per clone.
    pub git_config: &'static str,
}

pub fn run(root: &Path) -> Result<InitReport> {
    let repo = Repo::at(root.to_path_buf(), None);
    let mut report = InitReport {
        root: root.display().to_string(),
        created: Vec::new(),
        kept: Vec::new(),
        git_config: GIT_CONFIG,
    };
    let articles = repo.articles_dir();
    if articles.is_dir() {
        report.kept.push("articles/".into());
    } else {
        std::fs::create_dir_all(&articles)
            .with_context(|| format!("could not create `{}`", articles.display()))?;
        report.created.push("articles/".into());
    }
    for (name, text) in [("glossary.toml", GLOSSARY), ("tolk.toml", CONFIG)] {
        let path = root.join(name);
        if path.exists() {
            report.kept.push(name.into());
        } else {
            repo::write_atomic(&path, text.as_bytes(), name)?;
            report.created.push(name.into());
        }
    }
    add_lines(root, ".gitattributes", &[ATTRIBUTES], &mut report)?;
    add_lines(root, ".gitignore", &IGNORE, &mut report)?;
    Ok(report)
}

/// Appends the `lines` a file lacks, keeping everything in it.
fn add_lines(root: &Path, name: &str, lines: &[&str], report: &mut InitReport) -> Result<()> {
    let path = root.join(name);
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(|| format!("could not read `{name}`")),
    };
    let text = old.clone().unwrap_or_default();
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| !text.lines().any(|l| l.trim() == *line))
        .collect();
    if missing.is_empty() {
        report.kept.push(name.into());
        return Ok(());
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if name == ".gitignore" {
        new.push_str("# tolk's temporary and lock files\n");
    }
    for line in missing {
        new.push_str(line);
        new.push('\n');
    }
    repo::write_atomic(&path, new.as_bytes(), name)?;
    report.created.push(match old {
        Some(_) => format!("{name} (lines added)"),
        None => name.to_string(),
    });
    Ok(())
}

#[cfg(test)]
mod starter_tests {
    use super::CONFIG;
    use crate::config::{Config, Overrides};

    /// The starter tolk.toml is valid as written, and with every setting
    /// uncommented: what it shows is what tolk accepts.
    #[test]
    fn the_starter_settings_parse_commented_and_uncommented() {
        assert!(Config::parse(Some(CONFIG), "tolk.toml", &Overrides::default()).is_ok());
        let uncommented: String = CONFIG
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.starts_with('[') || l.contains(" = "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(uncommented.contains("distinct_reviewer"), "{uncommented}");
        let config = Config::parse(Some(&uncommented), "tolk.toml", &Overrides::default())
            .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert!(!config.selects(crate::rules::Rule::Draft));
    }
}
