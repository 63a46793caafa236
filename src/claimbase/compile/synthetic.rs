//! A synthetic claim base for tests and benchmarks (never shipped): the real
//! seeds plus generated articles that mention generated studies, written as seed
//! files so they go through the same parse, validation and quote checks.
//! Deterministic for a given size and seed.

use std::fmt::Write as _;

use super::{SeedFile, SeedFiles};
use crate::claimbase::kinds::{Design, Population};

/// A small deterministic random source (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len());
        &items[i.min(items.len().saturating_sub(1))]
    }
}

// Family names with the accents real author lists have, so search folding is exercised.
const FAMILIES: [&str; 24] = [
    "Schröder",
    "Núñez",
    "Łukasiewicz",
    "Olsen",
    "Okafor",
    "Tanaka",
    "García",
    "Dubois",
    "Moreau",
    "Sørensen",
    "Kowalski",
    "Brennan",
    "Fischer",
    "Rossi",
    "Novák",
    "Álvarez",
    "Chen",
    "Haddad",
    "Müller",
    "Petrović",
    "Lindqvist",
    "O'Neill",
    "Ribeiro",
    "Yilmaz",
];
const INITIALS: [&str; 8] = ["A", "BK", "C", "DJ", "EM", "F", "GH", "J"];
const JOURNALS: [&str; 8] = [
    "Journal of Bodywork and Movement Therapies",
    "Spine",
    "Pain Medicine",
    "Clinical Journal of Pain",
    "Complementary Therapies in Medicine",
    "Manual Therapy",
    "BMC Musculoskeletal Disorders",
    "European Spine Journal",
];
const TECHNIQUES: [&str; 8] = [
    "Swedish massage",
    "deep tissue massage",
    "trigger point therapy",
    "myofascial release",
    "effleurage",
    "kneading",
    "sports massage",
    "hot stone massage",
];
const PLACES: [&str; 10] = [
    "Seattle",
    "Toronto",
    "São Paulo",
    "Kraków",
    "Zürich",
    "Osaka",
    "Lyon",
    "Aarhus",
    "Dublin",
    "Izmir",
];
const FINDINGS: [&str; 6] = [
    "reported less pain after treatment",
    "moved more easily at the end of the course",
    "needed fewer painkillers",
    "felt no better than the comparison group",
    "returned to work sooner",
    "rated their symptoms as less bothersome",
];

/// One generated study: its TOML and the sentences articles quote about it.
struct GeneratedStudy {
    toml: String,
    mentions: Vec<String>,
}

fn study(rng: &mut Rng, n: usize, comparators: &[&str], outcomes: &[&str]) -> GeneratedStudy {
    let design = *rng.pick(Design::ALL);
    let population = *rng.pick(Population::ALL);
    let technique = *rng.pick(&TECHNIQUES);
    let place = *rng.pick(&PLACES);
    let family = *rng.pick(&FAMILIES);
    let year = 1990 + rng.below(36);
    let participants = 20 + rng.below(2980);
    let identified = rng.below(2) == 0;
    let mut compared: Vec<&str> = (0..rng.below(3)).map(|_| *rng.pick(comparators)).collect();
    compared.sort_unstable();
    compared.dedup();
    let mut measured: Vec<&str> = (0..1 + rng.below(2)).map(|_| *rng.pick(outcomes)).collect();
    measured.sort_unstable();
    measured.dedup();
    let list = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("{id:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let label = format!(
        "{place} {} of {technique} (no. {n})",
        design.label().to_lowercase()
    );
    let mut toml = format!("\n[[study]]\nid = \"synthetic-{n}\"\nlabel = {label:?}\n");
    let _ = writeln!(
        toml,
        "design = {:?}\npopulations = [{:?}]\ncomparators = [{}]\noutcomes = [{}]",
        design.slug(),
        population.slug(),
        list(&compared),
        list(&measured)
    );
    let status = if identified {
        "identified"
    } else {
        "unverified"
    };
    let _ = writeln!(
        toml,
        "status = {status:?}\nquality = \"Generated for benchmarks; not a real study.\""
    );
    if identified {
        // Drawn in this order so a given seed keeps generating the same base.
        let authors = format!(
            "{family} {}, {} A",
            rng.pick(&INITIALS),
            rng.pick(&FAMILIES)
        );
        let journal = *rng.pick(&JOURNALS);
        toml.push_str(&publication(
            n,
            &authors,
            technique,
            place,
            journal,
            year,
            participants,
        ));
    }
    let finding = *rng.pick(&FINDINGS);
    let pain = match population {
        Population::Unspecified => "back pain".to_string(),
        known => format!("{} back pain", known.label().to_lowercase()),
    };
    let mut mentions = vec![format!(
        "A {year} study from {place} led by {family} (report {n}) gave {technique} to {participants} people with {pain}, who {finding}."
    )];
    if rng.below(4) == 0 {
        mentions.push(format!(
            "Report {n} is often cited as proof that {technique} works."
        ));
    }
    GeneratedStudy { toml, mentions }
}

