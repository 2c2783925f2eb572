//! Splits an article's text into numbered segments, credits and skipped
//! boilerplate (DESIGN §2). Pure: no I/O, never fails, never panics.

use serde::Serialize;

use crate::text::{is_space, normalize_ws, word_count};

/// What a segment is in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Kicker,
    Title,
    Paragraph,
    Question,
    Answer,
}

/// One numbered unit of translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// 1-based position in reading order.
    pub n: usize,
    /// The stable handle: `kicker`, `title`, `p1`, `q1`, `a1`, …
    pub id: String,
    pub kind: Kind,
    /// 1-based line of the segment's first line in the file.
    pub line: usize,
    /// 1-based line of the segment's last non-blank line.
    pub end_line: usize,
    pub words: usize,
    /// Whitespace-normalised text; the paragraphs of a multi-paragraph
    /// answer are separated by a blank line (`\n\n`).
    pub text: String,
    /// First and last line of each paragraph, for splitting an answer.
    #[serde(skip)]
    pub parts: Vec<(usize, usize)>,
}

/// Who made the article, from a credit line such as `TEKSTI JA KUVA: …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Role {
    #[serde(rename = "writer")]
    Writer,
    #[serde(rename = "photographer")]
    Photographer,
    #[serde(rename = "writer+photographer")]
    WriterPhotographer,
    #[serde(rename = "translator")]
    Translator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Writer => "writer",
            Role::Photographer => "photographer",
            Role::WriterPhotographer => "writer+photographer",
            Role::Translator => "translator",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    pub role: Role,
    /// The name as written in the file (`PATRICIA HEIKKILÄ`).
    pub name: String,
    /// The name in title case when written in capitals (`Patricia Heikkilä`).
    pub display: String,
    pub line: usize,
}

/// A paragraph that is not part of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

/// Everything the segmenter found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Segmented {
    pub segments: Vec<Segment>,
    pub credits: Vec<Credit>,
    pub skipped: Vec<Skipped>,
}

impl Segmented {
    pub fn get(&self, id: &str) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    /// The translator named by `KÄÄNNÖS:`/`ÖVERSÄTTNING:` lines.
    pub fn translators(&self) -> impl Iterator<Item = &Credit> {
        self.credits.iter().filter(|c| c.role == Role::Translator)
    }
}

/// Credit keys, longest first so `TEKSTI JA KUVA` wins over `TEKSTI`.
/// `KUVAT` and `BILDER` (plural) occur in real bylines beside the keys
/// DESIGN lists.
const CREDIT_KEYS: &[(&str, Role)] = &[
    ("teksti ja kuvat", Role::WriterPhotographer),
    ("teksti ja kuva", Role::WriterPhotographer),
    ("text och foto", Role::WriterPhotographer),
    ("text och bild", Role::WriterPhotographer),
    ("översättning", Role::Translator),
    ("käännös", Role::Translator),
    ("teksti", Role::Writer),
    ("kuvat", Role::Photographer),
    ("kuva", Role::Photographer),
    ("text", Role::Writer),
    ("foto", Role::Photographer),
    ("bilder", Role::Photographer),
    ("bild", Role::Photographer),
];

/// A credit names people, not sentences: longer "names" are captions.
const MAX_CREDIT_NAME_WORDS: usize = 8;

/// Web comment-form remnants: (prefix, whole-paragraph match only).
const BOILERPLATE: &[(&str, bool)] = &[
    ("vastaa", true),
    ("lämna ett svar", true),
    ("leave a reply", true),
    ("sähköpostiosoitettasi ei julkaista", false),
    ("din e-postadress kommer inte publiceras", false),
    ("your email address will not be published", false),
];

/// An answer starts with an en or em dash (a space after it is usual but
/// not required), or a hyphen followed by a space.
pub fn starts_with_answer_dash(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('–' | '—') => true,
        Some('-') => chars.next().is_some_and(is_space),
        _ => false,
    }
}

