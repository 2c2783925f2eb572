//! `tolk segments`: the numbered segments of an article or a file.

use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::{Lang, SegmentsArgs};
use crate::repo;
use crate::segment::{Segmented, segment};
use crate::session::Session;

#[derive(Debug, Serialize)]
pub struct SegmentsReport {
    pub file: String,
    pub lang: &'static str,
    #[serde(flatten)]
    pub segmented: Segmented,
}

/// Whether the argument names a file rather than an article slug.
fn is_file_argument(target: &str) -> bool {
    !repo::valid_slug(target) || Path::new(target).is_file()
}

pub fn run(args: &SegmentsArgs, session: &Session) -> Result<SegmentsReport> {
    let (path, shown, lang) = if is_file_argument(&args.target) {
        let path = Path::new(&args.target).to_path_buf();
        let lang = match args.lang {
            Some(lang) => lang,
            None => match path.file_name().and_then(|n| n.to_str()) {
                Some("fi.txt") => Lang::Fi,
                Some("sv.txt") => Lang::Sv,
                _ => bail!(
                    "cannot tell the language of `{}` from its name; add --lang fi or --lang sv",
                    args.target
                ),
            },
        };
        (path, args.target.clone(), lang)
    } else {
        let repo = session.repo()?;
        crate::select::require_article(repo, &args.target)?;
        let lang = args.lang.unwrap_or(Lang::Fi);
        // An article's Swedish is read beside its Finnish, as every other
        // command reads it (a last question awaiting its answer keeps its id).
        // (Should the article not load, its file is read on its own below,
        // with that file's own error if it has one.)
        if lang == Lang::Sv
            && let Ok(article) = session.load(&args.target)
            && let Some(sv) = article.sv
        {
            return Ok(SegmentsReport {
                file: article.sv_file,
                lang: lang.as_str(),
                segmented: sv,
            });
        }
        let path = repo
            .article_dir(&args.target)
            .join(format!("{}.txt", lang.as_str()));
        let shown = repo.display(&path);
        (path, shown, lang)
    };
    if !path.exists() {
        bail!("could not read `{shown}`: no such file");
    }
    let text = repo::read_text(&path, &shown)?;
    Ok(SegmentsReport {
        file: shown,
        lang: lang.as_str(),
        segmented: segment(&text),
    })
}
