//! What the phrases say, read as sentences: a single customer or version
//! is spoken of in the singular, German's grammar holds for every count, and
//! a status named inside a sentence stands out as a name.

use lifecycle::{Action, Phase, Reason, Refusal, Status};
use wording::{refusal_phrase, status_label, Locale, Phrase, Wording};

fn english(phrase: &Phrase) -> String {
    Wording::new(Locale::English).say(phrase)
}

fn german(phrase: &Phrase) -> String {
    Wording::new(Locale::German).say(phrase)
}

fn version_named() -> Phrase {
    Phrase::new("version-named")
        .with("name", "Welcome")
        .with("version", 2u32)
}

#[test]
fn in_german_one_customer_goes_his_own_path() {
    let entry = |active: u64| Phrase::new("finish-consequence-entry").with("active", active);
    assert_eq!(
        german(&entry(1)),
        "Neue Kunden können diese Journey nicht mehr betreten. Der 1 Kunde, der bereits darin \
         ist, durchläuft seinen Pfad bis zum Ende."
    );
    assert!(german(&entry(7))
        .ends_with("Die 7 Kunden, die bereits darin sind, durchlaufen ihren Pfad bis zum Ende."));

    let finishing = |active| {
        refusal_phrase(&Refusal::new(
            Action::Finish,
            Status::Finished,
            Reason::AlreadyFinishing { active },
        ))
    };
    assert_eq!(
        german(&finishing(1)),
        "Diese Journey wird bereits beendet: Es können keine neuen Kunden mehr eintreten, und 1 \
         Kunde darin durchläuft noch seinen Pfad. Um seinen Pfad sofort zu beenden, stoppen Sie \
         die Journey."
    );
    assert!(german(&finishing(7)).ends_with(
        "7 Kunden darin durchlaufen noch ihren Pfad. Um ihren Pfad sofort zu beenden, stoppen \
         Sie die Journey."
    ));

    let discard = |active: u64| Phrase::new("pause-discard-hint").with("active", active);
    assert!(german(&discard(1)).ends_with("Für ihn lässt sich das nicht rückgängig machen."));
    assert!(german(&discard(7)).ends_with("Für sie lässt sich das nicht rückgängig machen."));
}

#[test]
fn in_german_no_new_customers_can_enter_a_paused_version() {
    let consequence =
        |versions: u64| Phrase::new("bulk-pause-consequence").with("versions", versions);
    assert_eq!(
        german(&consequence(1)),
        "Solange diese Journey-Version pausiert ist, können keine neuen Kunden in sie eintreten. \
         Die Auswahl unten gilt für sie."
    );
    assert!(german(&consequence(3)).starts_with(
        "Solange diese Journey-Versionen pausiert sind, können keine neuen Kunden in sie eintreten."
    ));
}

#[test]
fn a_status_named_in_a_german_sentence_is_quoted() {
    let status = status_label(Phase::Finishing { active: 3 });
    let menu = Phrase::new("menu-changed-under-pointer")
        .with("by", "Olga Operator")
        .with("version", version_named())
        .with("status", status.clone());
    assert_eq!(
        german(&menu),
        "Olga Operator hat „Welcome“ Version 2 kurz vor Ihrer Wahl geändert. Der Status ist \
         jetzt „Wird beendet“. Es wurde nichts getan; wählen Sie erneut, wenn Sie das meinten."
    );
    let row = Phrase::new("row-moved-under-pointer")
        .with("version", version_named())
        .with("status", status);
    assert!(
        german(&row).contains("Sie zeigt jetzt „Welcome“ Version 2 mit dem Status „Wird beendet“."),
        "{}",
        german(&row)
    );
}

#[test]
fn the_german_bulk_results_title_says_what_is_being_done_not_what_to_do() {
    let title = |action: &str, versions: u64| {
        Phrase::new("bulk-results-title")
            .with("action", action)
            .with("versions", versions)
    };
    assert_eq!(english(&title("stop", 3)), "Stopping 3 journey versions");
    assert_eq!(
        german(&title("stop", 3)),
        "3 Journey-Versionen werden gestoppt"
    );
    assert_eq!(
        german(&title("pause", 3)),
        "3 Journey-Versionen werden pausiert"
    );
    assert_eq!(
        german(&title("finish", 3)),
        "3 Journey-Versionen werden beendet"
    );
    assert_eq!(
        german(&title("finish", 1)),
        "1 Journey-Version wird beendet"
    );
}

#[test]
fn german_names_the_customers_a_pause_holds_and_does_not_address_the_reader() {
    for id in ["pause-customers-held", "pause-customers-discarded"] {
        let said = german(&Phrase::new(id));
        assert!(!said.contains(": Sie "), "{said}");
        assert!(said.contains("Die Kunden"), "{said}");
    }
}

/// `phrase` with `name` set to `n`, said in English and in German.
fn counted(id: &'static str, name: &'static str, n: u64) -> (String, String) {
    let phrase = Phrase::new(id).with("version", 1u32).with(name, n);
    (english(&phrase), german(&phrase))
}

#[test]
fn the_version_a_publish_replaces_speaks_of_its_one_customer_in_the_singular() {
    for id in ["publish-replaces", "publish-replaces-paused"] {
        let (en, de) = counted(id, "active", 1);
        assert!(
            en.ends_with(", and the 1 customer in it continues to the end."),
            "{en}"
        );
        assert!(
            de.ends_with(", und der 1 Kunde darin durchläuft seinen Pfad bis zum Ende."),
            "{de}"
        );
        let (en, de) = counted(id, "active", 40);
        assert!(
            en.ends_with(", and the 40 in it continue to the end."),
            "{en}"
        );
        assert!(
            de.ends_with(", und die 40 darin durchlaufen ihren Pfad bis zum Ende."),
            "{de}"
        );
        let (en, de) = counted(id, "active", 0);
        assert!(en.ends_with(", and no customers are in it."), "{en}");
        assert!(de.ends_with(", und es sind keine Kunden darin."), "{de}");
    }
}

