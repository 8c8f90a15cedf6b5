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
         Die Auswahl unten gilt für jede von ihnen."
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
