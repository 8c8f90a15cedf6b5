# Was die Ansichten der Konsole sagen (src/components, src/pages, src/app.rs).

product-name = Journey Console
starting = Journey Console wird gestartet…
crash-notice = Journey Console wurde wegen eines internen Fehlers angehalten. Laden Sie die Seite neu, um fortzufahren; bestätigte Änderungen wurden gespeichert. Details stehen in der Browserkonsole.
language = Sprache
try-again = Erneut versuchen
reset-demo = Demodaten zurücksetzen
demo-was-reset = Die Demodaten wurden zurückgesetzt.
dismiss-message = Meldung schließen

## Startseite
journeys-title = Journeys
search-journeys = Journeys suchen
search-placeholder = Name
status-filter = Status
filter-all = Alle Status
filter-draft = Entwurf
filter-live = Live
filter-finishing = Wird beendet
filter-finished = Beendet (einschließlich wird beendet)
filter-stopped = Gestoppt
column-name = Name
column-version = Version
column-status = Status
column-entered = Eingetreten
column-in-journey = In der Journey
column-last-modified = Zuletzt geändert
column-modified-by = Geändert von
quick-actions = Schnellaktionen
loading-journeys = Journeys werden geladen…
journeys-not-loaded = Die Journeys konnten nicht geladen werden.
showing-all = { $shown } von { $total } Journey-Versionen werden angezeigt
showing-loaded-failed = { $shown } der { $total } geladenen Journey-Versionen werden angezeigt; der Rest konnte nicht geladen werden
showing-loading = { $shown } der { $total } bisher geladenen Journey-Versionen werden angezeigt; der Rest wird geladen…
no-journeys = Es gibt noch keine Journeys.
no-match = Keine Journey-Version passt zu dieser Suche und diesem Filter.

## Status einer Version
finishing-left = Wird beendet · { $active } übrig

## Detailansicht
loading-journey = Journey wird geladen…
breadcrumb = Brotkrümelnavigation
home = Startseite
version-number = Version { $version }
customers = Kunden
count-entered = Eingetreten
count-in-journey = In der Journey
count-completed = Abgeschlossen
count-exited = Ausgetreten
lifecycle = Lebenszyklus
moment-created = Erstellt
moment-published = Veröffentlicht
moment-finished = Beendet
moment-stopped = Gestoppt
by-whom = von { $by }
stop-reason = Grund für den Stopp
last-modified-by = Zuletzt geändert von
versions-of-journey = Versionen dieser Journey
history = Verlauf
history-when = Wann
history-what = Was
history-status = Status
history-by = Von
history-reason = Grund
actions = Aktionen
journey-actions = Journey-Aktionen
version-created-draft = „{ $name }“ Version { $version } wurde als Entwurf erstellt.

## Nicht gefunden, Konfigurationsfehler
page-not-found = Seite nicht gefunden
no-page-here = Journey Console hat unter dieser Adresse keine Seite.
back-home = Zurück zur Startseite
journey-not-found = Journey nicht gefunden
no-such-journey = Keine Journey-Version hat die ID „{ $id }“. Sie wurde möglicherweise gelöscht.
cannot-start = Journey Console kann nicht starten
fix-config = Korrigieren Sie config.json neben index.html oder entfernen Sie die Datei, um das eingebettete Demo-Backend zu verwenden. Der Abschnitt „Runtime configuration“ im README listet, was sie enthalten darf.

## Der Bestätigungsdialog
confirm-finish-title = Journey beenden?
confirm-stop-title = Journey stoppen?
confirm-publish-title = Journey veröffentlichen?
confirm-delete-title = Entwurf löschen?
journey-and-version = { $name } · Version { $version }
customers-in-journey-now = Kunden jetzt in der Journey:
finish-consequence-entry = Neue Kunden können diese Journey nicht mehr betreten. { $active ->
        [one] Der { $active } Kunde, der bereits darin ist, durchläuft
       *[other] Die { $active } Kunden, die bereits darin sind, durchlaufen
    } ihren Pfad bis zum Ende.
finish-recommended = Dies ist der empfohlene Weg, eine Journey zu beenden.
finish-irreversible = Eine beendete Journey kann weder fortgesetzt noch neu gestartet werden; um sie erneut auszuführen, erstellen Sie eine neue Version oder duplizieren Sie sie.
stop-consequence = Verwenden Sie Stoppen für Notfälle: { $active ->
        [one] Der { $active } Kunde in dieser Journey wird sofort gestoppt, und ihm wird nichts mehr gesendet.
       *[other] Alle { $active } Kunden in dieser Journey werden sofort gestoppt, und ihnen wird nichts mehr gesendet.
    }
