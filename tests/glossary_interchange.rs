//! `tolk glossary export|import`: TBX-Basic (checked against the vendored
//! TBX-Basic RelaxNG schema with xmllint) and CSV, round trips back to an
//! equivalent glossary, and the refusals (duplicates, unknown columns and
//! elements) with their lines.

mod common;
mod interchange_tools;

use std::process::Command;

use common::{Repo, stdout};
use tolk::glossary::{Glossary, Term};

/// The project's own glossary.
const PROJECT_GLOSSARY: &str = include_str!("../glossary.toml");

/// A glossary using every key, with a note that needs quoting in CSV.
const FULL: &str = r#"# The magazine's terms.

[[term]]
fi = "hyvinvointikertomus"
sv = "välfärdsberättelse"
avoid = ["välfärdsrapport*", "välmåenderapport*"]
fi_forms = ["hyvinvointikertomukse*"]
sv_forms = ["välfärdsberättelse*"]
note = """Statutory term; "kertomus", not "raportti".
See the city's style sheet, page 4."""

[[term]]
fi = "Kauniainen"
sv = "Grankulla"
"#;

fn repo_with(glossary: &str) -> Repo {
    let repo = Repo::empty();
    std::fs::create_dir_all(repo.path("articles")).unwrap();
    repo.write("glossary.toml", glossary);
    repo
}

/// The terms of a glossary, lines aside.
fn terms(text: &str) -> Vec<Term> {
    Glossary::parse(text, "glossary.toml")
        .unwrap()
        .terms
        .into_iter()
        .map(|t| Term { line: 0, ..t })
        .collect()
}

/// Exports `glossary` as `format`, imports the file into an empty
/// repository and returns that repository's glossary.toml.
fn round_trip(glossary: &str, format: &str) -> String {
    let from = repo_with(glossary);
    let file = format!("terms.{format}");
    from.tolk()
        .args(["glossary", "export", "--format", format, "-o", &file])
        .assert()
        .success();
    let to = Repo::empty();
    std::fs::create_dir_all(to.path("articles")).unwrap();
    to.write(&file, from.read_bytes(&file));
    to.tolk()
        .args(["glossary", "import", &file])
        .assert()
        .success();
    to.read("glossary.toml")
}

#[test]
fn tbx_round_trip_gives_back_the_project_glossary() {
    let back = round_trip(PROJECT_GLOSSARY, "tbx");
    assert_eq!(terms(&back), terms(PROJECT_GLOSSARY));
}

#[test]
fn csv_round_trip_gives_back_the_project_glossary() {
    let back = round_trip(PROJECT_GLOSSARY, "csv");
    assert_eq!(terms(&back), terms(PROJECT_GLOSSARY));
}

#[test]
fn round_trips_keep_forms_avoid_lists_and_notes() {
    for format in ["tbx", "csv"] {
        let back = round_trip(FULL, format);
        let got = terms(&back);
        assert_eq!(got, terms(FULL), "{format}");
        assert_eq!(got[0].avoid, ["välfärdsrapport*", "välmåenderapport*"]);
        assert!(got[0].note.as_deref().unwrap().contains("\"kertomus\""));
    }
}

