//! One module per subcommand. Commands gather data and return it; the
//! report layer prints it.

pub mod import;
pub mod segments;
