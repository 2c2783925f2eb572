//! Inputs that took minutes when a path was quadratic (or exponential) and
//! take seconds now, even in a debug build. No timing assertions: a
//! regression shows as a test that does not finish in CI's time limit.
//! The figures are in `benches/linear.rs` and the CHANGELOG.

use tolk::article::Article;
use tolk::checks::{Rule, check_article};
use tolk::glossary::{Glossary, Matcher};

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

fn shipped() -> Matcher {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/glossary.toml"))
        .expect("shipped glossary");
    Matcher::builtin(&Glossary::parse(&text, "glossary.toml").expect("parses"))
}

/// `*` may swallow any run of letters: backtracking tried every split of
/// the word over the eight stars (60 letters took 49 s).
#[test]
fn a_glob_with_many_stars_is_matched_in_linear_time() {
    let glossary = Glossary::parse(
        "[[term]]\nfi = \"kirjasto\"\nsv = \"bibliotek\"\navoid = [\"*a*a*a*a*a*a*a*a*b\", \"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c\"]\n",
        "glossary.toml",
    )
    .unwrap();
    let matcher = Matcher::builtin(&glossary);
    for len in [60, 600, 6000] {
        let text = "a".repeat(len);
        assert!(matcher.find_sv(&text).is_empty());
        let hit = format!("{text}b");
        let found = matcher.find_sv(&hit);
        assert_eq!(found.len(), 1, "{len}");
        assert_eq!(found[0].text, hit);
    }
}

/// An article of 40 000 Finnish segments with only the first few
/// translated: every missing segment looked up its place by scanning back
/// over the rows, and findings were sorted by a linear look-up of their id.
#[test]
fn thousands_of_missing_segments_are_checked_in_linear_time() {
    let n = 40_000;
    let mut fi = String::from("| KAUPUNKI\n\nOtsikko tässä\n\n");
    for i in 0..n {
        fi.push_str(&format!("{} Kappale {i}.\n\n", FI[i % 4]));
    }
    let mut sv = String::from("| STADEN\n\nRubrik här\n\n");
    for (i, para) in SV.iter().enumerate().take(3) {
        sv.push_str(&format!("{para} Stycke {i}.\n\n"));
    }
    let article = Article::from_texts("many", &fi, Some(&sv));
    let findings = check_article(&article, None);
    let missing = findings.iter().filter(|f| f.rule == Rule::Missing).count();
    assert!(missing >= n - 10, "{missing} missing findings");
    let last = findings
        .iter()
        .rfind(|f| f.rule == Rule::Missing)
        .expect("missing findings");
    assert!(
        last.message.contains("it belongs after sv.txt:"),
        "{}",
        last.message
    );
}

/// One paragraph of 3 MB on each side: numbers were paired by a scan per
/// number, number words tested against every number, excerpts copied the
/// whole paragraph and columns were counted from the line's start, once
/// per finding.
#[test]
fn a_paragraph_of_megabytes_is_checked_in_linear_time() {
    let para = |sentences: [&str; 4], numbered: bool| {
        let mut out = String::new();
        let mut i = 0;
        while out.len() < 3_000_000 {
            out.push_str(sentences[i % 4]);
            out.push(' ');
            if numbered && i % 7 == 0 {
                // Numbers on one side only: thousands of `number` findings.
                out.push_str(&format!("Kohta {}. ", 100 + i));
            }
            i += 1;
        }
        out
    };
    let fi = format!("| KAUPUNKI\n\nOtsikko\n\n{}\n", para(FI, true));
    let sv = format!(
        "| STADEN\n\nRubrik\n\n{}\n\nÖVERSÄTTNING: Patricia Heikkilä\n",
        para(SV, false)
    );
    let matcher = shipped();
    let article = Article::from_texts_with("long", &fi, Some(&sv), &|| Some(&matcher));
    let findings = check_article(&article, Some(&matcher));
    let numbers = findings.iter().filter(|f| f.rule == Rule::Number).count();
    assert!(numbers > 10_000, "{numbers} number findings");
    let last = findings.iter().rfind(|f| f.rule == Rule::Number).unwrap();
    assert_eq!(last.line, 5);
    assert!(last.column > 1_000_000, "column {}", last.column);
}