fn parse_credit(text: &str, line: usize) -> Option<Credit> {
    let (key, name) = text.split_once(':')?;
    // The longest key, `TEKSTI JA KUVAT`, is 15 letters: anything longer
    // before the colon is a sentence, not a credit.
    if key.len() > 24 {
        return None;
    }
    let key = normalize_ws(key).to_lowercase();
    let role = CREDIT_KEYS.iter().find(|(k, _)| *k == key)?.1;
    let name = normalize_ws(name);
    let words = name.split(' ').count();
    if name.is_empty() || words > MAX_CREDIT_NAME_WORDS {
        return None;
    }
    Some(Credit {
        role,
        display: crate::text::display_name(&name),
        name,
        line,
    })
}

/// Whether `text` starts with `prefix` (lower case), ignoring letter case,
/// without allocating: this runs on every paragraph.
fn starts_with_ci(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

fn is_boilerplate(text: &str) -> bool {
    let text = text.trim_end_matches(['.', '!']);
    BOILERPLATE.iter().any(|(prefix, whole)| {
        starts_with_ci(text, prefix) && (!whole || text.chars().count() == prefix.chars().count())
    })
}

/// A run of non-blank lines.
struct Paragraph {
    line: usize,
    end_line: usize,
    /// Each line: its number and its byte range in `text`.
    lines: Vec<(usize, std::ops::Range<usize>)>,
    text: String,
    /// Words as [`crate::text::word_count`] counts them, counted while
    /// the text is built.
    words: usize,
}

impl Paragraph {
    fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.lines.iter().map(|(n, r)| (*n, &self.text[r.clone()]))
    }

    /// A paragraph of some of another's (normalised, non-empty) lines.
    fn of_lines(lines: &[(usize, &str)]) -> Paragraph {
        let mut para = Paragraph {
            line: lines.first().map_or(0, |l| l.0),
            end_line: lines.last().map_or(0, |l| l.0),
            lines: Vec::new(),
            text: String::new(),
            words: 0,
        };
        for &(n, line) in lines {
            if !para.text.is_empty() {
                para.text.push(' ');
            }
            let start = para.text.len();
            para.text.push_str(line);
            para.lines.push((n, start..para.text.len()));
            para.words += word_count(line);
        }
        para
    }
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    // `lines()` would miss lone CR line ends, which old Mac exports still use.
    let lines = text.split('\n').flat_map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.split('\r')
    });
    for (i, raw) in lines.enumerate() {
        let line = i + 1;
        let mut words = raw.split(is_space).filter(|w| !w.is_empty()).peekable();
        if words.peek().is_none() {
            out.extend(current.take());
            continue;
        }
        let para = current.get_or_insert_with(|| Paragraph {
            line,
            end_line: line,
            lines: Vec::new(),
            text: String::new(),
            words: 0,
        });
        para.end_line = line;
        if !para.text.is_empty() {
            para.text.push(' ');
        }
        let start = para.text.len();
        for (k, word) in words.enumerate() {
            if k > 0 {
                para.text.push(' ');
            }
            para.text.push_str(word);
            para.words += usize::from(word.chars().any(crate::text::is_word_char));
        }
        para.lines.push((line, start..para.text.len()));
    }
    out.extend(current);
    out
}

enum Block {
    Content(Paragraph),
    /// A credit or boilerplate paragraph: ends an answer.
    Break,
}

