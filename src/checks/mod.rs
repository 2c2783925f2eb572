//! The checks of DESIGN §6, one file per rule family.

pub mod numbers;
