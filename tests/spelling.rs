//! The `spelling` rule with the real Finland-Swedish dictionary (Debian's
//! `hunspell-sv`), `tolk words`, and the path without a dictionary.

mod common;

use common::{Repo, SLUG, json};

/// Whether the sv_FI dictionary loads here; outside CI a missing one skips
/// the test with the reason, under `CI=true` it fails (as for Voikko).
fn dictionary_available(repo: &Repo) -> bool {
    let out = repo.tolk_spelling().arg("doctor").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let ok = text.contains("ok   spelling");
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the sv_FI dictionary (hunspell-sv) is required under CI=true:\n{text}"
        );
        eprintln!("skipping: hunspell-sv is not installed");
    }
    ok
}

/// The spelling findings of `tolk check`: (segment, message).
fn spelling(repo: &Repo) -> Vec<(String, String)> {
    let mut cmd = repo.tolk_spelling();
    cmd.args(["check", "--format", "json", "--select", "spelling"]);
    let out = cmd.output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "spelling")
        .map(|f| {
            (
                f["segment"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_seed_flags_only_uppgorandet() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    // Every other word of the seed's Swedish is in sv_FI, compounds
    // included (`välfärdskoordinator`, `organisationsenkäten`,
    // `ärendeberedare`), or is a name the Finnish shares (`Ikäheimonen`,
    // `Grankullas` is in the dictionary itself).
    //
    // `uppgörandet` (a2: "koordinerar uppgörandet av välfärdsrapporten") is
    // the definite form of `uppgörande`, the verbal noun of `uppgöra`
    // (draw up), an established Finland-Swedish administrative word. It is
    // not misspelt: sv_FI knows `uppgörande` (via the verb) but has no
    // definite form of it, so the finding is the dictionary's gap, and its
    // suggestion `uppgörande` is grammatically wrong here. Decision: tolk
    // does not special-case it; it stays a warning, since Swedish language
    // advice counts `uppgöra` as a finlandism (`utarbetandet`, `upprättandet`
    // in standard Swedish), and an editor who keeps it says so once with
    // `tolk words add uppgörandet` (below).
    assert_eq!(
        spelling(&repo),
        [(
            "a2".to_string(),
            "`uppgörandet`: not in the Finland-Swedish dictionary; did you mean `uppgörande`?"
                .to_string()
        )]
    );
}

#[test]
fn the_finding_points_at_the_word_with_a_suggestion() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    repo.edit("sv.txt", "budget och bokslut", "budgetrnda och bokslut");
    // `spelling` is opt-in: selected with ALL.
    let v = json(
        repo.tolk_spelling()
            .args(["check", "--format", "json", "--select", "ALL"]),
    );
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "spelling" && f["message"].as_str().unwrap().contains("budgetrnda"))
        .expect("budgetrnda flagged")
        .clone();
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["segment"], "a2");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .starts_with("`budgetrnda`: not in the Finland-Swedish dictionary; did you mean `"),
        "{f}"
    );
    let sv = repo.read(&repo.article("sv.txt"));
    let (start, end) = (
        f["span"]["start"].as_u64().unwrap() as usize,
        f["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&sv[start..end], "budgetrnda");
    let line = sv[..start].matches('\n').count() + 1;
    let column = sv[..start].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
}

#[test]
fn names_the_finnish_shares_are_accepted() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    // Ikäheimonen is in the Finnish of p1 and a2's question: quiet.
    let quiet = spelling(&repo);
    assert!(
        quiet.iter().all(|(_, m)| !m.contains("Ikäheimonen")),
        "{quiet:?}"
    );
    // A name the Finnish of the row does not have is not known to be right.
    repo.edit(
        "sv.txt",
        "Taru Ikäheimonen (på bilden)",
        "Taru Vähäkangas (på bilden)",
    );
    let found = spelling(&repo);
    assert!(
        found.iter().any(|(_, m)| m.starts_with("`Vähäkangas`")),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, m)| !m.starts_with("`Taru`")),
        "{found:?}"
    );
}

