//! Micro-benchmarks for glossary term matching.

use tolk::glossary::{Glossary, Matcher};

const FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");
const SV: &str = include_str!("../articles/hyvinvointikoordinaattori/sv.txt");
const GLOSSARY: &str = include_str!("../glossary.toml");

fn main() {
    divan::main();
}

fn matcher() -> Matcher {
    Matcher::builtin(&Glossary::parse(GLOSSARY, "glossary.toml").expect("shipped glossary parses"))
}

#[divan::bench]
fn compile_shipped_glossary() -> Matcher {
    matcher()
}

#[divan::bench]
fn find_fi_seed(bencher: divan::Bencher) {
    let m = matcher();
    bencher.bench(|| m.find_fi(divan::black_box(FI)).len());
}

#[divan::bench]
fn find_sv_seed(bencher: divan::Bencher) {
    let m = matcher();
    bencher.bench(|| m.find_sv(divan::black_box(SV)).len());
}

#[divan::bench]
fn tokenize_seed() -> usize {
    tolk::tokens::tokenize(divan::black_box(FI), false).len()
}

#[divan::bench]
fn prose_tokens_seed() -> usize {
    tolk::tokens::prose_tokens(divan::black_box(SV)).len()
}
