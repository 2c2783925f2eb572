//! One module per subcommand. Commands gather data and return it; the
//! report layer prints it.

pub mod accept;
pub mod cache;
pub mod check;
pub mod completions;
pub mod credits;
pub mod diff;
pub mod doctor;
pub mod export;
pub mod glossary;
pub mod import;
pub mod init;
pub mod man;
pub mod mark;
pub mod merge_status;
pub mod report_html;
pub mod rules;
pub mod segments;
pub mod status;
pub mod suggest;
pub mod terms;
pub mod tmx;
pub mod words;
