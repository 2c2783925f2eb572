//! The result cache (`.tolk-cache/`): what a command found in an article,
//! kept between runs and reused while nothing it depends on has changed.
//!
//! Two keys decide whether a stored result still holds:
//!
//! - The **run key** ([`KeyBuilder`]): everything shared by all articles
//!   that can change a result (tolk's version and build, the settings
//!   files, the command line's rule selection, the dictionary, the
//!   morphology back end). A shard written under another run key is
//!   ignored whole.
//! - The **file keys** ([`FileKey`]) of each article's files. As git's index
//!   and ruff's cache do, a file is known by its metadata (size, mtime and
//!   ctime to the nanosecond, inode) with the hash of its contents stored
//!   beside it: when the metadata matches, the stored hash is trusted and
//!   the file is not read; when it does not, the file is read and hashed,
//!   and the result is reused if the hash matches. A file whose mtime is
//!   not safely older than the run that recorded it is "racy" (it could be
//!   written again within the same clock tick, same size) and is always
//!   read again. The hash is of the very bytes the result was computed
//!   from (the article's texts as loaded; `status.toml` as read just
//!   before), and an article whose metadata changed while it was checked
//!   is not stored at all.
//!
//! Results live in [`SHARDS`] files chosen by a hash of the slug, so
//! `tolk check SLUG` reads and writes one small file, and a full run reads
//! them all in a few milliseconds. Each shard is one postcard document
//! behind a header (magic, format version, checksum); a shard that is
//! missing, truncated, corrupted, from another tolk or another run key is
//! ignored and written again. Shards are written to a temporary file in
//! the cache directory and renamed over the old one: a concurrent run
//! reads either the old shard or the new one, never half of one (the last
//! writer wins). A cache that cannot be written (a read-only checkout) is
//! silently not written: the run's results do not depend on it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

/// The cache directory's name at the repository root.
pub const DIR_NAME: &str = ".tolk-cache";

/// Bumped whenever the layout of a shard changes: a shard of another
/// format is ignored.
const FORMAT: u32 = 2;

/// The first bytes of every shard.
const MAGIC: &[u8; 8] = b"tolkcach";

/// Header: magic, format (u32 LE), body checksum (u64 LE).
const HEADER: usize = 8 + 4 + 8;

/// How many shard files a namespace is spread over.
pub const SHARDS: usize = 256;

/// How much older than the run a file's timestamps must be for its
/// metadata to be trusted: clocks tick coarsely (the kernel's timestamp
/// granularity, FAT's two seconds), and a write within the same tick
/// leaves the same mtime.
const RACY: Duration = Duration::from_secs(2);

/// Written on creation, so the cache is never committed (as ruff does).
const GITIGNORE: &str = "# Automatically created by tolk.\n*\n";

/// Marks the directory as a cache for backup tools
/// (<https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by tolk.\n";

/// Prefix of the temporary files shards are staged in.
const TEMP_PREFIX: &str = ".tmp-";

/// The hash of a file's contents.
pub fn hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The run key: everything shared by all articles that can change a
/// result, hashed. Start with [`KeyBuilder::new`], which already holds
/// tolk's version and the identity of the running binary.
pub struct KeyBuilder(Xxh3);

