//! Native tests: article metadata detection and the bundled sources.
#![cfg(not(target_arch = "wasm32"))]

use massage_explainer::claimbase::compile::articles::{classify_lines, detect, LineKind};
use massage_explainer::claimbase::sources;

#[test]
fn detects_title_byline_publisher_and_url() {
    let text = "Massage therapy for back pain\n\nBy Barbara Floria, Pure Matters\n\nIn fact, people get back pain.\n\nRecommended Videos\n\nSource: http://example.org/a\n";
    let meta = detect(text);
    assert_eq!(meta.title.as_deref(), Some("Massage therapy for back pain"));
    assert_eq!(meta.byline.as_deref(), Some("Barbara Floria"));
    assert_eq!(meta.publisher.as_deref(), Some("Pure Matters"));
    assert_eq!(meta.url.as_deref(), Some("http://example.org/a"));
    assert_eq!(
        meta.word_count, 6,
        "boilerplate, title, byline and URL are not content"
    );
}

#[test]
fn an_article_that_opens_with_prose_has_no_title_and_a_lead() {
    let meta = detect("There is no one-size-fits-all answer to the question of whether or not massage helps.\n\nMore.");
    assert_eq!(meta.title, None);
    assert_eq!(
        meta.lead,
        "There is no one-size-fits-all answer to the question of whether or not"
    );
}

#[test]
fn a_repeated_title_and_trailing_no_break_spaces_are_handled() {
    let kinds = classify_lines("The Effectiveness of Massage\n\nThe Effectiveness of Massage\n\nBody text here.\u{a0}\nA heading\u{a0}");
    assert_eq!(
        kinds,
        [
            LineKind::Title,
            LineKind::Blank,
            LineKind::RepeatedTitle,
            LineKind::Blank,
            LineKind::Body,
            LineKind::Heading
        ]
    );
}

#[test]
fn a_byline_needs_to_be_short_and_lead_the_article() {
    let meta = detect("Title\n\nBody text that is long enough to be prose, and it ends.\n\nBy the way, this is not a byline.");
    assert_eq!(meta.byline, None);
}

#[test]
fn all_five_seed_articles_are_bundled_with_their_metadata() {
    let all = sources();
    assert_eq!(all.len(), 5);
    let titles: Vec<Option<&str>> = all.iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            None,
            Some("Therapeutic Massage: How Does It Help To Ease Back Pain?"),
            Some("Massage Therapy For Back Pain"),
            Some("The Effectiveness of Massage for Lower Back Pain"),
            Some("Massage therapy for back pain"),
        ]
    );
    assert!(all[0]
        .display_name()
        .starts_with("“There is no one-size-fits-all answer"));
    assert_eq!(all[4].byline, Some("Barbara Floria"));
    assert_eq!(all[4].publisher, Some("Pure Matters"));
    assert_eq!(
        all[4].url,
        Some("http://resources.purematters.com/healthy-body/massage-therapy-for-back-pain")
    );
    assert!(
        all.iter().all(|s| s.word_count > 200),
        "each article has its prose counted"
    );
}

#[test]
fn bundled_text_is_verbatim() {
    for source in sources() {
        let path = format!(
            "{}/seeds/articles/{}.txt",
            env!("CARGO_MANIFEST_DIR"),
            source.id
        );
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(source.text, on_disk, "{path}");
    }
}

#[test]
fn a_bom_crlf_and_bulleted_or_q_and_a_lines_are_read_as_content() {
    let text = "\u{feff}Massage and your back: questions\r\n\r\nQ: Does massage help\r\nA: A little, for a short time\r\n\r\nWhat helps\r\n- Heat\r\n- Staying active\r\n1. Gentle exercise\r\n";
    let meta = detect(text);
    assert_eq!(
        meta.title.as_deref(),
        Some("Massage and your back: questions"),
        "no BOM in the title"
    );
    let kinds = classify_lines(text);
    assert_eq!(
        kinds,
        [
            LineKind::Title,
            LineKind::Blank,
            LineKind::Body,
            LineKind::Body,
            LineKind::Blank,
            LineKind::Heading,
            LineKind::Body,
            LineKind::Body,
            LineKind::Body,
            LineKind::Blank,
        ]
    );
    // Block ranges exclude the carriage returns.
    let blocks = massage_explainer::claimbase::compile::articles::blocks(text);
    for (_, start, end) in blocks {
        assert!(!text[start..end].contains('\r'), "{:?}", &text[start..end]);
    }
}

#[test]
fn html_looking_text_and_a_very_long_article_build() {
    use massage_explainer::claimbase::compile::{self, SeedFile};
    let mut files = compile::read_dir(std::path::Path::new("seeds"), "seeds").expect("the seeds");
    let long: String = (0..3000)
        .map(|i| format!("Paragraph {i} says massage <em>may</em> ease back pain a little.\n\n"))
        .collect();
    files.articles.push(SeedFile::new(
        "seeds/articles/900_html.txt",
        "A page with markup\n\n<script>alert(1)</script> is not code here, and <em>emphasis</em> is text.\n",
    ));
    files.articles.push(SeedFile::new(
        "seeds/articles/901_long.txt",
        format!("A very long article\n\n{long}"),
    ));
    let compiled = compile::compile(&files).unwrap_or_else(|e| panic!("{e:#?}"));
    let html = compiled
        .base
        .source(compiled.base.source_by_id("900_html").expect("bundled"));
    assert!(
        html.text.contains("<script>alert(1)</script>"),
        "kept verbatim, shown as text"
    );
    let long = compiled
        .base
        .source(compiled.base.source_by_id("901_long").expect("bundled"));
    assert_eq!(long.blocks.len(), 3000);
    // Both are searchable: markup-looking words are words like any other.
    use massage_explainer::claimbase::fold;
    use massage_explainer::query::everything::{Index, Kind, Target};
    let index = Index::build(&compiled.base);
    let blocks = |text: &str| -> Vec<(&str, u32)> {
        index
            .search(&compiled.base, &fold::query_words(text))
            .into_iter()
            .filter(|g| g.kind == Kind::Article)
            .flat_map(|g| g.hits)
            .filter_map(|t| match t {
                Target::Block(s, b) => Some((compiled.base.source(s).id, b)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        blocks("script alert"),
        [("900_html", 0)],
        "the title is not a block"
    );
    assert_eq!(blocks("paragraph 2999"), [("901_long", 2999)]);
}
