//! Deterministic benchmark corpus for tolk, derived from the real seed pair.
//!
//! ```sh
//! cargo run --release --example corpus -- OUT N [--seed S] [--terms T]
//! ```
//!
//! Writes `OUT/articles/<slug>/{fi.txt,sv.txt,status.toml}` for N article
//! pairs, `OUT/glossary.toml` with about T terms (the real ones plus
//! synthetic compounds) and the same pairs as bilingual PO files under
//! `OUT/po/<slug>.po` for comparison with gettext tools. The same arguments
//! always give byte-identical output, whatever the number of threads: each
//! article is generated from its own generator seeded by (seed, index).
//!
//! Variety per article: person, town, job title, years and months changed
//! consistently on both sides; body paragraphs shuffled; Q&A pairs
//! reordered, dropped or duplicated (title count fixed most of the time);
//! news-style articles without Q&A; inserted sentences carrying numbers and
//! glossary terms; Finnish words re-inflected with other case endings;
//! wrapped lines, CRLF, NBSP-only blank lines and optional credits and web
//! boilerplate. About 5% of the articles lack their last Swedish segments,
//! about 3% have one stale segment (status.toml records an older Finnish
//! text), the rest are a mix of fully marked, partly marked and draft.
//!
//! With `--large MB` it writes instead one article, `OUT/articles/large/`,
//! of about MB megabytes over both sides: the paragraphs of many generated
//! articles under one kicker and title, with an added note, a merge, a
//! left-out paragraph and a lost answer dash in the Swedish, so that the
//! aligner has to pair all of it (`bench/large.sh` measures it).
//!
//! `OUT` must be empty, missing, or a corpus this program wrote before (it
//! is then replaced).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const SEED_FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");
const SEED_SV: &str = include_str!("../articles/hyvinvointikoordinaattori/sv.txt");
const GLOSSARY: &str = include_str!("../glossary.toml");

/// Written to `OUT/.tolk-corpus`; bump when the output changes.
const VERSION: &str = "tolk-corpus 1";
const STAMP: &str = ".tolk-corpus";

const USAGE: &str = "usage: cargo run --release --example corpus -- OUT N [--seed S] [--terms T]\n       \
                     cargo run --release --example corpus -- OUT --large MB [--seed S] [--terms T]";

// ---------------------------------------------------------------------------
// Deterministic random numbers (SplitMix64).

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for item `index` of a run seeded with `seed`.
    fn derive(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        r.next();
        Rng(r.next() ^ index)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

// ---------------------------------------------------------------------------
// Word lists.

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Taru", "Aino", "Eeva", "Helmi", "Ilona", "Johanna", "Kaisa", "Laura", "Liisa", "Maija",
    "Marjatta", "Minna", "Noora", "Outi", "Päivi", "Riikka", "Sanna", "Satu", "Tiina", "Tuula",
    "Ulla", "Veera", "Anni", "Elina", "Hanna", "Iida", "Jenni", "Katja", "Leena", "Mervi", "Pirjo",
    "Sirpa", "Aleksi", "Antti", "Eero", "Heikki", "Ilkka", "Jaakko", "Janne", "Jussi", "Kalle",
    "Kari", "Lauri", "Markku", "Matti", "Mikko", "Olli", "Pekka", "Petri", "Risto", "Sami", "Tapio",
    "Timo", "Tuomas", "Ville", "Väinö", "Ari", "Esa", "Jari", "Juha", "Oskari", "Eetu", "Henrik",
    "Kristian", "Anna-Liisa", "Marja-Leena", "Jukka-Pekka", "Karoliina",
];

#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Ikäheimonen", "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen",
    "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen",
    "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Ojala",
    "Leppänen", "Väisänen", "Hiltunen", "Kallio", "Miettinen", "Leinonen", "Pelkonen", "Aaltonen",
    "Manninen", "Kettunen", "Heiskanen", "Ketola", "Vainio", "Huttunen", "Koivisto", "Seppälä",
    "Laaksonen", "Lindholm", "Lindqvist", "Nyberg", "Holmström", "Söderberg", "Westerlund", "Åberg",
    "Blomqvist", "Grönroos", "Sjöblom", "Österberg", "Backman", "Forsman", "Eklund", "Hakala",
    "Honkanen", "Kivelä", "Lappalainen", "Nurmi", "Pitkänen", "Rautio", "Sundström", "Tikkanen",
    "Toivonen", "Vesterinen", "Ylönen",
];

/// Bilingual section labels (the same text on both sides).
#[rustfmt::skip]
const KICKERS: &[&str] = &[
    "KAUPUNKI - STADEN", "KAUPUNKI - STADEN", "KAUPUNKI - STADEN", "KULTTUURI - KULTUR",
    "LIIKUNTA - IDROTT", "NUORET - UNGA", "YMPÄRISTÖ - MILJÖ", "SIVISTYS - BILDNING",
    "HYVINVOINTI - VÄLFÄRD", "ASUMINEN - BOENDE",
];

/// Towns: Finnish nominative, genitive, "into" form, "in" form; Swedish.
struct Town {
    nom: &'static str,
    gen_: &'static str,
    into: &'static str,
    inside: &'static str,
    sv: &'static str,
}

const fn town(
    nom: &'static str,
    gen_: &'static str,
    into: &'static str,
    inside: &'static str,
    sv: &'static str,
) -> Town {
    Town {
        nom,
        gen_,
        into,
        inside,
        sv,
    }
}

#[rustfmt::skip]
const TOWNS: &[Town] = &[
    town("Kauniainen", "Kauniaisten", "Kauniaisiin", "Kauniaisissa", "Grankulla"),
    town("Helsinki", "Helsingin", "Helsinkiin", "Helsingissä", "Helsingfors"),
    town("Espoo", "Espoon", "Espooseen", "Espoossa", "Esbo"),
    town("Vantaa", "Vantaan", "Vantaalle", "Vantaalla", "Vanda"),
    town("Porvoo", "Porvoon", "Porvooseen", "Porvoossa", "Borgå"),
    town("Turku", "Turun", "Turkuun", "Turussa", "Åbo"),
    town("Tampere", "Tampereen", "Tampereelle", "Tampereella", "Tammerfors"),
    town("Vaasa", "Vaasan", "Vaasaan", "Vaasassa", "Vasa"),
    town("Kirkkonummi", "Kirkkonummen", "Kirkkonummelle", "Kirkkonummella", "Kyrkslätt"),
    town("Sipoo", "Sipoon", "Sipooseen", "Sipoossa", "Sibbo"),
    town("Raasepori", "Raaseporin", "Raaseporiin", "Raaseporissa", "Raseborg"),
    town("Loviisa", "Loviisan", "Loviisaan", "Loviisassa", "Lovisa"),
    town("Inkoo", "Inkoon", "Inkooseen", "Inkoossa", "Ingå"),
    town("Hanko", "Hangon", "Hankoon", "Hangossa", "Hangö"),
    town("Kokkola", "Kokkolan", "Kokkolaan", "Kokkolassa", "Karleby"),
    town("Pietarsaari", "Pietarsaaren", "Pietarsaareen", "Pietarsaaressa", "Jakobstad"),
    town("Lohja", "Lohjan", "Lohjalle", "Lohjalla", "Lojo"),
    town("Parainen", "Paraisten", "Paraisille", "Paraisilla", "Pargas"),
    town("Mustasaari", "Mustasaaren", "Mustasaareen", "Mustasaaressa", "Korsholm"),
    town("Kemiönsaari", "Kemiönsaaren", "Kemiönsaarelle", "Kemiönsaarella", "Kimitoön"),
];

fn sv_genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// Job titles for the interviewee (Finnish, Swedish).
#[rustfmt::skip]
const ROLES: &[(&str, &str)] = &[
    ("hyvinvointikoordinaattori", "välfärdskoordinator"),
    ("hyvinvointikoordinaattori", "välfärdskoordinator"),
    ("hyvinvointikoordinaattori", "välfärdskoordinator"),
    ("kirjastonjohtaja", "biblioteksdirektör"),
    ("nuorisotyöntekijä", "ungdomsarbetare"),
    ("liikuntasuunnittelija", "idrottsplanerare"),
    ("kulttuurisihteeri", "kultursekreterare"),
    ("ympäristöpäällikkö", "miljöchef"),
    ("kaupunginarkkitehti", "stadsarkitekt"),
    ("sivistystoimenjohtaja", "bildningsdirektör"),
    ("tiedottaja", "informatör"),
    ("hankekoordinaattori", "projektkoordinator"),
    ("vapaa-aikasihteeri", "fritidssekreterare"),
    ("museonjohtaja", "museichef"),
    ("kotoutumiskoordinaattori", "integrationskoordinator"),
];

