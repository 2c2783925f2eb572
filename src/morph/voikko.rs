//! The Voikko back end: Finnish base forms from libvoikko, the morphology
//! library behind LibreOffice's and Firefox's Finnish spell checking.
//!
//! libvoikko is GPL; tolk does not link it. It is opened at run time with
//! `dlopen` (the `libloading` crate) through a handful of C functions, so
//! tolk builds and runs on machines without it and its licence is not
//! bound by libvoikko's. All `unsafe` code of tolk lives in this file.
//!
//! A Voikko handle is not thread-safe, so it sits behind a mutex; analyses
//! are cached per distinct word form in front of it, so each form is
//! analysed once per run and checking threads mostly read the cache. The
//! cache belongs to the [`Voikko`] value and holds at most
//! `CACHED_WORDS` forms, so a long-lived process stays bounded.

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_void};
use std::sync::{Mutex, MutexGuard, OnceLock, RwLock};

use anyhow::{Result, anyhow};
use libloading::Library;

use super::Morphology;

/// How to get Voikko, for messages.
pub const INSTALL_HINT: &str = "install libvoikko and its Finnish dictionary \
     (Debian/Ubuntu: `apt-get install libvoikko1 voikko-fi`; Fedora: `dnf install libvoikko malaga-suomi-voikko`; \
     macOS: `brew install libvoikko`)";

#[cfg(target_os = "macos")]
const LIBRARY_NAMES: &[&str] = &[
    "libvoikko.1.dylib",
    "/opt/homebrew/lib/libvoikko.1.dylib",
    "/usr/local/lib/libvoikko.1.dylib",
];
#[cfg(target_os = "windows")]
const LIBRARY_NAMES: &[&str] = &["libvoikko-1.dll"];
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
const LIBRARY_NAMES: &[&str] = &["libvoikko.so.1"];

type InitFn = unsafe extern "C" fn(*mut *const c_char, *const c_char, *const c_char) -> *mut c_void;
type TerminateFn = unsafe extern "C" fn(*mut c_void);
type AnalyzeFn = unsafe extern "C" fn(*mut c_void, *const c_char) -> *mut *mut c_void;
type FreeAnalysisFn = unsafe extern "C" fn(*mut *mut c_void);
type ValueFn = unsafe extern "C" fn(*const c_void, *const c_char) -> *mut c_char;
type FreeValueFn = unsafe extern "C" fn(*mut c_char);
type VersionFn = unsafe extern "C" fn() -> *const c_char;
type ListDictsFn = unsafe extern "C" fn(*const c_char) -> *mut *mut c_void;
type FreeDictsFn = unsafe extern "C" fn(*mut *mut c_void);
type DictStrFn = unsafe extern "C" fn(*const c_void) -> *const c_char;

/// The functions tolk uses, resolved once.
struct Api {
    init: InitFn,
    terminate: TerminateFn,
    analyze: AnalyzeFn,
    free_analysis: FreeAnalysisFn,
    value: ValueFn,
    free_value: FreeValueFn,
}

struct Handle(*mut c_void);

// SAFETY: the handle is only ever used while holding the mutex around it,
// one thread at a time, which is what libvoikko requires.
unsafe impl Send for Handle {}

/// One reading of a word: its base form, and whether the word itself is in
/// the nominative (`nimento`) in that reading.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Analysis {
    base: String,
    nominative: bool,
}

/// What `tolk doctor` reports about the loaded library.
#[derive(Debug, Clone)]
pub struct VoikkoInfo {
    /// The library file the dynamic linker found.
    pub library: String,
    pub version: String,
    /// The Finnish dictionary's description (`suomi (Voikko-fi 2.5)`).
    pub dictionary: String,
}

/// Word forms the analysis cache holds before it starts afresh: well above
/// the distinct forms of a large run (a 5 000-article corpus has about
/// 14 000 Finnish ones; the matcher's own caches keep most words from
/// reaching Voikko at all), and some tens of megabytes at most.
const CACHED_WORDS: usize = 1 << 17;

/// libvoikko handles open at most at once: one per core, up to this.
const MAX_HANDLES: usize = 4;

pub struct Voikko {
    api: Api,
    /// The first opened with the library, the others the first time every
    /// open one is busy: a handle analyses one word at a time, and parallel
    /// checks waiting on one handle left a core idle (about a third of a
    /// cold check with Voikko is in libvoikko).
    handles: Box<[OnceLock<Option<Mutex<Handle>>>]>,
    cache: RwLock<HashMap<String, Vec<Analysis>>>,
    info: VoikkoInfo,
    // Keeps the code behind `api` mapped; dropped last.
    _library: Library,
}

impl std::fmt::Debug for Voikko {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Voikko").field("info", &self.info).finish()
    }
}