/// A generated study's `[study.identified]` table.
fn publication(
    n: usize,
    authors: &str,
    technique: &str,
    place: &str,
    journal: &str,
    year: usize,
    participants: usize,
) -> String {
    let (volume, first_page) = (1 + n % 60, 100 + n % 400);
    let pages = format!("{first_page}-{}", first_page + 10);
    let mut toml = String::from("  [study.identified]\n");
    let _ = writeln!(
        toml,
        "  citation = \"{authors}. {technique} for back pain in {place}. {journal} {year};{volume}:{pages}.\""
    );
    let _ = writeln!(
        toml,
        "  authors = {authors:?}\n  title = \"{technique} for back pain in {place}: study {n}\""
    );
    let _ = writeln!(
        toml,
        "  journal = {journal:?}\n  year = {year}\n  doi = \"10.5555/synthetic.{n}\""
    );
    let _ = writeln!(
        toml,
        "  volume = \"{volume}\"\n  pages = \"{pages}\"\n  participants = {participants}"
    );
    let _ = writeln!(toml, "  result = \"Generated result for study {n}.\"");
    toml
}

/// The term ids of one `[[kind]]` table in the ontology TOML.
fn ontology_ids<'a>(ontology: &'a str, kind: &str) -> Vec<&'a str> {
    let header = format!("[[{kind}]]");
    ontology
        .split(header.as_str())
        .skip(1)
        .filter_map(|table| {
            let line = table.lines().find(|l| l.trim_start().starts_with("id ="))?;
            line.split('"').nth(1)
        })
        .collect()
}

/// The seeds plus `studies` generated studies, mentioned by generated articles
/// (20 studies per article).
pub fn with_studies(seeds: &SeedFiles, studies: usize, seed: u64) -> SeedFiles {
    let mut rng = Rng::new(seed);
    let ontology = String::from_utf8_lossy(seeds.ontology.bytes()).into_owned();
    let comparators = ontology_ids(&ontology, "comparator");
    let outcomes = ontology_ids(&ontology, "outcome");
    let mut files = seeds.clone();
    let mut toml = String::from_utf8_lossy(seeds.studies.bytes()).into_owned();
    let per_article = 20;
    for article in 0..studies.div_ceil(per_article) {
        let name = format!("gen_{article:05}");
        let mut text = format!("Generated digest {article}\n\n");
        for n in article * per_article..((article + 1) * per_article).min(studies) {
            let generated = study(&mut rng, n, &comparators, &outcomes);
            toml.push_str(&generated.toml);
            for mention in &generated.mentions {
                let _ = writeln!(text, "{mention}\n");
                let _ = writeln!(
                    toml,
                    "  [[study.mention]]\n  source = {name:?}\n  quote = {mention:?}"
                );
            }
        }
        let path = seeds
            .articles
            .first()
            .and_then(|a| a.path().rsplit_once('/'))
            .map_or_else(
                || format!("articles/{name}.txt"),
                |(dir, _)| format!("{dir}/{name}.txt"),
            );
        files.articles.push(SeedFile::new(path, text));
    }
    files.studies = SeedFile::new(files.studies.path(), toml);
    files
}

/// The seeds plus `articles` generated articles no curator has seen: each six
/// paragraphs of four sentences taken from the seed articles in a deterministic
/// shuffle, so extraction, tagging, research detection and search do real work
/// on real prose.
pub fn with_articles(seeds: &SeedFiles, articles: usize) -> SeedFiles {
    let sentences: Vec<String> = seeds
        .articles
        .iter()
        .flat_map(|a| {
            let text = String::from_utf8_lossy(a.bytes()).into_owned();
            text.split(['.', '?', '!'])
                .map(|s| s.trim().to_string())
                .filter(|s| s.len() > 20)
                .collect::<Vec<_>>()
        })
        .collect();
    let dir = seeds
        .articles
        .first()
        .and_then(|a| a.path().rsplit_once('/'))
        .map_or("articles", |(dir, _)| dir)
        .to_string();
    let mut files = seeds.clone();
    for n in 0..articles {
        // A deterministic walk through the sentences (a linear congruential step).
        let mut text = format!("Generated article {n}\n\n");
        let count = sentences.len().max(1);
        let mut at = n.wrapping_mul(2_654_435_761) % count;
        for paragraph in 0..6 {
            for _ in 0..4 {
                at = (at * 31 + 17 + paragraph) % count;
                text.push_str(sentences.get(at).map_or("", String::as_str));
                text.push_str(". ");
            }
            text.push_str("\n\n");
        }
        files
            .articles
            .push(SeedFile::new(format!("{dir}/gen_{n:05}.txt"), text));
    }
    files
}