#[rustfmt::skip]
const MONTH_STEMS: &[&str] = &[
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras",
    "joulu",
];
#[rustfmt::skip]
const MONTHS_SV: &[&str] = &[
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
];

/// First parts of compounds (Finnish, Swedish).
#[rustfmt::skip]
const MODIFIERS: &[(&str, &str)] = &[
    ("nuoriso", "ungdoms"),
    ("kulttuuri", "kultur"),
    ("liikunta", "idrotts"),
    ("ympäristö", "miljö"),
    ("koulu", "skol"),
    ("kirjasto", "biblioteks"),
    ("seniori", "senior"),
    ("perhe", "familje"),
    ("lasten", "barn"),
    ("terveys", "hälso"),
    ("asukas", "invånar"),
    ("vapaaehtois", "frivillig"),
    ("kaupunki", "stads"),
    ("kunta", "kommun"),
    ("talous", "ekonomi"),
    ("turvallisuus", "säkerhets"),
    ("liikenne", "trafik"),
    ("asunto", "bostads"),
    ("pyöräily", "cykel"),
    ("luonto", "natur"),
    ("museo", "musei"),
    ("musiikki", "musik"),
    ("taide", "konst"),
    ("teatteri", "teater"),
    ("ruoka", "mat"),
    ("energia", "energi"),
    ("ilmasto", "klimat"),
    ("digi", "digi"),
    ("kotoutumis", "integrations"),
    ("työllisyys", "sysselsättnings"),
    ("yrittäjä", "företagar"),
    ("matkailu", "turism"),
    ("kehitys", "utvecklings"),
    ("viestintä", "kommunikations"),
    ("osallisuus", "delaktighets"),
    ("vanhus", "äldre"),
    ("vammais", "handikapp"),
    ("mielenterveys", "mentalvårds"),
    ("puisto", "park"),
    ("leikki", "lek"),
    ("urheilu", "sport"),
    ("uimahalli", "simhalls"),
    ("harrastus", "hobby"),
    ("opetus", "undervisnings"),
    ("sivistys", "bildnings"),
    ("asiakas", "kund"),
    ("palaute", "respons"),
    ("lähi", "när"),
    ("etä", "distans"),
    ("kesä", "sommar"),
    ("talvi", "vinter"),
    ("ilta", "kvälls"),
    ("kieli", "språk"),
    ("lukio", "gymnasie"),
    ("kierrätys", "återvinnings"),
];

/// Compound heads: nominative, weak (oblique) stem, essive stem, partitive,
/// illative, back-vowel harmony, Swedish, a wrong Swedish alternative.
struct Head {
    nom: &'static str,
    weak: &'static str,
    strong: &'static str,
    part: &'static str,
    ill: &'static str,
    back: bool,
    sv: &'static str,
    alt: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)]
const fn head(
    nom: &'static str,
    weak: &'static str,
    strong: &'static str,
    part: &'static str,
    ill: &'static str,
    back: bool,
    sv: &'static str,
    alt: Option<&'static str>,
) -> Head {
    Head {
        nom,
        weak,
        strong,
        part,
        ill,
        back,
        sv,
        alt,
    }
}

#[rustfmt::skip]
const HEADS: &[Head] = &[
    head("palvelu", "palvelu", "palvelu", "palvelua", "palveluun", true, "tjänst", Some("service")),
    head("suunnitelma", "suunnitelma", "suunnitelma", "suunnitelmaa", "suunnitelmaan", true, "plan", Some("planering")),
    head("ryhmä", "ryhmä", "ryhmä", "ryhmää", "ryhmään", false, "grupp", Some("team")),
    head("keskus", "keskukse", "keskukse", "keskusta", "keskukseen", true, "center", Some("central")),
    head("kysely", "kysely", "kysely", "kyselyä", "kyselyyn", false, "enkät", Some("förfrågan")),
    head("hanke", "hankkee", "hankkee", "hanketta", "hankkeeseen", false, "projekt", None),
    head("ohjelma", "ohjelma", "ohjelma", "ohjelmaa", "ohjelmaan", true, "program", None),
    head("verkosto", "verkosto", "verkosto", "verkostoa", "verkostoon", true, "nätverk", None),
    head("toimikunta", "toimikunna", "toimikunta", "toimikuntaa", "toimikuntaan", true, "kommission", Some("kommitté")),
    head("tila", "tila", "tila", "tilaa", "tilaan", true, "lokal", Some("utrymme")),
    head("kerho", "kerho", "kerho", "kerhoa", "kerhoon", true, "klubb", None),
    head("opas", "oppaa", "oppaa", "opasta", "oppaaseen", true, "guide", Some("handbok")),
    head("tutkimus", "tutkimukse", "tutkimukse", "tutkimusta", "tutkimukseen", true, "undersökning", Some("studie")),
    head("kokous", "kokoukse", "kokoukse", "kokousta", "kokoukseen", true, "möte", Some("sammanträde")),
    head("avustus", "avustukse", "avustukse", "avustusta", "avustukseen", true, "bidrag", Some("understöd")),
    head("päivä", "päivä", "päivä", "päivää", "päivään", false, "dag", None),
    head("viikko", "viiko", "viikko", "viikkoa", "viikkoon", true, "vecka", None),
    head("paikka", "paika", "paikka", "paikkaa", "paikkaan", true, "plats", None),
    head("työ", "työ", "työ", "työtä", "työhön", false, "arbete", None),
    head("neuvosto", "neuvosto", "neuvosto", "neuvostoa", "neuvostoon", true, "råd", None),
    head("tapahtuma", "tapahtuma", "tapahtuma", "tapahtumaa", "tapahtumaan", true, "evenemang", Some("händelse")),
    head("kortti", "korti", "kortti", "korttia", "korttiin", true, "kort", None),
    head("polku", "polu", "polku", "polkua", "polkuun", true, "stig", None),
    head("sopimus", "sopimukse", "sopimukse", "sopimusta", "sopimukseen", true, "avtal", Some("kontrakt")),
    head("malli", "malli", "malli", "mallia", "malliin", true, "modell", None),
    head("rakennus", "rakennukse", "rakennukse", "rakennusta", "rakennukseen", true, "byggnad", None),
    head("ilta", "illa", "ilta", "iltaa", "iltaan", true, "kväll", Some("afton")),
    head("kurssi", "kurssi", "kurssi", "kurssia", "kurssiin", true, "kurs", None),
    head("strategia", "strategia", "strategia", "strategiaa", "strategiaan", true, "strategi", None),
    head("kampanja", "kampanja", "kampanja", "kampanjaa", "kampanjaan", true, "kampanj", None),
    head("lautakunta", "lautakunna", "lautakunta", "lautakuntaa", "lautakuntaan", true, "nämnd", Some("utskott")),
    head("koulutus", "koulutukse", "koulutukse", "koulutusta", "koulutukseen", true, "utbildning", None),
    head("järjestelmä", "järjestelmä", "järjestelmä", "järjestelmää", "järjestelmään", false, "system", None),
    head("lupa", "luva", "lupa", "lupaa", "lupaan", true, "tillstånd", Some("licens")),
    head("maksu", "maksu", "maksu", "maksua", "maksuun", true, "avgift", Some("betalning")),
    head("raportti", "raporti", "raportti", "raporttia", "raporttiin", true, "rapport", None),
    head("asema", "asema", "asema", "asemaa", "asemaan", true, "station", None),
    head("alue", "aluee", "aluee", "aluetta", "alueeseen", true, "område", Some("region")),
    head("pankki", "panki", "pankki", "pankkia", "pankkiin", true, "bank", None),
    head("foorumi", "foorumi", "foorumi", "foorumia", "foorumiin", true, "forum", None),
];

/// Grammatical cases used by the sentence templates.
#[derive(Clone, Copy)]
enum Case {
    Nom,
    Gen,
    Ine,
    Ela,
    Ill,
    Ade,
    Abl,
    All,
    Ess,
    Tra,
    Part,
}

/// A Finnish compound (modifiers + head) and its Swedish rendering.
#[derive(Clone)]
struct Compound {
    mods: String,
    head: usize,
    sv: String,
}

