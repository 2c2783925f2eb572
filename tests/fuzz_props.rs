//! The fuzz targets of `fuzz/` as proptests, so that `cargo test` (stable,
//! no cargo-fuzz) runs the same oracles on a few hundred generated inputs:
//! the article pipeline, the status reader/writer round trip, and the
//! glossary parser with the term matcher.

#[path = "../fuzz/src/targets.rs"]
mod targets;

use proptest::prelude::*;
use targets::SEPARATOR;

/// Pieces real articles are made of, so random inputs reach every role,
/// rule and alignment move.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "\u{a0}",
        "\u{feff}",
        "\u{1b}",
        "| ",
        "– ",
        "— ",
        "- ",
        "• ",
        "1. ",
        "?",
        ":",
        ".",
        "”",
        "Kysymys?",
        "Fråga?",
        "Vastaus.",
        "Svar.",
        "KYSYMYS ISOLLA?",
        "Maija: ",
        "TEKSTI: Maija",
        "KÄÄNNÖS: Pekka",
        "ÖVERSÄTTNING: Patricia Heikkilä",
        "Vastaa",
        "Lämna ett svar",
        "Kuvassa Taru.",
        "Kuva: Puisto",
        "Bild: Parken",
        "6 kysymystä",
        "6 frågor",
        "Aukioloajat",
        "hyvinvointikertomus",
        "välfärdsberättelse",
        "välfärdsrapporten",
        "hyvinvointialueella",
        "välfärdsområdet",
        "klo 15",
        "kl. 16",
        "6.4.",
        "16.4.",
        "15 000",
        "6,2",
        "2023",
        "kaksi",
        "två",
        "sanoo Taru.",
        "säger Taru.",
        "ä",
        "x",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn with_separator(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    let mut out = a.to_vec();
    if let Some(b) = b {
        out.push(SEPARATOR);
        out.extend_from_slice(b);
    }
    out
}

fn status_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\n",
        " ",
        "# kommentti\n",
        "[credit]\n",
        "translator = \"Patricia Heikkilä\"\n",
        "translator = \"\"\n",
        "[segments.p1]\n",
        "[segments.q1]\n",
        "[segments.\"a b\"]\n",
        "[segments]\n",
        "state = \"translated\"\n",
        "state = \"reviewed\"\n",
        "by = \"Ann\"\n",
        "at = \"2026-11-23\"\n",
        "at = 2026-11-23\n",
        "source = \"Teksti \\\"x\\\" \\u001b\"\n",
        "source = '''\nmonta\nriviä'''\n",
        "translator = \"Pekka\"\n",
        "reviewed_text = \"Text\"\n",
        "extra = 1\n",
        "[other]\nkey = [1, 2]\n",
        "<<<<<<< HEAD\n",
        "=======\n",
        ">>>>>>> b\n",
        "=",
        "\"",
        "[",
    ]);
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

fn glossary_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "[[term]]\n",
        "fi = \"hyvinvointikertomus\"\n",
        "sv = \"välfärdsberättelse\"\n",
        "fi = \"sosiaali- ja terveysalue\"\n",
        "sv = \"social- och hälsovårdsområde\"\n",
        "avoid = [\"välfärdsrapport*\"]\n",
        "avoid = [\"*a*a*a*a*a*a*a*a*b\"]\n",
        "avoid = [\"*\", \"**\", \"*-*\"]\n",
        "fi_forms = [\"sote*alue*\"]\n",
        "sv_forms = [\"*område\"]\n",
        "note = \"n\"\n",
        "unknown = 1\n",
        "fi = \"\"\n",
        "\n",
        "\"",
    ]);
    prop::collection::vec(piece, 0..20).prop_map(|pieces| pieces.concat())
}

fn text_to_search() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        " ",
        "-",
        "\u{ad}",
        "hyvinvointikertomuksen",
        "välfärdsberättelsen",
        "välfärdsrapporten",
        "sotealueilla",
        "sote-alue",
        "sosiaali- ja terveysalueella",
        "social- och",
        "hälsovårdsområdet",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "område",
        ".",
        "Ä",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn article_pipeline_keeps_its_promises(fi in article_text(), sv in prop::option::of(article_text())) {
        targets::article(&with_separator(fi.as_bytes(), sv.as_ref().map(|s| s.as_bytes())));
    }

    #[test]
    fn article_pipeline_on_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        targets::article(&data);
    }

    #[test]
    fn status_round_trip_keeps_records(text in status_text()) {
        targets::status(text.as_bytes());
    }

    #[test]
    fn status_round_trip_on_arbitrary_text(text in "\\PC{0,200}") {
        targets::status(text.as_bytes());
    }

    #[test]
    fn glossary_parser_and_matcher(toml in glossary_text(), text in prop::option::of(text_to_search())) {
        targets::glossary(&with_separator(toml.as_bytes(), text.as_ref().map(|s| s.as_bytes())));
    }
}

#[test]
fn fuzz_seed_corpus_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus");
    let mut ran = 0;
    for (target, run) in [
        ("article", targets::article as fn(&[u8])),
        ("status", targets::status),
        ("glossary", targets::glossary),
    ] {
        for entry in std::fs::read_dir(format!("{dir}/{target}")).expect("corpus directory") {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
            {
                run(&std::fs::read(&path).unwrap());
                ran += 1;
            }
        }
    }
    assert!(ran >= 20, "{ran} seeds");
}
