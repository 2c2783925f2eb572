//! Writes of `status.toml` and the article files: concurrent `mark`s under
//! the lock, comments and modes kept, unsafe targets refused, `import`
//! all or nothing, leftover temporary files cleaned up.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use common::{Repo, SLUG};

fn status(repo: &Repo) -> String {
    repo.read(&repo.article("status.toml"))
}

fn mode(repo: &Repo, rel: &str) -> u32 {
    std::fs::metadata(repo.path(rel))
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn concurrent_marks_on_disjoint_segments_all_survive() {
    const WRITERS: usize = 6;
    const ROUNDS: usize = 20;
    let repo = Repo::seed();
    let ids = [
        "kicker", "title", "p1", "p2", "p3", "q1", "a1", "q2", "a2", "q3", "a3", "q4",
    ];
    let skeleton = status(&repo);
    for round in 0..ROUNDS {
        repo.write(&repo.article("status.toml"), &skeleton);
        let children: Vec<_> = (0..WRITERS)
            .map(|w| {
                // Each writer marks its own two segments.
                let mine = [ids[w], ids[w + WRITERS]];
                Command::new(env!("CARGO_BIN_EXE_tolk"))
                    .current_dir(repo.root())
                    .args(["mark", SLUG])
                    .args(mine)
                    .args(["--as", "translated", "--by"])
                    .arg(format!("writer{w}"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let json = common::json(repo.tolk().args(["status", SLUG, "--format", "json"]));
        let text = json.to_string();
        for (i, id) in ids.iter().enumerate() {
            let writer = format!("writer{}", i % WRITERS);
            let row = json["articles"][0]["detail"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == *id)
                .unwrap_or_else(|| panic!("no row {id} in {text}"));
            assert_eq!(
                row["state"], "translated",
                "round {round}: {id} lost\n{text}"
            );
            assert_eq!(row["by"], writer.as_str(), "round {round}: {id}");
        }
    }
}

#[test]
fn comments_in_and_between_segment_tables_survive_a_mark() {
    let repo = Repo::seed();
    repo.mark(SLUG, &["p1", "p2", "--as", "translated", "--by", "Pia"]);
    let text = status(&repo)
        .replace(
            "[segments.p1]\nstate = \"translated\"\nby = \"Pia\"",
            "[segments.p1]\n# checked against the print PDF\nstate = \"translated\" # first pass\nby = \"Pia\" # freelancer",
        )
        .replace("\n[segments.p2]", "\n# p2 was rewritten on 3 Nov\n[segments.p2]");
    repo.write(&repo.article("status.toml"), &text);
    repo.mark(SLUG, &["p1", "p2", "--as", "reviewed", "--by", "Eeva"]);
    let after = status(&repo);
    for comment in [
        "# checked against the print PDF\nstate = \"reviewed\"",
        "state = \"reviewed\" # first pass",
        "by = \"Eeva\" # freelancer",
        "# p2 was rewritten on 3 Nov\n[segments.p2]",
    ] {
        assert!(after.contains(comment), "{comment:?} lost:\n{after}");
    }
}

#[test]
fn mark_keeps_the_file_mode() {
    let repo = Repo::seed();
    let file = repo.article("status.toml");
    std::fs::set_permissions(repo.path(&file), std::fs::Permissions::from_mode(0o640)).unwrap();
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", "P"]);
    assert_eq!(mode(&repo, &file), 0o640);
    // New files are not private to their owner, as tempfile makes them.
    assert_ne!(mode(&repo, &repo.article("fi.txt")), 0o600);
}

#[test]
fn read_only_status_is_refused_and_left_as_it_was() {
    let repo = Repo::seed();
    let file = repo.article("status.toml");
    let before = status(&repo);
    std::fs::set_permissions(repo.path(&file), std::fs::Permissions::from_mode(0o444)).unwrap();
    repo.tolk()
        .args(["mark", SLUG, "p1", "--as", "translated", "--by", "P"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "is read-only; tolk will not replace it",
        ));
    assert_eq!(status(&repo), before);
    assert_eq!(mode(&repo, &file), 0o444);
}

#[test]
fn symlinked_status_is_refused_and_stays_a_symlink() {
    let repo = Repo::seed();
    let file = repo.path(&repo.article("status.toml"));
    let real = repo.path("elsewhere.toml");
    std::fs::rename(&file, &real).unwrap();
    std::os::unix::fs::symlink(&real, &file).unwrap();
    let before = repo.read("elsewhere.toml");
    repo.tolk()
        .args(["mark", SLUG, "p1", "--as", "translated", "--by", "P"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "is a symlink; tolk will not replace it",
        ));
    assert!(
        std::fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(repo.read("elsewhere.toml"), before);
}

#[test]
fn article_directory_outside_the_root_is_refused_for_writing() {
    let repo = Repo::seed();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("x");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("fi.txt"), common::SEED_FI).unwrap();
    std::fs::write(target.join("sv.txt"), common::SEED_SV).unwrap();
    std::os::unix::fs::symlink(&target, repo.path("articles/linked")).unwrap();
    repo.tolk()
        .args(["mark", "linked", "p1", "--as", "translated", "--by", "P"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("outside the repository"));
    repo.write("in/fi.txt", common::SEED_FI);
    repo.tolk()
        .args(["import", "linked", "--fi", "in/fi.txt", "--force"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("outside the repository"));
    let mut left: Vec<_> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["fi.txt", "sv.txt"],
        "tolk wrote outside the repository"
    );
}

#[test]
fn import_writes_all_or_nothing_and_a_retry_works() {
    let repo = Repo::empty();
    repo.write("in/fi.txt", common::SEED_FI);
    repo.write("in/sv.txt", common::SEED_SV);
    // sv.txt cannot be written (a directory is in the way), after fi.txt
    // could have been.
    std::fs::create_dir_all(repo.path("articles/x/sv.txt")).unwrap();
    repo.tolk()
        .args([
            "import",
            "x",
            "--fi",
            "in/fi.txt",
            "--sv",
            "in/sv.txt",
            "--force",
        ])
        .assert()
        .code(2);
    assert!(
        !repo.path("articles/x/fi.txt").exists(),
        "fi.txt written alone"
    );
    assert!(!repo.path("articles/x/status.toml").exists());
    std::fs::remove_dir(repo.path("articles/x/sv.txt")).unwrap();
    repo.tolk()
        .args(["import", "x", "--fi", "in/fi.txt", "--sv", "in/sv.txt"])
        .assert()
        .success();
    assert_eq!(repo.read_bytes("articles/x/fi.txt"), common::SEED_FI);
    assert_eq!(repo.read_bytes("articles/x/sv.txt"), common::SEED_SV);
}

#[test]
fn stale_temporary_files_are_removed_on_the_next_write() {
    let repo = Repo::seed();
    let old = repo.path(&repo.article(".tolk-killed.tmp"));
    let young = repo.path(&repo.article(".tolk-running.tmp"));
    std::fs::write(&old, "half a file").unwrap();
    std::fs::write(&young, "being written").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
    repo.mark(SLUG, &["p1", "--as", "translated", "--by", "P"]);
    assert!(!old.exists(), "a temp file older than a minute stays");
    assert!(
        young.exists(),
        "a temp file another run may be writing was removed"
    );
}

#[test]
fn import_writes_a_table_per_segment_that_reads_as_not_marked() {
    let repo = Repo::seed();
    let text = status(&repo);
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("[segments."))
        .collect();
    assert_eq!(headers.len(), 17, "{text}");
    assert_eq!(headers[0], "[segments.kicker]");
    assert_eq!(headers[2], "[segments.p1]");
    assert_eq!(headers[16], "[segments.a6]");
    let json = common::json(repo.tolk().args(["status", SLUG, "--format", "json"]));
    let segments = json["articles"][0]["detail"].as_array().unwrap();
    assert!(segments.iter().all(|s| s["state"] == "draft"), "{json}");
}

#[test]
fn a_rewrite_keeps_the_files_bom_and_crlf() {
    let repo = Repo::seed();
    let status = repo.article("status.toml");
    let text = repo.read(&status).replace('\n', "\r\n");
    repo.write(&status, format!("\u{FEFF}{text}"));
    repo.mark(
        SLUG,
        &["p1", "--as", "translated", "--by", "Patricia Heikkilä"],
    );
    let bytes = repo.read_bytes(&status);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the BOM is kept");
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert!(
        text.contains("[segments.p1]\r\nstate = \"translated\""),
        "{text}"
    );
    // And it reads back: p1 is translated.
    let out = common::stdout(repo.tolk().args(["status", SLUG, "--format", "json"]));
    assert!(out.contains("translated"), "{out}");
}
