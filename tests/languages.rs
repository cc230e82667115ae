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
