//! `tolk export`: an article as XLIFF 1.2, XLIFF 2.1 or PO for a
//! translation tool (DESIGN §9).

use anyhow::Result;

use crate::cli::{ExportArgs, ExportFormat};
use crate::interchange::{self, Document, Format};
use crate::select;
use crate::session::Session;

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Xliff => Format::Xliff12,
            ExportFormat::Xliff2 => Format::Xliff21,
            ExportFormat::Po => Format::Po,
        }
    }
}

/// The document, or `None` when it was written to `--output`.
pub fn run(args: &ExportArgs, session: &Session) -> Result<Option<String>> {
    let repo = session.repo()?;
    select::require_article(repo, &args.slug)?;
    let article = session.load(&args.slug)?;
    let text = interchange::write(&Document::of(&article), args.format.into())?;
    match &args.output {
        None => Ok(Some(text)),
        Some(path) => {
            // A file outside the root: staged beside it, then renamed.
            crate::repo::write_atomic(path, text.as_bytes(), &path.display().to_string())?;
            Ok(None)
        }
    }
}
