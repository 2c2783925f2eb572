//! Inputs that used to be quadratic or exponential (issue 12): a glob with
//! many stars, an article with thousands of missing segments, a paragraph
//! of megabytes. `cargo bench --bench linear`; the whole-command figures
//! are in CHANGELOG.md and the issue note.

use tolk::article::Article;
use tolk::checks::check_article;
use tolk::glossary::{Glossary, Matcher};

fn main() {
    divan::main();
}

const FI: [&str; 4] = [
    "Kaupunki järjestää kesällä 12 tapahtumaa puistossa.",
    "Hyvinvointialueen palvelut siirtyvät uusiin tiloihin vuonna 2024.",
    "Kirjasto on auki arkisin kello 10 - 20.",
    "Valtuusto päätti asiasta kokouksessaan 6.4.",
];
const SV: [&str; 4] = [
    "Staden ordnar 12 evenemang i parken i sommar.",
    "Välfärdsområdets tjänster flyttar till nya lokaler år 2024.",
    "Biblioteket är öppet vardagar klockan 10 - 20.",
    "Fullmäktige beslöt saken vid sitt möte 6.4.",
];

#[divan::bench(args = [60, 600, 6000])]
fn glob_many_stars(bencher: divan::Bencher, letters: usize) {
    let glossary = Glossary::parse(
        "[[term]]\nfi = \"x\"\nsv = \"y\"\navoid = [\"*a*a*a*a*a*a*a*a*b\"]\n",
        "glossary.toml",
    )
    .unwrap();
    let matcher = Matcher::builtin(&glossary);
    let text = "a".repeat(letters);
    bencher.bench(|| matcher.find_sv(divan::black_box(&text)).len());
}

#[divan::bench(args = [12_900, 25_800, 51_600], sample_count = 3)]
fn missing_segments(bencher: divan::Bencher, n: usize) {
    let mut fi = String::from("| KAUPUNKI\n\nOtsikko tässä\n\n");
    for i in 0..n {
        fi.push_str(&format!("{} Kappale {i}.\n\n", FI[i % 4]));
    }
    let sv = "| STADEN\n\nRubrik här\n\nStaden ordnar 12 evenemang.\n";
    let article = Article::from_texts("many", &fi, Some(sv));
    bencher.bench(|| check_article(&article, None).len());
}

#[divan::bench(args = [1, 2, 4], sample_count = 3)]
fn one_paragraph_megabytes(bencher: divan::Bencher, mb: usize) {
    let para = |sentences: [&str; 4], numbered: bool| {
        let mut out = String::new();
        let mut i = 0;
        while out.len() < mb * 1_000_000 {
            out.push_str(sentences[i % 4]);
            out.push(' ');
            if numbered && i % 7 == 0 {
                out.push_str(&format!("Kohta {}. ", 100 + i));
            }
            i += 1;
        }
        out
    };
    let fi = format!("| KAUPUNKI\n\nOtsikko\n\n{}\n", para(FI, true));
    let sv = format!("| STADEN\n\nRubrik\n\n{}\n", para(SV, false));
    let article = Article::from_texts("long", &fi, Some(&sv));
    bencher.bench(|| check_article(&article, None).len());
}
