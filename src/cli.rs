//! Command-line interface: every option and its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Segment, pair, track and check Finnish → Swedish article translations.
///
/// tolk splits each article under `articles/<slug>/` into numbered segments
/// (kicker, title, paragraphs, questions and answers), pairs every Finnish
/// segment with its Swedish counterpart and tells translators, editors and CI
/// what is missing, outdated or off the glossary.
#[derive(Debug, Parser)]
#[command(name = "tolk", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: Global,
}

#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Data repository root [default: the nearest directory, from the current
    /// one upwards, holding `articles/`, `glossary.toml` or `tolk.toml`]
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Glossary file [default: ROOT/glossary.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub glossary: Option<PathBuf>,

    /// Project settings [default: ROOT/tolk.toml, if there is one]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Finnish morphology for glossary matching: Voikko when it loads
    /// (auto), Voikko or fail (voikko), or the built-in matcher (builtin)
    #[arg(long, global = true, value_enum, default_value_t = MorphologyChoice::Auto)]
    pub morphology: MorphologyChoice,

    /// When to colour output (with auto, a set NO_COLOR means no colour)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// JSON output indented for reading [default: one compact line]
    #[arg(long, global = true)]
    pub pretty: bool,

    /// Neither read nor write the result cache: check and read everything
    /// afresh
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Where `check`, `status` and `report` keep results between runs
    /// [default: TOLK_CACHE_DIR when set, else ROOT/.tolk-cache]
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

pub use crate::morph::Choice as MorphologyChoice;

impl ValueEnum for MorphologyChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            MorphologyChoice::Auto,
            MorphologyChoice::Voikko,
            MorphologyChoice::Builtin,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self {
            MorphologyChoice::Auto => PossibleValue::new("auto")
                .help("Voikko when libvoikko and its Finnish dictionary load, else built-in"),
            MorphologyChoice::Voikko => PossibleValue::new("voikko")
                .help("Voikko, or an error explaining how to install it"),
            MorphologyChoice::Builtin => PossibleValue::new("builtin")
                .help("The built-in inflection matcher (no system dependency)"),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and text for people
    Human,
    /// One JSON document on stdout
    Json,
}

use crate::article::State;
pub use crate::lang::Lang;
use crate::status::Stored;

/// The states `mark` records, spelled for the command line.
impl ValueEnum for Stored {
    fn value_variants<'a>() -> &'a [Self] {
        &[Stored::Translated, Stored::Reviewed]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self {
            Stored::Translated => {
                PossibleValue::new("translated").help("Translated by a translator")
            }
            Stored::Reviewed => PossibleValue::new("reviewed").help("Checked by a reviewer"),
        })
    }
}