impl Compound {
    fn new(mods: &[usize], head: usize) -> Compound {
        // Finnish writes a hyphen where a vowel meets the same vowel
        // (`ruoka-avustus`, `kulttuuri-ilta`).
        let join = |out: &mut String, part: &str| {
            if let (Some(a), Some(b)) = (out.chars().last(), part.chars().next())
                && a == b
                && "aeiouyäö".contains(a)
            {
                out.push('-');
            }
            out.push_str(part);
        };
        let mut fi = String::new();
        for &m in mods {
            join(&mut fi, MODIFIERS[m].0);
        }
        // The head's first letter decides the seam.
        let mut probe = fi.clone();
        join(&mut probe, HEADS[head].nom);
        fi = probe[..probe.len() - HEADS[head].nom.len()].to_string();
        let mut sv: String = mods.iter().map(|&m| MODIFIERS[m].1).collect();
        sv.push_str(HEADS[head].sv);
        Compound { mods: fi, head, sv }
    }

    fn nom(&self) -> String {
        format!("{}{}", self.mods, HEADS[self.head].nom)
    }

    fn form(&self, case: Case) -> String {
        let h = &HEADS[self.head];
        let v = |back: &'static str, front: &'static str| if h.back { back } else { front };
        let tail = match case {
            Case::Nom => h.nom.to_string(),
            Case::Gen => format!("{}n", h.weak),
            Case::Ine => format!("{}{}", h.weak, v("ssa", "ssä")),
            Case::Ela => format!("{}{}", h.weak, v("sta", "stä")),
            Case::Ill => h.ill.to_string(),
            Case::Ade => format!("{}{}", h.weak, v("lla", "llä")),
            Case::Abl => format!("{}{}", h.weak, v("lta", "ltä")),
            Case::All => format!("{}lle", h.weak),
            Case::Ess => format!("{}{}", h.strong, v("na", "nä")),
            Case::Tra => format!("{}ksi", h.weak),
            Case::Part => h.part.to_string(),
        };
        format!("{}{}", self.mods, tail)
    }

    /// The Swedish with the wrong head (an `avoid` rendering), if any.
    fn sv_avoid(&self) -> Option<String> {
        let h = &HEADS[self.head];
        h.alt
            .map(|alt| format!("{}{}", &self.sv[..self.sv.len() - h.sv.len()], alt))
    }
}

/// Sentences carrying a compound: Finnish with `{T}` in a case, Swedish with `{S}`.
/// `{K}` is a small number, the same on both sides.
#[rustfmt::skip]
const TERM_SENTENCES: &[(Case, &str, &str)] = &[
    (Case::Nom, "{T} on tärkeä osa kaupungin arkea.", "{S} är en viktig del av stadens vardag."),
    (Case::Ela, "Lisätietoa {T} saa kaupungin verkkosivuilta.", "Mer information om {S} finns på stadens webbplats."),
    (Case::Gen, "Myös {T} uudistus etenee suunnitellusti.", "Också reformen av {S} framskrider som planerat."),
    (Case::Ine, "{T} työskentelee nyt {K} henkilöä.", "Inom {S} arbetar nu {K} personer."),
    (Case::All, "Palautetta voi antaa myös {T}.", "Respons kan också ges till {S}."),
    (Case::Ade, "{T} on oma roolinsa tässä työssä.", "{S} har sin egen roll i det här arbetet."),
    (Case::Tra, "Toiminta muutetaan {T} ensi vuonna.", "Verksamheten omvandlas till {S} nästa år."),
    (Case::Ess, "{T} se on alueen ainoa.", "Som {S} är det den enda i regionen."),
    (Case::Part, "Kaupunki kehittää nyt {T} yhdessä asukkaiden kanssa.", "Staden utvecklar nu {S} tillsammans med invånarna."),
    (Case::Ill, "Mukaan {T} pääsee ilmoittautumalla.", "Man kan anmäla sig till {S}."),
    (Case::Abl, "{T} saatiin {K} myönteistä palautetta.", "{S} fick {K} positiva svar."),
    (Case::Ine, "Asiasta keskustellaan {T} syksyllä.", "Frågan diskuteras inom {S} i höst."),
];

/// Sentences carrying numbers. Slots: `{A}` amount, `{P}` population,
/// `{N}` count, `{K}` small count, `{C}` decimal, `{D}` date, `{H}` time,
/// `{Y}` year, `{TI}`/`{TS}` the town ("in" form / Swedish).
#[rustfmt::skip]
const NUMBER_SENTENCES: &[(&str, &str)] = &[
    ("Hankkeeseen on varattu {A} euroa vuodelle {Y}.", "För projektet har man reserverat {A} euro för år {Y}."),
    ("{TI} asuu noin {P} ihmistä.", "I {TS} bor cirka {P} människor."),
    ("Kyselyyn vastasi {N} kuntalaista, mikä on {C} prosenttia asukkaista.", "Enkäten besvarades av {N} kommuninvånare, vilket är {C} procent av invånarna."),
    ("Seuraava tilaisuus järjestetään {D} kello {H}.", "Nästa evenemang ordnas den {D} klockan {H}."),
    ("Valiokunta kokoontuu noin {K} kertaa vuodessa.", "Utskottet sammanträder cirka {K} gånger om året."),
    ("Toiminnassa on mukana {N} vapaaehtoista ja {K} työntekijää.", "I verksamheten deltar {N} frivilliga och {K} anställda."),
    ("Määräraha kasvoi {C} prosenttia edellisvuodesta.", "Anslaget ökade med {C} procent från året innan."),
    ("Vuonna {Y} palveluja käytti {P} asiakasta.", "År {Y} använde {P} kunder tjänsterna."),
];

/// News-style titles: Finnish with `{T}` in a case, Swedish with `{S}`.
#[rustfmt::skip]
const NEWS_TITLES: &[(Case, &str, &str)] = &[
    (Case::Nom, "{TN}: {T} uudistuu vuonna {Y}", "{TS}: {S} förnyas år {Y}"),
    (Case::Nom, "Uusi {T} avataan {MI}", "Ny {S} öppnas i {MS}"),
    (Case::Part, "{TI} kehitetään {T}", "I {TS} utvecklas {S}"),
    (Case::Gen, "{TG} {T} suunnittelu alkaa", "Planeringen av {S} i {TS} börjar"),
    (Case::Ill, "Kuntalaisia kutsutaan mukaan {T}", "Kommuninvånarna bjuds in till {S}"),
];

/// Finnish words the re-inflection must leave alone (adverbs, verbs and
/// postpositions that only look like case forms).
#[rustfmt::skip]
const KEEP_WORDS: &[&str] = &[
    "kuitenkin", "lisäksi", "hyväksi", "kannalta", "sisällä", "sisällään", "välillä", "yhdessä",
    "tarkemmin", "vähintään", "seuraan", "koordinoin", "julkaista", "joitakin", "entistä",
    "mielelläni", "raportoin", "pakolliset",
];

// ---------------------------------------------------------------------------
// The seed pair.

/// Paragraphs of a text: runs of non-blank lines, as written.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join("\n"));
    }
    out
}

fn is_dash(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('–') || t.starts_with('—') || t.starts_with("- ")
}

struct SeedSide {
    body: Vec<String>,
    qa: Vec<(String, String)>,
    /// Web comment-form remnants after the credits.
    boilerplate: Vec<String>,
}

fn parse_seed(text: &str) -> SeedSide {
    let paras = paragraphs(text);
    assert!(paras[0].starts_with('|'), "seed starts with a kicker");
    let first_q = (2..paras.len())
        .find(|&i| !is_dash(&paras[i]) && paras.get(i + 1).is_some_and(|p| is_dash(p)))
        .expect("seed has questions");
    let body = paras[2..first_q].to_vec();
    let mut qa = Vec::new();
    let mut i = first_q;
    while i + 1 < paras.len() && is_dash(&paras[i + 1]) {
        qa.push((paras[i].clone(), paras[i + 1].clone()));
        i += 2;
    }
    let boilerplate = paras[i..]
        .iter()
        .filter(|p| !p.to_lowercase().starts_with("översättning"))
        .cloned()
        .collect();
    SeedSide {
        body,
        qa,
        boilerplate,
    }
}

// ---------------------------------------------------------------------------
// Text helpers.

