//! Inflection back ends for term matching.
//! (Being written: see the glossary issue.)
