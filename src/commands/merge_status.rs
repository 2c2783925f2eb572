//! `tolk merge-status %O %A %B`: the git merge driver for `status.toml`
//! (see `tolk init`), merging per segment.

use anyhow::Result;

use crate::cli::MergeStatusArgs;
use crate::merge::{Merged, merge_files};

pub fn run(args: &MergeStatusArgs) -> Result<Merged> {
    merge_files(&args.base, &args.ours, &args.theirs)
}
