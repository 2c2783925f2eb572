//! Micro-benchmarks for the segmenter and the per-article checks.

use tolk::article::Article;
use tolk::checks::check_article;
use tolk::segment::segment;

const FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");
const SV: &str = include_str!("../articles/hyvinvointikoordinaattori/sv.txt");

fn main() {
    divan::main();
}

#[divan::bench]
fn segment_seed_fi() -> usize {
    segment(divan::black_box(FI)).segments.len()
}

#[divan::bench]
fn check_seed_without_glossary() -> usize {
    let article = Article::from_texts("seed", divan::black_box(FI), Some(SV));
    check_article(&article, None).len()
}