// The status `source` must be exactly tolk's segment text, so use tolk's own
// normalisation rather than a copy of it.
use tolk::text::normalize_ws;

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn ascii_slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            'ä' | 'Ä' | 'å' | 'Å' => Some('a'),
            'ö' | 'Ö' => Some('o'),
            c @ ('a'..='z' | '0'..='9' | '-') => Some(c),
            _ => None,
        })
        .collect()
}

/// TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// PO string (without the surrounding quotes).
fn po_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// A thousands-grouped amount (`15 000`), grouped with a space or NBSP.
fn grouped(n: u32, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn is_back_vowel(c: char) -> Option<bool> {
    match c {
        'a' | 'o' | 'u' => Some(true),
        'ä' | 'ö' | 'y' => Some(false),
        _ => None,
    }
}

/// Replaces the case ending of a Finnish word with another, keeping vowel
/// harmony; `None` when the word does not look like an inflected noun.
fn reinflect(word: &str, rng: &mut Rng) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("ssa", "ssä"),
        ("sta", "stä"),
        ("lla", "llä"),
        ("lta", "ltä"),
        ("lle", "lle"),
        ("ksi", "ksi"),
        ("na", "nä"),
        ("n", "n"),
    ];
    if word.chars().count() < 7 || KEEP_WORDS.contains(&word) {
        return None;
    }
    if !word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
        return None;
    }
    if word.ends_with("nen") || word.ends_with("kin") || word.ends_with("kaan") {
        return None;
    }
    let (idx, stem) = ENDINGS.iter().enumerate().find_map(|(i, (b, f))| {
        let stem = word.strip_suffix(b).or_else(|| word.strip_suffix(f))?;
        // `-n` and `-na` only after a vowel (not `-nna`, `-en` of verbs is a risk we take).
        let last = stem.chars().last()?;
        if (*b == "n" || *b == "na") && !"aeiouyäö".contains(last) {
            return None;
        }
        Some((i, stem))
    })?;
    let back = stem.chars().rev().find_map(is_back_vowel).unwrap_or(false);
    let mut pick = rng.below(ENDINGS.len() - 1);
    if pick >= idx {
        pick += 1;
    }
    let (b, f) = ENDINGS[pick];
    Some(format!("{stem}{}", if back { b } else { f }))
}

/// Re-inflects a share `p` of the eligible words of `text`.
fn reinflect_text(text: &str, p: f64, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, rng: &mut Rng| {
        if !word.is_empty() {
            match (rng.chance(p), word.as_str()) {
                (true, w) => match reinflect(w, rng) {
                    Some(new) => out.push_str(&new),
                    None => out.push_str(w),
                },
                (false, w) => out.push_str(w),
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, rng);
    out
}

/// Greedy wrapping at ASCII spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut col = 0;
    for (i, word) in text.split(' ').enumerate() {
        let len = word.chars().count();
        if i > 0 {
            if col + 1 + len > width && col > 0 {
                out.push('\n');
                col = 0;
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col += len;
    }
    out
}

// ---------------------------------------------------------------------------
// Glossary.

struct Glossary {
    text: String,
    /// Synthetic compound terms, for insertion into articles.
    terms: Vec<Compound>,
    count: usize,
}

fn real_term_fis(glossary: &str) -> Vec<String> {
    glossary
        .lines()
        .filter_map(|l| {
            let rest = l
                .trim()
                .strip_prefix("fi")?
                .trim_start()
                .strip_prefix('=')?;
            Some(rest.trim().trim_matches('"').to_lowercase())
        })
        .collect()
}

fn build_glossary(seed: u64, wanted: usize) -> Glossary {
    let mut rng = Rng::derive(seed, u64::MAX);
    let mut seen: HashSet<String> = real_term_fis(GLOSSARY).into_iter().collect();
    let real = GLOSSARY.matches("[[term]]").count();
    let mut text = GLOSSARY.trim_end().to_string();
    let _ = write!(
        text,
        "\n\n# ---------------------------------------------------------------------------\n\
         # Synthetic terms written by examples/corpus.rs ({VERSION}, seed {seed}).\n"
    );
    let mut count = real;
    let add = |text: &mut String, fi: &str, sv: &str, avoid: &[String], note: Option<&str>| {
        let _ = write!(
            text,
            "\n[[term]]\nfi = {}\nsv = {}\n",
            toml_str(fi),
            toml_str(sv)
        );
        if !avoid.is_empty() {
            let list: Vec<String> = avoid.iter().map(|a| toml_str(a)).collect();
            let _ = writeln!(text, "avoid = [{}]", list.join(", "));
        }
        if let Some(note) = note {
            let _ = writeln!(text, "note = {}", toml_str(note));
        }
    };
    for t in TOWNS {
        if count >= wanted {
            break;
        }
        if seen.insert(t.nom.to_lowercase()) {
            add(
                &mut text,
                t.nom,
                t.sv,
                &[],
                Some("The town's official Swedish name."),
            );
            count += 1;
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..MODIFIERS.len())
        .flat_map(|m| (0..HEADS.len()).map(move |h| (m, h)))
        .collect();
    rng.shuffle(&mut pairs);
    let mut pairs = pairs.into_iter();
    let mut terms = Vec::new();
    let mut attempts = 0;
    while count < wanted && attempts < wanted * 20 {
        attempts += 1;
        let compound = match pairs.next() {
            Some((m, h)) => Compound::new(&[m], h),
            None => {
                let (a, b) = (rng.below(MODIFIERS.len()), rng.below(MODIFIERS.len()));
                if a == b {
                    continue;
                }
                Compound::new(&[a, b], rng.below(HEADS.len()))
            }
        };
        let fi = compound.nom();
        if !seen.insert(fi.to_lowercase()) {
            continue;
        }
        let mut avoid = Vec::new();
        if let Some(wrong) = compound.sv_avoid()
            && rng.chance(0.3)
        {
            // Exact, or with any ending (`ungdomsservice*`).
            avoid.push(if rng.chance(0.5) {
                format!("{wrong}*")
            } else {
                wrong
            });
        }
        let note = match rng.below(4) {
            0 => Some(format!(
                "Synthetic term {}: \"{}\" is the city's established rendering.",
                count + 1,
                compound.sv
            )),
            1 => Some("Generated for benchmarking.".to_string()),
            _ => None,
        };
        add(&mut text, &fi, &compound.sv, &avoid, note.as_deref());
        terms.push(compound);
        count += 1;
    }
    text.push('\n');
    Glossary { text, terms, count }
}

// ---------------------------------------------------------------------------
// One article.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Para,
    Question,
    Answer,
}

struct Unit {
    kind: Kind,
    fi: String,
    sv: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marking {
    Full,
    Partly,
    Draft,
    Stale,
}

#[derive(Default, Clone)]
struct Stats {
    articles: usize,
    news: usize,
    qa_pairs: usize,
    partial: usize,
    stale: usize,
    full: usize,
    partly: usize,
    draft: usize,
    no_status: usize,
    reviewed_articles: usize,
    segments: usize,
    fi_words: usize,
    term_insertions: usize,
    avoid_uses: usize,
    number_mismatches: usize,
    title_mismatches: usize,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.articles += o.articles;
        self.news += o.news;
        self.qa_pairs += o.qa_pairs;
        self.partial += o.partial;
        self.stale += o.stale;
        self.full += o.full;
        self.partly += o.partly;
        self.draft += o.draft;
        self.no_status += o.no_status;
        self.reviewed_articles += o.reviewed_articles;
        self.segments += o.segments;
        self.fi_words += o.fi_words;
        self.term_insertions += o.term_insertions;
        self.avoid_uses += o.avoid_uses;
        self.number_mismatches += o.number_mismatches;
        self.title_mismatches += o.title_mismatches;
    }
}

struct Ctx<'a> {
    seed: u64,
    fi: &'a SeedSide,
    sv: &'a SeedSide,
    glossary: &'a Glossary,
    translators: &'a [String],
    reviewers: &'a [String],
}

struct Generated {
    slug: String,
    fi: String,
    sv: String,
    status: Option<String>,
    po: String,
    /// The content paragraphs before layout, for `--large`.
    units: Vec<Unit>,
    /// Units with a Swedish translation (the rest were left out).
    sv_keep: usize,
    wrap_width: Option<usize>,
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn random_compound(ctx: &Ctx, rng: &mut Rng) -> Compound {
    if !ctx.glossary.terms.is_empty() && rng.chance(0.6) {
        ctx.glossary.terms[rng.below(ctx.glossary.terms.len())].clone()
    } else if rng.chance(0.5) {
        Compound::new(&[rng.below(MODIFIERS.len())], rng.below(HEADS.len()))
    } else {
        let a = rng.below(MODIFIERS.len());
        let b = (a + 1 + rng.below(MODIFIERS.len() - 1)) % MODIFIERS.len();
        Compound::new(&[a, b], rng.below(HEADS.len()))
    }
}

fn date(rng: &mut Rng, lo: u32, hi: u32) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.range(lo, hi),
        rng.range(1, 12),
        rng.range(1, 28)
    )
}

/// Alters `text` the way a later edit of the Finnish would: a number
/// changed, else a word dropped.
fn older_version(text: &str, rng: &mut Rng) -> String {
    let bytes = text.as_bytes();
    let digit_runs: Vec<(usize, usize)> = {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                runs.push((start, i));
            } else {
                i += 1;
            }
        }
        runs
    };
    if !digit_runs.is_empty() && rng.chance(0.8) {
        let (s, e) = *rng.pick(&digit_runs);
        let n: u64 = text[s..e].parse().unwrap_or(0);
        let old = if n > 1 && rng.chance(0.5) {
            n - 1
        } else {
            n + 1
        };
        return format!("{}{}{}", &text[..s], old, &text[e..]);
    }
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > 3 {
        let drop = 1 + rng.below(words.len() - 2);
        let mut out: Vec<&str> = words.clone();
        out.remove(drop);
        return out.join(" ");
    }
    format!("{text} (luonnos)")
}