impl KeyBuilder {
    pub fn new(namespace: &str) -> KeyBuilder {
        let mut key = KeyBuilder(Xxh3::new());
        key.text("namespace", namespace);
        key.bytes("format", &FORMAT.to_le_bytes());
        key.text("version", env!("CARGO_PKG_VERSION"));
        // A rebuilt binary may have different rules under the same
        // version: its size and mtime tell it apart.
        match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(meta) => key.bytes("build", &postcard_bytes(&Meta::of(&meta))),
            // No identity, no reuse: a key nothing else will have.
            Err(_) => key.bytes("build", &nanos_now().to_le_bytes()),
        }
        key
    }

    /// A labelled value: labels and lengths keep `("ab", "c")` apart from
    /// `("a", "bc")`.
    pub fn bytes(&mut self, label: &str, value: &[u8]) {
        for part in [label.as_bytes(), value] {
            self.0.update(&(part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
    }

    pub fn text(&mut self, label: &str, value: &str) {
        self.bytes(label, value.as_bytes());
    }

    /// A file's contents, or that it is absent or unreadable (then the run
    /// reports it itself, and nothing is reused by mistake).
    pub fn file(&mut self, label: &str, path: &Path) {
        self.text(&format!("{label} path"), &path.to_string_lossy());
        match std::fs::read(path) {
            Ok(bytes) => self.bytes(label, &hash(&bytes).to_le_bytes()),
            Err(err) => self.text(&format!("{label} error"), &err.kind().to_string()),
        }
    }

    /// A large file by its path and metadata only (a dictionary of
    /// megabytes, read only when some article needs checking).
    pub fn stamp(&mut self, label: &str, path: &Path) {
        self.text(&format!("{label} path"), &path.to_string_lossy());
        match std::fs::metadata(path) {
            Ok(meta) => self.bytes(label, &postcard_bytes(&Meta::of(&meta))),
            Err(err) => self.text(&format!("{label} error"), &err.kind().to_string()),
        }
    }

    pub fn finish(self) -> u128 {
        self.0.digest128()
    }
}

fn nanos_now() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn postcard_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// What a file's metadata says about it: equal metadata, same file (when
/// not racy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    len: u64,
    mtime: (i64, u32),
    ctime: (i64, u32),
    inode: u64,
}

impl Meta {
    fn of(meta: &Metadata) -> Meta {
        let mtime = meta.modified().map_or((0, 0), split_time);
        #[cfg(unix)]
        let (ctime, inode) = {
            use std::os::unix::fs::MetadataExt;
            ((meta.ctime(), meta.ctime_nsec() as u32), meta.ino())
        };
        #[cfg(not(unix))]
        let (ctime, inode) = (mtime, 0);
        Meta {
            len: meta.len(),
            mtime,
            ctime,
            inode,
        }
    }

    /// [`Meta::of`] from `fstatat`'s answer: the same fields, so that
    /// either way of asking gives equal metadata for one file.
    #[cfg(unix)]
    #[allow(
        clippy::unnecessary_cast,
        reason = "the types of `stat`'s fields differ between systems"
    )]
    fn of_stat(st: &rustix::fs::Stat) -> Meta {
        let time = |secs: i64, nanos: u32| {
            let t = if secs >= 0 {
                UNIX_EPOCH + Duration::new(secs.unsigned_abs(), nanos)
            } else {
                UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
                    + Duration::from_nanos(nanos.into())
            };
            split_time(t)
        };
        Meta {
            len: st.st_size as u64,
            mtime: time(st.st_mtime as i64, st.st_mtime_nsec as u32),
            ctime: (st.st_ctime as i64, st.st_ctime_nsec as u32),
            inode: st.st_ino as u64,
        }
    }

    /// The file at `path` now; `None` when there is none (or it cannot be
    /// asked about: then it is not reused either).
    pub fn read(path: &Path) -> Option<Meta> {
        std::fs::metadata(path).ok().map(|m| Meta::of(&m))
    }

    /// Whether a write within the same clock tick as the last one could
    /// leave this metadata unchanged, seen from a run started at `started`.
    /// Only the mtime counts, as in git: a later write sets it to the time
    /// of writing, which differs from an mtime safely in the past.
    fn racy(&self, started: (i64, u32)) -> bool {
        let limit = (started.0 - RACY.as_secs() as i64, started.1);
        self.mtime >= limit
    }
}

/// Asks for the metadata of files below one directory (`articles/`) by
/// their paths relative to it, through a handle opened once: for each of
/// the 30,000 files of a warm 10,000-article run the kernel then walks
/// `slug/fi.txt` rather than every directory from the working one (the
/// path walk was about a tenth of such a run). Paths not below it, and
/// systems without `fstatat`, are asked about as they are.
pub struct Below {
    dir: PathBuf,
    #[cfg(unix)]
    handle: Option<rustix::fd::OwnedFd>,
}

impl Below {
    /// `dir` need not exist: then every path is asked about as it is.
    pub fn new(dir: &Path) -> Below {
        Below {
            dir: dir.to_path_buf(),
            #[cfg(unix)]
            handle: {
                use rustix::fs::{Mode, OFlags};
                rustix::fs::open(
                    dir,
                    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                    Mode::empty(),
                )
                .ok()
            },
        }
    }

    /// [`Meta::read`] of `path`.
    pub fn meta(&self, path: &Path) -> Option<Meta> {
        #[cfg(unix)]
        if let (Some(handle), Ok(relative)) = (&self.handle, path.strip_prefix(&self.dir))
            && !relative.as_os_str().is_empty()
        {
            // Symbolic links followed, as `std::fs::metadata` does.
            return rustix::fs::statat(handle, relative, rustix::fs::AtFlags::empty())
                .ok()
                .map(|st| Meta::of_stat(&st));
        }
        Meta::read(path)
    }
}

fn split_time(t: SystemTime) -> (i64, u32) {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        // Before 1970: only the order matters, and such files are old.
        Err(e) => (-(e.duration().as_secs() as i64) - 1, 0),
    }
}

/// One file of an article, as a stored result saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKey {
    /// There was no such file (`sv.txt` before the translation starts).
    Absent,
    File {
        meta: Meta,
        /// The metadata alone identifies the contents: not racy.
        trusted: bool,
        /// The hash of the contents the result was computed from.
        hash: u128,
    },
}

impl FileKey {
    /// A file as a run that started at `started` read it: `meta` taken
    /// before reading, `hash` of the contents the result came from.
    pub fn recorded(meta: Option<Meta>, hash: u128, started: Started) -> FileKey {
        match meta {
            None => FileKey::Absent,
            Some(meta) => FileKey::File {
                meta,
                trusted: !meta.racy(started.0),
                hash,
            },
        }
    }
}

/// When a run started, before it looked at any file.
#[derive(Debug, Clone, Copy)]
pub struct Started((i64, u32));

impl Started {
    pub fn now() -> Started {
        Started(split_time(SystemTime::now()))
    }
}

/// One article's stored result.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    slug: String,
    files: Vec<FileKey>,
    /// The result, itself postcard: decoded only for the articles a run
    /// asks about, and written back as it is.
    result: Vec<u8>,
}

