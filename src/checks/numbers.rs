//! Numbers in segment text, for the `number` and `qa-count` rules.
//! (Being written: see the glossary issue.)