/// Reads a C string libvoikko owns.
///
/// # Safety
/// `ptr` is null or a valid NUL-terminated string.
unsafe fn c_str(ptr: *const c_char) -> Option<String> {
    if ptr.is_null() {
        None
    } else {
        // SAFETY: non-null and NUL-terminated per the caller.
        Some(
            unsafe { CStr::from_ptr(ptr) }
                .to_string_lossy()
                .into_owned(),
        )
    }
}

/// Resolves one function of the library.
///
/// # Safety
/// `T` must be the function's true C signature.
unsafe fn sym<T: Copy>(library: &Library, name: &[u8]) -> Result<T> {
    // SAFETY: the caller guarantees the type.
    unsafe { library.get::<T>(name) }.map(|s| *s).map_err(|e| {
        let name = String::from_utf8_lossy(name.strip_suffix(b"\0").unwrap_or(name)).into_owned();
        anyhow!("libvoikko lacks `{name}`, which tolk needs ({e}); {INSTALL_HINT}")
    })
}

/// Where the dynamic linker found the library: the first mapping of a file
/// named like it in this process.
fn loaded_path() -> Option<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    maps.lines()
        .filter_map(|l| l.split_whitespace().nth(5))
        .find(|p| p.contains("libvoikko"))
        .map(str::to_string)
}