/// A [`Record`] read in place from a shard's bytes: the result is not
/// copied (postcard writes a `Vec<u8>` as its length and its bytes, as it
/// reads a `&[u8]`).
#[derive(Debug, Deserialize)]
struct RecordView<'a> {
    slug: &'a str,
    files: Vec<FileKey>,
    result: &'a [u8],
}

impl RecordView<'_> {
    fn owned(&self) -> Record {
        Record {
            slug: self.slug.to_string(),
            files: self.files.clone(),
            result: self.result.to_vec(),
        }
    }
}

/// A [`Shard`] read in place.
#[derive(Debug, Deserialize)]
struct ShardView<'a> {
    key: u128,
    notes: Vec<Option<String>>,
    #[serde(borrow)]
    records: Vec<RecordView<'a>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Shard {
    key: u128,
    /// What the run said besides its results (notes on stderr); the same
    /// in every shard of one run key.
    notes: Vec<Option<String>>,
    records: Vec<Record>,
}

impl Shard {
    fn encode(&self) -> Vec<u8> {
        framed(&postcard_bytes(self))
    }

    /// The shard in `bytes`, if it is whole, of this format and intact.
    fn decode(bytes: &[u8]) -> Option<Shard> {
        postcard::from_bytes(body(bytes)?).ok()
    }

    /// [`Shard::decode`], reading the results in place.
    fn view(bytes: &[u8]) -> Option<ShardView<'_>> {
        postcard::from_bytes(body(bytes)?).ok()
    }
}

/// The file keys of an article read from `paths` (fi.txt, sv.txt,
/// status.toml), or `None` when one changed while it was read (then
/// nothing is kept): `before`, their metadata before reading; `hashes`,
/// the contents as read (`None`: not there).
pub fn article_keys(
    below: &Below,
    paths: &[PathBuf],
    before: &[Option<Meta>],
    hashes: [Option<u128>; 3],
    started: Started,
) -> Option<Vec<FileKey>> {
    let mut keys = Vec::with_capacity(paths.len());
    for (meta, hash) in before.iter().zip(hashes) {
        keys.push(match (meta, hash) {
            (None, None) => FileKey::Absent,
            (Some(_), Some(hash)) => FileKey::recorded(*meta, hash, started),
            // There and not read, or read and not there: it changed.
            _ => return None,
        });
    }
    // A file written while the article was read: keep nothing.
    let after: Vec<Option<Meta>> = paths.iter().map(|p| below.meta(p)).collect();
    (after == before).then_some(keys)
}

/// Header and checksum around `body`.
fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&xxh3_64(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// The body of a file [`framed`], if it is whole, of this format and
/// intact.
fn body(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return None;
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    let sum = u64::from_le_bytes(bytes[12..20].try_into().ok()?);
    let body = &bytes[HEADER..];
    (format == FORMAT && xxh3_64(body) == sum).then_some(body)
}

fn shard_of(slug: &str) -> usize {
    (xxh3_64(slug.as_bytes()) % SHARDS as u64) as usize
}

fn shard_name(shard: usize) -> String {
    format!("{shard:02x}.bin")
}

/// How many run keys a command keeps results for, each in a directory of
/// its own (`check/<key>/`): `tolk check` and `tolk check --select ALL`
/// (or `--publish`, or another glossary) alternated are both warm. When a
/// new one is written, the least recently used beyond this are removed.
pub const KEPT_KEYS: usize = 4;

/// The directory of a run key's shards in its command's directory.
fn key_dir_name(key: u128) -> String {
    format!("{key:032x}")
}

/// A run key's directory ([`key_dir_name`]): a directory, not a link to
/// one (removing a kind of run must not reach through a link into
/// somebody's directory).
fn is_key_dir(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_key_hex)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// A run key in hexadecimal, as directories and blobs are named.
fn is_key_hex(name: &str) -> bool {
    name.len() == 32 && u128::from_str_radix(name, 16).is_ok()
}

/// The run keys' directories in a command's directory.
fn key_dirs(namespace: &Path) -> Vec<PathBuf> {
    entries(namespace, is_key_dir)
}

/// The entries of `dir` that `keep`, sorted; none when it cannot be read.
fn entries(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| keep(p))
        .collect();
    paths.sort();
    paths
}

/// The cache of one command (`check`) under one run key.
pub struct Store {
    /// The cache directory (`.tolk-cache`).
    root: PathBuf,
    /// The command's directory in it.
    namespace: PathBuf,
    /// The run key's directory in that.
    dir: PathBuf,
    key: u128,
    started: Started,
    /// Where the articles' files are asked about.
    below: Below,
}

/// The metadata of each article's `fi.txt` as listing `articles/` saw it
/// ([`crate::repo::Repo::article_dirs`] asks, to tell articles from
/// directories git left behind), by slug: [`Store::lookup`] takes it from
/// here rather than asking again. Seen after the run started, like any
/// other look.
pub type Listed = rustc_hash::FxHashMap<String, Meta>;

/// What an article's files are, for [`Store::lookup`].
pub type FilesOf<'a> = &'a (dyn Fn(&str) -> Vec<PathBuf> + Sync);

