//! `tolk mark`: record that segments were translated or reviewed, by whom.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::article::State;
use crate::cli::MarkArgs;
use crate::repo::Repo;
use crate::session::Session;
use crate::status::{Entry, Stored};

#[derive(Debug, Serialize)]
pub struct MarkReport {
    pub article: String,
    pub state: &'static str,
    pub by: String,
    pub at: String,
    pub marked: Vec<String>,
    /// With `--all`: segments left alone because they have no Swedish text.
    pub skipped_missing: Vec<String>,
    /// Segments marked with a named one because they share its Swedish
    /// paragraph: (added, named).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<(String, String)>,
}

/// Today's date in the local time zone, as RFC 3339 (`2026-11-23`).
pub fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// `--by` (or `TOLK_USER`, through clap), else `git config user.name`.
pub fn resolve_name(by: Option<&str>, repo: &Repo) -> Result<String> {
    if let Some(name) = by.map(str::trim).filter(|n| !n.is_empty()) {
        return Ok(name.to_string());
    }
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(&repo.root)
        .output();
    if let Ok(out) = git {
        let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !name.is_empty() {
            return Ok(name);
        }
    }
    bail!("who is marking? pass --by NAME (or set TOLK_USER, or git's user.name)")
}

pub fn run(args: &MarkArgs, session: &Session) -> Result<MarkReport> {
    let repo = session.repo()?;
    let article = session.load(&args.slug)?;
    let by = resolve_name(args.by.as_deref(), repo)?;
    let at = today();

    let mut targets = Vec::new();
    let mut skipped_missing = Vec::new();
    let mut with = Vec::new();
    if args.all {
        for pair in article.pairs() {
            if pair.state == State::Missing {
                skipped_missing.push(pair.fi.id.clone());
            } else {
                targets.push(pair.fi.id.clone());
            }
        }
    } else {
        let unknown: Vec<&str> = args
            .ids
            .iter()
            .filter(|id| article.fi.get(id).is_none())
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            let known: Vec<&str> = article.fi.segments.iter().map(|s| s.id.as_str()).collect();
            bail!(
                "no segment {} in `{}` (its ids: {}); nothing was marked",
                unknown
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                article.fi_file,
                known.join(" ")
            );
        }
        let missing: Vec<&str> = args
            .ids
            .iter()
            .filter(|id| {
                article
                    .pair_of(id)
                    .is_some_and(|p| p.state == State::Missing)
            })
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            bail!(
                "nothing to mark: {} {} no Swedish text in `{}`; nothing was marked",
                missing.join(", "),
                if missing.len() == 1 { "has" } else { "have" },
                article.sv_file
            );
        }
        // One Swedish paragraph that translates two Finnish segments is
        // marked as the pair it is.
        for named in &args.ids {
            for id in article.row_ids(named) {
                if &id != named && !args.ids.contains(&id) {
                    with.push((id.clone(), named.clone()));
                }
                if !targets.contains(&id) {
                    targets.push(id);
                }
            }
        }
    }

    let credit = article.translators().into_iter().next();
    // Every pair worked out once: `--all` on a long article stays linear.
    let pairs = article.pairs();
    let by_id: std::collections::HashMap<&str, &crate::article::Pair<'_>> =
        pairs.iter().map(|p| (p.fi.id.as_str(), p)).collect();
    let mut updates = Vec::new();
    for id in &targets {
        let pair = by_id[id.as_str()];
        let reviewed_text = match args.state {
            Stored::Translated => None,
            Stored::Reviewed => pair.sv.map(|s| s.text.clone()),
        };
        updates.push((id.clone(), pair.fi.text.clone(), reviewed_text));
    }
    let order: Vec<String> = article.fi.segments.iter().map(|s| s.id.clone()).collect();
    if !targets.is_empty() {
        // The texts were read without the lock; the records are applied to
        // the file as it is now, so a `mark` running at the same time on
        // another segment keeps its record.
        crate::status::update(repo, &article.slug, |status| {
            // Records follow their text: when the Finnish gained or lost a
            // segment, the ids after it shifted; store them under the new
            // ids (worked out on the file as it is now, under the lock).
            status.rename(&crate::article::moved_records(&article.fi, status))?;
            status.ensure_segments(order.iter().map(String::as_str))?;
            for (id, source, reviewed_text) in updates {
                // Keep who translated it: the credit and invoices depend on it.
                let translator = match args.state {
                    Stored::Translated => None,
                    Stored::Reviewed => status
                        .entries
                        .get(&id)
                        .map(|e| e.translated_by().to_string())
                        .or_else(|| credit.clone()),
                };
                let entry = Entry {
                    state: args.state,
                    by: by.clone(),
                    at: at.clone(),
                    source,
                    translator,
                    reviewed_text,
                };
                status.set(&id, entry)?;
            }
            Ok(())
        })?;
    }
    Ok(MarkReport {
        article: article.slug,
        state: args.state.as_str(),
        by,
        at,
        marked: targets,
        skipped_missing,
        with,
    })
}