fn generate(ctx: &Ctx, index: usize, stats: &mut Stats, vocab: &mut Vocab) -> Generated {
    let mut rng = Rng::derive(ctx.seed, index as u64);
    let rng = &mut rng;
    stats.articles += 1;

    // Who, where, when.
    let name = person(rng);
    let town = if rng.chance(0.3) {
        &TOWNS[0]
    } else {
        rng.pick(&TOWNS[1..])
    };
    let town_sv_gen = sv_genitive(town.sv);
    let (role_fi, role_sv) = *rng.pick(ROLES);
    let year = rng.range(2019, 2026);
    let year_s = year.to_string();
    let months: Vec<usize> = (0..3).map(|_| rng.below(12)).collect();
    let translator = rng.pick(ctx.translators).clone();
    let news = rng.chance(0.15);

    let subst_fi = |s: &str| -> String {
        s.replace("Taru Ikäheimonen", &name)
            .replace("Kauniaisten", town.gen_)
            .replace("Kauniaisiin", town.into)
            .replace("uusi hyvinvointikoordinaattori", &format!("uusi {role_fi}"))
            .replace("2023", &year_s)
            // Through placeholders: replaced one after another, a month
            // put in by one replacement would be replaced again by the
            // next, on one side only (`marraskuun` vs `november`).
            .replace("elokuun", "\u{1}0")
            .replace("marraskuussa", "\u{1}1")
            .replace("tammikuun", "\u{1}2")
            .replace("\u{1}0", &format!("{}kuun", MONTH_STEMS[months[0]]))
            .replace("\u{1}1", &format!("{}kuussa", MONTH_STEMS[months[1]]))
            .replace("\u{1}2", &format!("{}kuun", MONTH_STEMS[months[2]]))
    };
    let subst_sv = |s: &str| -> String {
        s.replace("Taru Ikäheimonen", &name)
            .replace("Grankullas", &town_sv_gen)
            .replace("Grankulla", town.sv)
            .replace("nya välfärdskoordinator", &format!("nya {role_sv}"))
            .replace("2023", &year_s)
            .replace("augusti", "\u{1}0")
            .replace("november", "\u{1}1")
            .replace("januari", "\u{1}2")
            .replace("\u{1}0", MONTHS_SV[months[0]])
            .replace("\u{1}1", MONTHS_SV[months[1]])
            .replace("\u{1}2", MONTHS_SV[months[2]])
    };

    // Body paragraphs, shuffled.
    let mut body: Vec<usize> = (0..ctx.fi.body.len()).collect();
    rng.shuffle(&mut body);
    let mut units: Vec<Unit> = body
        .iter()
        .map(|&i| Unit {
            kind: Kind::Para,
            fi: subst_fi(&ctx.fi.body[i]),
            sv: subst_sv(&ctx.sv.body[i]),
        })
        .collect();

    // Q&A pairs: reordered, dropped or duplicated; news turns answers into paragraphs.
    let n_qa = ctx.fi.qa.len();
    let mut order: Vec<usize> = (0..n_qa).collect();
    rng.shuffle(&mut order);
    let k = if news {
        0
    } else {
        match rng.below(10) {
            0..=3 => n_qa,
            4..=6 => rng.range(2, n_qa as u32 - 1) as usize,
            _ => rng.range(n_qa as u32 + 1, n_qa as u32 + 4) as usize,
        }
    };
    if news {
        stats.news += 1;
        for &i in order.iter().take(rng.range(2, 4) as usize) {
            let strip = |s: &str| {
                s.trim_start()
                    .trim_start_matches(['–', '—', '-'])
                    .trim_start()
                    .to_string()
            };
            units.push(Unit {
                kind: Kind::Para,
                fi: strip(&subst_fi(&ctx.fi.qa[i].1)),
                sv: strip(&subst_sv(&ctx.sv.qa[i].1)),
            });
        }
    } else {
        let mut chosen: Vec<usize> = order.iter().copied().take(k.min(n_qa)).collect();
        for _ in n_qa..k {
            let dup = rng.below(n_qa);
            let at = rng.below(chosen.len() + 1);
            chosen.insert(at, dup);
        }
        stats.qa_pairs += chosen.len();
        for i in chosen {
            units.push(Unit {
                kind: Kind::Question,
                fi: subst_fi(&ctx.fi.qa[i].0),
                sv: subst_sv(&ctx.sv.qa[i].0),
            });
            units.push(Unit {
                kind: Kind::Answer,
                fi: subst_fi(&ctx.fi.qa[i].1),
                sv: subst_sv(&ctx.sv.qa[i].1),
            });
        }
    }

    // Re-inflect Finnish words (before insertions, so inserted terms stay as built).
    for u in &mut units {
        if u.kind != Kind::Question || rng.chance(0.5) {
            u.fi = reinflect_text(&u.fi, 0.12, rng);
        }
    }

    // Inserted sentences: glossary terms and other compounds, numbers.
    let hosts: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].kind != Kind::Question)
        .collect();
    let mut headline: Option<Compound> = None;
    for _ in 0..rng.range(1, 5) {
        let c = random_compound(ctx, rng);
        let (case, fi_t, sv_t) = *rng.pick(TERM_SENTENCES);
        let kk = rng.range(2, 40).to_string();
        let mut sv_word = c.sv.clone();
        if let Some(wrong) = c.sv_avoid()
            && rng.chance(0.04)
        {
            sv_word = wrong;
            stats.avoid_uses += 1;
        }
        let mut fi_s = fi_t.replace("{T}", &c.form(case)).replace("{K}", &kk);
        let mut sv_s = sv_t.replace("{S}", &sv_word).replace("{K}", &kk);
        if fi_t.starts_with('{') {
            fi_s = capitalize(&fi_s);
        }
        if sv_t.starts_with('{') {
            sv_s = capitalize(&sv_s);
        }
        let host = &mut units[*rng.pick(&hosts)];
        host.fi = format!("{} {fi_s}", host.fi.trim_end());
        host.sv = format!("{} {sv_s}", host.sv.trim_end());
        stats.term_insertions += 1;
        headline.get_or_insert(c);
    }
    for _ in 0..rng.range(0, 3) {
        let (fi_t, sv_t) = *rng.pick(NUMBER_SENTENCES);
        let sep = if rng.chance(0.3) { "\u{a0}" } else { " " };
        let c = rng.range(1, 99);
        let values = [
            ("{A}", grouped(rng.range(5, 900) * 1000, sep)),
            ("{P}", grouped(rng.range(800, 250_000), sep)),
            ("{N}", rng.range(12, 2500).to_string()),
            ("{K}", rng.range(2, 12).to_string()),
            ("{C}", format!("{},{}", c / 10 + 1, c % 10)),
            (
                "{D}",
                format!("{}.{}.{}", rng.range(1, 28), rng.range(1, 12), year),
            ),
            (
                "{H}",
                if rng.chance(0.5) {
                    rng.range(9, 19).to_string()
                } else {
                    format!("{}.30", rng.range(9, 19))
                },
            ),
            ("{Y}", rng.range(year - 1, year + 2).to_string()),
        ];
        let mut fi_s = fi_t.replace("{TI}", town.inside).replace("{TS}", town.sv);
        let mut sv_s = sv_t.replace("{TI}", town.inside).replace("{TS}", town.sv);
        let wrong = rng.chance(0.04);
        for (slot, v) in &values {
            fi_s = fi_s.replace(slot, v);
            if wrong && sv_s.contains(slot) {
                sv_s = sv_s.replace(slot, &format!("{v}1"));
            } else {
                sv_s = sv_s.replace(slot, v);
            }
        }
        if wrong {
            stats.number_mismatches += 1;
        }
        let host = &mut units[*rng.pick(&hosts)];
        host.fi = format!("{} {fi_s}", host.fi.trim_end());
        host.sv = format!("{} {sv_s}", host.sv.trim_end());
    }

    // Swedish fixes: half the articles use the glossary's renderings.
    for u in &mut units {
        for (wrong, right) in [
            ("småbarnsfostran", "småbarnspedagogik"),
            ("grundutbildning", "grundläggande utbildning"),
            ("välfärdsrapporten", "välfärdsberättelsen"),
        ] {
            if u.sv.contains(wrong) && rng.chance(0.5) {
                u.sv = u.sv.replace(wrong, right);
            }
        }
    }

    // Kicker and title.
    let kicker = rng.chance(0.9).then(|| *rng.pick(KICKERS));
    let (title_fi, title_sv) = if news {
        let c = headline
            .clone()
            .unwrap_or_else(|| random_compound(ctx, rng));
        let (case, fi_t, sv_t) = *rng.pick(NEWS_TITLES);
        let m = rng.below(12);
        let fill = |t: &str, term: &str| {
            t.replace("{TN}", town.nom)
                .replace("{TI}", town.inside)
                .replace("{TG}", town.gen_)
                .replace("{TS}", town.sv)
                .replace("{MI}", &format!("{}kuussa", MONTH_STEMS[m]))
                .replace("{MS}", MONTHS_SV[m])
                .replace("{Y}", &year_s)
                .replace("{T}", term)
                .replace("{S}", term)
        };
        (
            capitalize(&fill(fi_t, &c.form(case))),
            capitalize(&fill(sv_t, &c.sv)),
        )
    } else {
        let mut shown = k;
        if rng.chance(0.1) {
            shown = if k == n_qa { k + 1 } else { n_qa };
            stats.title_mismatches += 1;
        }
        if rng.chance(0.6) {
            (
                format!("{shown} kysymystä. Mitä tekee kaupungin {role_fi}?"),
                format!("{shown} frågor. Vad gör stadens {role_sv}?"),
            )
        } else {
            (
                format!("{shown} kysymystä: {name} on {} uusi {role_fi}", town.gen_),
                format!("{shown} frågor: {name} är {town_sv_gen} nya {role_sv}"),
            )
        }
    };

    let slug_word = if news {
        headline
            .as_ref()
            .map_or_else(|| "uutinen".to_string(), Compound::nom)
    } else {
        role_fi.to_string()
    };
    let slug = format!("{}-{:05}", ascii_slug(&slug_word), index + 1);

    // Partial translations lose their last segments (never a question without its answer).
    let mut sv_keep = units.len();
    if rng.chance(0.05) {
        stats.partial += 1;
        sv_keep = units.len().saturating_sub(rng.range(1, 4) as usize);
        if sv_keep > 0 && units[sv_keep - 1].kind == Kind::Question {
            sv_keep -= 1;
        }
    }

    // Segment ids and tolk's texts.
    let mut segs: Vec<(String, String, Option<String>)> = Vec::new(); // id, fi text, sv text
    if let Some(k) = kicker {
        segs.push(("kicker".into(), k.to_string(), Some(k.to_string())));
    }
    segs.push((
        "title".into(),
        normalize_ws(&title_fi),
        Some(normalize_ws(&title_sv)),
    ));
    let (mut np, mut nq, mut na) = (0, 0, 0);
    for (i, u) in units.iter().enumerate() {
        let id = match u.kind {
            Kind::Para => {
                np += 1;
                format!("p{np}")
            }
            Kind::Question => {
                nq += 1;
                format!("q{nq}")
            }
            Kind::Answer => {
                na += 1;
                format!("a{na}")
            }
        };
        let sv = (i < sv_keep).then(|| normalize_ws(&u.sv));
        segs.push((id, normalize_ws(&u.fi), sv));
    }
    stats.segments += segs.len();

    // Layout.
    let wrap_width = rng.chance(0.1).then(|| rng.range(60, 80) as usize);
    let odd_blanks = rng.chance(0.05);
    let crlf = rng.chance(0.03);
    let boilerplate = rng.chance(0.7);
    let writer = rng.chance(0.5).then(|| (person(rng), rng.chance(0.5)));
    let credit_line = rng.chance(0.95);
    let credit_caps = rng.chance(0.7);
    let final_newline = rng.chance(0.5);
    let seps: Vec<&str> = (0..units.len() + 8)
        .map(|_| {
            if odd_blanks && rng.chance(0.3) {
                *rng.pick(&["\n\u{a0}\n", "\n \n", "\n\n\n"])
            } else {
                "\n\n"
            }
        })
        .collect();
    let lay = |paras: Vec<String>| -> String {
        let mut out = String::new();
        for (i, p) in paras.iter().enumerate() {
            if i > 0 {
                out.push_str(seps[i.min(seps.len() - 1)]);
            }
            match wrap_width {
                Some(w) if !p.starts_with('|') => out.push_str(&wrap(p, w)),
                _ => out.push_str(p),
            }
        }
        if final_newline {
            out.push('\n');
        }
        if crlf { out.replace('\n', "\r\n") } else { out }
    };

    let mut fi_paras = Vec::new();
    let mut sv_paras = Vec::new();
    if let Some(k) = kicker {
        fi_paras.push(format!("| {k}"));
        sv_paras.push(format!("| {k}"));
    }
    fi_paras.push(title_fi.clone());
    sv_paras.push(title_sv.clone());
    for (i, u) in units.iter().enumerate() {
        fi_paras.push(u.fi.clone());
        if i < sv_keep {
            sv_paras.push(u.sv.clone());
        }
    }
    if let Some((w, photo)) = &writer {
        let caps = w.to_uppercase();
        if *photo {
            fi_paras.push(format!("TEKSTI JA KUVA: {caps}"));
            sv_paras.push(format!("TEXT OCH FOTO: {caps}"));
        } else {
            fi_paras.push(format!("TEKSTI: {caps}"));
            sv_paras.push(format!("TEXT: {caps}"));
        }
    }
    if credit_line {
        let shown = if credit_caps {
            translator.to_uppercase()
        } else {
            translator.clone()
        };
        sv_paras.push(format!("ÖVERSÄTTNING: {shown}"));
    }
    if boilerplate {
        fi_paras.extend(ctx.fi.boilerplate.iter().cloned());
        sv_paras.extend(ctx.sv.boilerplate.iter().cloned());
    }
    let fi_text = lay(fi_paras);
    let sv_text = lay(sv_paras);

    // status.toml.
    // Stale 3.2% of all, so that about 3% remain after partial translations.
    let marking = match rng.below(1000) {
        0..=31 => Marking::Stale,
        32..=631 => Marking::Full,
        632..=731 => Marking::Partly,
        _ => Marking::Draft,
    };
    let marking = if sv_keep < units.len() {
        // Partial translations: the present part marked, or nothing.
        if rng.chance(0.6) {
            Marking::Full
        } else {
            Marking::Draft
        }
    } else {
        marking
    };
    let reviewed = matches!(marking, Marking::Full | Marking::Stale) && rng.chance(0.3);
    let reviewer = rng.pick(ctx.reviewers).clone();
    let marked_upto = match marking {
        Marking::Partly => 1 + rng.below(segs.len().max(2) - 1),
        Marking::Draft => 0,
        _ => segs.len(),
    };
    let stale_at = if marking == Marking::Stale {
        let candidates: Vec<usize> = (0..segs.len())
            .filter(|&i| segs[i].2.is_some() && segs[i].0 != "kicker")
            .collect();
        Some(*rng.pick(&candidates))
    } else {
        None
    };
    match marking {
        Marking::Full => stats.full += 1,
        Marking::Partly => stats.partly += 1,
        Marking::Draft => stats.draft += 1,
        Marking::Stale => stats.stale += 1,
    }
    if reviewed {
        stats.reviewed_articles += 1;
    }
    let status = if marking == Marking::Draft && rng.chance(0.5) {
        stats.no_status += 1;
        None
    } else {
        let mut s = String::from(
            "# Segment states of this article, written by `tolk mark` and `tolk import`.\n\
             # Comments and keys you add are kept. Per segment: state (translated or\n\
             # reviewed), by whom, at (date), source (the Finnish text it was made from).\n\n",
        );
        let _ = writeln!(s, "[credit]\ntranslator = {}", toml_str(&translator));
        let at = date(rng, year, 2026);
        for (i, (id, fi, sv)) in segs.iter().enumerate().take(marked_upto) {
            let Some(sv) = sv else { continue };
            let source = if stale_at == Some(i) {
                older_version(fi, rng)
            } else {
                fi.clone()
            };
            let _ = write!(s, "\n[segments.{id}]\n");
            if reviewed {
                let _ = writeln!(s, "state = \"reviewed\"\nby = {}", toml_str(&reviewer));
            } else {
                let _ = writeln!(s, "state = \"translated\"\nby = {}", toml_str(&translator));
            }
            let _ = writeln!(s, "at = \"{at}\"\nsource = {}", toml_str(&source));
            if reviewed {
                let _ = writeln!(
                    s,
                    "translator = {}\nreviewed_text = {}",
                    toml_str(&translator),
                    toml_str(sv)
                );
            }
        }
        Some(s)
    };

    // PO: one entry per segment, same texts as tolk sees.
    let po_date = date(rng, year, 2026);
    let mut po = String::with_capacity(fi_text.len() + sv_text.len() + 512);
    let _ = write!(
        po,
        "# Benchmark corpus article {slug} ({VERSION}).\n\
         msgid \"\"\n\
         msgstr \"\"\n\
         \"Project-Id-Version: {slug}\\n\"\n\
         \"PO-Revision-Date: {po_date} 12:00+0200\\n\"\n\
         \"Last-Translator: {translator} <{mail}@example.org>\\n\"\n\
         \"Language-Team: Swedish <sv@example.org>\\n\"\n\
         \"Language: sv\\n\"\n\
         \"MIME-Version: 1.0\\n\"\n\
         \"Content-Type: text/plain; charset=UTF-8\\n\"\n\
         \"Content-Transfer-Encoding: 8bit\\n\"\n\
         \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n",
        mail = ascii_slug(&translator.replace(' ', "-"))
    );
    for (id, fi, sv) in &segs {
        let _ = write!(
            po,
            "\nmsgctxt \"{id}\"\nmsgid \"{}\"\nmsgstr \"{}\"\n",
            po_escape(fi),
            po_escape(sv.as_deref().unwrap_or(""))
        );
        stats.fi_words += fi
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        vocab.add_fi(fi);
        if let Some(sv) = sv {
            vocab.add_sv(sv);
        }
    }

    Generated {
        slug,
        fi: fi_text,
        sv: sv_text,
        status,
        po,
        units,
        sv_keep,
        wrap_width,
    }
}