/// The model's `Lang` knows nothing of clap; its command-line spelling is
/// given here.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Fi, Lang::Sv]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(match self {
            Lang::Fi => clap::builder::PossibleValue::new("fi").help("Finnish (the source)"),
            Lang::Sv => clap::builder::PossibleValue::new("sv").help("Swedish (the translation)"),
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Copy an article's Finnish (and Swedish) text into `articles/SLUG/`
    Import(ImportArgs),
    /// Show the numbered segments of an article or a text file
    Segments(SegmentsArgs),
    /// Show how far each article is: segments by state, words done, translators
    Status(StatusArgs),
    /// Record that segments were translated or reviewed, and by whom
    Mark(MarkArgs),
    /// Who translated and reviewed how much: articles, segments, source words
    /// (`--since`, `--until`, `--by-month` for invoices)
    Credits(CreditsArgs),
    /// Show what changed in the Finnish since segments were translated
    Diff(DiffArgs),
    /// Check articles before publishing: exit 1 on errors, 2 on unreadable input
    Check(CheckArgs),
    /// Accept one finding on purpose, with a reason; it comes back when
    /// either text changes (`--list` shows them, `--remove` drops one)
    Accept(AcceptArgs),
    /// Write the editor's review page: one self-contained HTML file with
    /// Finnish and Swedish side by side, states and findings
    Report(ReportArgs),
    /// Find the glossary terms in a text, with their spans
    Terms(TermsArgs),
    /// List the rules of `tolk check`, or explain one (`tolk rules stale`)
    Rules(RulesArgs),
    /// The project's own words (`words.txt`), which the spelling rule
    /// accepts: `tolk words add WORD…`, `tolk words list`
    #[command(subcommand)]
    Words(WordsCommand),
    /// Show what tolk sees: root, articles, glossary, morphology, colour
    Doctor,
    /// Set up a repository: `articles/`, a starter glossary and `tolk.toml`,
    /// and the git merge driver for `status.toml` (nothing is overwritten)
    Init,
    /// Git merge driver for `status.toml`, merging per segment (set up by
    /// `tolk init`)
    MergeStatus(MergeStatusArgs),
    /// Print a shell completion script (`tolk completions bash >
    /// ~/.local/share/bash-completion/completions/tolk`)
    Completions(CompletionsArgs),
    /// Print the manual page, in roff (`tolk man > ~/.local/share/man/man1/tolk.1`)
    Man,
    /// Write an article for a translation tool: XLIFF 1.2 (OmegaT, Trados,
    /// memoQ), XLIFF 2.1 or gettext PO; `tolk import SLUG --xliff|--po
    /// FILE` reads it back
    Export(ExportArgs),
    /// Write the archive as a TMX 1.4b translation memory (for OmegaT,
    /// Trados, memoQ): every translated or reviewed pair
    ///
    /// One translation unit per aligned row whose Finnish segments are all
    /// translated or reviewed: `tuid` is `slug/id` (`slug/p3+p4` for two
    /// Finnish segments the Swedish joins), `creationid` the translator,
    /// `creationdate` the date in `status.toml` (a reviewed unit also has the
    /// reviewer as `changeid`), and the state and role as `x-state` and
    /// `x-role` properties. Missing, draft and stale segments are left out: a
    /// draft is nobody's word yet, and a stale segment's Swedish translates
    /// Finnish that is no longer there. So is a reviewed segment whose
    /// Swedish changed after the review (`reviewed*` in `tolk status`):
    /// nobody vouches for the new text until it is marked again.
    Tmx(TmxArgs),
    /// Show the closest earlier translations in the archive for an
    /// article's missing and stale segments, with match percentages
    ///
    /// Matches come from every translated or reviewed segment of the archive
    /// (this article's other segments included; not a reviewed one whose
    /// Swedish changed after the review, `reviewed*` in `tolk status`), and
    /// from each sentence of a segment or merged row whose Finnish and
    /// Swedish have as many sentences (shown as `slug/id, sentence N`), best
    /// first, each Finnish–Swedish pair once. The percentage is what CAT tools show: 100%
    /// when the Finnish is the same (spaces and line breaks aside); otherwise
    /// the share of words that need no change (word-level edit distance over
    /// the longer text, case and punctuation aside), at most 99%: one changed
    /// word in twenty is 95%. The Finnish differences are marked
    /// `[-the match's words-]{+this segment's+}`.
    Suggest(SuggestArgs),
    /// Exchange the glossary with CAT tools and spreadsheets: `tolk
    /// glossary export --format tbx|csv`, `tolk glossary import FILE`
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// The result cache `check` keeps in `.tolk-cache/`: `tolk cache info`,
    /// `tolk cache clean`
    #[command(subcommand)]
    Cache(CacheCommand),
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Where the cache is, how many articles it holds and its size on disk
    Info {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Remove the cache (only the files tolk wrote there); the next check
    /// runs cold
    Clean,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct MergeStatusArgs {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Ours (git's %A): the merged result is written here
    pub ours: PathBuf,
    /// Theirs (git's %B)
    pub theirs: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum WordsCommand {
    /// Add words the spelling rule should accept (sorted in, each once)
    Add {
        /// The words, as written (`uppgörandet`)
        #[arg(required = true, value_name = "WORD")]
        words: Vec<String>,
    },
    /// List the project's words
    List {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// The rule to explain (`glossary-avoid`); without it, every rule
    #[arg(value_name = "RULE")]
    pub rule: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct TermsArgs {
    /// The text to look up (quote it); `-` reads standard input
    pub text: String,

    /// The language of TEXT: fi finds Finnish terms, sv finds the Swedish
    /// renderings and the renderings to avoid
    #[arg(long, value_enum)]
    pub lang: Lang,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Findings grouped by article, for people
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`
    Concise,
    /// One JSON document: {"findings": [...], "summary": {...}}
    Json,
    /// GitHub Actions workflow commands (::error file=…,line=…,col=…::…)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and GitLab
    Sarif,
    /// JUnit XML: one test case per article
    Junit,
}

impl CheckFormat {
    /// The printer of this format: every format prints the same findings.
    /// With `statistics`, the counts per rule instead, which only the
    /// formats for people and JSON can show.
    pub fn printer(self, statistics: bool) -> anyhow::Result<crate::report::Printer> {
        use crate::report::Printer;
        Ok(match (self, statistics) {
            (CheckFormat::Human, false) => Printer::Human,
            (CheckFormat::Concise, false) => Printer::Concise,
            (CheckFormat::Json, false) => Printer::Json,
            (CheckFormat::Github, false) => Printer::Github,
            (CheckFormat::Sarif, false) => Printer::Sarif,
            (CheckFormat::Junit, false) => Printer::Junit,
            (CheckFormat::Human | CheckFormat::Concise, true) => Printer::Statistics,
            (CheckFormat::Json, true) => Printer::JsonStatistics,
            (other, true) => anyhow::bail!(
                "--statistics prints a table or JSON; it cannot be combined with --format {}",
                other
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().to_string())
            ),
        })
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles to check [default: all]
    #[arg(value_name = "SLUG")]
    pub slugs: Vec<String>,

    /// Fail (exit 1) on warnings too [default: `strict` in tolk.toml]
    #[arg(long, overrides_with = "no_strict")]
    pub strict: bool,

    /// Warnings do not fail, whatever tolk.toml says
    #[arg(long, overrides_with = "strict")]
    pub no_strict: bool,

    /// Run only these rules (comma-separated codes, or ALL); replaces
    /// `select` in tolk.toml. See `tolk rules`
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// Do not run these rules (comma-separated codes); added to `ignore` in
    /// tolk.toml
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// The publish gate: every segment must be reviewed, by somebody other
    /// than its translator (also `[publish] always = true` in tolk.toml)
    #[arg(long)]
    pub publish: bool,

    /// Also list the findings accepted with `tolk accept`
    #[arg(long)]
    pub show_waived: bool,

    /// Check only the articles whose files differ from git revision REF
    /// (all of them when glossary.toml or tolk.toml differs)
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Count the findings per rule instead of listing them, most frequent
    /// first (with --format json, as one JSON object)
    #[arg(long)]
    pub statistics: bool,

    /// Check again whenever an article file, glossary.toml or tolk.toml is
    /// saved (the screen is cleared in a terminal); Ctrl-C quits
    #[arg(long)]
    pub watch: bool,
}

impl Command {
    /// `--watch`: run the command again on every saved change.
    pub fn watch(&self) -> bool {
        match self {
            Command::Check(args) => args.watch,
            Command::Status(args) => args.watch,
            _ => false,
        }
    }
}

impl CheckArgs {
    /// What the command line says about rules, over tolk.toml.
    pub fn overrides(&self) -> crate::config::Overrides {
        crate::config::Overrides {
            strict: match (self.strict, self.no_strict) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            publish: self.publish,
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  tolk accept hyvinvointikoordinaattori q6 number --reason \"The year is spelled out on purpose\"
  tolk accept --list
  tolk accept hyvinvointikoordinaattori q6 number --remove")]
pub struct AcceptArgs {
    /// The article (with --list: only its waivers)
    #[arg(value_name = "SLUG")]
    pub slug: Option<String>,

    /// The segment: its id, as `tolk check` prints it (`q6`, any case), or
    /// its number (`3`)
    #[arg(value_name = "SEGMENT")]
    pub segment: Option<String>,

    /// The rule, as `tolk check` prints it (`number`); see `tolk rules`
    #[arg(value_name = "RULE")]
    pub rule: Option<String>,

    /// Why the finding is right as it is: shown whenever it comes back
    #[arg(long, value_name = "TEXT", required_unless_present_any = ["list", "remove"])]
    pub reason: Option<String>,

    /// Who accepts it: a name, or an alias from people.toml [default:
    /// $TOLK_USER, else `git config user.name`]
    #[arg(long, value_name = "NAME", env = "TOLK_USER", hide_env = true)]
    pub by: Option<String>,

    /// List the waivers (of SLUG, or of every article) and whether each
    /// still keeps a finding quiet
    #[arg(long, conflicts_with_all = ["segment", "rule", "reason", "remove"])]
    pub list: bool,

    /// Remove the waiver of RULE on SEGMENT
    #[arg(long, conflicts_with = "reason")]
    pub remove: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The article
    pub slug: String,

    /// Segments to compare: ids, numbers (`3`) or ranges (`3-7`) [default:
    /// every stale segment]
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Every segment side by side, Finnish | Swedish, with its state
    #[arg(long, conflicts_with_all = ["ids", "stale", "draft", "in_state"])]
    pub all: bool,

    #[command(flatten)]
    pub pick: Pick,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Articles to show [default: all]; with one, also a row per segment
    #[arg(value_name = "SLUG")]
    pub slugs: Vec<String>,

    /// Show it again whenever an article file, glossary.toml or tolk.toml
    /// is saved (the screen is cleared in a terminal); Ctrl-C quits
    #[arg(long)]
    pub watch: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// The states a segment can be in, spelled for the command line.
impl ValueEnum for State {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            State::Missing,
            State::Draft,
            State::Translated,
            State::Reviewed,
            State::Stale,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self {
            State::Missing => PossibleValue::new("missing").help("No Swedish text"),
            State::Draft => PossibleValue::new("draft").help("Swedish text, never marked"),
            State::Translated => PossibleValue::new("translated").help("Marked translated"),
            State::Reviewed => PossibleValue::new("reviewed").help("Marked reviewed"),
            State::Stale => {
                PossibleValue::new("stale").help("The Finnish changed since it was marked")
            }
        })
    }
}

/// Segments chosen by their state, for `mark` and `diff`.
#[derive(Debug, Args, Clone, Default)]
pub struct Pick {
    /// Only stale segments (the Finnish changed since they were marked)
    #[arg(long)]
    pub stale: bool,

    /// Only draft segments (Swedish text, never marked)
    #[arg(long)]
    pub draft: bool,

    /// Only segments in these states (comma-separated, or repeated)
    #[arg(
        long = "state",
        value_enum,
        value_name = "STATE",
        value_delimiter = ','
    )]
    pub in_state: Vec<State>,
}

impl Pick {
    /// The states asked for, each once; none means no filter.
    pub fn states(&self) -> Vec<State> {
        let mut states = self.in_state.clone();
        states.extend(self.stale.then_some(State::Stale));
        states.extend(self.draft.then_some(State::Draft));
        states.sort();
        states.dedup();
        states
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Segments are named by id in any case (`p1`, `Q2`), by the number in the \
`n` column of `tolk segments` and `tolk status SLUG` (`3`), or by ranges of either (`3-7`, \
`q1-a3`); --stale, --draft and --state choose by state, or narrow the named ones.

Examples:
  tolk mark kirjasto --all --as translated --by \"Patricia Heikkilä\"
  tolk mark kirjasto 3-7 --as reviewed --by ph
  tolk mark kirjasto --stale --as translated"
)]
pub struct MarkArgs {
    /// The article
    pub slug: String,

    /// Segments to mark: ids (`title p1 q2`), numbers (`3`) or ranges
    /// (`3-7`); see `tolk segments SLUG`
    #[arg(value_name = "ID", required_unless_present_any = ["all", "stale", "draft", "in_state"])]
    pub ids: Vec<String>,

    /// Mark every segment that has Swedish text
    #[arg(long, conflicts_with_all = ["ids", "stale", "draft", "in_state"])]
    pub all: bool,

    #[command(flatten)]
    pub pick: Pick,

    /// The state to record
    #[arg(long = "as", value_enum, value_name = "STATE")]
    pub state: Stored,

    /// Who did the work: a name, or an alias from people.toml [default:
    /// $TOLK_USER, else `git config user.name`]
    #[arg(long, value_name = "NAME", env = "TOLK_USER", hide_env = true)]
    pub by: Option<String>,

    /// Mark reviewed segments translated again, dropping their review
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Columns:
  role      translator: segments this person translated (in any state now);
            reviewer: segments this person reviewed
  articles  articles with such segments
  segments  how many segments
  words     Finnish source words of those segments, as marked: the words to invoice
  credited  articles whose translator credit (the ÖVERSÄTTNING: line) names this person
  month     with --by-month: the month of the work

Work is dated by the `at` of its record in status.toml. A reviewed segment
keeps only its review date, so its translation counts in the month of the
review.

Examples:
  tolk credits --since 2026-11-01 --until 2026-11-30
  tolk credits --by-month --format json")]
pub struct CreditsArgs {
    /// Articles to count [default: all]
    #[arg(value_name = "SLUG")]
    pub slugs: Vec<String>,

    /// Count only work marked on or after DATE (an RFC 3339 date, 2026-11-01)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<jiff::civil::Date>,

    /// Count only work marked on or before DATE (an RFC 3339 date, 2026-11-30)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<jiff::civil::Date>,

    /// A row per person, role and month
    #[arg(long)]
    pub by_month: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// An RFC 3339 date (`2026-11-01`), as `status.toml` records them.
fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    let well_formed = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err("expected an RFC 3339 date, YYYY-MM-DD (2026-11-01)".to_string());
    }
    value.parse::<jiff::civil::Date>().map_err(|_| {
        format!(
            "{value} is not a day of the calendar (is the month that long?); expected \
                 YYYY-MM-DD (2026-11-01)"
        )
    })
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Article name: lower-case letters, digits and hyphens
    /// (`hyvinvointikoordinaattori`)
    pub slug: String,

    /// The Finnish source text, as the writer delivered it
    #[arg(long, value_name = "FILE", required_unless_present_any = ["sv", "xliff", "po"])]
    pub fi: Option<PathBuf>,

    /// The Swedish translation, as the translator delivered it; alone, it
    /// adds or replaces the Swedish of an existing article and keeps its
    /// records
    #[arg(long, value_name = "FILE")]
    pub sv: Option<PathBuf>,

    /// Replace an existing `fi.txt`/`sv.txt`; with --xliff or --po, import
    /// units whose Finnish differs from the article's
    #[arg(long)]
    pub force: bool,

    /// Write the translations of an XLIFF file (1.2 or 2.x, from `tolk
    /// export`) into the article's sv.txt, keeping its layout
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fi", "sv", "po"])]
    pub xliff: Option<PathBuf>,

    /// Write the translations of a PO file (from `tolk export --format po`)
    /// into the article's sv.txt, keeping its layout
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fi", "sv"])]
    pub po: Option<PathBuf>,

    /// Record the units the file marks translated or reviewed (final,
    /// signed-off) as `tolk mark --all` would: segments somebody else
    /// already recorded in that state keep their record and are listed.
    /// Without it, states in the file are not trusted
    #[arg(long, conflicts_with_all = ["fi", "sv"])]
    pub trust_states: bool,

    /// With --trust-states: who translated or reviewed the units (a name,
    /// or an alias from people.toml); without it, TOLK_USER or git's
    /// user.name, as for `tolk mark`
    #[arg(long, value_name = "NAME", requires = "trust_states")]
    pub by: Option<String>,
}

/// Formats of `tolk export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// XLIFF 1.2, read by OmegaT, Trados, memoQ and Translate Toolkit
    Xliff,
    /// XLIFF 2.1
    Xliff2,
    /// gettext PO (Poedit, Weblate, Translate Toolkit)
    Po,
}

#[derive(Debug, Args)]
#[command(
    after_help = "One unit per Finnish segment, its id the segment id, the Swedish as
tolk pairs it, the state mapped (missing: new; draft: needs translation or
fuzzy; translated; reviewed: signed-off; stale: needs review, with the
Finnish it was translated from).

Examples:
  tolk export hyvinvointikoordinaattori --format xliff -o hyvinvointi.xlf
  tolk export hyvinvointikoordinaattori --format po > hyvinvointi.po"
)]
pub struct ExportArgs {
    /// The article
    pub slug: String,

    /// File format
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SegmentsArgs {
    /// An article slug (reads `articles/SLUG/`) or the path of a text file
    #[arg(value_name = "SLUG|FILE")]
    pub target: String,

    /// Which language to show [default: fi for a slug; for a file, from its
    /// name (`fi.txt`, `sv.txt`)]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  tolk report                      every article into tolk-report.html
  tolk report kaupunginvaltuusto   one article
  tolk report -o review/           index.html and one page per article

With more than 200 articles and no -o, the report is a directory
(tolk-report/) rather than one file, so that a browser can open it.
SOURCE_DATE_EPOCH, when set, fixes the date printed in the report.")]
pub struct ReportArgs {
    /// Articles to show [default: all]
    #[arg(value_name = "SLUG")]
    pub slugs: Vec<String>,

    /// Where to write: a `.html` file, or a directory (an existing one, or
    /// a path ending in `/`) for `index.html` plus one page per article
    /// [default: tolk-report.html]
    #[arg(short, long, value_name = "FILE|DIR/")]
    pub output: Option<PathBuf>,

    /// Show only these rules (comma-separated codes, or ALL); replaces
    /// `select` in tolk.toml, as for `tolk check`
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// Do not show these rules (comma-separated codes); added to `ignore`
    /// in tolk.toml
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Include the publish gate's findings, as `tolk check --publish`
    #[arg(long)]
    pub publish: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

#[derive(Debug, Args)]
pub struct TmxArgs {
    /// Articles to include [default: all]
    #[arg(value_name = "SLUG")]
    pub slugs: Vec<String>,

    /// Write the memory to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article
    pub slug: String,

    /// Segments to look up: ids, numbers (`3`) or ranges (`3-7`), whatever
    /// their state [default: every missing and stale segment]
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// The lowest match percentage shown
    #[arg(long, value_name = "PERCENT", default_value_t = 60,
          value_parser = clap::value_parser!(u8).range(1..=100))]
    pub min: u8,

    /// At most this many matches per segment
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Glossary interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermFormat {
    /// TBX-Basic (ISO 30042:2019), for CAT tools and termbases
    Tbx,
    /// CSV with the header `fi,sv,avoid,fi_forms,sv_forms,note`; list
    /// fields separated by `;`
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Write the glossary as TBX-Basic or CSV
    ///
    /// TBX: one conceptEntry per term; the Finnish term (preferred) and each
    /// `fi_forms` pattern (admitted, termType variant) in the `fi` langSec;
    /// the Swedish rendering (preferred), each `sv_forms` pattern (admitted)
    /// and each `avoid` pattern (deprecated) in the `sv` langSec; the note
    /// as the entry's `note`. CSV: one row per term, list fields joined
    /// with `;`.
    Export {
        /// The format to write
        #[arg(long, value_enum)]
        format: TermFormat,

        /// Write to FILE (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add the terms of a TBX or CSV file to glossary.toml (comments and
    /// existing terms kept)
    ///
    /// A term whose Finnish is already in the glossary with other content,
    /// or twice in the file, is refused with its line, unless --replace (a
    /// term exactly as in the glossary is left as it is); a column or TBX
    /// element whose content tolk would lose is refused with its line.
    /// Nothing is written unless every term can be taken.
    Import {
        /// The file to read (`terms.tbx`, `terms.csv`)
        file: PathBuf,

        /// The file's format [default: from its extension]
        #[arg(long, value_enum)]
        format: Option<TermFormat>,

        /// Update a term already in the glossary in place, instead of
        /// refusing it. A CSV column the file does not have leaves that key
        /// as it is; an empty cell in a column it has removes the key (the
        /// note, the avoid list…), and the output says so
        #[arg(long)]
        replace: bool,

        /// Show what would change; write nothing
        #[arg(long)]
        dry_run: bool,
    },
}
