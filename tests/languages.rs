//! Languages: the plan's language sets `lang` on every page, and a translation file in the theme
//! replaces the theme's own words, so a trust can publish in Welsh by adding one file.

mod common;
use common::*;

#[test]
fn a_plan_in_welsh_gets_welsh_pages() {
    let (_dir, out) = build(&fixture("welsh"));
    for (path, bytes) in tree(&out) {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("<html lang=\"cy\">"), "{}", path.display());
        }
    }
    let home = read(&out, "index.html");
    assert!(
        visible_text(&home).contains("Neidio i'r prif gynnwys"),
        "the skip link is translated"
    );
    assert!(home.contains(">Hafan</a>"), "so is Home");
    assert!(!home.contains("Skip to main content"));
    let text = visible_text(&home);
    for welsh in ["Cynnydd", "Pwy sy'n atebol", "Cynnydd yn fras"] {
        assert!(text.contains(welsh), "«{welsh}» missing");
    }
    assert!(
        !text.contains("Progress at a glance"),
        "the heading is translated"
    );
    assert!(!text.contains("Who is accountable"), "so is the navigation");
    assert!(
        visible_text(&home).contains("Blaenoriaeth 1: Gofal mwy diogel"),
        "the trust's own labels"
    );
    let print_css = read(&out, "print.css");
    assert!(
        print_css.contains("\"Tudalen \" counter(page) \" o \" counter(pages)"),
        "the printed footer says Page N of M in Welsh"
    );
}

#[test]
fn a_translation_may_only_use_the_themes_keys() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("welsh", dir.path());
    let file = dir.path().join("themes/default/i18n/cy.toml");
    std::fs::write(
        &file,
        std::fs::read_to_string(&file).unwrap() + "hafan = \"Hafan\"\n",
    )
    .unwrap();
    let output = run_build(dir.path(), &dir.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("themes/default/i18n/cy.toml")
            && stderr.contains("\"hafan\" is not one of the theme's words"),
        "{stderr}"
    );
}

#[test]
fn a_theme_of_its_own_may_look_the_words_up_as_the_page_renders() {
    // The default theme's words are written into its templates; a trust's template that reads
    // them by name at render time (`site.t[key]`, or all of them handed to a macro) still works.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("welsh", dir.path());
    let templates = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("404.html"),
        "{% extends \"base.html\" %}\n{% block content %}{% set key = \"home\" %}<p id=\"words\">{{ site.t[key] }}, {{ site.t.home }}</p>{% endblock content %}\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    assert!(run_build(dir.path(), &out).status.success());
    assert!(read(&out, "404.html").contains("<p id=\"words\">Hafan, Hafan</p>"));
}

/// The visible text of each page of the Welsh fixture that shows measures or risks (each standing
/// a measure can have), and of the dashboard, the timeline and the open data page.
fn welsh_outcome_pages(out: &std::path::Path) -> Vec<(&'static str, String)> {
    [
        "index.html",
        "priorities/1-gofal.html",
        "actions/brysbennu.html",
        "measures.html",
        "measures/archebu.html",
        "measures/ysmygu.html",
        "measures/brysbennu-15-munud.html",
        "measures/marw-enedigaethau.html",
        "risks.html",
        "dashboard.html",
        "timeline.html",
        "data.html",
    ]
    .into_iter()
    .map(|page| (page, visible_text(&read(out, page))))
    .collect()
}

#[test]
fn measures_risks_and_progress_are_said_in_the_plans_language() {
    let (_dir, out) = build(&fixture("welsh"));
    let pages = welsh_outcome_pages(&out);
    let text = |page: &str| &pages.iter().find(|(p, _)| *p == page).unwrap().1;
    let expect = |page: &str, welsh: &[&str]| {
        for words in welsh {
            assert!(text(page).contains(words), "{page}: «{words}» missing");
        }
    };
    expect(
        "measures.html",
        &[
            "78%, targed 90%, islaw'r targed Yn gwella ers y gwerth blaenorol.",
            "11%, targed 6%, uwchlaw'r targed Yn gwaethygu ers y gwerth blaenorol.",
            "96%, targed 95%, yn cyrraedd y targed Dim newid ers y gwerth blaenorol.",
            "Dim data eto. Targed 2.5 fesul 1,000 o enedigaethau.",
        ],
    );
    expect(
        "measures/archebu.html",
        &[
            "Uwch sy'n well. Fel yr oedd ar 30 Medi 2024",
            "Archebu cyn 10 wythnos: 2 gwerth o Q1 2024/25 i Q2 2024/25",
            "Targed 90%",
            "Ar y trywydd iawn",
        ],
    );
    expect("measures/ysmygu.html", &["Is sy'n well."]);
    expect(
        "risks.html",
        &[
            "Isel o 1, Cymedrol o 4, Uchel o 8, Eithafol o 15.",
            "Gradd: Eithafol (sgôr 16)",
            "Tebygolrwydd 4 (Tebygol) Effaith 4 (Mawr)",
            "Tebygolrwydd 2 (Annhebygol) Effaith 3 (Cymedrol)",
        ],
    );
    expect(
        "dashboard.html",
        &[
            "Meysydd gweithredu yn ôl blaenoriaeth",
            "Meysydd gweithredu yn ôl USC",
            "1 Heb ddechrau 1 Ar y trywydd iawn",
            "2 Heb dystiolaeth",
        ],
    );
    expect(
        "timeline.html",
        &[
            "o 1 Ebrill 2024 i 31 Mawrth 2025",
            "Cyn cyfnod y cynllun",
            "Ch1 2024/25",
            "Ar ôl cyfnod y cynllun",
        ],
    );
    expect(
        "data.html",
        &[
            "Gwerthoedd mesurau",
            "Pob maes gweithredu yn y cynllun, un rhes yr un",
            "Y gwerth diweddaraf yn erbyn y targed",
        ],
    );
    assert!(
        read(&out, "data/measures.csv").contains("\"78%, targed 90%, islaw'r targed\""),
        "the open data says where a measure stands as the site does"
    );
    assert!(
        visible_text(&read(&out, "actions/brysbennu.html")).contains("15 Gorffennaf 2024"),
        "an update's date names its month in Welsh"
    );
}

#[test]
fn no_english_sentence_of_the_theme_shows_on_a_welsh_page_with_measures_or_risks() {
    // Every sentence (or piece of one, around its values) in the theme's English words: none
    // may show on these pages once the plan is in Welsh, whether a template or the code says it.
    let english: std::collections::BTreeMap<String, String> = toml::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let sentences: Vec<String> = english
        .values()
        .flat_map(|words| {
            words
                .split(['{', '}'])
                .step_by(2)
                .map(|piece| fold(piece.trim_matches(|c: char| c.is_ascii_punctuation())))
                .collect::<Vec<_>>()
        })
        .filter(|piece| piece.split(' ').count() >= 2)
        .collect();
    let (_dir, out) = build(&fixture("welsh"));
    for (page, text) in welsh_outcome_pages(&out) {
        for sentence in &sentences {
            assert!(!text.contains(sentence.as_str()), "{page}: «{sentence}»");
        }
    }
    // Words on their own: the default statuses, labels, months and risk scale.
    let words = [
        "On track",
        "Not started",
        "Not evidenced",
        "Action area",
        "September",
        "April",
        "Likely",
        "Major",
        "Moderate",
        "Extreme",
    ];
    for leaked in words {
        for (page, text) in welsh_outcome_pages(&out) {
            assert!(!text.contains(leaked), "{page}: «{leaked}»");
        }
    }
}