/// Distinct word forms (lower-cased tokens holding a letter).
#[derive(Default)]
struct Vocab {
    fi: HashSet<String>,
    sv: HashSet<String>,
}

impl Vocab {
    fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
        text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(|w| w.trim_matches('-'))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_lowercase)
    }

    fn add_fi(&mut self, text: &str) {
        for t in Vocab::tokens(text) {
            self.fi.insert(t);
        }
    }

    fn add_sv(&mut self, text: &str) {
        for t in Vocab::tokens(text) {
            self.sv.insert(t);
        }
    }
}

// ---------------------------------------------------------------------------
// One very large article (`--large MB`).

/// A translator's note the Swedish adds (an `extra` paragraph).
const NOTE_SV: &str =
    "Översättarens anmärkning: några stycken i originalet har förkortats i den svenska versionen.";

/// One content paragraph of the large article.
struct Piece {
    kind: Kind,
    /// A subheading between two generated articles.
    heading: bool,
    fi: String,
    sv: String,
}

/// The content of many generated articles one after another under one
/// kicker and title, each under a subheading (its section), about `mb`
/// megabytes over both sides, with four structural slips in the Swedish (an
/// added note, two paragraphs merged, a paragraph left out, an answer that
/// lost its dash) so that the aligner has to pair the whole text, not id
/// pairing. Written to `OUT/articles/large/`; status.toml marks the first
/// segments, one of them stale.
fn write_large(ctx: &Ctx, out: &Path, mb: usize) -> Result<String, String> {
    let half = mb * 1_000_000 / 2;
    let mut pieces: Vec<Piece> = Vec::new();
    let (mut fi_bytes, mut articles) = (0, 0);
    let mut stats = Stats::default();
    let mut index = 0;
    while fi_bytes < half {
        let g = generate(ctx, index, &mut stats, &mut Vocab::default());
        index += 1;
        // A partial translation would be a slip at every article's end.
        if g.sv_keep < g.units.len() {
            continue;
        }
        articles += 1;
        // The section as a subheading: it also ends the answer before it.
        let (fi, sv) = KICKERS[index % KICKERS.len()]
            .split_once(" - ")
            .expect("kickers are bilingual");
        pieces.push(Piece {
            kind: Kind::Para,
            heading: true,
            fi: capitalize(&fi.to_lowercase()),
            sv: capitalize(&sv.to_lowercase()),
        });
        for u in g.units {
            let lay = |t: &str| match g.wrap_width {
                Some(w) => wrap(t, w),
                None => t.to_string(),
            };
            let (fi, sv) = (lay(&u.fi), lay(&u.sv));
            fi_bytes += fi.len() + 2;
            pieces.push(Piece {
                kind: u.kind,
                heading: false,
                fi,
                sv,
            });
        }
    }
    let n = pieces.len();
    let first = |from: f64, want: &dyn Fn(usize) -> bool| {
        (((n as f64 * from) as usize)..n.saturating_sub(2))
            .find(|&i| want(i))
            .ok_or_else(|| "--large: too small for its slips; give more megabytes".to_string())
    };
    let body = |i: usize| pieces[i].kind == Kind::Para && !pieces[i].heading;
    let extra = first(0.15, &|i| body(i) && body(i + 1))?;
    let merged = first(0.35, &|i| body(i) && body(i + 1))?;
    let missing = first(0.55, &|i| body(i) && body(i + 1))?;
    let dashless = first(0.8, &|i| pieces[i].kind == Kind::Answer)?;

    let kicker = "| KAUPUNKI - STADEN";
    let (title_fi, title_sv) = (
        "Vuoden jutut yhdessä: kaupunki, ihmiset ja palvelut",
        "Årets artiklar på ett ställe: staden, människorna och tjänsterna",
    );
    let mut fi = String::with_capacity(fi_bytes + 256);
    let mut sv = String::with_capacity(fi_bytes + 256);
    for side in [&mut fi, &mut sv] {
        side.push_str(kicker);
        side.push_str("\n\n");
    }
    fi.push_str(title_fi);
    sv.push_str(title_sv);
    // Where each slip is, in fi.txt and sv.txt.
    let mut at = Vec::new();
    let mut k = 0;
    while k < n {
        let p = &pieces[k];
        fi.push_str("\n\n");
        sv.push_str("\n\n");
        if [extra, merged, missing, dashless].contains(&k) {
            at.push((fi.len(), sv.len()));
        }
        fi.push_str(&p.fi);
        if k == missing {
            sv.truncate(sv.len() - 2);
        } else if k == dashless {
            sv.push_str(p.sv.trim_start_matches(['–', '—', '-']).trim_start());
        } else {
            sv.push_str(&p.sv);
        }
        if k == merged {
            // The blank line between two paragraphs lost.
            fi.push_str("\n\n");
            fi.push_str(&pieces[k + 1].fi);
            sv.push(' ');
            sv.push_str(&pieces[k + 1].sv);
            k += 1;
        }
        if k == extra {
            sv.push_str("\n\n");
            sv.push_str(NOTE_SV);
        }
        k += 1;
    }
    fi.push('\n');
    sv.push_str("\n\nÖVERSÄTTNING: PATRICIA HEIKKILÄ\n");
    let line = |text: &str, at: usize| newlines(&text.as_bytes()[..at]) + 1;
    let lines: Vec<String> = at
        .iter()
        .map(|&(f, s)| format!("fi.txt:{}/sv.txt:{}", line(&fi, f), line(&sv, s)))
        .collect();

    // The first segments marked, as tolk segments the text; one of them
    // since changed in Finnish.
    let segments = tolk::segment::segment(&fi).segments;
    let marked = 2000.min(segments.len());
    let stale = marked / 2;
    let mut status = String::from("[credit]\ntranslator = \"Patricia Heikkilä\"\n");
    let mut rng = Rng::derive(ctx.seed, u64::MAX);
    for (i, seg) in segments.iter().enumerate().take(marked) {
        let source = if i == stale {
            older_version(&seg.text, &mut rng)
        } else {
            seg.text.clone()
        };
        let _ = write!(
            status,
            "\n[segments.{}]\nstate = \"translated\"\nby = \"Patricia Heikkilä\"\nat = \"2026-01-15\"\nsource = {}\n",
            seg.id,
            toml_str(&source)
        );
    }

    let dir = out.join("articles").join("large");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("large/{name}: {e}"))
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    write("fi.txt", &fi)?;
    write("sv.txt", &sv)?;
    write("status.toml", &status)?;
    Ok(format!(
        "corpus: articles/large: {:.1} MB fi.txt, {:.1} MB sv.txt, {} Finnish segments, {n} \
         paragraphs from {articles} generated articles; Swedish slips: a note added after {}, \
         two paragraphs merged at {}, one left out at {}, an answer without its dash at {}; \
         {marked} segments marked, {} of them stale",
        fi.len() as f64 / 1e6,
        sv.len() as f64 / 1e6,
        segments.len(),
        lines[0],
        lines[1],
        lines[2],
        lines[3],
        segments[stale].id,
    ))
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

