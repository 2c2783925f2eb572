//! The data repository: finding its root, naming articles, reading their
//! files (DESIGN §1).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::error::{ErrorKind, LoadError};
use crate::source::Source;

/// The data repository tolk works in.
#[derive(Debug, Clone)]
pub struct Repo {
    pub root: PathBuf,
    pub glossary: PathBuf,
}

impl Repo {
    /// Finds the root: `--root`, else the nearest directory from `start`
    /// upwards holding `articles/` or `glossary.toml`.
    pub fn discover(root: Option<&Path>, glossary: Option<&Path>, start: &Path) -> Result<Repo> {
        let root = match root {
            Some(dir) => {
                if !dir.is_dir() {
                    bail!("--root `{}` is not a directory", dir.display());
                }
                dir.to_path_buf()
            }
            None => find_root(start).with_context(|| {
                format!(
                    "no tolk repository here: neither `{}` nor any parent holds `articles/` or \
                     `glossary.toml`; run tolk inside the magazine repository or pass --root DIR",
                    start.display()
                )
            })?,
        };
        Ok(Repo::at(root, glossary))
    }

    /// A repository rooted at `root`, whether or not it exists yet.
    pub fn at(root: PathBuf, glossary: Option<&Path>) -> Repo {
        let glossary = glossary.map_or_else(|| root.join("glossary.toml"), Path::to_path_buf);
        Repo { root, glossary }
    }

    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    pub fn article_dir(&self, slug: &str) -> PathBuf {
        self.articles_dir().join(slug)
    }

    /// The path as people see it: relative to the root where possible, so
    /// messages and GitHub annotations read `articles/x/sv.txt`.
    pub fn display(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }

    /// The slugs of every article directory, sorted (directories whose
    /// name is not a slug are left out: see [`Repo::article_dirs`]).
    pub fn slugs(&self) -> Result<Vec<String>> {
        Ok(self.article_dirs()?.slugs)
    }

    /// Every directory under `articles/`: the articles, sorted, and the
    /// directories whose name is not a valid slug, which no command can
    /// name and so must be reported rather than skipped. Hidden entries
    /// (`.git`, `.DS_Store`) and plain files (`README.md`) are not
    /// articles.
    pub fn article_dirs(&self) -> Result<ArticleDirs> {
        let dir = self.articles_dir();
        let mut found = ArticleDirs::default();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(found),
            Err(err) => {
                return Err(err).with_context(|| format!("could not list `{}`", dir.display()));
            }
        };
        for entry in entries {
            let entry = entry.with_context(|| format!("could not list `{}`", dir.display()))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            // The directory entry knows its type: no extra stat per article.
            let is_dir = entry
                .file_type()
                .map(|t| t.is_dir() || (t.is_symlink() && entry.path().is_dir()))
                .unwrap_or(false);
            if !is_dir {
                continue;
            }
            if valid_slug(&name) {
                found.slugs.push(name.into_owned());
            } else {
                found.misnamed.push(Misnamed {
                    suggestion: suggest_slug(&name),
                    taken: false,
                    shown: self.display(&entry.path()),
                    name: name.into_owned(),
                });
            }
        }
        found.slugs.sort();
        found.misnamed.sort_by(|a, b| a.name.cmp(&b.name));
        for m in &mut found.misnamed {
            m.taken = m
                .suggestion
                .as_ref()
                .is_some_and(|s| found.slugs.binary_search(s).is_ok());
        }
        Ok(found)
    }

    /// Checks that `slug` names an existing article.
    pub fn require_article(&self, slug: &str) -> Result<(), LoadError> {
        check_slug(slug)?;
        let shown = self.display(&self.article_dir(slug));
        if !self.article_dir(slug).is_dir() {
            return Err(LoadError::new(
                ErrorKind::Usage,
                &shown,
                format!(
                    "no article `{slug}`: `{shown}` does not exist (see `tolk status` for the articles)"
                ),
            ));
        }
        Ok(())
    }
}

/// What `articles/` holds: see [`Repo::article_dirs`].
#[derive(Debug, Default)]
pub struct ArticleDirs {
    pub slugs: Vec<String>,
    pub misnamed: Vec<Misnamed>,
}

/// A directory under `articles/` whose name is not a valid slug.
#[derive(Debug, Clone)]
pub struct Misnamed {
    /// The name as found (lossily decoded if it is not UTF-8).
    pub name: String,
    /// Its path as people see it (`articles/Kirjasto`).
    pub shown: String,
    /// The slug it should be renamed to, when one follows from the name.
    pub suggestion: Option<String>,
    /// Whether an article of that slug exists already.
    pub taken: bool,
}

