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
    /// upwards holding `articles/`, `glossary.toml` or `tolk.toml`.
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
        if rel.as_os_str().is_empty() {
            // The root itself (`--cache-dir .`).
            return ".".to_string();
        }
        let shown = rel.to_string_lossy();
        // Windows' separators as everywhere else; elsewhere a backslash is
        // part of a name (`my\glossary.toml`) and stays.
        if cfg!(windows) {
            shown.replace('\\', "/")
        } else {
            shown.into_owned()
        }
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
        let mut dirs = Vec::new();
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
            if is_dir {
                dirs.push((name.into_owned(), entry.path()));
            }
        }
        // One lookup of `fi.txt` per directory: on both cores.
        let below = crate::cache::Below::new(&dir);
        let dirs: Vec<(String, PathBuf, Option<crate::cache::Meta>)> = {
            use rayon::prelude::*;
            dirs.into_par_iter()
                .filter_map(|(name, path)| {
                    let fi = below.meta(&path.join("fi.txt"));
                    (fi.is_some() || !leftover(&path)).then_some((name, path, fi))
                })
                .collect()
        };
        for (name, path, fi) in dirs {
            if valid_slug(&name) {
                if let Some(meta) = fi {
                    found.listed.insert(name.clone(), meta);
                }
                found.slugs.push(name);
            } else {
                found.misnamed.push(Misnamed {
                    suggestion: suggest_slug(&name),
                    taken: false,
                    shown: self.display(&path),
                    name,
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
    /// The metadata of the articles' `fi.txt`, looked up to tell them
    /// from leftovers: the result cache needs it too.
    pub listed: crate::cache::Listed,
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
        .find(|dir| {
            dir.join("articles").is_dir()
                || dir.join("glossary.toml").is_file()
                || dir.join("tolk.toml").is_file()
        })
        .map(Path::to_path_buf)
}

/// A directory without `fi.txt` that is not an article: one git left
/// behind when the article was removed or renamed (nothing but tolk's own
/// ignored files: the lock file, temporary files), or a cache directory
/// (marked by `CACHEDIR.TAG`, as tolk's own is: a relative
/// `TOLK_CACHE_DIR` used from inside `articles/` puts it there). An empty
/// directory, or one with anything else in it, still is an article (and
/// is reported if it cannot be read).
fn leftover(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let mut any = false;
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == "CACHEDIR.TAG" {
            return true;
        }
        let ours =
            name == ".status.toml.lock" || (name.starts_with(".tolk-") && name.ends_with(".tmp"));
        if !ours {
            return false;
        }
        any = true;
    }
    any
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

/// `std::fs::read` for the files people put in the repository, refusing
/// what is not a regular file instead of waiting on it: a named pipe
/// (`mkfifo sv.txt`) would block the run until something wrote to it.
/// Opened without blocking, then asked what it is through the open file;
/// a regular file reads as usual.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = std::fs::File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a named pipe or a device?): replace it with the text file",
        ));
    }
    // Read into a buffer of the size just asked, then once more to see the
    // end: `File::read_to_end` would ask the size again and where the file
    // stands (two more system calls per file, three files per article).
    let size = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size);
    // Straight into the buffer's spare room, not zeroed first.
    #[cfg(unix)]
    while bytes.len() < size {
        match rustix::io::read(&file, rustix::buffer::spare_capacity(&mut bytes)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => {}
            Err(err) => return Err(err.into()),
        }
    }
    #[cfg(not(unix))]
    {
        bytes.resize(size, 0);
        let mut filled = 0;
        while filled < size {
            match file.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        bytes.truncate(filled);
    }
    if bytes.len() >= size {
        // The file may have grown since: whatever follows is read as
        // `read_to_end` reads it (a file read whole ends with an empty read).
        let mut probe = [0; 32];
        let more = loop {
            match file.read(&mut probe) {
                Ok(n) => break n,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        };
        if more > 0 {
            bytes.extend_from_slice(&probe[..more]);
            file.read_to_end(&mut bytes)?;
        }
    }
    Ok(bytes)
}

/// Reads a text file people wrote: UTF-8 (a BOM is fine), with errors that
/// name the file and the line.
pub fn read_text(path: &Path, shown: &str) -> Result<String, LoadError> {
    let bytes = read_file(path).map_err(|e| LoadError::io(shown, e))?;
    Ok(crate::text::decode(&bytes, shown)?.to_string())
}

/// Reads a text file that may legitimately be absent (`sv.txt` before the
/// translation starts), keeping it as written (BOM included) for locating
/// findings.
pub fn read_source(path: &Path, shown: &str) -> Result<Option<Source>, LoadError> {
    let bytes = match read_file(path) {
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

/// The name pattern of tolk's temporary files (`.tolk-XXXXXX.tmp`), as in
/// the README's suggested `.gitignore`.
const TEMP_PREFIX: &str = ".tolk-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file older than this is the leftover of a killed run: no
/// write takes anywhere near that long between staging and renaming.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(60);

impl Repo {
    /// Refuses to write in `dir` (existing or about to be created) when it
    /// resolves outside the repository root, as through a symlinked article
    /// directory: tolk writes only inside the repository it was pointed at.
    pub fn check_inside(&self, dir: &Path) -> Result<()> {
        let root = std::fs::canonicalize(&self.root)
            .with_context(|| format!("could not resolve the root `{}`", self.root.display()))?;
        // The deepest part of `dir` that exists decides where it leads.
        let existing = dir
            .ancestors()
            .find(|a| a.exists())
            .unwrap_or(self.root.as_path());
        let real = std::fs::canonicalize(existing)
            .with_context(|| format!("could not resolve `{}`", self.display(existing)))?;
        if !real.starts_with(&root) {
            bail!(
                "`{}` resolves to `{}`, outside the repository `{}`; tolk writes only inside \
                 the repository (replace the symlink by a directory)",
                self.display(dir),
                real.display(),
                root.display()
            );
        }
        Ok(())
    }

    /// Creates `dir` (an article directory) after checking that it stays
    /// inside the repository.
    pub fn create_dir_inside(&self, dir: &Path) -> Result<()> {
        self.check_inside(dir)?;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create `{}`", self.display(dir)))?;
        // A symlink may have been put in place meanwhile.
        self.check_inside(dir)
    }
}

/// A file's new content, written and flushed to a temporary file beside it
/// but not yet in place: several staged files are put in place together
/// (`import`), so a full disk leaves every target as it was.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    shown: String,
}

/// Stages `bytes` for `path`. Refuses a target that is a symlink (tolk would
/// replace the link by a regular file) or read-only (somebody protected it);
/// the new file keeps the old one's permissions.
pub fn stage(path: &Path, bytes: &[u8], shown: &str) -> Result<Staged> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let permissions = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "`{shown}` is a symlink; tolk will not replace it (it would become a regular \
             file): write to the file it points to, or replace the link by a copy"
        ),
        Ok(meta) if !meta.is_file() => {
            bail!("`{shown}` is not a regular file; tolk will not replace it")
        }
        Ok(meta) if meta.permissions().readonly() => bail!(
            "`{shown}` is read-only; tolk will not replace it (make it writable, e.g. \
             `chmod u+w {shown}`, if it should change)"
        ),
        Ok(meta) => Some(meta.permissions()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(|| format!("could not read `{shown}`")),
    };
    remove_stale_temps(dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // A new file gets the usual mode (0666 less the umask), not
        // tempfile's private 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("could not create a temporary file beside `{shown}`"))?;
    if let Some(permissions) = permissions {
        tmp.as_file()
            .set_permissions(permissions)
            .with_context(|| format!("could not keep the permissions of `{shown}`"))?;
    }
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("could not write `{shown}`"))?;
    Ok(Staged {
        tmp,
        path: path.to_path_buf(),
        shown: shown.to_string(),
    })
}

