//! The rule registry (DESIGN §6, §7): every rule `check` can report, as a
//! typed value with its code, default severity, summary and explanation.
//! A finding holds a [`Rule`]; nothing decides about a rule by comparing
//! strings.

use serde::{Serialize, Serializer};

/// How bad a finding is: errors fail `tolk check`, warnings only under
/// `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Every rule of `tolk check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Invalid,
    Missing,
    Extra,
    Copy,
    Stale,
    GlossaryAvoid,
    GlossaryMissing,
    Number,
    DateTime,
    QaCount,
    Punctuation,
    Credit,
    Draft,
    Edited,
    Structure,
    Publish,
    Spelling,
    Inconsistent,
}

/// What `tolk rules RULE` prints.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    pub rule: Rule,
    pub code: &'static str,
    pub severity: Severity,
    /// One line for `tolk rules`.
    pub summary: &'static str,
    /// Why the rule exists and what it looks at.
    pub explanation: &'static str,
    /// A case where it fires.
    pub fires: &'static str,
    /// A similar case where it does not.
    pub quiet: &'static str,
}

impl Rule {
    pub const ALL: [Rule; 18] = [
        Rule::Invalid,
        Rule::Missing,
        Rule::Extra,
        Rule::Copy,
        Rule::Stale,
        Rule::GlossaryAvoid,
        Rule::GlossaryMissing,
        Rule::Number,
        Rule::DateTime,
        Rule::QaCount,
        Rule::Punctuation,
        Rule::Credit,
        Rule::Draft,
        Rule::Edited,
        Rule::Structure,
        Rule::Publish,
        Rule::Spelling,
        Rule::Inconsistent,
    ];

    /// Not run unless selected (`select = ["ALL"]`, or by name): rules
    /// that cost a check several times over on a large archive (measured
    /// on the 10 000-article benchmark: 2.1 s, 3.1 s with `inconsistent`,
    /// 9.1 s with `spelling` too), until they are made faster.
    pub fn opt_in(self) -> bool {
        matches!(self, Rule::Spelling | Rule::Inconsistent)
    }