/// What [`Store::lookup`] found.
pub struct Lookup<T> {
    /// Per slug, in the order asked: the stored result, when it holds.
    pub results: Vec<Option<T>>,
    /// The notes of the run that stored them (from any valid shard).
    pub notes: Option<Vec<Option<String>>>,
    /// Files read again to compare their contents (metadata changed, or
    /// racy): `TOLK_CACHE_STATS` shows it.
    pub reread: usize,
    /// The shards read, with what changed in them.
    shards: BTreeMap<usize, Loaded>,
}

struct Loaded {
    records: BTreeMap<String, Record>,
    dirty: bool,
}

/// A result computed in this run, to store: encoded as soon as it is
/// made (in the parallel pass), so that a cold run does not hold every
/// result twice until the end.
pub struct Fresh {
    pub slug: String,
    pub files: Vec<FileKey>,
    result: Vec<u8>,
}

impl Fresh {
    pub fn new<T: Serialize>(slug: String, files: Vec<FileKey>, result: &T) -> Fresh {
        Fresh {
            slug,
            files,
            result: postcard_bytes(result),
        }
    }
}

impl Store {
    /// `articles`: the directory the articles' files are in (see
    /// [`Below`]).
    pub fn new(
        cache_dir: &Path,
        namespace: &str,
        key: u128,
        started: Started,
        articles: &Path,
    ) -> Store {
        let namespace = cache_dir.join(namespace);
        Store {
            root: cache_dir.to_path_buf(),
            dir: namespace.join(key_dir_name(key)),
            namespace,
            key,
            started,
            below: Below::new(articles),
        }
    }

    /// The stored results of `slugs` that still hold, their files checked
    /// as the module explains; shards are read in parallel.
    pub fn lookup<T: DeserializeOwned + Send>(
        &self,
        slugs: &[String],
        files_of: FilesOf<'_>,
        listed: &Listed,
    ) -> Lookup<T> {
        self.lookup_with(slugs, files_of, listed, &|bytes| {
            postcard::from_bytes(bytes).ok()
        })
    }

