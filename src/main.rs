use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a check allocates small
/// strings and vectors per word and per finding on every worker thread
/// (on the 10,000-article benchmark, 11% less CPU for `check`, 25% less
/// for `status`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mimalloc.h` of the mimalloc 3 that
/// `libmimalloc-sys` builds (the option after
/// `mi_option_deprecated_eager_commit_delay`, 14; the crate names neither).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory is held before it goes back to the system, in
/// ms; mimalloc's default is a second. On the 10,000-article benchmark,
/// every rule cold: a peak of about 173 MB at 0 and 10 ms, 199 MB at
/// 100 ms, 215 MB at 1 s. A warm run reads and frees tens of megabytes of
/// cache and output buffers: 0.23 s at 0 (returning each freed block at
/// once is a system call and, on reuse, page faults), 0.18 s at 10 ms.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Freed memory goes back to the system after [`PURGE_DELAY_MS`].
fn purge_soon() {
    // SAFETY: `mi_option_set` only stores an option value; mimalloc reads
    // options at any time and any value of this one is valid.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

fn main() -> ExitCode {
    purge_soon();
    let cli = tolk::cli::Cli::parse();
    match tolk::run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            // Messages quote file contents: no raw control characters, and
            // a closed stderr is no reason to panic.
            let message = tolk::text::escape_controls(&format!("{err:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "tolk: {message}");
            tolk::ExitStatus::Error.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reading and storing option values, as above.
        let default = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        // mimalloc 3's default purge delay, in ms (`src/options.c`): the
        // option is the one meant.
        assert_eq!(default, 1000);
        purge_soon();
        // SAFETY: as above.
        let set = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(set, PURGE_DELAY_MS);
    }
}