impl Voikko {
    /// Opens libvoikko and its Finnish dictionary. The error says what is
    /// missing and how to install it.
    pub fn load() -> Result<Voikko> {
        let mut last_err = None;
        let mut library = None;
        // TOLK_VOIKKO_LIBRARY names the library file for installs outside
        // the linker's search path.
        let custom = std::env::var("TOLK_VOIKKO_LIBRARY")
            .ok()
            .filter(|p| !p.is_empty());
        let names: Vec<&str> = match &custom {
            Some(path) => vec![path.as_str()],
            None => LIBRARY_NAMES.to_vec(),
        };
        for name in &names {
            // SAFETY: loading libvoikko runs only its own initialisers,
            // which have no preconditions.
            match unsafe { Library::new(*name) } {
                Ok(lib) => {
                    library = Some((lib, name.to_string()));
                    break;
                }
                Err(err) => last_err = Some(err),
            }
        }
        let Some((library, name)) = library else {
            let why = last_err.map(|e| e.to_string()).unwrap_or_default();
            return Err(anyhow!("could not load libvoikko ({why}); {INSTALL_HINT}"));
        };
        // SAFETY: the symbol types match libvoikko's C declarations
        // (voikko.h, libvoikko 3.x and 4.x).
        let api = unsafe {
            Api {
                init: sym::<InitFn>(&library, b"voikkoInit\0")?,
                terminate: sym(&library, b"voikkoTerminate\0")?,
                analyze: sym(&library, b"voikkoAnalyzeWordCstr\0")?,
                free_analysis: sym(&library, b"voikko_free_mor_analysis\0")?,
                value: sym(&library, b"voikko_mor_analysis_value_cstr\0")?,
                free_value: sym(&library, b"voikko_free_mor_analysis_value_cstr\0")?,
            }
        };
        // Only for `tolk doctor`: optional.
        // SAFETY: as above.
        let (version, list, free_dicts, dict_lang, dict_desc) = unsafe {
            (
                sym::<VersionFn>(&library, b"voikkoGetVersion\0").ok(),
                sym::<ListDictsFn>(&library, b"voikko_list_dicts\0").ok(),
                sym::<FreeDictsFn>(&library, b"voikko_free_dicts\0").ok(),
                sym::<DictStrFn>(&library, b"voikko_dict_language\0").ok(),
                sym::<DictStrFn>(&library, b"voikko_dict_description\0").ok(),
            )
        };

        let handle = open_handle(&api).map_err(|why| {
            anyhow!("libvoikko loaded but found no Finnish dictionary ({why}); {INSTALL_HINT}")
        })?;

        // SAFETY: these return static or library-owned strings, and the
        // dictionary list is freed with its own function.
        let version = version
            .and_then(|f| unsafe { c_str(f()) })
            .unwrap_or_else(|| "unknown".into());
        let mut dictionary = String::from("unknown");
        if let (Some(list), Some(free), Some(lang_of), Some(desc_of)) =
            (list, free_dicts, dict_lang, dict_desc)
        {
            // SAFETY: the functions come from the loaded libvoikko with the
            // signatures of its C API; the dictionary list is NULL-terminated,
            // read only before it is freed, and freed once with its own
            // function.
            unsafe {
                let dicts = list(std::ptr::null());
                if !dicts.is_null() {
                    let mut i = 0;
                    while !(*dicts.add(i)).is_null() {
                        let d = *dicts.add(i);
                        if c_str(lang_of(d)).as_deref() == Some("fi") {
                            dictionary = c_str(desc_of(d)).unwrap_or_default();
                            break;
                        }
                        i += 1;
                    }
                    free(dicts);
                }
            }
        }
        let info = VoikkoInfo {
            library: loaded_path().unwrap_or(name),
            version,
            dictionary,
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let handles: Box<[OnceLock<Option<Mutex<Handle>>>]> = (0..cores.clamp(1, MAX_HANDLES))
            .map(|_| OnceLock::new())
            .collect();
        let _ = handles[0].set(Some(Mutex::new(handle)));
        Ok(Voikko {
            api,
            handles,
            cache: RwLock::new(HashMap::new()),
            info,
            _library: library,
        })
    }

    pub fn info(&self) -> &VoikkoInfo {
        &self.info
    }

    /// The lower-cased base forms of `word` in every analysis Voikko has;
    /// empty for a word it does not know.
    pub fn base_forms(&self, word: &str) -> Vec<String> {
        let mut forms: Vec<String> = Vec::new();
        for a in self.analyses(word) {
            if !forms.contains(&a.base) {
                forms.push(a.base);
            }
        }
        forms
    }

    /// The base forms of a glossary headword: only from readings where the
    /// headword is itself a nominative (`terveyspalvelut` → singular
    /// `terveyspalvelu`). Other readings would let an unlucky headword
    /// claim a common word: `vapaaehtoisilta` ("volunteer evening") is also
    /// the ablative plural of `vapaaehtoinen`.
    fn headword_bases(&self, word: &str) -> Vec<String> {
        let mut forms: Vec<String> = Vec::new();
        for a in self.analyses(word) {
            if a.nominative && !forms.contains(&a.base) {
                forms.push(a.base);
            }
        }
        forms
    }

    fn analyses(&self, word: &str) -> Vec<Analysis> {
        if let Some(hit) = self
            .cache
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(word)
        {
            return hit.clone();
        }
        let found = self.analyse(word);
        let mut cache = self.cache.write().unwrap_or_else(|e| e.into_inner());
        // Starting afresh is simpler than evicting, and a full cache is
        // rare: the next run of words fills it again with the common ones.
        if cache.len() >= CACHED_WORDS {
            cache.clear();
        }
        cache.insert(word.to_string(), found.clone());
        found
    }

    fn analyse(&self, word: &str) -> Vec<Analysis> {
        let Ok(cword) = CString::new(word) else {
            return Vec::new();
        };
        let handle = self.handle();
        let mut found: Vec<Analysis> = Vec::new();
        // SAFETY: the handle is live and used under the lock; the analysis
        // array is null-terminated and freed once with its own function;
        // each value is freed with its own function.
        unsafe {
            let analyses = (self.api.analyze)(handle.0, cword.as_ptr());
            if analyses.is_null() {
                return found;
            }
            let mut i = 0;
            while !(*analyses.add(i)).is_null() {
                let analysis = *analyses.add(i);
                let value = |key: &CStr| -> Option<String> {
                    let v = (self.api.value)(analysis, key.as_ptr());
                    let out = c_str(v);
                    if !v.is_null() {
                        (self.api.free_value)(v);
                    }
                    out
                };
                if let Some(base) = value(c"BASEFORM") {
                    // Words that do not inflect have no case at all.
                    let nominative = value(c"SIJAMUOTO").is_none_or(|case| case == "nimento");
                    let a = Analysis {
                        base: base.to_lowercase(),
                        nominative,
                    };
                    if !found.contains(&a) {
                        found.push(a);
                    }
                }
                i += 1;
            }
            (self.api.free_analysis)(analyses);
        }
        found
    }
}

impl Voikko {
    /// A handle to analyse with: an open one nobody is using, else a new
    /// one while there is room, else the first, waited for.
    fn handle(&self) -> MutexGuard<'_, Handle> {
        let open = || self.handles.iter().filter_map(|slot| slot.get()?.as_ref());
        if let Some(idle) = open().find_map(|h| h.try_lock().ok()) {
            return idle;
        }
        let fresh = self
            .handles
            .iter()
            .find(|slot| slot.get().is_none())
            .and_then(|slot| {
                slot.get_or_init(|| open_handle(&self.api).ok().map(Mutex::new))
                    .as_ref()
            });
        let handle = match fresh {
            Some(h) => h,
            // The first handle is always open.
            None => open().next().expect("the first handle is open"),
        };
        handle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A new libvoikko handle for Finnish, or why there is none.
fn open_handle(api: &Api) -> Result<Handle, String> {
    let mut error: *const c_char = std::ptr::null();
    let lang = CString::new("fi").expect("no NUL");
    // SAFETY: `error` is a valid out-pointer; a null path means the default
    // dictionary search path.
    let handle = unsafe { (api.init)(&mut error, lang.as_ptr(), std::ptr::null()) };
    if handle.is_null() {
        // SAFETY: libvoikko sets `error` to a static message or null.
        return Err(unsafe { c_str(error) }.unwrap_or_else(|| "unknown error".into()));
    }
    Ok(Handle(handle))
}

impl Drop for Voikko {
    fn drop(&mut self) {
        for slot in self.handles.iter_mut() {
            if let Some(Some(handle)) = slot.get_mut() {
                let handle = handle.get_mut().unwrap_or_else(|e| e.into_inner());
                // SAFETY: each handle came from voikkoInit and is
                // terminated once.
                unsafe { (self.api.terminate)(handle.0) };
            }
        }
    }
}

impl Morphology for Voikko {
    fn name(&self) -> &'static str {
        "voikko"
    }