#[test]
fn a_finished_version_speaks_of_its_one_customer_in_the_singular() {
    let done = |active: u64| {
        Phrase::new("done-finished")
            .with("version", version_named())
            .with("active", active)
    };
    assert_eq!(
        english(&done(1)),
        "\u{201c}Welcome\u{201d} version 2 is finished: no new customers can enter; the 1 \
         customer in it continues to the end."
    );
    assert_eq!(
        english(&done(1025)),
        "\u{201c}Welcome\u{201d} version 2 is finished: no new customers can enter; the 1,025 in \
         it continue to the end."
    );
    assert_eq!(
        german(&done(1)),
        "\u{201e}Welcome\u{201c} Version 2 ist beendet: Neue Kunden können nicht mehr eintreten; \
         der 1 Kunde darin durchläuft seinen Pfad bis zum Ende."
    );
    assert!(english(&done(0)).ends_with("; no customers are in it."));
    assert!(german(&done(0)).ends_with("; es sind keine Kunden darin."));
}

#[test]
fn the_list_count_speaks_of_one_journey_version_in_the_singular() {
    let showing = |id: &'static str, shown: u64, total: u64| {
        let phrase = Phrase::new(id).with("shown", shown).with("total", total);
        (english(&phrase), german(&phrase))
    };
    assert_eq!(
        showing("showing-all", 1, 1),
        (
            "Showing 1 of 1 journey version".to_owned(),
            "1 von 1 Journey-Version wird angezeigt".to_owned()
        )
    );
    assert_eq!(
        showing("showing-all", 0, 1).1,
        "0 von 1 Journey-Version werden angezeigt"
    );
    assert_eq!(
        showing("showing-all", 3, 1200),
        (
            "Showing 3 of 1,200 journey versions".to_owned(),
            "3 von 1.200 Journey-Versionen werden angezeigt".to_owned()
        )
    );
    assert_eq!(
        showing("showing-loading", 1, 1),
        (
            "Showing 1 of the 1 journey version loaded so far; loading the rest\u{2026}".to_owned(),
            "1 der 1 bisher geladenen Journey-Version wird angezeigt; der Rest wird geladen\u{2026}"
                .to_owned()
        )
    );
    assert_eq!(
        showing("showing-loaded-failed", 1, 1),
        (
            "Showing 1 of the 1 journey version that loaded; the rest did not load".to_owned(),
            "1 der 1 geladenen Journey-Version wird angezeigt; der Rest konnte nicht geladen werden"
                .to_owned()
        )
    );
    assert_eq!(
        showing("showing-loading", 5, 20).0,
        "Showing 5 of the 20 journey versions loaded so far; loading the rest\u{2026}"
    );
}

#[test]
fn a_bulk_action_on_one_version_speaks_of_it_in_the_singular() {
    let (en, de) = counted("bulk-pause-consequence", "versions", 1);
    assert_eq!(
        en,
        "While it is paused, no new customers can enter this journey version. The choices below \
         apply to it."
    );
    assert!(de.ends_with("Die Auswahl unten gilt für sie."), "{de}");
    let (en, _) = counted("bulk-pause-consequence", "versions", 2);
    assert_eq!(
        en,
        "While they are paused, no new customers can enter these journey versions. The choices \
         below apply to each of them."
    );
    let (en, de) = counted("bulk-stop-finish-instead", "versions", 1);
    assert_eq!(
        en,
        "To let the customers already in it reach the end, use Finish instead."
    );
    assert!(de.contains("Kunden in dieser Journey-Version"), "{de}");
    let (en, de) = counted("bulk-stop-finish-instead", "versions", 2);
    assert_eq!(
        en,
        "To let the customers already in them reach the end, use Finish instead."
    );
    assert!(de.contains("Kunden in diesen Journey-Versionen"), "{de}");
}

#[test]
fn one_unreadable_version_is_named_not_called_the_first() {
    let unreadable = |count: u64| {
        Phrase::new("sync-versions-unreadable")
            .with("count", count)
            .with("which", "\u{201c}welcome-v1\u{201d}: unknown variant")
    };
    assert_eq!(
        english(&unreadable(1)),
        "One journey version from the server could not be read, so it is not shown \
         (\u{201c}welcome-v1\u{201d}: unknown variant). Everything else is shown and can be acted on."
    );
    assert!(german(&unreadable(1)).contains("wird nicht gezeigt (\u{201c}welcome-v1"));
    assert!(english(&unreadable(2)).contains("they are not shown (the first, "));
    assert!(german(&unreadable(2)).contains("(die erste: "));
}

#[test]
fn a_dialog_on_a_version_with_no_customers_does_not_count_zero_of_them() {
    for id in [
        "finish-consequence-entry",
        "stop-consequence",
        "pause-hold-hint",
        "pause-discard-hint",
    ] {
        let (en, de) = counted(id, "active", 0);
        assert!(en.to_lowercase().contains("no customers are in"), "{en}");
        assert!(!en.contains(" 0 "), "{en}");
        assert!(de.contains("keine Kunden"), "{de}");
        assert!(!de.contains(" 0 "), "{de}");
    }
}
