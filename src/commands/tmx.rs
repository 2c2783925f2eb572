//! `tolk tmx`: the archive's translated and reviewed pairs as one TMX 1.4b
//! translation memory, on stdout or written atomically to a file.

use anyhow::{Context, Result};

use crate::cli::TmxArgs;
use crate::formats::tmx;
use crate::memory::{self, Unit};
use crate::session::{ArticleError, Session};

pub struct TmxReport {
    /// The memory, when it was written to a file (`-o`); else on stdout.
    pub written: Option<String>,
    pub units: usize,
    pub articles: usize,
    pub errors: Vec<ArticleError>,
}

/// The memory units of the selected articles (every article without
/// SLUGs), in slug and reading order.
pub fn collect(
    session: &Session,
    slugs: &[String],
) -> Result<(Vec<Unit>, usize, Vec<ArticleError>)> {
    let selection = session.some_articles(slugs)?;
    let (per_article, mut errors) = session.map_articles(&selection.slugs, memory::units)?;
    errors.extend(selection.misnamed.iter().map(ArticleError::misnamed));
    let articles = per_article.len();
    Ok((
        per_article.into_iter().flatten().collect(),
        articles,
        errors,
    ))
}

/// Writes the memory to `out`, or to `-o FILE` (atomically).
pub fn run(args: &TmxArgs, session: &Session, out: &mut impl std::io::Write) -> Result<TmxReport> {
    let (units, articles, errors) = collect(session, &args.slugs)?;
    let written = match &args.output {
        None => {
            tmx::write(out, &units)?;
            None
        }
        Some(path) => {
            let mut bytes = Vec::new();
            tmx::write(&mut bytes, &units)?;
            let path = session.cwd.join(path);
            let shown = path.display().to_string();
            crate::repo::write_atomic(&path, &bytes, &shown)
                .with_context(|| format!("could not write the memory to `{shown}`"))?;
            Some(
                args.output
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or(shown),
            )
        }
    };
    Ok(TmxReport {
        written,
        units: units.len(),
        articles,
        errors,
    })
}
