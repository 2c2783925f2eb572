//! Glossary rules end to end on compounds and addresses: a Swedish
//! compound that contains the required rendering satisfies
//! `glossary-missing` (`budgetrundan`, `Grankullavägen`), a look-alike does
//! not (`kommunikation`), avoided renderings are reported as before, and
//! e-mail and web addresses, file names and phone numbers use no term.

mod common;

use common::Repo;

const GLOSSARY: &str = r#"
[[term]]
fi = "Kauniainen"
sv = "Grankulla"

[[term]]
fi = "talousarvio"
sv = "budget"
avoid = ["budgetförslag"]

[[term]]
fi = "hyvinvointialue"
sv = "välfärdsområde"

[[term]]
fi = "kunta"
sv = "kommun"

[[term]]
fi = "Espoo"
sv = "Esbo"

[[term]]
fi = "varhaiskasvatus"
sv = "småbarnspedagogik"
avoid = ["småbarnsfostran"]
"#;

/// Checks one article per (Finnish, Swedish) paragraph pair and returns,
/// per pair, its glossary findings as `rule: message`.
fn glossary_findings(pairs: &[(&str, &str)]) -> Vec<Vec<String>> {
    let repo = Repo::empty();
    repo.write("glossary.toml", GLOSSARY);
    for (n, (fi, sv)) in pairs.iter().enumerate() {
        let fi = format!("Otsikko numero {n}\n\n{fi}\n");
        let sv = format!("Rubrik nummer {n}\n\n{sv}\n");
        repo.import(&format!("a{n}"), fi, Some(sv.as_bytes()));
    }
    // Exit 1 when an avoided rendering (an error) is found: read it all
    // the same.
    let out = repo
        .tolk()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut out = vec![Vec::new(); pairs.len()];
    for f in doc["findings"].as_array().unwrap() {
        let rule = f["rule"].as_str().unwrap();
        if !rule.starts_with("glossary") {
            continue;
        }
        let n: usize = f["article"].as_str().unwrap()[1..].parse().unwrap();
        out[n].push(format!("{rule}: {}", f["message"].as_str().unwrap()));
    }
    out
}

#[test]
fn a_swedish_compound_of_the_rendering_satisfies_the_glossary() {
    let pairs = [
        (
            "Kauniaisten talousarviokierros alkaa.",
            "Grankullavägen stängs under budgetrundan.",
        ),
        ("Kauniaisten asukkaat.", "Grankullaborna."),
        (
            "Hyvinvointialueen johtaja puhui.",
            "Välfärdsområdesdirektören talade.",
        ),
        ("Kunnan asukkaat.", "Kommuninvånarna."),
        ("Kotikunnan talousarvio.", "Hemkommunens stadsbudget."),
        ("Espoon sivu.", "Esbo-sidan."),
    ];
    for (pair, found) in pairs.iter().zip(glossary_findings(&pairs)) {
        assert!(found.is_empty(), "{pair:?}: {found:?}");
    }
}

#[test]
fn a_look_alike_of_the_rendering_does_not_satisfy_the_glossary() {
    let pairs = [
        ("Kunnan viestintä.", "Kommunikationen."),
        ("Kunta tiedottaa.", "Kommunikationsavdelningen informerar."),
        ("Kunnan talousarvio.", "Kommunala beslut budgeteras."),
        ("Espoon asukkaat.", "Esboborna."),
    ];
    let found = glossary_findings(&pairs);
    let missing = |n: usize| -> Vec<&str> {
        found[n]
            .iter()
            .filter(|f| f.starts_with("glossary-missing"))
            .map(|f| f.rsplit('`').nth(1).unwrap())
            .collect()
    };
    assert_eq!(missing(0), ["kommun"], "{:?}", found[0]);
    assert_eq!(missing(1), ["kommun"], "{:?}", found[1]);
    assert_eq!(missing(2), ["kommun", "budget"], "{:?}", found[2]);
    assert_eq!(missing(3), ["Esbo"], "{:?}", found[3]);
}

#[test]
fn avoided_renderings_are_reported_as_before() {
    let pairs = [
        ("Kunnan talousarvio.", "Kommunens budgetförslag."),
        ("Varhaiskasvatus.", "Småbarnsfostran."),
        ("Varhaiskasvatus.", "Småbarnsfostransgruppen."),
    ];
    let found = glossary_findings(&pairs);
    assert_eq!(
        found[0],
        ["glossary-avoid: `budgetförslag`: use `budget` (for `talousarvio`)"]
    );
    assert_eq!(
        found[1],
        ["glossary-avoid: `Småbarnsfostran`: use `småbarnspedagogik` (for `varhaiskasvatus`)"]
    );
    // An avoided rendering inside a compound is not the avoided word (as
    // before), and the required one is still lacking.
    assert_eq!(
        found[2],
        [
            "glossary-missing: the Finnish has `Varhaiskasvatus` (varhaiskasvatus): \
             the Swedish lacks `småbarnspedagogik`"
        ]
    );
}

#[test]
fn addresses_and_file_names_use_no_glossary_term() {
    let pairs = [
        (
            "Lisätietoja: nuoriso@kauniainen.fi tai 09 505 6200.",
            "Mer information: nuoriso@kauniainen.fi eller 09 505 6200.",
        ),
        (
            "Lue lisää https://www.kauniainen.fi/nuoriso ja kauniainen.fi.",
            "Läs mer på https://www.grankulla.fi/ungdom och grankulla.fi.",
        ),
        ("Liitteenä talousarvio.pdf.", "Bilaga: talousarvio.pdf."),
        // Addresses on the Swedish side do not supply the rendering.
        (
            "Kauniainen tiedottaa.",
            "Staden informerar på www.grankulla.fi.",
        ),
    ];
    let found = glossary_findings(&pairs);
    for n in 0..3 {
        assert!(found[n].is_empty(), "{:?}: {:?}", pairs[n], found[n]);
    }
    assert_eq!(
        found[3],
        [
            "glossary-missing: the Finnish has `Kauniainen` (Kauniainen): the Swedish lacks `Grankulla`"
        ]
    );
}