    /// [`Store::lookup`], each result made by `decode` from its bytes as
    /// stored (read in place from the shard, not copied): `None` is a
    /// result that cannot be read back, as if there were none. `listed`:
    /// what listing saw of the articles' first files (see [`Listed`]).
    pub fn lookup_with<T: Send>(
        &self,
        slugs: &[String],
        files_of: FilesOf<'_>,
        listed: &Listed,
        decode: &(dyn Fn(&[u8]) -> Option<T> + Sync),
    ) -> Lookup<T> {
        self.touch();
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, slug) in slugs.iter().enumerate() {
            groups.entry(shard_of(slug)).or_default().push(i);
        }
        let groups: Vec<(usize, Vec<usize>)> = groups.into_iter().collect();
        type Found<T> = (
            usize,
            Loaded,
            Option<Vec<Option<String>>>,
            Vec<(usize, T)>,
            usize,
        );
        let found: Vec<Found<T>> = groups
            .into_par_iter()
            .map(|(shard, members)| {
                let bytes = std::fs::read(self.dir.join(shard_name(shard))).unwrap_or_default();
                let stored = Shard::view(&bytes).filter(|s| s.key == self.key);
                let Some(mut stored) = stored else {
                    // A shard that was not there (or not valid) is written.
                    let loaded = Loaded {
                        records: BTreeMap::new(),
                        dirty: true,
                    };
                    return (shard, loaded, None, Vec::new(), 0);
                };
                let at: BTreeMap<&str, usize> = stored
                    .records
                    .iter()
                    .enumerate()
                    .map(|(k, r)| (r.slug, k))
                    .collect();
                let mut dirty = false;
                let mut hits = Vec::new();
                let mut reread = 0;
                for &i in &members {
                    let slug = &slugs[i];
                    let Some(&k) = at.get(slug.as_str()) else {
                        continue;
                    };
                    let record = &mut stored.records[k];
                    let seen = listed.get(slug.as_str()).copied();
                    let (holds, read) = self.still_holds(&mut record.files, &files_of(slug), seen);
                    reread += read;
                    // Refreshed metadata is written back even when the
                    // article itself is checked again.
                    dirty |= read > 0;
                    if holds && let Some(result) = decode(record.result) {
                        hits.push((i, result));
                    }
                }
                // A shard this run will not write needs no keeping (a full
                // warm run would otherwise hold every stored result twice);
                // one it may write is kept whole: one with records of
                // other articles, or with an article to check (whose
                // fresh result goes in beside the others).
                let records = if !dirty
                    && hits.len() == stored.records.len()
                    && hits.len() == members.len()
                {
                    BTreeMap::new()
                } else {
                    stored
                        .records
                        .iter()
                        .map(|r| (r.slug.to_string(), r.owned()))
                        .collect()
                };
                let loaded = Loaded { records, dirty };
                (shard, loaded, Some(stored.notes), hits, reread)
            })
            .collect();
        let mut lookup = Lookup {
            results: slugs.iter().map(|_| None).collect(),
            notes: None,
            reread: 0,
            shards: BTreeMap::new(),
        };
        for (shard, loaded, notes, hits, reread) in found {
            lookup.reread += reread;
            for (i, result) in hits {
                lookup.results[i] = Some(result);
            }
            if lookup.notes.is_none() {
                lookup.notes = notes;
            }
            lookup.shards.insert(shard, loaded);
        }
        lookup
    }

    /// A file of the command's own beside the shards (`name`, one of
    /// [`SIDE_FILES`]), if it is whole, intact and of this run key: the
    /// file's bytes, what was written from [`Store::SIDE`] on.
    pub fn read_side(&self, name: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        let key = body(&bytes)?.get(..16)?;
        (u128::from_le_bytes(key.try_into().ok()?) == self.key).then_some(bytes)
    }

    /// Where the payload of a side file starts in what
    /// [`Store::read_side`] gives.
    pub const SIDE: usize = HEADER + 16;

    /// Writes a side file (see [`Store::read_side`]) atomically; failures
    /// are ignored, as for shards.
    pub fn write_side(&self, name: &str, payload: &[u8]) {
        let mut body = Vec::with_capacity(16 + payload.len());
        body.extend_from_slice(&self.key.to_le_bytes());
        body.extend_from_slice(payload);
        if self.prepare().is_ok() {
            let _ = self.write(name, &framed(&body));
        }
    }

    /// Whether `record` still describes the files at `paths`, and how
    /// many files were read to tell; refreshes the metadata of files read
    /// and found unchanged. `seen`: the first file's metadata, when this
    /// run has it already.
    fn still_holds(
        &self,
        files: &mut [FileKey],
        paths: &[PathBuf],
        seen: Option<Meta>,
    ) -> (bool, usize) {
        if files.len() != paths.len() {
            return (false, 0);
        }
        let mut read = 0;
        for (i, (stored, path)) in files.iter_mut().zip(paths).enumerate() {
            let now = match seen {
                Some(meta) if i == 0 => Some(meta),
                _ => self.below.meta(path),
            };
            match (*stored, now) {
                (FileKey::Absent, None) => {}
                (
                    FileKey::File {
                        meta,
                        trusted: true,
                        ..
                    },
                    Some(now),
                ) if meta == now => {}
                (FileKey::File { hash: h, .. }, Some(now)) => {
                    let Ok(bytes) = std::fs::read(path) else {
                        return (false, read);
                    };
                    read += 1;
                    if hash(&bytes) != h {
                        return (false, read);
                    }
                    // The same contents: known by this metadata from now
                    // on (unless it is racy still).
                    *stored = FileKey::recorded(Some(now), h, self.started);
                }
                _ => return (false, read),
            }
        }
        (true, read)
    }

    /// Stores this run's fresh results and writes every shard that
    /// changed. `all`: the run covered every article, so records of
    /// articles that are gone are dropped (and shards nobody needs
    /// removed). Failures are ignored: the cache is an optimisation.
    pub fn store<T>(
        &self,
        mut lookup: Lookup<T>,
        fresh: Vec<Fresh>,
        notes: &[Option<String>],
        all: Option<&[String]>,
    ) {
        for f in fresh {
            let shard = lookup
                .shards
                .entry(shard_of(&f.slug))
                .or_insert_with(|| Loaded {
                    records: BTreeMap::new(),
                    dirty: true,
                });
            shard.records.insert(
                f.slug.clone(),
                Record {
                    slug: f.slug,
                    files: f.files,
                    result: f.result,
                },
            );
            shard.dirty = true;
        }
        if let Some(all) = all {
            let present: BTreeSet<&str> = all.iter().map(String::as_str).collect();
            for loaded in lookup.shards.values_mut() {
                let before = loaded.records.len();
                loaded
                    .records
                    .retain(|slug, _| present.contains(slug.as_str()));
                loaded.dirty |= loaded.records.len() != before;
            }
        }
        let dirty: Vec<(usize, Loaded)> = lookup
            .shards
            .into_iter()
            .filter(|(_, loaded)| loaded.dirty)
            .collect();
        if dirty.is_empty() && all.is_none() {
            return;
        }
        if self.prepare().is_err() {
            return;
        }
        let notes = notes.to_vec();
        let written: BTreeSet<usize> = dirty.iter().map(|(shard, _)| *shard).collect();
        dirty.into_par_iter().for_each(|(shard, loaded)| {
            let shard_file = Shard {
                key: self.key,
                notes: notes.clone(),
                records: loaded.records.into_values().collect(),
            };
            let _ = self.write(&shard_name(shard), &shard_file.encode());
        });
        if let Some(all) = all {
            // Shards no article of the archive falls in any more.
            let used: BTreeSet<usize> = all.iter().map(|s| shard_of(s)).collect();
            for shard in 0..SHARDS {
                if !used.contains(&shard) && !written.contains(&shard) {
                    let _ = std::fs::remove_file(self.dir.join(shard_name(shard)));
                }
            }
        }
    }

    /// Creates the cache directory (with its `.gitignore` and tag) and the
    /// run key's directory in it. A new run key's directory makes room:
    /// [`KEPT_KEYS`] are kept, the least recently used removed.
    fn prepare(&self) -> std::io::Result<()> {
        prepare_root(&self.root)?;
        if !self.dir.is_dir() {
            std::fs::create_dir_all(&self.dir)?;
            self.prune();
        }
        Ok(())
    }

    /// Marks the run key's directory as used now (its modification time),
    /// for [`Store::prune`]. Failures are ignored: the directory may not
    /// be there yet, or not be writable.
    fn touch(&self) {
        if let Ok(dir) = std::fs::File::open(&self.dir) {
            let _ = dir.set_modified(SystemTime::now());
        }
    }

    /// Removes the directories of the run keys least recently used beyond
    /// [`KEPT_KEYS`] (this one counted), and the shards of the layout
    /// before run keys had directories (`check/00.bin`). Only tolk's own
    /// files go; failures are ignored (another run may be using them: it
    /// then writes nothing, or writes its shards again).
    fn prune(&self) {
        for old in own_files(&self.namespace) {
            let _ = std::fs::remove_file(old);
        }
        let used = |dir: &PathBuf| {
            std::fs::metadata(dir)
                .and_then(|m| m.modified())
                .unwrap_or(UNIX_EPOCH)
        };
        let mut others: Vec<(SystemTime, PathBuf)> = key_dirs(&self.namespace)
            .into_iter()
            .filter(|d| *d != self.dir)
            .map(|d| (used(&d), d))
            .collect();
        // Most recently used first.
        others.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        for (_, dir) in others.into_iter().skip(KEPT_KEYS - 1) {
            for file in own_files(&dir) {
                let _ = std::fs::remove_file(file);
            }
            let _ = std::fs::remove_dir(&dir);
        }
    }

    /// Writes one shard atomically: a temporary file beside it, renamed
    /// over it. No fsync: a shard lost to a crash is only rebuilt, and a
    /// torn one fails its checksum.
    fn write(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut tmp = temp_file_in(&self.dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(self.dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A temporary file in `dir` to be renamed over a cache file, with the
/// usual mode of a new file (0666 less the umask), not tempfile's private
/// 0600: a cache shared by the users of one checkout (a group-writable
/// working copy, a CI cache restored under another user) must be
/// readable by all of them, or it is cold for every one but its writer.
fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Namespaces that hold one file each, kept whole ([`Blob`]): the
/// compiled glossary and the spelling verdicts.
pub const BLOBS: [&str; 2] = ["matcher", "words"];

/// One file of a namespace kept whole under its key (a compiled
/// glossary): read back only when it is whole, of this format and
/// intact; written atomically, replacing the files of older keys.
pub struct Blob {
    root: PathBuf,
    dir: PathBuf,
    name: String,
}

impl Blob {
    pub fn new(cache_dir: &Path, namespace: &str, key: u128) -> Blob {
        Blob {
            root: cache_dir.to_path_buf(),
            dir: cache_dir.join(namespace),
            name: format!("{key:032x}.bin"),
        }
    }

    /// The bytes written under this key, if they are there and intact.
    pub fn read(&self) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.dir.join(&self.name)).ok()?;
        body(&bytes).map(<[u8]>::to_vec)
    }

    /// Keeps `body` under this key, in place of what older keys left; a
    /// cache that cannot be written is not written.
    pub fn write(&self, body: &[u8]) {
        let _ = self.try_write(body);
    }

    fn try_write(&self, body: &[u8]) -> std::io::Result<()> {
        prepare_root(&self.root)?;
        std::fs::create_dir_all(&self.dir)?;
        for old in own_files(&self.dir) {
            if !is_temp(&old) && old.file_name().is_some_and(|n| n != self.name.as_str()) {
                let _ = std::fs::remove_file(old);
            }
        }
        let mut tmp = temp_file_in(&self.dir)?;
        tmp.write_all(&framed(body))?;
        tmp.persist(self.dir.join(&self.name))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

/// Creates the cache directory with its `.gitignore` and `CACHEDIR.TAG`;
/// puts them back in `.tolk-cache` when they are gone (a directory other
/// files kept alive through `cache clean`, or removed by hand), so that
/// the cache is never committed. A `--cache-dir` that exists is left as
/// it is: it may be somebody's directory.
fn prepare_root(root: &Path) -> std::io::Result<()> {
    let created = !root.is_dir();
    if created {
        std::fs::create_dir_all(root)?;
    }
    let ours = created || root.file_name().is_some_and(|n| n == DIR_NAME);
    for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        let path = root.join(name);
        if ours && !path.exists() {
            std::fs::write(path, text)?;
        }
    }
    Ok(())
}

/// The cache directory: `--cache-dir` (or `TOLK_CACHE_DIR`), else
/// `.tolk-cache` at the repository root.
pub fn dir(explicit: Option<&Path>, root: &Path) -> PathBuf {
    explicit.map_or_else(|| root.join(DIR_NAME), Path::to_path_buf)
}

/// `tolk cache info`: what the cache holds.
#[derive(Debug, Default, Serialize)]
pub struct Info {
    pub dir: String,
    pub exists: bool,
    /// Per command: shard files, articles, bytes.
    pub namespaces: Vec<NamespaceInfo>,
    /// Bytes of every file tolk wrote there.
    pub bytes: u64,
}

#[derive(Debug, Serialize)]
pub struct NamespaceInfo {
    pub name: String,
    pub shards: usize,
    /// Article results, summed over the run keys kept.
    pub articles: usize,
    /// Run keys with results kept (see [`KEPT_KEYS`]): `tolk check` and
    /// `tolk check --select ALL` are two.
    pub runs: usize,
    /// Shards that could not be read (damaged or from another tolk): they
    /// are rebuilt by the next run.
    pub unreadable: usize,
    pub bytes: u64,
}

/// The commands that keep a cache, each in its own directory.
pub const NAMESPACES: [&str; 2] = ["check", "status"];

/// Files a command keeps beside its shards ([`Store::read_side`]):
/// `check`'s index of the `inconsistent` rule.
pub const SIDE_FILES: [&str; 1] = ["index.bin"];

pub fn info(dir: &Path, shown: String) -> Info {
    let mut info = Info {
        dir: shown,
        exists: dir.is_dir(),
        ..Info::default()
    };
    for name in NAMESPACES.into_iter().chain(BLOBS) {
        let mut ns = NamespaceInfo {
            name: name.to_string(),
            shards: 0,
            articles: 0,
            runs: 0,
            unreadable: 0,
            bytes: 0,
        };
        let keys = key_dirs(&dir.join(name));
        // Shards of the layout before run keys had directories are one
        // more kind of run, until the next run removes them.
        let old_layout = own_files(&dir.join(name)).iter().any(|f| is_shard(f));
        ns.runs =
            keys.iter().filter(|k| !own_files(k).is_empty()).count() + usize::from(old_layout);
        let files = own_files(&dir.join(name))
            .into_iter()
            .chain(keys.iter().flat_map(|k| own_files(k)));
        for path in files {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            ns.bytes += bytes.len() as u64;
            if is_temp(&path) || is_side(&path) {
                continue;
            }
            ns.shards += 1;
            if BLOBS.contains(&name) {
                ns.unreadable += usize::from(body(&bytes).is_none());
                continue;
            }
            match Shard::decode(&bytes) {
                Some(shard) => ns.articles += shard.records.len(),
                None => ns.unreadable += 1,
            }
        }
        info.bytes += ns.bytes;
        if ns.shards > 0 || ns.bytes > 0 {
            info.namespaces.push(ns);
        }
    }
    info
}

/// `tolk cache clean`: what was removed.
#[derive(Debug, Default, Serialize)]
pub struct Cleaned {
    pub dir: String,
    pub files: usize,
    pub bytes: u64,
}

/// Removes the files tolk writes in the cache directory, and the
/// directories when that empties them. Nothing else is touched: a
/// `--cache-dir` pointing at a directory with other files keeps them.
pub fn clean(dir: &Path, shown: String) -> std::io::Result<Cleaned> {
    let mut cleaned = Cleaned {
        dir: shown,
        ..Cleaned::default()
    };
    let mut remove = |path: &Path| -> std::io::Result<()> {
        let len = std::fs::symlink_metadata(path).map(|m| m.len());
        match std::fs::remove_file(path) {
            Ok(()) => {
                cleaned.files += 1;
                cleaned.bytes += len.unwrap_or(0);
                Ok(())
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err),
        }
    };
    for name in NAMESPACES.iter().chain(&BLOBS) {
        let sub = dir.join(name);
        for keys in key_dirs(&sub) {
            for path in own_files(&keys) {
                remove(&path)?;
            }
            let _ = std::fs::remove_dir(&keys);
        }
        for path in own_files(&sub) {
            remove(&path)?;
        }
        let _ = std::fs::remove_dir(&sub);
    }
    for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|t| t == text) {
            remove(&path)?;
        }
    }
    // Only when empty: whatever else is there stays, with the directory.
    let _ = std::fs::remove_dir(dir);
    Ok(cleaned)
}