#[test]
fn tbx_export_is_tbx_basic() {
    let repo = repo_with(FULL);
    let text = stdout(repo.tolk().args(["glossary", "export", "--format", "tbx"]));
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tbx");
    assert_eq!(
        root.tag_name().namespace(),
        Some("urn:iso:std:iso:30042:ed-2")
    );
    assert_eq!(root.attribute("type"), Some("TBX-Basic"));
    assert_eq!(root.attribute("style"), Some("dca"));
    let entries: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("conceptEntry"))
        .collect();
    assert_eq!(entries.len(), 2);
    // The TBX-Basic Schematron's value lists (tests/tbx/TBX-Basic_DCA.sch).
    for note in root.descendants().filter(|n| n.has_tag_name("termNote")) {
        let value = note.text().unwrap();
        match note.attribute("type") {
            Some("administrativeStatus") => assert!(
                [
                    "preferredTerm-admn-sts",
                    "admittedTerm-admn-sts",
                    "deprecatedTerm-admn-sts"
                ]
                .contains(&value)
            ),
            Some("termType") => assert_eq!(value, "variant"),
            other => panic!("termNote type {other:?}"),
        }
        assert!(note.parent().unwrap().has_tag_name("termSec"));
    }
    let statuses = |lang: &str| -> Vec<(String, String)> {
        entries[0]
            .children()
            .find(|n| {
                n.has_tag_name("langSec")
                    && n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) == Some(lang)
            })
            .unwrap()
            .children()
            .filter(|n| n.has_tag_name("termSec"))
            .map(|sec| {
                let get = |name: &str| {
                    sec.descendants()
                        .find(|n| {
                            n.has_tag_name(name)
                                && (name == "term"
                                    || n.attribute("type") == Some("administrativeStatus"))
                        })
                        .and_then(|n| n.text())
                        .unwrap()
                        .to_string()
                };
                (get("term"), get("termNote"))
            })
            .collect()
    };
    assert_eq!(
        statuses("sv"),
        [
            ("välfärdsberättelse".into(), "preferredTerm-admn-sts".into()),
            ("välfärdsberättelse*".into(), "admittedTerm-admn-sts".into()),
            ("välfärdsrapport*".into(), "deprecatedTerm-admn-sts".into()),
            ("välmåenderapport*".into(), "deprecatedTerm-admn-sts".into()),
        ]
    );
    assert_eq!(
        statuses("fi"),
        [
            (
                "hyvinvointikertomus".into(),
                "preferredTerm-admn-sts".into()
            ),
            (
                "hyvinvointikertomukse*".into(),
                "admittedTerm-admn-sts".into()
            ),
        ]
    );
}

#[test]
fn tbx_export_is_valid_against_the_tbx_basic_schema() {
    if !interchange_tools::xmllint() {
        return;
    }
    let repo = repo_with(PROJECT_GLOSSARY);
    repo.tolk()
        .args(["glossary", "export", "--format", "tbx", "-o", "terms.tbx"])
        .assert()
        .success();
    let rng = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/tbx/TBXcoreStructV03.rng"
    );
    let (ok, text) = interchange_tools::run(
        Command::new("xmllint")
            .args(["--noout", "--relaxng", rng])
            .arg(repo.path("terms.tbx")),
    );
    assert!(ok, "{text}");
    // A document the schema refuses is refused: the check can fail.
    let broken = repo
        .read("terms.tbx")
        .replace("<termSec>", "<termSection>")
        .replace("</termSec>", "</termSection>");
    repo.write("broken.tbx", broken);
    let (ok, _) = interchange_tools::run(
        Command::new("xmllint")
            .args(["--noout", "--relaxng", rng])
            .arg(repo.path("broken.tbx")),
    );
    assert!(!ok);
}

#[test]
fn csv_export_has_the_documented_header_and_quotes_what_needs_it() {
    let repo = repo_with(FULL);
    let text = stdout(repo.tolk().args(["glossary", "export", "--format", "csv"]));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("fi,sv,avoid,fi_forms,sv_forms,note"));
    assert!(
        text.contains(
            "hyvinvointikertomus,välfärdsberättelse,välfärdsrapport*;välmåenderapport*,\
             hyvinvointikertomukse*,välfärdsberättelse*,\"Statutory term; \"\"kertomus\"\""
        ),
        "{text}"
    );
    assert!(text.contains("\nKauniainen,Grankulla,,,,\n"), "{text}");
}