impl Misnamed {
    /// What is wrong and what to do, as an `invalid` finding says it.
    pub fn message(&self) -> String {
        let name = &self.name;
        let what = format!("`{}` is not a valid article name", self.shown);
        match &self.suggestion {
            Some(slug) if self.taken => format!(
                "{what}: rename `{name}` to `{slug}` (`{slug}` exists already: merge the two)"
            ),
            Some(slug) => format!("{what}: rename `{name}` to `{slug}`"),
            None => format!(
                "{what}: rename `{name}` using lower-case letters a-z, digits and hyphens, \
                 starting with a letter or digit (e.g. `hyvinvointikoordinaattori`)"
            ),
        }
    }

    pub fn error(&self) -> LoadError {
        LoadError::new(ErrorKind::Misnamed, &self.shown, self.message())
    }
}

/// The slug a directory name reads as: lower case, Finnish and Swedish
/// letters without their dots and rings, every other run of characters a
/// hyphen (`Old.Bak` → `old-bak`, `Äiti ja lapsi` → `aiti-ja-lapsi`);
/// none when nothing usable is left.
pub fn suggest_slug(name: &str) -> Option<String> {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    valid_slug(slug).then(|| slug.to_string())
}

fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("articles").is_dir() || dir.join("glossary.toml").is_file())
        .map(Path::to_path_buf)
}

/// Slugs are `[a-z0-9][a-z0-9-]*`: safe as a directory name everywhere.
pub fn valid_slug(slug: &str) -> bool {
    let mut bytes = slug.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn check_slug(slug: &str) -> Result<(), LoadError> {
    if !valid_slug(slug) {
        return Err(LoadError::new(
            ErrorKind::Usage,
            slug,
            format!(
                "invalid article name `{slug}`: use lower-case letters a-z, digits and hyphens, \
                 starting with a letter or digit (e.g. `hyvinvointikoordinaattori`)"
            ),
        ));
    }
    Ok(())
}

/// Reads a text file people wrote: UTF-8 (a BOM is fine), with errors that
/// name the file and the line.
pub fn read_text(path: &Path, shown: &str) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::io(shown, e))?;
    Ok(crate::text::decode(&bytes, shown)?.to_string())
}

/// Reads a text file that may legitimately be absent (`sv.txt` before the
/// translation starts), keeping it as written (BOM included) for locating
/// findings.
pub fn read_source(path: &Path, shown: &str) -> Result<Option<Source>, LoadError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(LoadError::io(shown, err)),
    };
    let body = crate::text::decode(&bytes, shown)?;
    // The BOM stays, so byte spans index the file as written.
    let mut text = String::with_capacity(bytes.len());
    if body.len() < bytes.len() {
        text.push('\u{FEFF}');
    }
    text.push_str(body);
    Ok(Some(Source::new(text)))
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target, so an
/// interrupted run leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8], shown: &str) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".tolk-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("could not create a temporary file beside `{shown}`"))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("could not write `{shown}`"))?;
    tmp.persist(path)
        .map_err(|err| err.error)
        .with_context(|| format!("could not replace `{shown}`"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["a", "hyvinvointikoordinaattori", "2023-budjetti", "a-"] {
            assert!(valid_slug(ok), "{ok}");
        }
        for bad in [
            "", "..", "../x", "A", "a/b", "-a", "ä", "a b", "a_b", "a.txt",
        ] {
            assert!(!valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn misnamed_directories_get_the_slug_they_read_as() {
        for (name, slug) in [
            ("Kirjasto", Some("kirjasto")),
            ("old.bak", Some("old-bak")),
            ("with space", Some("with-space")),
            ("ä", Some("a")),
            ("Äiti ja lapsi", Some("aiti-ja-lapsi")),
            ("-x_", Some("x")),
            ("日本", None),
            ("--", None),
        ] {
            assert_eq!(suggest_slug(name).as_deref(), slug, "{name}");
        }
    }

    #[test]
    fn article_dirs_account_for_every_directory() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        for d in [
            "ok",
            "Kirjasto",
            "kirjasto",
            "with space",
            ".git",
            ".hidden",
        ] {
            std::fs::create_dir_all(articles.join(d)).unwrap();
        }
        std::fs::write(articles.join("README.md"), "notes").unwrap();
        std::fs::write(articles.join("Notes.txt"), "notes").unwrap();
        let found = Repo::at(dir.path().to_path_buf(), None)
            .article_dirs()
            .unwrap();
        assert_eq!(found.slugs, ["kirjasto", "ok"]);
        let names: Vec<&str> = found.misnamed.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Kirjasto", "with space"]);
        assert!(found.misnamed[0].taken);
        assert!(found.misnamed[0].message().contains("exists already"));
        assert_eq!(found.misnamed[1].shown, "articles/with space");
        assert!(
            found.misnamed[1]
                .message()
                .ends_with("rename `with space` to `with-space`")
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("status.toml");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new", "status.toml").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
