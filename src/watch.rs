//! `--watch`: waits for a saved article file, `glossary.toml` or
//! `tolk.toml`, or for Ctrl-C. Prints nothing; `lib.rs` runs the command
//! again and `report` clears the screen or draws the separator.
//!
//! Editors save in bursts (a temporary file, a rename, a second write), so
//! changes are gathered until the files have been quiet for a moment and
//! then answered with one run. Ctrl-C is a message like a change: it is
//! acted on between runs, so a run's output is never cut off half-way
//! (with a colour left on in the terminal).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the files must be quiet before the command runs again.
const QUIET: Duration = Duration::from_millis(200);

/// The files of an article that a run reads.
const ARTICLE_FILES: [&str; 3] = ["fi.txt", "sv.txt", "status.toml"];

enum Message {
    Changed(notify::Result<notify::Event>),
    Quit,
}

/// What is watched and how changes reach us.
pub struct Watcher {
    root: PathBuf,
    articles: PathBuf,
    /// `glossary.toml` and `tolk.toml` (or the files `--glossary` and
    /// `--config` name).
    settings: Vec<PathBuf>,
    watcher: RecommendedWatcher,
    watching_articles: bool,
    messages: Receiver<Message>,
}

/// `path` with its directory resolved (symlinks, `..`), as the file system
/// reports events; the file itself need not exist yet.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            dir.canonicalize()
                .map_or_else(|_| path.to_path_buf(), |d| d.join(name))
        }
        _ => path.to_path_buf(),
    }
}

impl Watcher {
    /// Watches `root/articles/` and the settings files; Ctrl-C ends the
    /// wait.
    pub fn new(root: &Path, glossary: &Path, config: &Path) -> Result<Watcher> {
        let root = resolved(root);
        let articles = root.join("articles");
        // Every file a run reads besides the articles: the people's names
        // change `credits` and `check` (credit), the word list `spelling`.
        let settings = vec![
            resolved(glossary),
            resolved(config),
            root.join(crate::people::FILE),
            root.join(crate::checks::spelling::WORDS_FILE),
        ];
        let (tx, messages) = mpsc::channel();
        let quit = tx.clone();
        ctrlc::set_handler(move || {
            // The receiver is gone only when tolk is quitting anyway.
            let _ = quit.send(Message::Quit);
        })
        .context("could not catch Ctrl-C")?;
        let watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(Message::Changed(event));
        })
        .context("could not watch the files")?;
        let mut w = Watcher {
            root,
            articles,
            settings,
            watcher,
            watching_articles: false,
            messages,
        };
        // The settings files' directories, once each: the root, and
        // wherever --glossary or --config point.
        let mut dirs = BTreeSet::new();
        dirs.insert(w.root.clone());
        for file in &w.settings {
            if let Some(dir) = file.parent() {
                dirs.insert(dir.to_path_buf());
            }
        }
        for dir in dirs {
            if dir.is_dir() {
                w.watcher
                    .watch(&dir, RecursiveMode::NonRecursive)
                    .with_context(|| format!("could not watch `{}`", dir.display()))?;
            }
        }
        w.watch_articles()?;
        Ok(w)
    }

    /// `articles/` and everything under it, once it exists.
    fn watch_articles(&mut self) -> Result<()> {
        if !self.watching_articles && self.articles.is_dir() {
            self.watcher
                .watch(&self.articles, RecursiveMode::Recursive)
                .with_context(|| format!("could not watch `{}`", self.articles.display()))?;
            self.watching_articles = true;
        }
        Ok(())
    }

    /// What is watched, for the message at the start.
    pub fn describe(&self) -> String {
        let mut names = vec!["articles/".to_string()];
        for file in &self.settings {
            names.push(self.show(file));
        }
        names.join(", ")
    }

    /// A path as people see it: relative to the root when inside it.
    fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Whether a change to `path` can change what the command prints.
    fn relevant(&self, path: &Path) -> bool {
        if self.settings.iter().any(|s| s == path) || path == self.articles {
            return true;
        }
        let Ok(rel) = path.strip_prefix(&self.articles) else {
            return false;
        };
        let parts: Vec<&std::ffi::OsStr> = rel.iter().collect();
        match parts.as_slice() {
            // An article directory made, removed or renamed.
            [dir] => !dir.to_string_lossy().starts_with('.'),
            [_, file] => ARTICLE_FILES.iter().any(|f| f == file),
            _ => false,
        }
    }

    /// Blocks until a watched file changed (the paths, relative to the
    /// root, after the burst is over) or Ctrl-C was pressed (`None`).
    pub fn wait(&mut self) -> Result<Option<Vec<String>>> {
        let mut changed = BTreeSet::new();
        loop {
            let message = if changed.is_empty() {
                match self.messages.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(None),
                }
            } else {
                match self.messages.recv_timeout(QUIET) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        return Ok(Some(changed.into_iter().collect()));
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(None),
                }
            };
            let event = match message {
                Message::Quit => return Ok(None),
                Message::Changed(event) => event.context("watching the files failed")?,
            };
            // Reading a file (tolk itself does, on every run) is no change.
            if let EventKind::Access(kind) = event.kind
                && kind != AccessKind::Close(AccessMode::Write)
            {
                continue;
            }
            if event.need_rescan() {
                changed.insert("articles/".to_string());
            }
            for path in &event.paths {
                if self.relevant(path) {
                    changed.insert(self.show(path));
                }
            }
            // A new `articles/` (the first import) is watched from now on.
            self.watch_articles()?;
        }
    }
}