fn import(repo: &Repo, args: &[&str]) -> (Option<i32>, String, String) {
    let out = repo
        .tolk()
        .args(["glossary", "import"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn import_appends_new_terms_and_keeps_comments_and_existing_terms() {
    let repo = repo_with(FULL);
    repo.write(
        "new.csv",
        "fi,sv,avoid,fi_forms,sv_forms,note\n\
         varhaiskasvatus,småbarnspedagogik,småbarnsfostran,,,\n",
    );
    let (code, out, err) = import(&repo, &["new.csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("added `varhaiskasvatus`"), "{out}");
    let text = repo.read("glossary.toml");
    assert!(text.starts_with(FULL), "{text}");
    assert!(text.ends_with(
        "[[term]]\nfi = \"varhaiskasvatus\"\nsv = \"småbarnspedagogik\"\navoid = [\"småbarnsfostran\"]\n"
    ), "{text}");
}

#[test]
fn import_refuses_a_term_already_in_the_glossary_with_both_lines() {
    let repo = repo_with(FULL);
    repo.write(
        "new.csv",
        "fi,sv\nvarhaiskasvatus,småbarnspedagogik\nKauniainen,Grankulla stad\n",
    );
    let (code, _, err) = import(&repo, &["new.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("new.csv:3: `Kauniainen` is already in glossary.toml:12 (sv = \"Grankulla\")"),
        "{err}"
    );
    assert!(err.contains("--replace"), "{err}");
    // Nothing is written, not even the new term.
    assert_eq!(repo.read("glossary.toml"), FULL);
}

#[test]
fn import_with_replace_updates_the_term_in_place() {
    let repo = repo_with(FULL);
    repo.write(
        "new.csv",
        "fi,sv,note\nKauniainen,Grankulla stad,Use the full name in headings.\n",
    );
    let (code, out, err) = import(&repo, &["new.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("updated `Kauniainen` (sv, note)"), "{out}");
    let text = repo.read("glossary.toml");
    assert!(text.starts_with("# The magazine's terms.\n"));
    assert!(text.ends_with(
        "[[term]]\nfi = \"Kauniainen\"\nsv = \"Grankulla stad\"\nnote = \"Use the full name in headings.\"\n"
    ), "{text}");
    assert_eq!(terms(&text).len(), 2);
}

#[test]
fn import_of_a_term_exactly_as_in_the_glossary_changes_nothing() {
    let repo = repo_with(FULL);
    repo.write("same.csv", "fi,sv\nKauniainen,Grankulla\n");
    let (code, out, _) = import(&repo, &["same.csv"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("1 term already in glossary.toml as in the file"),
        "{out}"
    );
    assert_eq!(repo.read("glossary.toml"), FULL);
}

#[test]
fn import_refuses_a_term_twice_in_the_file_with_its_lines() {
    let repo = repo_with(FULL);
    repo.write(
        "new.csv",
        "fi,sv\nperusopetus,grundläggande utbildning\nvarhaiskasvatus,småbarnspedagogik\nPerusopetus,grundutbildning\n",
    );
    let (code, _, err) = import(&repo, &["new.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("new.csv:4: `Perusopetus` is in this file twice (also on line 2)"),
        "{err}"
    );
    assert_eq!(repo.read("glossary.toml"), FULL);
}

#[test]
fn import_refuses_an_unknown_column_that_holds_data_with_its_line() {
    let repo = repo_with(FULL);
    repo.write(
        "new.csv",
        "fi,sv,domain\nperusopetus,grundläggande utbildning,\nvarhaiskasvatus,småbarnspedagogik,education\n",
    );
    let (code, _, err) = import(&repo, &["new.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("new.csv:3: `education` in the unknown column `domain`"),
        "{err}"
    );
    // An unknown column nobody filled in loses nothing: accepted.
    repo.write(
        "empty-column.csv",
        "fi,sv,domain\nperusopetus,grundläggande utbildning,\n",
    );
    let (code, _, err) = import(&repo, &["empty-column.csv"]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn import_accepts_a_byte_order_mark_and_crlf() {
    let repo = repo_with(FULL);
    repo.write(
        "excel.csv",
        "\u{feff}fi,sv,avoid,fi_forms,sv_forms,note\r\nperusopetus,grundläggande utbildning,grundutbildning,,,\r\n",
    );
    let (code, out, err) = import(&repo, &["excel.csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("added `perusopetus`"), "{out}");
    let got = terms(&repo.read("glossary.toml"));
    assert_eq!(got[2].avoid, ["grundutbildning"]);
}

#[test]
fn import_refuses_a_term_the_glossary_would_refuse_with_the_file_line() {
    let repo = repo_with(FULL);
    repo.write("new.csv", "fi,sv\nperusopetus,grundläggande utbildning*\n");
    let (code, _, err) = import(&repo, &["new.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("new.csv:2: `sv` is a base form, not a pattern"),
        "{err}"
    );
}

#[test]
fn import_refuses_tbx_content_it_would_lose_with_its_line() {
    let repo = repo_with(FULL);
    let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="fi" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <langSec xml:lang="fi">
          <termSec><term>perusopetus</term></termSec>
        </langSec>
        <langSec xml:lang="sv-FI">
          <termSec>
            <term>grundläggande utbildning</term>
            <descrip type="context">Den grundläggande utbildningen omfattar årskurs 1–9.</descrip>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"#;
    repo.write("terms.tbx", tbx);
    let (code, _, err) = import(&repo, &["terms.tbx"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("terms.tbx:13: `<descrip>` in `<termSec>`"),
        "{err}"
    );
    // Without the context, the same file is taken (sv-FI is Swedish).
    let lines: Vec<&str> = tbx.lines().filter(|l| !l.contains("<descrip")).collect();
    repo.write("terms.tbx", lines.join("\n"));
    let (code, out, err) = import(&repo, &["terms.tbx"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("added `perusopetus`"));
    // Another language has no place in the glossary.
    repo.write("en.tbx", tbx.replace("sv-FI", "en"));
    let (code, _, err) = import(&repo, &["en.tbx", "--replace"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("en.tbx:10: a langSec in `en`"), "{err}");
}

#[test]
fn import_dry_run_shows_the_changes_and_writes_nothing() {
    let repo = repo_with(FULL);
    repo.write("new.csv", "fi,sv\nperusopetus,grundläggande utbildning\n");
    let (code, out, _) = import(&repo, &["new.csv", "--dry-run"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("would add `perusopetus`"), "{out}");
    assert!(out.contains("dry run: glossary.toml not changed"), "{out}");
    assert_eq!(repo.read("glossary.toml"), FULL);
}

#[test]
fn import_needs_a_format_it_can_tell() {
    let repo = repo_with(FULL);
    repo.write("terms.txt", "fi,sv\nperusopetus,grundläggande utbildning\n");
    let (code, _, err) = import(&repo, &["terms.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--format"), "{err}");
    let (code, _, err) = import(&repo, &["terms.txt", "--format", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = import(&repo, &["missing.csv"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("missing.csv"), "{err}");
}

#[test]
fn export_without_a_glossary_says_how_to_start_one() {
    let repo = Repo::empty();
    std::fs::create_dir_all(repo.path("articles")).unwrap();
    let out = repo
        .tolk()
        .args(["glossary", "export", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no `glossary.toml` to export"));
    // With one, it is exported.
    repo.write("glossary.toml", FULL);
    repo.tolk()
        .args(["glossary", "export", "--format", "csv"])
        .assert()
        .success();
}

#[test]
fn export_of_a_broken_glossary_names_its_line() {
    let repo = repo_with("[[term]]\nfi = \"Kauniainen\"\n");
    let out = repo
        .tolk()
        .args(["glossary", "export", "--format", "tbx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("glossary.toml") && err.contains("sv"), "{err}");
}

/// A glossary with a note, an avoid list and aligned end-of-line comments.
const NOTED: &str = "[[term]]
fi = \"Kauniainen\"      # our own city
sv = \"Grankulla\"       # official name
note = \"Official Swedish name.\"

[[term]]
fi = \"Espoo\"
sv = \"Esbo\"
avoid = [\"Espoo\"]      # never the Finnish form
";

#[test]
fn import_with_replace_leaves_the_keys_the_file_has_no_column_for() {
    let repo = repo_with(NOTED);
    // As a spreadsheet saves two columns: CRLF, no BOM.
    repo.write(
        "two.csv",
        "fi,sv\r\nKauniainen,Grankulla stad\r\nEspoo,Esbo\r\n",
    );
    let (code, out, err) = import(&repo, &["two.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("updated `Kauniainen` (sv)"), "{out}");
    assert!(!out.contains("remove"), "{out}");
    let text = repo.read("glossary.toml");
    let got = terms(&text);
    assert_eq!(got[0].sv, "Grankulla stad");
    assert_eq!(got[0].note.as_deref(), Some("Official Swedish name."));
    assert_eq!(got[1].avoid, vec!["Espoo".to_string()]);
}

#[test]
fn import_with_replace_clears_a_key_whose_column_is_empty_and_the_dry_run_says_so() {
    let repo = repo_with(NOTED);
    repo.write(
        "full.csv",
        "fi,sv,avoid,note\nKauniainen,Grankulla,,\nEspoo,Esbo,Espoo,\n",
    );
    let (code, out, err) = import(&repo, &["full.csv", "--replace", "--dry-run"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("would remove the note of `Kauniainen`"),
        "{out}"
    );
    assert!(!out.contains("`Espoo`"), "{out}");
    assert_eq!(repo.read("glossary.toml"), NOTED);
    let (code, out, err) = import(&repo, &["full.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("removed the note of `Kauniainen`"), "{out}");
    assert_eq!(terms(&repo.read("glossary.toml"))[0].note, None);
}

#[test]
fn import_with_replace_keeps_end_of_line_comments_where_they_were() {
    let repo = repo_with(NOTED);
    repo.write(
        "new.csv",
        "fi,sv,avoid\nKauniainen,Grankulla,\nEspoo,Esbo,Espoo;Espoossa\n",
    );
    let (code, _, err) = import(&repo, &["new.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    let text = repo.read("glossary.toml");
    // A shorter value: the comment keeps its column. A value too long for
    // it: one space, never glued to the value.
    assert!(
        text.contains(
            "fi = \"Kauniainen\"      # our own city\nsv = \"Grankulla\"       # official name\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("avoid = [\"Espoo\", \"Espoossa\"] # never the Finnish form\n"),
        "{text}"
    );
    let repo = repo_with(NOTED);
    repo.write("short.csv", "fi,sv,avoid\nEspoo,Esbo,Esp*\n");
    let (code, _, err) = import(&repo, &["short.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    let text = repo.read("glossary.toml");
    assert!(
        text.contains("avoid = [\"Esp*\"]       # never the Finnish form\n"),
        "{text}"
    );
}

#[test]
fn a_cell_spanning_lines_in_a_crlf_file_leaves_no_carriage_return() {
    let repo = repo_with(NOTED);
    repo.write(
        "rep.csv",
        "\u{feff}fi,sv,note\r\nKauniainen,Grankulla,\"Official Swedish name.\r\nUse also in addresses.\"\r\n",
    );
    let (code, _, err) = import(&repo, &["rep.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    let text = repo.read("glossary.toml");
    assert!(!text.contains('\r'), "{text:?}");
    assert_eq!(
        terms(&text)[0].note.as_deref(),
        Some("Official Swedish name.\nUse also in addresses.")
    );
    // An LF file's cell was already right, and stays so.
    let repo = repo_with(NOTED);
    repo.write("lf.csv", "fi,sv,note\nKauniainen,Grankulla,\"a\nb\"\n");
    let (code, _, err) = import(&repo, &["lf.csv", "--replace"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        terms(&repo.read("glossary.toml"))[0].note.as_deref(),
        Some("a\nb")
    );
}

#[test]
fn csv_errors_name_the_right_line_with_crlf_and_a_byte_order_mark() {
    for (name, text) in [
        (
            "lf.csv",
            "fi,sv\nHelsinki,Helsingfors\nHelsinki,Helsingfors\n",
        ),
        (
            "crlf.csv",
            "\u{feff}fi,sv\r\nHelsinki,Helsingfors\r\nHelsinki,Helsingfors\r\n",
        ),
        (
            "cell.csv",
            "\u{feff}fi,sv,note\r\nHelsinki,Helsingfors,\"two\r\nlines\"\r\nHelsinki,Helsingfors,\r\n",
        ),
    ] {
        let repo = repo_with(NOTED);
        repo.write(name, text);
        let (code, _, err) = import(&repo, &[name]);
        assert_eq!(code, Some(2), "{name}");
        let second = if name == "cell.csv" { 4 } else { 3 };
        let first = 2;
        assert!(
            err.contains(&format!(
                "{name}:{second}: `Helsinki` is in this file twice (also on line {first})"
            )),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_row_with_too_few_fields_is_named_in_tolks_words() {
    let repo = repo_with(NOTED);
    repo.write("short.csv", "\u{feff}fi,sv,note\r\nTurku,Åbo,\r\n;;;;;\r\n");
    let (code, _, err) = import(&repo, &["short.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("short.csv:3: this row has 1 field but the header row has 3"),
        "{err}"
    );
    assert!(!err.contains("CSV error"), "{err}");
    // The separator the header does not use, in a row: said so.
    repo.write("mixed.csv", "\u{feff}fi,sv,note\r\nTampere;Tammerfors;\r\n");
    let (code, _, err) = import(&repo, &["mixed.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("mixed.csv:2: this row has 1 field but the header row has 3; the header is separated by `,` but this row by `;`"),
        "{err}"
    );
}

#[test]
fn a_semicolon_separated_file_is_read() {
    // Excel in a Finnish locale saves `;`-separated CSV; a list field is
    // then quoted.
    let repo = repo_with(NOTED);
    repo.write(
        "semi.csv",
        "\u{feff}fi;sv;avoid;note\r\nTampere;Tammerfors;\"Tampere;Tammerfors stad\";Sv. Tammerfors.\r\n",
    );
    let (code, out, err) = import(&repo, &["semi.csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("added `Tampere`"), "{out}");
    let got = terms(&repo.read("glossary.toml"));
    assert_eq!(got[2].sv, "Tammerfors");
    assert_eq!(
        got[2].avoid,
        vec!["Tampere".to_string(), "Tammerfors stad".to_string()]
    );
    assert_eq!(got[2].note.as_deref(), Some("Sv. Tammerfors."));
}