    /// A glossary word is indexed under itself and its base forms, so a
    /// plural headword (`terveyspalvelut`) meets its singular lemma.
    fn base_keys(&self, base: &str) -> Vec<String> {
        let mut keys = vec![base.to_string()];
        for form in self.headword_bases(base) {
            if !keys.contains(&form) {
                keys.push(form);
            }
        }
        keys
    }

    fn word_keys(&self, word: &str, found: &mut dyn FnMut(&str)) {
        for form in self.base_forms(word) {
            found(&form);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Voikko tests need the library; outside CI a missing one skips with
    /// the reason, under `CI=true` it fails, so CI always tests both back
    /// ends.
    pub(crate) fn voikko_or_skip() -> Option<Voikko> {
        match Voikko::load() {
            Ok(v) => Some(v),
            Err(err) if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("Voikko is required under CI=true: {err:#}")
            }
            Err(err) => {
                #[allow(clippy::print_stderr, reason = "a skipped test says why")]
                {
                    eprintln!("skipping Voikko test: {err:#}");
                }
                None
            }
        }
    }

    #[test]
    fn inflected_forms_give_their_base_form() {
        let Some(v) = voikko_or_skip() else { return };
        for (word, base) in [
            ("kauniaisissa", "kauniainen"),
            ("kunnilla", "kunta"),
            ("hyvinvointivaliokunnaksi", "hyvinvointivaliokunta"),
            ("järjestöjen", "järjestö"),
        ] {
            assert!(
                v.base_forms(word).contains(&base.to_string()),
                "{word}: {:?}",
                v.base_forms(word)
            );
        }
    }

    #[test]
    fn a_headword_is_read_as_a_nominative_only() {
        let Some(v) = voikko_or_skip() else { return };
        // Also the ablative plural of `vapaaehtoinen`, but as a glossary
        // headword it is the compound "volunteer evening".
        let keys = v.base_keys("vapaaehtoisilta");
        assert!(!keys.contains(&"vapaaehtoinen".to_string()), "{keys:?}");
        // A plural headword meets its singular lemma.
        assert!(
            v.base_keys("terveyspalvelut")
                .contains(&"terveyspalvelu".to_string())
        );
    }

    #[test]
    fn analyses_on_many_threads_are_those_of_one() {
        use rayon::prelude::*;
        let Some(one) = voikko_or_skip() else { return };
        let words: Vec<String> = [
            "kauniaisissa",
            "kunnilla",
            "järjestöjen",
            "terveyspalvelut",
            "vapaaehtoisilta",
            "xqzzyqx",
            "hyvinvointivaliokunnaksi",
        ]
        .iter()
        .flat_map(|w| (0..40).map(move |k| format!("{w}{}", "a".repeat(k % 3))))
        .collect();
        let alone: Vec<_> = words.iter().map(|w| one.analyse(w)).collect();
        // A fresh one, without the cache: every word goes to libvoikko,
        // from as many threads as there are workers, each on the handle
        // it finds idle (more opened as they are needed).
        let Some(many) = voikko_or_skip() else { return };
        let together: Vec<_> = words.par_iter().map(|w| many.analyse(w)).collect();
        assert_eq!(together, alone);
        assert!(many.handles[0].get().is_some_and(Option::is_some));
    }

    #[test]
    fn unknown_word_has_no_base_form() {
        let Some(v) = voikko_or_skip() else { return };
        assert!(v.base_forms("xqzzyqx").is_empty());
    }

    #[test]
    fn reports_library_and_dictionary() {
        let Some(v) = voikko_or_skip() else { return };
        assert!(v.info().library.contains("voikko"), "{:?}", v.info());
        assert_ne!(v.info().version, "unknown");
    }
}
