//! `tolk report`: the editor's review page. Gathers what `tolk check`
//! reports (the same `tolk.toml` selection, severities and waivers; the
//! waived findings too; through `check`'s result cache, so that a second
//! run reuses them), loads each article for its rows, and hands one
//! article at a time to `html` to render and write.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::checks::{Finding, Rule};
use crate::cli::{CheckArgs, CheckFormat, ReportArgs};
use crate::html::{self, Meta, RenderedArticle, Target, Written, view};
use crate::session::Session;
use crate::waive::Waived;

/// Above this many articles, a report with no `-o` is a directory (an
/// index and a page per article) rather than one file a browser would
/// struggle to open.
pub const ONE_FILE_MAX: usize = 200;

/// Default names of the report.
pub const DEFAULT_FILE: &str = "tolk-report.html";
pub const DEFAULT_DIR: &str = "tolk-report";

/// Articles rendered in parallel before they are written out in order.
const CHUNK: usize = 64;

#[derive(Debug)]
pub struct ReportOutcome {
    pub written: Written,
    /// Files that could not be read, each shown as an `invalid` finding
    /// and told on stderr: `file:line: why`.
    pub invalid: Vec<String>,
    /// Notes for stderr: no glossary, a directory chosen for a large archive.
    pub notes: Vec<String>,
}

/// Where `-o` (or its absence) puts the report for `articles` articles.
pub fn target(output: Option<&PathBuf>, articles: usize) -> Target {
    match output {
        Some(path) => {
            let text = path.to_string_lossy();
            if path.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
                Target::Dir(path.clone())
            } else {
                Target::File(path.clone())
            }
        }
        None if articles > ONE_FILE_MAX => Target::Dir(PathBuf::from(DEFAULT_DIR)),
        None => Target::File(PathBuf::from(DEFAULT_FILE)),
    }
}

/// A new file named without an extension (`-o review`) is most likely
/// meant as a directory: the report is still one file of that name, as
/// asked (people name their files as they like), and stderr says how to
/// ask for a directory. An existing file of that name is not remarked on.
fn bare_name_note(target: &Target) -> Option<String> {
    let Target::File(path) = target else {
        return None;
    };
    if path.extension().is_some() || path.exists() {
        return None;
    }
    let name = path.display();
    Some(format!(
        "`{name}` has no extension: writing the report as one HTML file named `{name}`; for a directory with a page per article, write `-o {name}/`"
    ))
}

/// The date the report says it was written: today (UTC), or the date of
/// `SOURCE_DATE_EPOCH` (seconds since 1970) for reproducible output.
pub fn report_date() -> Result<String> {
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            let seconds: i64 = value.trim().parse().ok().with_context(|| {
                format!("SOURCE_DATE_EPOCH=`{value}` is not a number of seconds since 1970; unset it or give one")
            })?;
            jiff::Timestamp::from_second(seconds)
                .with_context(|| format!("SOURCE_DATE_EPOCH=`{value}` is out of range"))?
        }
        Err(_) => jiff::Timestamp::now(),
    };
    Ok(now.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
}

type PerArticle = FxHashMap<String, (Vec<Finding>, Vec<Waived>)>;

/// `cache_dir` is `check`'s result cache (`None` with `--no-cache`): the
/// findings come from it when the articles have not changed since the
/// last `check` or `report`, so only the rows are built from the files.
pub fn run(
    args: &ReportArgs,
    session: &Session,
    cache_dir: Option<&Path>,
) -> Result<ReportOutcome> {
    let date = report_date()?;
    let check = CheckArgs {
        slugs: args.slugs.clone(),
        strict: false,
        no_strict: false,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        publish: args.publish,
        show_waived: true,
        changed_since: None,
        format: CheckFormat::Human,
        statistics: false,
        watch: false,
    };
    let checked = crate::commands::check::run_with(&check, session, cache_dir)?;
    let mut notes: Vec<String> = [checked.glossary_note, checked.spelling_note]
        .into_iter()
        .flatten()
        .collect();
    // As `check` does: what the cache reused, for tests and timing.
    if let Some(note) = &checked.cache_note
        && std::env::var_os("TOLK_CACHE_STATS").is_some_and(|v| !v.is_empty())
    {
        notes.push(note.clone());
    }
    let invalid = checked
        .findings
        .iter()
        .filter(|f| f.rule == Rule::Invalid)
        .map(|f| f.message.clone())
        .collect();
    let mut per: PerArticle = FxHashMap::default();
    let mut page_notes = Vec::new();
    for f in checked.findings {
        if f.article.is_empty() {
            page_notes.push(format!("{}:{}: {}", f.file, f.line, f.message));
        } else {
            per.entry(f.article.clone()).or_default().0.push(f);
        }
    }
    for w in checked.waived {
        per.entry(w.finding.article.clone()).or_default().1.push(w);
    }
    // Directories no command can name: shown as unreadable articles.
    let mut slugs = checked.checked;
    let mut misnamed: Vec<String> = per.keys().filter(|k| !slugs.contains(k)).cloned().collect();
    misnamed.sort();
    slugs.extend(misnamed);

    let target = target(args.output.as_ref(), slugs.len());
    if args.output.is_none()
        && let Target::Dir(dir) = &target
    {
        notes.push(format!(
            "{} articles: one page per article in `{}/` (use -o FILE.html for one file)",
            slugs.len(),
            dir.display()
        ));
    }
    if let Some(note) = bare_name_note(&target) {
        notes.push(note);
    }
    let links = html::links(&target);
    // A broken glossary is already an `invalid` finding; terms are then
    // not underlined.
    let terms = session.terms().ok().and_then(|t| t.matcher);
    let matcher = terms.as_ref();
    let meta = Meta {
        date,
        notes: page_notes,
    };
    let mut writer = html::Writer::new(target, meta)?;
    let per = std::sync::Mutex::new(per);
    let take = |slug: &str| {
        per.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(slug)
            .unwrap_or_default()
    };
    for chunk in slugs.chunks(CHUNK) {
        let rendered: Vec<RenderedArticle> = chunk
            .par_iter()
            .map(|slug| {
                let (findings, waived) = take(slug);
                let view = match session.load(slug) {
                    Ok(article) => view::article(&article, findings, waived, matcher),
                    Err(_) => view::unreadable(slug, findings, waived),
                };
                RenderedArticle::new(view, links)
            })
            .collect();
        for r in rendered {
            writer.add(r)?;
        }
    }
    let written = writer.finish()?;
    Ok(ReportOutcome {
        written,
        invalid,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_archive_with_no_output_named_becomes_a_directory() {
        let file = Target::File(PathBuf::from(DEFAULT_FILE));
        assert_eq!(target(None, 1), file);
        assert_eq!(target(None, ONE_FILE_MAX), file);
        assert_eq!(
            target(None, ONE_FILE_MAX + 1),
            Target::Dir(PathBuf::from(DEFAULT_DIR))
        );
        // Named, it is what was asked for.
        let big = PathBuf::from("all.html");
        assert_eq!(target(Some(&big), 10_000), Target::File(big));
        let dir = PathBuf::from("review/");
        assert_eq!(target(Some(&dir), 1), Target::Dir(dir));
    }
}