/// The shard files (and leftover temporary files) tolk wrote in `dir`.
fn own_files(dir: &Path) -> Vec<PathBuf> {
    entries(dir, |p| {
        p.is_file() && (is_shard(p) || is_blob(p) || is_temp(p) || is_side(p))
    })
}

fn is_shard(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".bin"))
        .is_some_and(|n| n.len() == 2 && usize::from_str_radix(n, 16).is_ok())
}

/// A [`Blob`]'s file: its key in hexadecimal.
fn is_blob(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".bin"))
        .is_some_and(is_key_hex)
}

fn is_side(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| SIDE_FILES.contains(&n))
}

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard() -> Shard {
        Shard {
            key: 7,
            notes: vec![None, Some("no glossary".into())],
            records: vec![Record {
                slug: "a".into(),
                files: vec![FileKey::Absent],
                result: vec![1, 2, 3],
            }],
        }
    }

    #[test]
    fn a_shard_round_trips() {
        let decoded = Shard::decode(&shard().encode()).expect("decodes");
        assert_eq!(decoded.key, 7);
        assert_eq!(decoded.notes, shard().notes);
        assert_eq!(decoded.records[0].result, vec![1, 2, 3]);
    }

    #[test]
    fn a_shard_reads_in_place_as_written() {
        let bytes = shard().encode();
        let view = Shard::view(&bytes).expect("reads");
        assert_eq!(view.key, 7);
        assert_eq!(view.notes, shard().notes);
        assert_eq!(view.records[0].slug, "a");
        assert_eq!(view.records[0].result, [1, 2, 3]);
        assert_eq!(view.records[0].owned().files, vec![FileKey::Absent]);
    }

    #[test]
    fn a_damaged_shard_is_refused() {
        let bytes = shard().encode();
        // Truncated anywhere, one byte changed anywhere, another format.
        for cut in 0..bytes.len() {
            assert!(Shard::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(Shard::decode(&bad).is_none(), "byte {at} flipped");
        }
        let mut foreign = bytes.clone();
        foreign[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert!(Shard::decode(&foreign).is_none());
    }

    #[test]
    fn recent_files_are_racy_and_old_ones_are_not() {
        let started = Started((1_000_000, 500));
        let at = |secs: i64| Meta {
            len: 1,
            mtime: (secs, 0),
            ctime: (secs, 0),
            inode: 1,
        };
        assert!(at(1_000_000).racy(started.0), "same second");
        assert!(at(1_000_005).racy(started.0), "in the future");
        assert!(at(999_999).racy(started.0), "within the tick margin");
        assert!(!at(999_000).racy(started.0), "safely older");
        // A recent ctime alone (chmod, `touch -d`) is not: any write moves
        // the mtime away from its old value. It is still compared.
        let mut m = at(999_000);
        m.ctime = (1_000_000, 0);
        assert!(!m.racy(started.0));
        assert_ne!(m, at(999_000));
    }

    #[test]
    fn a_racy_file_is_recorded_untrusted() {
        let started = Started((1_000_000, 0));
        let recent = Meta {
            len: 1,
            mtime: (1_000_000, 0),
            ctime: (1_000_000, 0),
            inode: 1,
        };
        let old = Meta {
            mtime: (1, 0),
            ctime: (1, 0),
            ..recent
        };
        let key = |meta, trusted| FileKey::File {
            meta,
            trusted,
            hash: 9,
        };
        assert_eq!(
            FileKey::recorded(Some(recent), 9, started),
            key(recent, false)
        );
        assert_eq!(FileKey::recorded(Some(old), 9, started), key(old, true));
        assert_eq!(FileKey::recorded(None, 9, started), FileKey::Absent);
    }

    #[test]
    fn metadata_below_a_directory_is_the_metadata_of_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir_all(articles.join("a")).unwrap();
        std::fs::write(articles.join("a/fi.txt"), "Otsikko\n").unwrap();
        std::fs::write(dir.path().join("outside.txt"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(articles.join("a/fi.txt"), articles.join("a/sv.txt")).unwrap();
        let below = Below::new(&articles);
        for path in [
            articles.join("a/fi.txt"),
            // Followed, as `std::fs::metadata` does.
            articles.join("a/sv.txt"),
            articles.join("a/status.toml"),
            articles.join("a"),
            articles.clone(),
            dir.path().join("outside.txt"),
            dir.path().join("articles/../outside.txt"),
        ] {
            assert_eq!(below.meta(&path), Meta::read(&path), "{}", path.display());
        }
        assert!(below.meta(&articles.join("a/fi.txt")).is_some());
        assert!(below.meta(&articles.join("a/status.toml")).is_none());
        // A directory that is not there: every path asked about as it is.
        let nowhere = Below::new(&dir.path().join("none"));
        let fi = articles.join("a/fi.txt");
        assert_eq!(nowhere.meta(&fi), Meta::read(&fi));
    }

    /// A cache file gets the mode any new file gets here (0666 less the
    /// umask), so that another user of the checkout can read it.
    #[cfg(unix)]
    #[test]
    fn cache_files_are_as_readable_as_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let blob = Blob::new(dir.path(), "words", 7);
        blob.write(b"verdicts");
        assert_eq!(blob.read().as_deref(), Some(&b"verdicts"[..]));
        assert_eq!(mode(&blob.dir.join(&blob.name)), mode(&plain));
        let tmp = temp_file_in(dir.path()).unwrap();
        assert_eq!(mode(tmp.path()), mode(&plain));
    }

    #[test]
    fn keys_tell_labelled_values_apart() {
        let key = |parts: &[(&str, &str)]| {
            let mut k = KeyBuilder::new("t");
            for (l, v) in parts {
                k.text(l, v);
            }
            k.finish()
        };
        assert_eq!(key(&[("a", "b")]), key(&[("a", "b")]));
        assert_ne!(key(&[("a", "bc")]), key(&[("ab", "c")]));
        assert_ne!(key(&[("a", "b")]), key(&[("a", "c")]));
    }

    #[test]
    fn shard_names_are_recognised() {
        assert!(is_shard(Path::new("x/0a.bin")));
        assert!(!is_shard(Path::new("x/notes.bin")));
        assert!(!is_shard(Path::new("x/0a.txt")));
        assert!(is_temp(Path::new("x/.tmp-abc")));
        assert!(is_side(Path::new("x/index.bin")));
        assert!(!is_shard(Path::new("x/index.bin")));
    }
}
