//! The glossary (`glossary.toml`, DESIGN §5): its model and term matching.
//! (Being written: see the glossary issue.)