#[test]
fn words_txt_is_honoured_after_tolk_words_add() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    repo.edit(
        "sv.txt",
        "budget och bokslut",
        "budget och bokslutsrundan och Kamuflerö",
    );
    let found = spelling(&repo);
    assert!(
        found.iter().any(|(_, m)| m.starts_with("`Kamuflerö`")),
        "{found:?}"
    );
    repo.write("words.txt", "# Words tolk's dictionary lacks.\n\nkl\n");
    repo.tolk_spelling()
        .args(["words", "add", "uppgörandet", "kamuflerö", "KL"])
        .assert()
        .success()
        .stdout(
            "added uppgörandet to words.txt\nadded kamuflerö to words.txt\n\
             KL is already in words.txt\n",
        );
    assert_eq!(
        repo.read("words.txt"),
        "# Words tolk's dictionary lacks.\n\nkamuflerö\nkl\nuppgörandet\n"
    );
    assert_eq!(spelling(&repo), Vec::<(String, String)>::new());
    repo.tolk_spelling()
        .args(["words", "list"])
        .assert()
        .success()
        .stdout("kamuflerö\nkl\nuppgörandet\n");
}

#[test]
fn without_a_dictionary_the_rule_is_skipped_with_a_notice() {
    let repo = Repo::seed();
    let missing = repo.path("nowhere/sv_FI.dic");
    let out = repo
        .tolk_spelling()
        .env("TOLK_DICTIONARY", &missing)
        .args(["check", "--format", "concise", "--select", "ALL"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("spelling rule skipped").count(),
        1,
        "one notice: {stderr}"
    );
    assert!(stderr.contains("TOLK_DICTIONARY"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("[spelling]"), "{stdout}");
    // The same exit status as with spelling not selected at all.
    let without = repo
        .tolk_spelling()
        .args([
            "check", "--format", "concise", "--select", "ALL", "--ignore", "spelling",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), without.status.code());
    assert_eq!(stdout, String::from_utf8_lossy(&without.stdout));
    // doctor says how to get one, and is not broken for it.
    let doctor = repo
        .tolk_spelling()
        .env("TOLK_DICTIONARY", &missing)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&doctor.stdout);
    assert!(text.contains("note spelling"), "{text}");
    assert_eq!(doctor.status.code(), Some(0), "{text}");
    let _ = SLUG;
}

/// stdout of `check --select ALL --format json`, with the result cache or
/// without it.
fn check_all(repo: &Repo, cached: bool) -> String {
    let mut cmd = repo.tolk_spelling();
    cmd.env_remove("TOLK_CACHE_DIR");
    if !cached {
        cmd.arg("--no-cache");
    }
    let out = cmd
        .args(["check", "--format", "json", "--select", "ALL"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The file of remembered verdicts in the result cache.
fn remembered(repo: &Repo) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(repo.path(".tolk-cache/words"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn remembered_verdicts_find_what_the_dictionary_finds() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    assert_eq!(check_all(&repo, true), check_all(&repo, false));
    assert_eq!(remembered(&repo).len(), 1);
    // The article changes: checked again, its words from the kept verdicts,
    // a new typo from the dictionary.
    repo.edit("sv.txt", "budget och bokslut", "budgetrnda och bokslut");
    let fresh = check_all(&repo, false);
    assert!(fresh.contains("did you mean `budgetrunda`"), "{fresh}");
    assert_eq!(check_all(&repo, true), fresh);
    // Now that word is remembered too: the same again, from the cache.
    repo.edit(
        "sv.txt",
        "budgetrnda och bokslut",
        "budgetrnda och boksluten",
    );
    assert_eq!(check_all(&repo, true), check_all(&repo, false));
    // words.txt changes the verdicts: kept apart.
    repo.write("words.txt", "budgetrnda\n");
    let fresh = check_all(&repo, false);
    assert!(!fresh.contains("budgetrnda"), "{fresh}");
    assert_eq!(check_all(&repo, true), fresh);
    assert_eq!(
        remembered(&repo).len(),
        1,
        "the older verdicts are replaced"
    );
}

#[test]
fn damaged_remembered_verdicts_are_looked_up_again() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    repo.edit("sv.txt", "budget och bokslut", "budgetrnda och bokslut");
    let fresh = check_all(&repo, false);
    check_all(&repo, true);
    let file = remembered(&repo).pop().unwrap();
    let whole = std::fs::read(&file).unwrap();
    let mut flipped = whole.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    for (i, damaged) in [flipped, whole[..whole.len() / 2].to_vec(), Vec::new()]
        .into_iter()
        .enumerate()
    {
        std::fs::write(&file, &damaged).unwrap();
        // Another text each time, so that the article is checked again.
        repo.edit(
            "sv.txt",
            "bokslut",
            &format!("bokslut{}", " ".repeat(i + 1)),
        );
        let now = check_all(&repo, false);
        assert_eq!(check_all(&repo, true), now);
    }
    assert!(fresh.contains("budgetrunda"));
}

#[test]
fn calendars_titles_kept_in_finnish_and_compounds_of_renderings() {
    let repo = Repo::empty();
    let fi = "Otsikko tässä\n\nKirjaston johtaja kertoo uudesta kirjastosta. Teatteri esittää \
              näytelmän \"Kun joulupukki unohti lahjat kotiin\" ensi viikolla.\n\nKirjasto on \
              auki ma, ti, ke, to, pe ja la. Muun muassa lapsille on omat tilat.\n";
    let sv = "Rubrik här\n\nVi har en ny biblioteksdirektörr här. Teatern spelar pjäsen \"Kun \
              joulupukki unohti lahjat kotiin\" nästa vecka.\n\nBiblioteket är öppet må, ti, \
              ons, to, fre och lö. Bl.a. barnen har egna utrymmen, t.ex. en lekhörna. Pris \
              inkl. moms.\n";
    repo.import(SLUG, fi, Some(sv.as_bytes()));
    if !dictionary_available(&repo) {
        return;
    }
    repo.write(
        "glossary.toml",
        "[[term]]\nfi = \"kirjasto\"\nsv = \"bibliotek\"\n",
    );
    let found = spelling(&repo);
    // Only the typo in a compound of the rendering `bibliotek`: not the
    // weekdays, the abbreviations, or the title the Finnish has too.
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.starts_with("`biblioteksdirektörr`"), "{found:?}");
}

#[test]
fn a_spelling_finding_can_be_accepted_on_its_segment() {
    let repo = Repo::seed();
    if !dictionary_available(&repo) {
        return;
    }
    assert_eq!(spelling(&repo).len(), 1);
    repo.tolk_spelling()
        .args(["accept", SLUG, "a2", "spelling", "--by", "Anna Lindholm"])
        .args(["--reason", "Established Finland-Swedish usage"])
        .assert()
        .success();
    assert_eq!(spelling(&repo), Vec::<(String, String)>::new());
    // Listed as doing its work (it read as unused: the list checked
    // without the dictionary).
    let list = json(
        repo.tolk_spelling()
            .args(["accept", "--list", "--format", "json"]),
    );
    assert_eq!(list["waivers"][0]["rule"], "spelling", "{list}");
    assert_eq!(list["waivers"][0]["status"], "active", "{list}");
}

#[test]
fn without_a_dictionary_accept_says_the_rule_cannot_run() {
    let repo = Repo::seed();
    let out = repo
        .tolk_spelling()
        .env("TOLK_DICTIONARY", repo.path("nowhere/sv_FI.dic"))
        .args(["accept", SLUG, "a2", "spelling", "--by", "Anna Lindholm"])
        .args(["--reason", "Established Finland-Swedish usage"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`spelling` cannot run here"), "{err}");
    assert!(err.contains("TOLK_DICTIONARY"), "{err}");
    assert!(!err.contains("reports nothing"), "{err}");
}

#[test]
fn inconsistent_is_not_accepted_on_one_segment_and_says_why() {
    let repo = Repo::seed();
    let out = repo
        .tolk()
        .args([
            "accept",
            SLUG,
            "p1",
            "inconsistent",
            "--by",
            "Anna Lindholm",
        ])
        .args(["--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("compares `hyvinvointikoordinaattori` with the other articles"),
        "{err}"
    );
}
