//! `tolk man`: the manual page in roff, made by clap_mangen from the same
//! help text as `tolk --help`, returned for `report` to print.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;

pub fn run() -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(page)
}