stop-finish-instead = Damit Kunden, die bereits darin sind, das Ende erreichen, verwenden Sie stattdessen Beenden.
stop-irreversible = Eine gestoppte Journey kann weder fortgesetzt noch neu gestartet werden; um sie erneut auszuführen, erstellen Sie eine neue Version oder duplizieren Sie sie.
publish-consequence = Diese Version geht live: Kunden können sie betreten.
publish-replaces = Version { $version }, jetzt live, wird beendet: Neue Kunden betreten sie nicht mehr, und die { $active } darin durchlaufen ihren Pfad bis zum Ende.
delete-consequence = Dieser Entwurf wird gelöscht. Das kann nicht rückgängig gemacht werden.
stop-reason-label = Grund (optional)
stop-reason-hint = Wird im Verlauf der Journey festgehalten.
cancel = Abbrechen

## Was getan wurde
version-named = „{ $name }“ Version { $version }
done-finished = { $version } ist beendet: Neue Kunden können nicht mehr eintreten; die { $active } darin durchlaufen ihren Pfad bis zum Ende.
done-stopped = { $version } ist gestoppt: Alle darin wurden gestoppt.
done-live = { $version } ist live.
done-live-replacing = { $version } ist live. Version { $replaced } ist beendet.
done-draft = { $version } ist ein Entwurf.
done-paused = { $version } ist pausiert.
done-created = Version { $version } von „{ $name }“ wurde erstellt.
done-deleted = { $version } wurde gelöscht.

# Prognose: wie lange das Beenden dauert
drain-about = etwa { $estimate }; spätestens am { $latest }
drain-at-timeout = wenn die Frist zum Beenden abläuft, am { $latest }
drain-unknown = noch nicht genug Daten; spätestens am { $latest }
drain-label = Letzter Kunde draußen
drain-line = Letzter Kunde draußen: { $forecast }.
drain-row-about = noch etwa { $estimate }, bis { $latest }
drain-row-at-timeout = bis zum Fristende, { $latest }
drain-row-unknown = bis { $latest }; Schätzung folgt

## Viele Versionen auf einmal (Auswahl auf der Startseite)
select-version = { $version } auswählen
select-all-shown = Alle angezeigten auswählen
bulk-selection = Auswahl
bulk-selected = { $count } ausgewählt
clear-selection = Auswahl aufheben
bulk-show-results = Ergebnisse anzeigen
bulk-last-run = { $action ->
        [stop] Stoppen
       *[finish] Beenden
    }: { $progress }
bulk-confirm-title = { $action ->
        [stop] { $versions ->
            [0] Keine der ausgewählten Journey-Versionen kann gestoppt werden
            [one] { $versions } Journey-Version stoppen?
           *[other] { $versions } Journey-Versionen stoppen?
        }
       *[finish] { $versions ->
            [0] Keine der ausgewählten Journey-Versionen kann beendet werden
            [one] { $versions } Journey-Version beenden?
           *[other] { $versions } Journey-Versionen beenden?
        }
    }
bulk-customers = Darin { $active ->
        [one] ist { $active } Kunde
       *[other] sind { $active } Kunden
    }.
bulk-finish-consequence = Neue Kunden können { $versions ->
        [one] diese Journey-Version nicht mehr betreten; die Kunden darin durchlaufen
       *[other] diese Journey-Versionen nicht mehr betreten; die Kunden darin durchlaufen
    } ihren Pfad bis zum Ende.
bulk-finish-irreversible = Eine beendete Journey kann weder fortgesetzt noch neu gestartet werden; um eine erneut auszuführen, erstellen Sie eine neue Version oder duplizieren Sie sie.
bulk-stop-consequence = Verwenden Sie Stoppen für Notfälle: Alle Kunden in { $versions ->
        [one] dieser Journey-Version
       *[other] diesen Journey-Versionen
    } werden jetzt gestoppt, und ihnen wird nichts mehr gesendet.
bulk-stop-finish-instead = Damit die Kunden darin ihren Pfad zu Ende durchlaufen, verwenden Sie stattdessen Beenden.
bulk-stop-irreversible = Eine gestoppte Journey kann weder fortgesetzt noch neu gestartet werden; um eine erneut auszuführen, erstellen Sie eine neue Version oder duplizieren Sie sie.
bulk-refused-heading = { $action ->
        [stop] { $count ->
            [one] Diese ausgewählte Version wird nicht gestoppt:
           *[other] Diese { $count } ausgewählten Versionen werden nicht gestoppt:
        }
       *[finish] { $count ->
            [one] Diese ausgewählte Version wird nicht beendet:
           *[other] Diese { $count } ausgewählten Versionen werden nicht beendet:
        }
    }
bulk-refused-item = { $version } — { $why }
bulk-results-title = { $versions ->
        [one] { $versions } Journey-Version
       *[other] { $versions } Journey-Versionen
    } { $action ->
        [stop] stoppen
       *[finish] beenden
    }
bulk-succeeded-heading = Erfolgreich ({ $count })
bulk-failed-heading = Fehlgeschlagen ({ $count })
bulk-retry-failed = Fehlgeschlagene wiederholen ({ $count })
bulk-close = Schließen