/// Splits `text` into segments, credits and skipped boilerplate.
///
/// ```
/// let text = "| KAUPUNKI\n\nOtsikko\n\nMitä?\n\n– Tätä.\n\nKÄÄNNÖS: Patricia Heikkilä\n";
/// let s = tolk::segment::segment(text);
/// let ids: Vec<&str> = s.segments.iter().map(|s| s.id.as_str()).collect();
/// assert_eq!(ids, ["kicker", "title", "q1", "a1"]);
/// assert_eq!(s.credits[0].display, "Patricia Heikkilä");
/// ```
pub fn segment(text: &str) -> Segmented {
    let mut result = Segmented::default();
    let mut blocks = Vec::new();
    for para in paragraphs(text) {
        let credits: Vec<Credit> = para
            .lines()
            .map_while(|(line, l)| parse_credit(l, line))
            .collect();
        if credits.len() == para.lines.len() {
            result.credits.extend(credits);
            blocks.push(Block::Break);
        } else if let Some(credit) = para
            .lines()
            .next()
            .filter(|(_, first)| first.ends_with(':'))
            .and_then(|_| parse_credit(&para.text, para.line))
        {
            // One credit wrapped over lines (`TEKSTI:` / `Maija Meikäläinen`).
            result.credits.push(credit);
            blocks.push(Block::Break);
        } else if is_boilerplate(&para.text) {
            result.skipped.push(Skipped {
                line: para.line,
                text: para.text,
                reason: "boilerplate",
            });
            blocks.push(Block::Break);
        } else {
            // A credit line typed straight under the text, or above it,
            // without a blank line: still a credit, not part of the text.
            let lines: Vec<(usize, &str)> = para.lines().collect();
            let head = lines
                .iter()
                .take_while(|(n, l)| parse_credit(l, *n).is_some())
                .count();
            let tail = lines[head..]
                .iter()
                .rev()
                .take_while(|(n, l)| parse_credit(l, *n).is_some())
                .count();
            if head == 0 && tail == 0 {
                blocks.push(Block::Content(para));
                continue;
            }
            let credit = |&(n, l): &(usize, &str)| parse_credit(l, n).expect("parsed above");
            result.credits.extend(lines[..head].iter().map(credit));
            if head > 0 {
                blocks.push(Block::Break);
            }
            blocks.push(Block::Content(Paragraph::of_lines(
                &lines[head..lines.len() - tail],
            )));
            if tail > 0 {
                result
                    .credits
                    .extend(lines[lines.len() - tail..].iter().map(credit));
                blocks.push(Block::Break);
            }
        }
    }

    let mut builder = Builder::default();
    let mut seen_content = false;
    let mut has_title = false;
    let mut in_answer = false;
    for i in 0..blocks.len() {
        let para = match &blocks[i] {
            Block::Break => {
                in_answer = false;
                continue;
            }
            Block::Content(p) => p,
        };
        let first = !seen_content;
        seen_content = true;
        if first && para.text.starts_with('|') {
            let text = para.text[1..].trim_start_matches(is_space).to_string();
            builder.push(Kind::Kicker, para, text);
            continue;
        }
        if !has_title {
            has_title = true;
            builder.push(Kind::Title, para, para.text.clone());
            continue;
        }
        let dash = starts_with_answer_dash(&para.text);
        let next_is_dash = matches!(blocks.get(i + 1),
            Some(Block::Content(next)) if starts_with_answer_dash(&next.text));
        if !dash && next_is_dash {
            in_answer = false;
            builder.push(Kind::Question, para, para.text.clone());
        } else if in_answer {
            builder.extend_last(para);
        } else if dash && builder.last_kind() == Some(Kind::Question) {
            in_answer = true;
            builder.push(Kind::Answer, para, para.text.clone());
        } else {
            builder.push(Kind::Paragraph, para, para.text.clone());
        }
    }
    result.segments = builder.segments;
    result
}

#[derive(Default)]
struct Builder {
    segments: Vec<Segment>,
    paragraphs: usize,
    questions: usize,
    answers: usize,
}

impl Builder {
    fn last_kind(&self) -> Option<Kind> {
        self.segments.last().map(|s| s.kind)
    }

