//! `tolk completions SHELL`: the completion script clap_complete writes
//! for tolk's command line, returned for `report` to print.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn run(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tolk", &mut script);
    script
}