    pub fn code(self) -> &'static str {
        self.doc().code
    }

    pub fn default_severity(self) -> Severity {
        self.doc().severity
    }

    /// The rule named `code` (`glossary-avoid`), any letter case.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn doc(self) -> RuleDoc {
        use Severity::{Error, Warning};
        let (code, severity, summary, explanation, fires, quiet) = match self {
            Rule::Invalid => (
                "invalid",
                Error,
                "a file cannot be read or parsed",
                "An article file that is not UTF-8, a status.toml or glossary.toml that is not \
                 valid TOML, or one with unknown keys. The finding names the file, line and \
                 column; the other articles are still checked, and `check` exits 2, because a \
                 file tolk cannot read must never look like a clean check.",
                "status.toml with `state = translatd` on line 8",
                "a status.toml with comments and keys tolk did not write",
            ),
            Rule::Missing => (
                "missing",
                Error,
                "a Finnish segment has no Swedish text",
                "Every Finnish segment needs a Swedish counterpart before publishing. The Swedish \
                 is paired with the Finnish by content, so a paragraph left out is reported on \
                 the Finnish segment it belongs to, not on whatever comes last.",
                "fi p4 has no paragraph in sv.txt",
                "fi p4 and p5 translated as one Swedish paragraph (that is `structure`)",
            ),
            Rule::Extra => (
                "extra",
                Error,
                "a Swedish segment has no Finnish counterpart",
                "Swedish text that translates nothing in the Finnish: an added paragraph, a \
                 caption or a translator's note left in sv.txt.",
                "`Översättarens anmärkning: …` after the lead in sv.txt only",
                "the same paragraph also in fi.txt",
            ),
            Rule::Copy => (
                "copy",
                Error,
                "Finnish left untranslated in the Swedish",
                "The Finnish pasted into sv.txt and not translated yet: the whole segment, a \
                 whole Finnish sentence of four words or more, or eight Finnish words in a row, \
                 inside a Swedish paragraph (case and punctuation aside). Segments under four \
                 words (names, dates), lists of names, titles kept in Finnish inside a \
                 sentence, and the kicker, which is bilingual by design, are exempt.",
                "sv a2 reads `Kunnan tehtävänä on tarjota palveluita.`",
                "sv kicker `KAUPUNKI - STADEN`, the same as the Finnish",
            ),
            Rule::Stale => (
                "stale",
                Error,
                "the Finnish changed after the segment was marked",
                "tolk keeps the Finnish text each segment was translated from. When the writer \
                 changes it afterwards, the translation may be out of date; `tolk diff` shows \
                 the change word by word. Re-wrapping lines does not count as a change.",
                "fi p3 says 2024 where it said 2023 when it was marked",
                "fi p3 re-wrapped over other lines, same words",
            ),
            Rule::GlossaryAvoid => (
                "glossary-avoid",
                Error,
                "the Swedish uses a rendering the glossary says to avoid",
                "glossary.toml lists, per term, Swedish renderings that must not be used \
                 (`avoid`); they are found in any inflected form.",
                "`välfärdsrapporten` where the glossary requires `välfärdsberättelse`",
                "`välfärdsberättelsen`",
            ),
            Rule::GlossaryMissing => (
                "glossary-missing",
                Warning,
                "the Finnish uses a term and its Swedish lacks the required rendering",
                "When a Finnish segment uses a glossary term in any inflected form \
                 (`Kauniaisissa` for `Kauniainen`), its Swedish counterpart should use the \
                 required rendering (`Grankulla`, also inflected).",
                "fi `Kauniaisten kirjasto`, sv `Kauniainens bibliotek`",
                "fi `Kauniaisten kirjasto`, sv `Grankullas bibliotek`",
            ),
            Rule::Number => (
                "number",
                Warning,
                "numbers differ between the Finnish and the Swedish",
                "Digits, amounts, dates, ranges and small numbers written as words must agree. \
                 Formatting does not matter: `15 000` = `15000`, `6,2` = `6.2`, `kaksi` = `2`. \
                 A date or time that differs between the sides is a `date-time` error \
                 instead.",
                "fi `15 000 kirjaa`, sv `1 500 böcker`",
                "fi `15 000 kirjaa`, sv `15000 böcker`",
            ),
            Rule::DateTime => (
                "date-time",
                Error,
                "a date or clock time differs between the Finnish and the Swedish, or the Swedish leaves it out",
                "In an events calendar a wrong date or time sends readers to the wrong event, \
                 so it fails CI. Dates (`6.4.`, `6.4.2025`, `6. huhtikuuta`, `den 6 april`, \
                 `6.–8.4.`), clock times (`klo 15`, `kl. 15.30`, `klo 18–20`, `ma–pe 15–17`), \
                 weekdays (`maanantaina`, `ti`, `på måndag`, `mån`) and months \
                 (`marraskuussa`, `i november`) are read on both sides and paired off; the \
                 rule fires when a row is left with two different values of one kind. \
                 Writing does not matter (`klo 15` = `kl. 15.00`, `18–20` = `18-20`, \
                 `6.4.` = `den 6 april`). It also fires when a date or clock time of the \
                 Finnish is nowhere in the Swedish of the row: an event printed without its \
                 day or hour. One side only is otherwise no contradiction: a weekday or \
                 month added or dropped, a year on one side only (a `number` warning), a \
                 date the Swedish repeats fewer times. The dates and times it compares are \
                 left out of `number`, so a wrong date is one error, not also a warning.",
                "fi `ti 2.12. klo 18`, sv `tis 2.12. kl. 19`",
                "fi `tiistaina 2.12. klo 18`, sv `den 2 december kl. 18.00`",
            ),
            Rule::QaCount => (
                "qa-count",
                Warning,
                "a title promising N questions does not match the Q&A pairs",
                "Interview titles often promise a number of questions (`6 kysymystä`, \
                 `6 frågor`); the article should have that many question-answer pairs.",
                "title `5 frågor …` over six question-answer pairs",
                "title `6 frågor …` over six pairs",
            ),
            Rule::Punctuation => (
                "punctuation",
                Warning,
                "a question lacks its `?`, or an answer its dash",
                "Questions and answers keep their form across languages: a question mark lost in \
                 translation, or an answer dash on one side only.",
                "fi `Mitä uudessa on?`, sv `Vad finns i det nya`",
                "fi `Kerro tarkemmin.`, sv `Berätta mer.`",
            ),
            Rule::Credit => (
                "credit",
                Warning,
                "the translator credit is missing or names nobody who marked segments",
                "sv.txt should name its translator on an `ÖVERSÄTTNING:` line, and that person \
                 should be among those who marked segments translated (by their name or by \
                 another name `people.toml` gives them).",
                "`ÖVERSÄTTNING: Tiina Tulkki` while Patricia Heikkilä marked every segment",
                "`ÖVERSÄTTNING: PATRICIA HEIKKILÄ` (case does not matter)",
            ),
            Rule::Draft => (
                "draft",
                Warning,
                "a segment has Swedish text but was never marked",
                "Text nobody has vouched for: mark it translated (`tolk mark SLUG ID --as \
                 translated`) when it is done.",
                "sv p2 written, no record in status.toml",
                "sv p2 marked translated by its translator",
            ),
            Rule::Edited => (
                "edited",
                Warning,
                "the Swedish changed after it was reviewed",
                "A reviewed segment whose Swedish text changed afterwards needs another look. \
                 Re-wrapping lines does not count.",
                "sv a1 gained a sentence after review",
                "sv a1 re-wrapped after review",
            ),
            Rule::Structure => (
                "structure",
                Warning,
                "a structural slip in the Swedish: a split, a merge, a lost dash, a glued Q&A",
                "The Swedish is paired with the Finnish by content. When its structure differs \
                 (two paragraphs merged, one split, an answer without its dash, a question glued \
                 to its answer), that is one finding at the Swedish line, and every other rule \
                 still compares the right texts.",
                "sv.txt:21 `Det gamla huset …` answers q1 without a dash",
                "sv a1 written over two paragraphs, the second without a dash",
            ),
            Rule::Publish => (
                "publish",
                Error,
                "the publish gate: a segment is not reviewed, or reviewed by its translator",
                "Runs only with `tolk check --publish` (or `[publish] always = true` in \
                 tolk.toml): the step between translated and printed. Every segment must be \
                 `reviewed` (not stale, not merely translated), and, unless `[publish] \
                 distinct_reviewer = false`, by somebody other than the person who translated \
                 it. One finding per article names the segments that hold it back.",
                "a2 marked reviewed by Patricia Heikkilä, who also translated it",
                "every segment reviewed by Eeva Editori, translated by Patricia Heikkilä",
            ),
            Rule::Inconsistent => (
                "inconsistent",
                Warning,
                "a Finnish sentence recurring in other articles is translated differently there",
                "Standard closing lines, officials' titles and recurring notices should read the \
                 same in every article. Across all articles checked in one run, each translated \
                 or reviewed pair is compared sentence by sentence where both sides have as many \
                 sentences (otherwise as whole segments); a Finnish sentence of four words or \
                 more that reads the same in two articles (ignoring spacing, letter case and \
                 the kind of quotes and dashes) but has different Swedish is a warning on each \
                 such segment, naming the other articles. Drafts, stale and missing segments do \
                 not count, nor do repeats within one article.",
                "fi `Tapahtumaan on vapaa pääsy.` in two articles, sv `Fritt inträde.` in one \
                 and `Evenemanget är gratis.` in the other",
                "the same Finnish, sv `Fritt  inträde.` and `fritt inträde.` (spacing and case)",
            ),
            Rule::Spelling => (
                "spelling",
                Warning,
                "a Swedish word is not in the Finland-Swedish dictionary",
                "Every word of the Swedish is looked up in the Finland-Swedish Hunspell \
                 dictionary (sv_FI, Debian's `hunspell-sv`; TOLK_DICTIONARY names another \
                 .dic), compounds included, with the dictionary's suggestion. A word is also \
                 right when it renders a glossary term, when it is a capitalised name the \
                 Finnish of the row names too (`Ikäheimonen`, inflected on either side), or \
                 when it is in `words.txt` at the root (`tolk words add WORD`). Numbers, \
                 e-mail and web addresses, the kicker and Swedish that equals the Finnish are \
                 skipped. Without a dictionary the rule is skipped with a notice.",
                "`budgetrnda`: did you mean `budgetrunda`?",
                "`Ikäheimonens` when the Finnish names Taru Ikäheimonen",
            ),
        };
        RuleDoc {
            rule: self,
            code,
            severity,
            summary,
            explanation,
            fires,
            quiet,
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Serialize for RuleDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("RuleDoc", 6)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("summary", self.summary)?;
        st.serialize_field("explanation", self.explanation)?;
        st.serialize_field("fires", self.fires)?;
        st.serialize_field("quiet", self.quiet)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_code(rule.code()), Some(rule));
            assert_eq!(
                Rule::ALL.iter().filter(|r| r.code() == rule.code()).count(),
                1
            );
        }
        assert_eq!(Rule::from_code("Glossary-Avoid"), Some(Rule::GlossaryAvoid));
        assert_eq!(Rule::from_code("glossary"), None);
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in Rule::ALL {
            let d = rule.doc();
            assert!(!d.summary.is_empty() && !d.explanation.is_empty(), "{rule}");
            assert!(!d.fires.is_empty() && !d.quiet.is_empty(), "{rule}");
        }
    }
}
