//! `tolk import`: copy delivered texts into `articles/SLUG/`.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ImportArgs;
use crate::repo::{self, Repo};
use crate::segment::segment;

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub article: String,
    pub files: Vec<ImportedFile>,
    /// The translator named by the Swedish `ÖVERSÄTTNING:` line.
    pub translator: Option<String>,
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

    // Read and validate everything before writing anything, so a refusal
    // leaves the repository exactly as it was.
    let mut inputs = vec![("fi", args.fi.as_path())];
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
        if target.exists() && !args.force {
            bail!("`{shown_target}` already exists; pass --force to replace it");
        }
        planned.push((lang, target, shown_target, bytes, segmented));
    }

    // A status.toml that does not parse is refused now, before any copy.
    let status_path = dir.join("status.toml");
    let mut status = crate::status::StatusFile::load(&status_path, &repo.display(&status_path))?;

    std::fs::create_dir_all(&dir).map_err(|e| {
        anyhow::Error::from(e).context(format!("could not create `{}`", repo.display(&dir)))
    })?;
    let mut report = ImportReport {
        article: args.slug.clone(),
        files: Vec::new(),
        translator: None,
    };
    for (lang, target, shown, bytes, segmented) in planned {
        // Byte for byte: tolk never rewrites what people wrote.
        repo::write_atomic(&target, &bytes, &shown)?;
        if lang == "sv" {
            report.translator = segmented.translators().next().map(|c| c.display.clone());
        }
        report.files.push(ImportedFile {
            lang,
            file: shown,
            segments: segmented.segments.len(),
        });
    }
    if let Some(name) = &report.translator {
        status.set_translator(name)?;
        status.save()?;
    }
    Ok(report)
}