    fn push(&mut self, kind: Kind, para: &Paragraph, text: String) {
        let id = match kind {
            Kind::Kicker => "kicker".to_string(),
            Kind::Title => "title".to_string(),
            Kind::Paragraph => {
                self.paragraphs += 1;
                format!("p{}", self.paragraphs)
            }
            Kind::Question => {
                self.questions += 1;
                format!("q{}", self.questions)
            }
            Kind::Answer => {
                self.answers += 1;
                format!("a{}", self.answers)
            }
        };
        self.segments.push(Segment {
            n: self.segments.len() + 1,
            id,
            kind,
            line: para.line,
            end_line: para.end_line,
            words: if kind == Kind::Kicker {
                word_count(&text)
            } else {
                para.words
            },
            text,
            parts: vec![(para.line, para.end_line)],
        });
    }

    fn extend_last(&mut self, para: &Paragraph) {
        let last = self.segments.last_mut().expect("an answer is open");
        last.text.push_str("\n\n");
        last.text.push_str(&para.text);
        last.end_line = para.end_line;
        last.words += para.words;
        last.parts.push((para.line, para.end_line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        segment(text).segments.into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn empty_text_has_no_segments() {
        assert_eq!(segment(""), Segmented::default());
        assert_eq!(segment("\u{feff}\n \u{a0}\n\r\n"), Segmented::default());
    }

    #[test]
    fn kicker_needs_a_bar_and_drops_it() {
        let s = segment("| KAUPUNKI - STADEN\n\nOtsikko\n\nLeipäteksti.");
        assert_eq!(ids("| K\n\nT\n\nP"), ["kicker", "title", "p1"]);
        assert_eq!(s.segments[0].text, "KAUPUNKI - STADEN");
        assert_eq!(s.segments[0].words, 2);
    }

    #[test]
    fn article_without_kicker_starts_with_title() {
        assert_eq!(ids("Otsikko\n\nEka.\n\nToka."), ["title", "p1", "p2"]);
    }

    #[test]
    fn bar_later_in_the_article_is_not_a_kicker() {
        assert_eq!(ids("Otsikko\n\n| ei kicker"), ["title", "p1"]);
    }

    #[test]
    fn lines_of_a_paragraph_join_with_single_spaces() {
        let s = segment("T\n\neka rivi  \n  toka\u{a0}rivi\n");
        assert_eq!(s.segments[1].text, "eka rivi toka rivi");
        assert_eq!((s.segments[1].line, s.segments[1].end_line), (3, 4));
    }

    #[test]
    fn crlf_cr_and_bom_count_as_plain_lines() {
        let s = segment("\u{feff}| K\r\n\r\nT\r\rP\rjatkuu");
        assert_eq!(
            ids("\u{feff}| K\r\n\r\nT\r\rP\rjatkuu"),
            ["kicker", "title", "p1"]
        );
        assert_eq!(s.segments[2].line, 5);
        assert_eq!(s.segments[2].text, "P jatkuu");
    }

    #[test]
    fn nbsp_only_line_is_blank() {
        assert_eq!(ids("T\n\u{a0}\nP1\n \u{a0} \nP2"), ["title", "p1", "p2"]);
    }

    #[test]
    fn nbsp_indented_question_is_recognised() {
        let s = segment("T\n\n\u{a0}Mitä?\n\n– Vastaus.");
        assert_eq!(s.segments[1].id, "q1");
        assert_eq!(s.segments[1].text, "Mitä?");
        assert_eq!(s.segments[2].id, "a1");
    }

    #[test]
    fn all_three_answer_dashes() {
        for dash in ["– Joo.", "— Joo.", "- Joo.", "–Joo."] {
            assert_eq!(
                ids(&format!("T\n\nKysymys?\n\n{dash}")),
                ["title", "q1", "a1"],
                "{dash}"
            );
        }
    }

    #[test]
    fn hyphen_without_space_is_not_an_answer() {
        assert_eq!(ids("T\n\nKysymys?\n\n-suunnitelma"), ["title", "p1", "p2"]);
    }

    #[test]
    fn answer_runs_over_several_paragraphs_until_next_question() {
        let s = segment("T\n\nQ1?\n\n– A1 alku.\n\nA1 jatkuu.\n\nQ2?\n\n– A2.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1", "q2", "a2"]);
        assert_eq!(s.segments[2].text, "– A1 alku.\n\nA1 jatkuu.");
        assert_eq!((s.segments[2].line, s.segments[2].end_line), (5, 7));
        assert_eq!(s.segments[2].words, 4);
    }

    #[test]
    fn second_dash_paragraph_continues_the_answer() {
        assert_eq!(ids("T\n\nQ?\n\n– Eka.\n\n– Toka."), ["title", "q1", "a1"]);
    }

    #[test]
    fn dash_paragraph_without_question_is_a_paragraph() {
        assert_eq!(ids("T\n\n– Lainaus."), ["title", "p1"]);
    }

    #[test]
    fn news_article_without_qa() {
        assert_eq!(
            ids("| UUTISET\n\nT\n\nA.\n\nB.\n\nC."),
            ["kicker", "title", "p1", "p2", "p3"]
        );
    }

    #[test]
    fn credit_line_after_lead_is_a_credit_not_a_segment() {
        let s = segment("T\n\nIngressi.\n\nTEKSTI JA KUVA: Maija Meikäläinen\n\nQ?\n\n– A.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "p1", "q1", "a1"]);
        assert_eq!(s.credits.len(), 1);
        assert_eq!(s.credits[0].role, Role::WriterPhotographer);
        assert_eq!(s.credits[0].name, "Maija Meikäläinen");
        assert_eq!(s.credits[0].line, 5);
    }

    #[test]
    fn credit_line_ends_an_answer() {
        assert_eq!(
            ids("T\n\nQ?\n\n– A.\n\nKÄÄNNÖS: Joku\n\nJälkikirjoitus."),
            ["title", "q1", "a1", "p1"]
        );
    }

    #[test]
    fn credit_keys_in_any_case_and_every_role() {
        let s = segment(
            "teksti: A\nKuva: B\n\nTEXT OCH FOTO: C\n\nFoto: D\n\nBILD: E\n\nText: F\n\nÖversättning: PATRICIA HEIKKILÄ\n\nKÄÄNNÖS: G",
        );
        assert!(s.segments.is_empty());
        let roles: Vec<_> = s.credits.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(
            roles,
            [
                "writer",
                "photographer",
                "writer+photographer",
                "photographer",
                "photographer",
                "writer",
                "translator",
                "translator"
            ]
        );
        assert_eq!(s.credits[6].display, "Patricia Heikkilä");
        assert_eq!(s.credits[6].name, "PATRICIA HEIKKILÄ");
    }

    #[test]
    fn credit_line_typed_under_the_last_answer_is_a_credit() {
        let s = segment("T\n\nQ?\n\n– Vastaus.\nKÄÄNNÖS: Patricia Heikkilä\n\nVastaa");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1"]);
        assert_eq!(s.segments[2].text, "– Vastaus.");
        assert_eq!(s.segments[2].words, 1);
        assert_eq!(
            (s.credits[0].role, s.credits[0].line),
            (Role::Translator, 6)
        );
    }

    #[test]
    fn credit_line_typed_above_a_paragraph_is_a_credit_and_ends_the_answer() {
        let s = segment("T\n\nQ?\n\n– Vastaus.\n\nTEKSTI: Maija\nJälkikirjoitus.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1", "p1"]);
        assert_eq!(
            (s.segments[3].text.as_str(), s.segments[3].line),
            ("Jälkikirjoitus.", 8)
        );
        assert_eq!(s.credits[0].name, "Maija");
    }

    #[test]
    fn credit_wrapped_over_two_lines() {
        let s = segment("T\n\nTEKSTI:\nMaija Meikäläinen");
        assert_eq!(s.segments.len(), 1);
        assert_eq!(s.credits[0].name, "Maija Meikäläinen");
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_credit() {
        let text = "T\n\nTeksti: tämä on pitkä lause joka kertoo jotain aivan muuta kuin kirjoittajan nimen.";
        let s = segment(text);
        assert!(s.credits.is_empty());
        assert_eq!(s.segments[1].id, "p1");
        assert!(segment("T\n\nKuvaaja: Pekka").credits.is_empty());
    }

    #[test]
    fn comment_form_remnants_are_skipped() {
        let s = segment(
            "T\n\nP.\n\nVastaa\n\nSähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *\n\nLämna ett svar\n\nLeave a Reply",
        );
        assert_eq!(s.segments.len(), 2);
        let lines: Vec<_> = s.skipped.iter().map(|k| k.line).collect();
        assert_eq!(lines, [5, 7, 9, 11]);
        assert!(s.skipped.iter().all(|k| k.reason == "boilerplate"));
    }

    #[test]
    fn the_word_vastaa_inside_a_sentence_is_kept() {
        assert_eq!(ids("T\n\nVastaa kysymykseen."), ["title", "p1"]);
    }

    mod props {
        use super::super::*;
        use crate::text::normalize_ws;
        use proptest::prelude::*;

        /// Pieces real articles are made of, so random inputs hit every rule.
        fn article() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "\n",
                "\n\n",
                "\r\n",
                "\r",
                " ",
                "\u{a0}",
                "\u{feff}",
                "| ",
                "|",
                "– ",
                "—",
                "- ",
                "-",
                "?",
                ":",
                "Kysymys?",
                "Vastaus.",
                "TEKSTI: Maija",
                "KÄÄNNÖS: PEKKA",
                "Vastaa",
                "Lämna ett svar",
                "ä",
                "x",
                "15 000",
                "\t",
            ]);
            prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
        }

        const SEED_FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");

        /// The seed text with its spaces rewritten: re-wrapped lines, NBSP,
        /// doubled spaces, trailing blanks, CRLF.
        fn rewrapped() -> impl Strategy<Value = (String, bool)> {
            let spaces = SEED_FI.matches(' ').count();
            let choice =
                prop::sample::select(vec![" ", " ", " ", "  ", "\n", "\u{a0}", " \n ", "\t"]);
            (prop::collection::vec(choice, spaces), any::<bool>()).prop_map(|(subs, crlf)| {
                let mut subs = subs.into_iter();
                let text: String = SEED_FI
                    .chars()
                    .map(|c| {
                        if c == ' ' {
                            subs.next().unwrap().to_string()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                (
                    if crlf {
                        text.replace('\n', "\r\n")
                    } else {
                        text
                    },
                    crlf,
                )
            })
        }

        proptest! {
            #[test]
            fn whitespace_rewrites_keep_ids_and_text((text, _crlf) in rewrapped()) {
                let before = segment(SEED_FI);
                let after = segment(&text);
                let ids = |s: &Segmented| s.segments.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
                prop_assert_eq!(ids(&before), ids(&after));
                for (a, b) in before.segments.iter().zip(&after.segments) {
                    prop_assert!(crate::text::same_text(&a.text, &b.text), "{} changed", a.id);
                }
            }

            #[test]
            fn never_panics_and_never_invents_text(text in article()) {
                check(&text)?;
            }

            #[test]
            fn never_panics_on_any_string(text in any::<String>()) {
                check(&text)?;
            }
        }

        fn check(text: &str) -> Result<(), TestCaseError> {
            let seg = segment(text);
            let whole = normalize_ws(text);
            let mut last_line = 0;
            for (i, s) in seg.segments.iter().enumerate() {
                prop_assert_eq!(s.n, i + 1);
                prop_assert!(
                    whole.contains(&normalize_ws(&s.text)),
                    "{:?} not in input",
                    s.text
                );
                prop_assert!(s.line > last_line, "lines not increasing");
                prop_assert!(s.end_line >= s.line);
                prop_assert_eq!(s.words, crate::text::word_count(&s.text));
                last_line = s.end_line;
            }
            Ok(())
        }
    }
}