// ---------------------------------------------------------------------------
// Driver.

struct Args {
    out: PathBuf,
    n: usize,
    seed: u64,
    terms: usize,
    /// `--large MB`: one article of about MB megabytes instead of N.
    large: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut seed = 1u64;
    let mut terms = 2000usize;
    let mut large = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" | "--terms" | "--large" => {
                let v = it.next().ok_or(format!("{a} needs a value"))?;
                let n: u64 = v
                    .parse()
                    .map_err(|_| format!("{a}: `{v}` is not a number"))?;
                match a.as_str() {
                    "--seed" => seed = n,
                    "--terms" => terms = n as usize,
                    _ => large = Some(n as usize),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`")),
            _ => positional.push(a),
        }
    }
    let (out, n) = match (positional.as_slice(), large) {
        ([out], Some(_)) => (out, 0),
        ([out, n], _) => (
            out,
            n.parse().map_err(|_| format!("N: `{n}` is not a number"))?,
        ),
        _ => return Err("expected OUT and N (or OUT --large MB)".into()),
    };
    Ok(Args {
        out: PathBuf::from(out),
        n,
        seed,
        terms,
        large,
    })
}

/// Makes `out` ready: created, or emptied if it holds an earlier corpus.
fn prepare(out: &Path) -> Result<(), String> {
    if !out.exists() {
        return std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()));
    }
    let mut entries = std::fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
    if entries.next().is_none() {
        return Ok(());
    }
    if !out.join(STAMP).exists() {
        return Err(format!(
            "{} is not empty and holds no earlier corpus ({STAMP}); give an empty or new directory",
            out.display()
        ));
    }
    for name in [STAMP, "glossary.toml"] {
        let _ = std::fs::remove_file(out.join(name));
    }
    for dir in ["articles", "po"] {
        let path = out.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn write_article(out: &Path, g: &Generated) -> std::io::Result<()> {
    let dir = out.join("articles").join(&g.slug);
    std::fs::create_dir(&dir)?;
    std::fs::write(dir.join("fi.txt"), &g.fi)?;
    std::fs::write(dir.join("sv.txt"), &g.sv)?;
    if let Some(status) = &g.status {
        std::fs::write(dir.join("status.toml"), status)?;
    }
    std::fs::write(out.join("po").join(format!("{}.po", g.slug)), &g.po)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("corpus: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if msg.is_empty() { 0 } else { 2 });
        }
    };
    let started = Instant::now();
    if let Err(msg) = prepare(&args.out) {
        eprintln!("corpus: {msg}");
        return ExitCode::from(2);
    }
    let fi = parse_seed(SEED_FI);
    let sv = parse_seed(SEED_SV);
    assert_eq!(fi.body.len(), sv.body.len(), "seed body paragraphs pair");
    assert_eq!(fi.qa.len(), sv.qa.len(), "seed Q&A pairs pair");

    let glossary = build_glossary(args.seed, args.terms);
    let mut rng = Rng::new(args.seed ^ 0x5EED);
    let mut translators: Vec<String> = vec!["Patricia Heikkilä".to_string()];
    while translators.len() < 24 {
        let p = person(&mut rng);
        if !translators.contains(&p) {
            translators.push(p);
        }
    }
    let reviewers: Vec<String> = (0..6).map(|_| person(&mut rng)).collect();
    let ctx = Ctx {
        seed: args.seed,
        fi: &fi,
        sv: &sv,
        glossary: &glossary,
        translators: &translators,
        reviewers: &reviewers,
    };

    let out = &args.out;
    for dir in ["articles", "po"] {
        if let Err(e) = std::fs::create_dir_all(out.join(dir)) {
            eprintln!("corpus: {}: {e}", out.join(dir).display());
            return ExitCode::from(1);
        }
    }
    if let Err(e) = std::fs::write(out.join("glossary.toml"), &glossary.text) {
        eprintln!("corpus: glossary.toml: {e}");
        return ExitCode::from(1);
    }

    if let Some(mb) = args.large {
        let summary = write_large(&ctx, out, mb).and_then(|summary| {
            let stamp = format!(
                "{VERSION}\nlarge = {mb}\nseed = {}\nterms = {}\n",
                args.seed, glossary.count
            );
            std::fs::write(out.join(STAMP), stamp).map_err(|e| format!("{STAMP}: {e}"))?;
            Ok(summary)
        });
        return match summary {
            Ok(summary) => {
                eprintln!("{summary}; {:.2} s", started.elapsed().as_secs_f64());
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("corpus: {msg}");
                ExitCode::from(1)
            }
        };
    }

    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .min(16);
    let results: Vec<Result<(Stats, Vocab), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let ctx = &ctx;
                scope.spawn(move || {
                    let mut stats = Stats::default();
                    let mut vocab = Vocab::default();
                    for i in (t..args.n).step_by(threads) {
                        let g = generate(ctx, i, &mut stats, &mut vocab);
                        write_article(out, &g).map_err(|e| format!("{}: {e}", g.slug))?;
                    }
                    Ok((stats, vocab))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("a worker panicked".into())))
            .collect()
    });
    let mut stats = Stats::default();
    let mut vocab = Vocab::default();
    for r in results {
        match r {
            Ok((s, v)) => {
                stats.add(&s);
                vocab.fi.extend(v.fi);
                vocab.sv.extend(v.sv);
            }
            Err(msg) => {
                eprintln!("corpus: {msg}");
                return ExitCode::from(1);
            }
        }
    }
    let stamp = format!(
        "{VERSION}\nn = {}\nseed = {}\nterms = {}\n",
        args.n, args.seed, glossary.count
    );
    if let Err(e) = std::fs::write(out.join(STAMP), stamp) {
        eprintln!("corpus: {STAMP}: {e}");
        return ExitCode::from(1);
    }

    let s = &stats;
    eprintln!(
        "corpus: {} articles in {} ({} Q&A, {} news; {} Q&A pairs; {} segments, {} Finnish words)",
        s.articles,
        out.display(),
        s.articles - s.news,
        s.news,
        s.qa_pairs,
        s.segments,
        s.fi_words
    );
    eprintln!(
        "corpus: status: {} fully marked ({} reviewed), {} partly marked, {} draft ({} without status.toml), {} stale; {} partial translations",
        s.full, s.reviewed_articles, s.partly, s.draft, s.no_status, s.stale, s.partial
    );
    eprintln!(
        "corpus: glossary {} terms; {} term sentences inserted ({} with an avoided rendering), {} number mismatches, {} titles with a wrong count",
        glossary.count, s.term_insertions, s.avoid_uses, s.number_mismatches, s.title_mismatches
    );
    eprintln!(
        "corpus: distinct word forms: {} Finnish, {} Swedish; {:.2} s",
        vocab.fi.len(),
        vocab.sv.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
