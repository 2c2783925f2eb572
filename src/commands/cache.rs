//! `tolk cache info` and `tolk cache clean`: the result cache `check`
//! keeps (see `cache.rs`), and its two small printers.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cache::{self, Cleaned, Info};
use crate::cli::Global;
use crate::session::Session;
use crate::text::escape_controls as esc;

/// The variable naming the cache directory when `--cache-dir` does not.
pub const DIR_VAR: &str = "TOLK_CACHE_DIR";

/// The cache directory of this run: `--cache-dir`, else `TOLK_CACHE_DIR`
/// (an empty one is unset), else `.tolk-cache` at the root; `None` under
/// `--no-cache` when `use_it` (a command that would read or write it), or
/// with no repository.
pub fn dir(global: &Global, session: &Session, use_it: bool) -> Option<PathBuf> {
    if use_it && global.no_cache {
        return None;
    }
    let repo = session.repo().ok()?;
    let from_env = std::env::var_os(DIR_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let explicit = global.cache_dir.clone().or(from_env);
    Some(cache::dir(explicit.as_deref(), &repo.root))
}

/// The directory as people see it: from the root when it is inside.
fn shown(session: &Session, dir: &std::path::Path) -> String {
    match session.repo() {
        Ok(repo) => repo.display(dir),
        Err(_) => dir.display().to_string(),
    }
}

pub fn info(global: &Global, session: &Session) -> Result<Info> {
    session.repo()?;
    let dir = dir(global, session, false).context("no repository")?;
    Ok(cache::info(&dir, shown(session, &dir)))
}

pub fn clean(global: &Global, session: &Session) -> Result<Cleaned> {
    session.repo()?;
    let dir = dir(global, session, false).context("no repository")?;
    let shown = shown(session, &dir);
    cache::clean(&dir, shown.clone())
        .with_context(|| format!("could not remove the cache in `{shown}`"))
}

/// `1.2 MB`: sizes people read at a glance.
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

pub fn write_info(out: &mut impl Write, info: &Info) -> Result<()> {
    let dir = esc(&info.dir);
    if !info.exists {
        writeln!(
            out,
            "no cache at `{dir}` yet: the next `tolk check` or `tolk status` writes one"
        )?;
        return Ok(());
    }
    writeln!(out, "cache at `{dir}`, {}", size(info.bytes))?;
    for ns in &info.namespaces {
        // The namespaces kept whole say what they hold.
        let what = match ns.name.as_str() {
            "matcher" => "the compiled glossary".to_string(),
            "words" => "spelling verdicts".to_string(),
            // `check` and `check --select ALL` keep theirs apart.
            _ if ns.runs > 1 => format!(
                "{} for {} kinds of run",
                plural(ns.articles, "article result"),
                ns.runs
            ),
            _ => plural(ns.articles, "article"),
        };
        write!(
            out,
            "  {:<8}{what} in {}, {}",
            ns.name,
            plural(ns.shards, "file"),
            size(ns.bytes)
        )?;
        if ns.unreadable > 0 {
            write!(
                out,
                " ({} unreadable: rebuilt by the next run)",
                ns.unreadable
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn write_cleaned(out: &mut impl Write, cleaned: &Cleaned) -> Result<()> {
    let dir = esc(&cleaned.dir);
    if cleaned.files == 0 {
        writeln!(out, "no cache at `{dir}`: nothing to remove")?;
    } else {
        writeln!(
            out,
            "removed the cache at `{dir}`: {} files, {}",
            cleaned.files,
            size(cleaned.bytes)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_at_a_glance() {
        assert_eq!(size(0), "0 bytes");
        assert_eq!(size(999), "999 bytes");
        assert_eq!(size(1_500), "1.5 kB");
        assert_eq!(size(12_345_678), "12.3 MB");
    }
}
