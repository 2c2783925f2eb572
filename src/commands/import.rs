//! `tolk import`: copy delivered texts into `articles/SLUG/`.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ImportArgs;
use crate::repo::{self, Repo};
use crate::segment::{Segmented, segment};
use crate::status::StatusFile;

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub article: String,
    pub files: Vec<ImportedFile>,
    /// The translator named by the Swedish `ÖVERSÄTTNING:` line.
    pub translator: Option<String>,
    /// With the Swedish alone: how many segment records `status.toml`
    /// kept (it is left as it was, but for a new translator credit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_records: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct ImportedFile {
    pub lang: &'static str,
    pub file: String,
    pub segments: usize,
}

pub fn run(args: &ImportArgs, repo: &Repo) -> Result<ImportReport> {
    repo::check_slug(&args.slug)?;
    let dir = repo.article_dir(&args.slug);

    // The Swedish alone goes to an article that has its Finnish.
    if args.fi.is_none() && !dir.join("fi.txt").is_file() {
        let slugs = repo.slugs().unwrap_or_default();
        if let Some(best) = crate::select::closest_slug(&args.slug, &slugs) {
            bail!(
                "no article `{}` to add the Swedish to; did you mean `{best}`?",
                args.slug
            );
        }
        bail!(
            "no article `{slug}` to add the Swedish to: import the Finnish with it \
             (`tolk import {slug} --fi FILE --sv FILE`)",
            slug = args.slug
        );
    }

    // Read and validate everything before writing anything, so a refusal
    // leaves the repository exactly as it was.
    let mut inputs = Vec::new();
    inputs.extend(args.fi.as_deref().map(|fi| ("fi", fi)));
    inputs.extend(args.sv.as_deref().map(|sv| ("sv", sv)));
    let mut planned = Vec::new();
    for (lang, source) in inputs {
        let shown_source = source.display().to_string();
        if !source.is_file() {
            bail!("could not read `{shown_source}`: no such file");
        }
        let bytes = std::fs::read(source)
            .map_err(anyhow::Error::from)
            .map_err(|e| e.context(format!("could not read `{shown_source}`")))?;
        let text = crate::text::decode(&bytes, &shown_source)?;
        let segmented = segment(text);
        let target = dir.join(format!("{lang}.txt"));
        let shown_target = repo.display(&target);
        planned.push((lang, target, shown_target, bytes, segmented));
    }

    let status_path = dir.join("status.toml");
    let shown_status = repo.display(&status_path);
    // A status.toml that does not parse is refused now, before any copy.
    crate::status::StatusFile::load(&status_path, &shown_status)?;

    let created = !dir.exists();
    repo.create_dir_inside(&dir)?;
    let written = crate::status::with_lock(&status_path, &shown_status, || {
        write(args, &status_path, &shown_status, planned)
    });
    if written.is_err() && created {
        // Leave no empty article behind: a retry must find things as they were.
        let _ = std::fs::remove_file(crate::status::lock_path(&status_path));
        let _ = std::fs::remove_dir(&dir);
    }
    written
}

type Planned = (&'static str, PathBuf, String, Vec<u8>, Segmented);

/// Under the status lock: stages the texts and the status file, then puts
/// them in place together, so a failure (a full disk) changes nothing.
fn write(
    args: &ImportArgs,
    status_path: &Path,
    shown_status: &str,
    planned: Vec<Planned>,
) -> Result<ImportReport> {
    for (_, target, shown, _, _) in &planned {
        if target.exists() && !args.force {
            bail!("`{shown}` already exists; pass --force to replace it");
        }
    }
    let mut status = StatusFile::load(status_path, shown_status)?;
    let mut report = ImportReport {
        article: args.slug.clone(),
        files: Vec::new(),
        translator: None,
        kept_records: args.fi.is_none().then_some(status.entries.len()),
    };
    // Importing the Finnish writes the segment tables; the Swedish alone
    // leaves status.toml untouched unless it names a new translator.
    let mut status_changed = args.fi.is_some();
    let mut staged = Vec::new();
    for (lang, target, shown, bytes, segmented) in planned {
        // Byte for byte: tolk never rewrites what people wrote.
        staged.push(repo::stage(&target, &bytes, &shown)?);
        match lang {
            "fi" => status.ensure_segments(segmented.segments.iter().map(|s| s.id.as_str()))?,
            _ => report.translator = segmented.translators().next().map(|c| c.display.clone()),
        }
        report.files.push(ImportedFile {
            lang,
            file: shown,
            segments: segmented.segments.len(),
        });
    }
    if let Some(name) = &report.translator
        && status.translator.as_deref() != Some(name.as_str())
    {
        status.set_translator(name)?;
        status_changed = true;
    }
    if status_changed {
        staged.push(status.stage()?);
    }
    repo::commit_all(staged)?;
    Ok(report)
}
