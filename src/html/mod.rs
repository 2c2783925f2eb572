//! The HTML review report (`tolk report`): the view model (`view`), the
//! markup (`render`, maud) and writing it out here, one article at a time.
//!
//! One file: the articles' sections go to a temporary file while the index
//! is gathered, then index and sections are written into a temporary file
//! beside the target, which is renamed over it. A directory: one page per
//! article and `index.html`, each written the same way. Either way no more
//! than one chunk of articles is held in memory.

pub mod render;
pub mod view;

use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub use render::{Links, Meta};
pub use view::{ArticleView, Summary};

/// Where the report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// `index.html` and `SLUG.html` in this directory.
    Dir(PathBuf),
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    /// The file, or the directory's `index.html`.
    pub path: PathBuf,
    pub articles: usize,
    /// Bytes written in all.
    pub bytes: u64,
    /// Pages besides the index (directory output).
    pub pages: usize,
}

const TITLE: &str = "Translation review";

/// Where the articles go in the page: markup no escaped text can contain.
const PLACEHOLDER: &str = "<!--tolk:articles-->";

/// Writes a report, article by article, as `add` hands them over.
pub struct Writer {
    target: Target,
    meta: Meta,
    summaries: Vec<Summary>,
    /// One file: the articles' sections, until the index is known.
    sections: Option<BufWriter<File>>,
    bytes: u64,
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same
/// directory, renamed over it: a reader never sees half a page.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&mut File>) -> Result<()>,
) -> Result<u64> {
    let shown = path.display();
    let mut tmp = tempfile::NamedTempFile::new_in(dir_of(path)).with_context(|| {
        format!("could not write `{shown}`: cannot create a file in its directory")
    })?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out).with_context(|| format!("could not write `{shown}`"))?;
        out.flush()
            .with_context(|| format!("could not write `{shown}`"))?;
    }
    let bytes = tmp.as_file().metadata().map(|m| m.len()).unwrap_or(0);
    // A temporary file is private to its owner; a report is for sharing,
    // and one written over keeps the mode it had.
    let mode = match std::fs::metadata(path) {
        Ok(old) => old.permissions(),
        Err(_) => readable_by_all(tmp.as_file())?,
    };
    tmp.as_file()
        .set_permissions(mode)
        .with_context(|| format!("could not write `{shown}`"))?;
    tmp.persist(path)
        .with_context(|| format!("could not write `{shown}`"))?;
    Ok(bytes)
}

#[cfg(unix)]
fn readable_by_all(file: &File) -> Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut mode = file.metadata()?.permissions();
    mode.set_mode(0o644);
    Ok(mode)
}

#[cfg(not(unix))]
fn readable_by_all(file: &File) -> Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

impl Writer {
    pub fn new(target: Target, meta: Meta) -> Result<Writer> {
        let sections = match &target {
            Target::File(path) => {
                let dir = dir_of(path);
                if !dir.is_dir() {
                    anyhow::bail!(
                        "could not write `{}`: no directory `{}`; create it first",
                        path.display(),
                        dir.display()
                    );
                }
                let file = tempfile::tempfile_in(dir).with_context(|| {
                    format!(
                        "could not write `{}`: cannot create a file in its directory",
                        path.display()
                    )
                })?;
                Some(BufWriter::new(file))
            }
            Target::Dir(dir) => {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!("could not create the directory `{}`", dir.display())
                })?;
                None
            }
        };
        Ok(Writer {
            target,
            meta,
            summaries: Vec::new(),
            sections,
            bytes: 0,
        })
    }

    /// Renders one article and writes it out; only its summary is kept.
    pub fn add(&mut self, html: RenderedArticle) -> Result<()> {
        match (&self.target, &mut self.sections) {
            (Target::File(path), Some(out)) => {
                out.write_all(html.section.as_bytes())
                    .with_context(|| format!("could not write `{}`", path.display()))?;
            }
            (Target::Dir(dir), _) => {
                let path = dir.join(render::page_name(&html.summary.slug));
                let title = format!("{} · {TITLE}", html.summary.slug);
                let page = render::page(&title, &self.meta, maud::PreEscaped(html.section));
                self.bytes += write_atomic(&path, |out| Ok(out.write_all(page.0.as_bytes())?))?;
            }
            (Target::File(_), None) => unreachable!("a file target keeps its sections"),
        }
        self.summaries.push(html.summary);
        Ok(())
    }

    /// Writes the index (and, for one file, the sections after it).
    pub fn finish(self) -> Result<Written> {
        let articles = self.summaries.len();
        let index = render::index(&self.summaries, links(&self.target));
        let title = format!(
            "{TITLE}: {articles} article{}",
            if articles == 1 { "" } else { "s" }
        );
        let page = render::page(
            &title,
            &self.meta,
            maud::html! { (index) div id="articles" { (maud::PreEscaped(PLACEHOLDER)) } },
        );
        // The sections go where the placeholder is: after the index.
        let (head, tail) = page
            .0
            .split_once(PLACEHOLDER)
            .expect("the page holds its placeholder");
        match self.target {
            Target::File(path) => {
                let mut sections = self
                    .sections
                    .expect("a file target keeps its sections")
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("could not write `{}`", path.display()))?;
                sections.rewind()?;
                let bytes = write_atomic(&path, |out| {
                    out.write_all(head.as_bytes())?;
                    std::io::copy(&mut sections, out)?;
                    out.write_all(tail.as_bytes())?;
                    Ok(())
                })?;
                Ok(Written {
                    path,
                    articles,
                    bytes,
                    pages: 0,
                })
            }
            Target::Dir(dir) => {
                let path = dir.join("index.html");
                let page = format!("{head}{tail}");
                let bytes =
                    self.bytes + write_atomic(&path, |out| Ok(out.write_all(page.as_bytes())?))?;
                Ok(Written {
                    path,
                    articles,
                    bytes,
                    pages: articles,
                })
            }
        }
    }
}

/// One article rendered: its section and the index's figures.
#[derive(Debug)]
pub struct RenderedArticle {
    pub summary: Summary,
    pub section: String,
}

impl RenderedArticle {
    pub fn new(view: ArticleView, links: Links) -> RenderedArticle {
        let section = render::article(&view, links).into_string();
        RenderedArticle {
            summary: view.summary,
            section,
        }
    }
}

/// How the index links to articles for a target.
pub fn links(target: &Target) -> Links {
    match target {
        Target::File(_) => Links::Fragment,
        Target::Dir(_) => Links::Pages,
    }
}

/// A size as people read it: `41 KB`, `3.2 MB`.
pub fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < KB * KB => format!("{} KB", b.div_ceil(KB)),
        b => format!("{:.1} MB", b as f64 / (KB * KB) as f64),
    }
}