impl Staged {
    /// Renames the staged file over its target.
    pub fn commit(self) -> Result<()> {
        let shown = self.shown;
        self.tmp
            .persist(&self.path)
            .map_err(|err| err.error)
            .with_context(|| format!("could not replace `{shown}`"))?;
        Ok(())
    }
}

/// Puts staged files in place all or nothing: when a rename fails, the
/// targets already replaced get their old content back (or are removed if
/// they were new), so a retry starts from the same state.
pub fn commit_all(staged: Vec<Staged>) -> Result<()> {
    let mut done: Vec<(PathBuf, String, Option<Vec<u8>>)> = Vec::new();
    for file in staged {
        let before = std::fs::read(&file.path).ok();
        let (path, shown) = (file.path.clone(), file.shown.clone());
        if let Err(err) = file.commit() {
            for (path, shown, before) in done.into_iter().rev() {
                // Best effort: the error that matters is the one returned.
                let _ = match before {
                    Some(bytes) => write_atomic(&path, &bytes, &shown),
                    None => std::fs::remove_file(&path).map_err(anyhow::Error::from),
                };
            }
            return Err(err.context("nothing was changed"));
        }
        done.push((path, shown, before));
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target, so an
/// interrupted run leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8], shown: &str) -> Result<()> {
    stage(path, bytes, shown)?.commit()
}

/// Removes tolk's temporary files older than [`STALE_TEMP`] in `dir`: what a
/// killed run left behind. Best effort; a file another run is still writing
/// is young and stays.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `read_file` reads what `std::fs::read` reads, whatever the size:
    /// empty, under and over the end probe, over a page and over the
    /// 8 KiB that `read_to_end` starts with.
    #[test]
    fn read_file_reads_what_std_reads() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 31, 32, 33, 4095, 4096, 4097, 8192, 100_000] {
            let path = dir.path().join(format!("f{len}"));
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_file(&path).unwrap(), bytes, "{len}");
            assert_eq!(read_file(&path).unwrap(), std::fs::read(&path).unwrap());
        }
        let missing = read_file(&dir.path().join("missing")).unwrap_err();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
        // A file longer than its size says (as those of /proc, size 0):
        // what follows the size is read too.
        #[cfg(target_os = "linux")]
        {
            let path = Path::new("/proc/version");
            let read = read_file(path).unwrap();
            assert!(read.len() > 32);
            assert_eq!(read, std::fs::read(path).unwrap());
        }
    }

    #[test]
    fn paths_are_shown_from_the_root() {
        let repo = Repo {
            root: PathBuf::from("mag"),
            glossary: PathBuf::from("mag/glossary.toml"),
        };
        assert_eq!(
            repo.display(Path::new("mag/articles/x/sv.txt")),
            "articles/x/sv.txt"
        );
        assert_eq!(repo.display(Path::new("mag")), ".");
        assert_eq!(
            repo.display(Path::new("other/glossary.toml")),
            "other/glossary.toml"
        );
        #[cfg(unix)]
        assert_eq!(
            repo.display(Path::new("mag/my\\glossary.toml")),
            "my\\glossary.toml"
        );
    }

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
        // Left behind by `git rm -r articles/gone`: only tolk's lock file.
        std::fs::create_dir_all(articles.join("gone")).unwrap();
        std::fs::write(articles.join("gone/.status.toml.lock"), "").unwrap();
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

    #[test]
    fn a_failed_rename_puts_back_what_was_already_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new, blocked) = (
            dir.path().join("fi.txt"),
            dir.path().join("status.toml"),
            dir.path().join("sv.txt"),
        );
        std::fs::write(&old, "old fi").unwrap();
        let staged = vec![
            stage(&old, b"new fi", "fi.txt").unwrap(),
            stage(&new, b"new status", "status.toml").unwrap(),
            stage(&blocked, b"new sv", "sv.txt").unwrap(),
        ];
        // The last rename fails: a non-empty directory is in the way.
        std::fs::create_dir_all(blocked.join("x")).unwrap();
        let err = commit_all(staged).unwrap_err();
        assert!(
            format!("{err:#}").contains("nothing was changed"),
            "{err:#}"
        );
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "old fi");
        assert!(!new.exists());
    }
}
