# Was die Ansichten der Konsole sagen (src/components, src/pages, src/app.rs).

product-name = Journey Console
starting = Journey Console wird gestartet…
crash-notice = Journey Console wurde wegen eines internen Fehlers angehalten. Laden Sie die Seite neu, um fortzufahren; bestätigte Änderungen wurden gespeichert. Details stehen in der Browserkonsole.
language = Sprache
try-again = Erneut versuchen
history-try-again = Verlauf erneut laden
demo-notice = Demo-Journeys, in diesem Browser gespeichert: Es ist kein Journey-Server verbunden, und nichts, was hier geschieht, erreicht einen Kunden.
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
filter-finished = Beendet (einschließlich „Wird beendet“)
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
showing-all = { $shown } von { $total ->
        [one] { $total } Journey-Version
       *[other] { $total } Journey-Versionen
    } { $shown ->
        [one] wird
       *[other] werden
    } angezeigt
showing-loaded-failed = { $shown } der { $total ->
        [one] { $total } geladenen Journey-Version
       *[other] { $total } geladenen Journey-Versionen
    } { $shown ->
        [one] wird
       *[other] werden
    } angezeigt; der Rest konnte nicht geladen werden
showing-loading = { $shown } der { $total ->
        [one] { $total } bisher geladenen Journey-Version
       *[other] { $total } bisher geladenen Journey-Versionen
    } { $shown ->
        [one] wird
       *[other] werden
    } angezeigt; der Rest wird geladen…
no-journeys = Es gibt noch keine Journeys.
no-journeys-readable = Keine der Journey-Versionen konnte gelesen werden: Die Meldung oben sagt, warum.
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
history-unreadable = Der Verlauf konnte nicht gelesen werden. { $why }
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
no-such-journey = Eine Journey-Version mit der ID „{ $id }“ gibt es nicht; vielleicht wurde sie gelöscht.
cannot-start = Journey Console kann nicht starten
fix-config = Korrigieren Sie config.json neben index.html oder entfernen Sie die Datei, um das eingebettete Demo-Backend zu verwenden. Der Abschnitt „Runtime configuration“ im README listet, was sie enthalten darf.

## Der Bestätigungsdialog
confirm-finish-title = Journey beenden?
confirm-changed-status = { $by } hat diese Version geändert, während der Dialog offen war. Der Status ist jetzt „{ $status }“. Lesen Sie den Dialog noch einmal, dann bestätigen Sie.
confirm-changed-schedule = { $by } hat die Pause oder das geplante Ende dieser Version geändert, während der Dialog offen war. Lesen Sie den Dialog noch einmal, dann bestätigen Sie.
confirm-changed-gone = Diese Version wurde gelöscht, während der Dialog offen war.
confirm-changed-status-unknown = { $by } hat diese Version geändert, während der Dialog offen war. Der Status ist jetzt „{ $status }“. Ob Ihr letzter Versuch ausgeführt wurde, ist nicht bekannt. Lesen Sie den Dialog noch einmal; unverändert bestätigt, sendet er dieselbe Anfrage, die der Server höchstens einmal ausführt.
confirm-changed-schedule-unknown = { $by } hat die Pause oder das geplante Ende dieser Version geändert, während der Dialog offen war. Ob Ihr letzter Versuch ausgeführt wurde, ist nicht bekannt. Lesen Sie den Dialog noch einmal; unverändert bestätigt, sendet er dieselbe Anfrage, die der Server höchstens einmal ausführt.
confirm-stop-title = Journey stoppen?
confirm-publish-title = Journey veröffentlichen?
confirm-delete-title = Entwurf löschen?
journey-and-version = { $name } · Version { $version }
customers-in-journey-now = Kunden jetzt in der Journey:
finish-consequence-entry = Neue Kunden können diese Journey nicht mehr betreten. { $active ->
        [0] Es sind jetzt keine Kunden darin.
        [one] Der { $active } Kunde, der bereits darin ist, durchläuft seinen Pfad bis zum Ende.
       *[other] Die { $active } Kunden, die bereits darin sind, durchlaufen ihren Pfad bis zum Ende.
    }
finish-recommended = Dies ist der empfohlene Weg, eine Journey zu beenden.
finish-irreversible = Eine beendete Journey kann weder fortgesetzt noch neu gestartet werden; um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
stop-consequence = Verwenden Sie Stoppen für Notfälle: { $active ->
        [0] Es sind jetzt keine Kunden in dieser Journey; nach dem Stoppen kann niemand mehr eintreten.
        [one] Der { $active } Kunde in dieser Journey wird sofort gestoppt, und ihm wird nichts mehr gesendet.
       *[other] Alle { $active } Kunden in dieser Journey werden sofort gestoppt, und ihnen wird nichts mehr gesendet.
    }
stop-finish-instead = Damit Kunden, die bereits darin sind, das Ende erreichen, verwenden Sie stattdessen Beenden.
stop-irreversible = Eine gestoppte Journey kann weder fortgesetzt noch neu gestartet werden; um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
publish-consequence = Diese Version geht live: Kunden können sie betreten.
publish-replaces = Version { $version }, jetzt live, wird beendet: Neue Kunden betreten sie nicht mehr, und { $active ->
        [0] es sind keine Kunden darin.
        [one] der { $active } Kunde darin durchläuft seinen Pfad bis zum Ende.
       *[other] die { $active } darin durchlaufen ihren Pfad bis zum Ende.
    }
publish-replaces-paused = Version { $version }, jetzt pausiert, wird beendet, statt das Ende ihrer Pause abzuwarten: Neue Kunden betreten sie nicht mehr, und { $active ->
        [0] es sind keine Kunden darin.
        [one] der { $active } Kunde darin durchläuft seinen Pfad bis zum Ende.
       *[other] die { $active } darin durchlaufen ihren Pfad bis zum Ende.
    }
delete-consequence = Dieser Entwurf wird gelöscht. Das kann nicht rückgängig gemacht werden.
stop-reason-label = Grund (optional)
stop-reason-hint = Wird im Verlauf der Journey festgehalten.
cancel = Abbrechen

## Was getan wurde
version-named = „{ $name }“ Version { $version }
row-moved-under-pointer = Diese Zeile hat sich kurz vor Ihrem Klick geändert: Sie zeigt jetzt { $version } mit dem Status „{ $status }“. Es wurde nichts getan; klicken Sie erneut, wenn Sie das meinten.
menu-changed-under-pointer = { $by } hat { $version } kurz vor Ihrer Wahl geändert. Der Status ist jetzt „{ $status }“. Es wurde nichts getan; wählen Sie erneut, wenn Sie das meinten.
menu-list-loaded-under-pointer = Kurz vor Ihrer Auswahl ist die ganze Liste eingetroffen, und das Menü hat sich geändert. Es wurde nichts getan; wählen Sie noch einmal, wenn Sie das gemeint haben.
done-finished = { $version } ist beendet: Neue Kunden können nicht mehr eintreten; { $active ->
        [0] es sind keine Kunden darin.
        [one] der { $active } Kunde darin durchläuft seinen Pfad bis zum Ende.
       *[other] die { $active } darin durchlaufen ihren Pfad bis zum Ende.
    }
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
bulk-selected-hidden = { $count } ausgewählt, davon { $hidden } durch die Suche oder den Filter ausgeblendet
bulk-hidden-included = { $hidden ->
        [one] Eine dieser Versionen ist durch die Suche oder den Filter auf der Startseite ausgeblendet; sie ist trotzdem dabei.
       *[other] { $hidden } dieser Versionen sind durch die Suche oder den Filter auf der Startseite ausgeblendet; sie sind trotzdem dabei.
    }
clear-selection = Auswahl aufheben
bulk-show-results = Ergebnisse anzeigen
bulk-last-run = { $action ->
        [stop] Stoppen
        [pause] Pausieren
       *[finish] Beenden
    }: { $progress }
bulk-confirm-title = { $action ->
        [stop] { $versions ->
            [0] Keine der ausgewählten Journey-Versionen kann gestoppt werden
            [one] { $versions } Journey-Version stoppen?
           *[other] { $versions } Journey-Versionen stoppen?
        }
        [pause] { $versions ->
            [0] Keine der ausgewählten Journey-Versionen kann pausiert werden
            [one] { $versions } Journey-Version pausieren?
           *[other] { $versions } Journey-Versionen pausieren?
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
bulk-finish-irreversible = Eine beendete Journey kann weder fortgesetzt noch neu gestartet werden; um eine erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version ihrer Journey weiter.
bulk-stop-consequence = Verwenden Sie Stoppen für Notfälle: Alle Kunden in { $versions ->
        [one] dieser Journey-Version
       *[other] diesen Journey-Versionen
    } werden jetzt gestoppt, und ihnen wird nichts mehr gesendet.
bulk-stop-finish-instead = Damit die Kunden { $versions ->
        [one] in dieser Journey-Version
       *[other] in diesen Journey-Versionen
    } ihren Pfad zu Ende durchlaufen, verwenden Sie stattdessen Beenden.
bulk-pause-consequence = Solange { $versions ->
        [one] diese Journey-Version pausiert ist, können keine neuen Kunden in sie eintreten. Die Auswahl unten gilt für sie.
       *[other] diese Journey-Versionen pausiert sind, können keine neuen Kunden in sie eintreten. Die Auswahl unten gilt für jede von ihnen.
    }
bulk-stop-irreversible = Eine gestoppte Journey kann weder fortgesetzt noch neu gestartet werden; um eine erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version ihrer Journey weiter.
bulk-allowed-heading = { $action ->
        [stop] { $count ->
            [one] Diese Version wird gestoppt:
           *[other] Diese { $count } Versionen werden gestoppt:
        }
        [pause] { $count ->
            [one] Diese Version wird pausiert:
           *[other] Diese { $count } Versionen werden pausiert:
        }
       *[finish] { $count ->
            [one] Diese Version wird beendet:
           *[other] Diese { $count } Versionen werden beendet:
        }
    }
bulk-allowed-hidden = { $version } (durch die Suche oder den Filter ausgeblendet)
bulk-refused-heading = { $action ->
        [stop] { $count ->
            [one] Diese ausgewählte Version wird nicht gestoppt:
           *[other] Diese { $count } ausgewählten Versionen werden nicht gestoppt:
        }
        [pause] { $count ->
            [one] Diese ausgewählte Version wird nicht pausiert:
           *[other] Diese { $count } ausgewählten Versionen werden nicht pausiert:
        }
       *[finish] { $count ->
            [one] Diese ausgewählte Version wird nicht beendet:
           *[other] Diese { $count } ausgewählten Versionen werden nicht beendet:
        }
    }
bulk-refused-item = { $version } — { $why }
bulk-changed-status = { $by } hat die Version geändert, seit Sie diese Aktion gewählt haben. Der Status ist jetzt „{ $status }“. Nichts wurde gesendet: Wählen Sie die Aktion erneut, wenn sie noch zutrifft.
bulk-changed-schedule = { $by } hat die Pause oder das geplante Ende der Version geändert, seit Sie diese Aktion gewählt haben. Nichts wurde gesendet: Wählen Sie die Aktion erneut, wenn sie noch zutrifft.
bulk-results-title = { $versions ->
        [one] { $versions } Journey-Version wird
       *[other] { $versions } Journey-Versionen werden
    } { $action ->
        [stop] gestoppt
        [pause] pausiert
       *[finish] beendet
    }
bulk-succeeded-heading = Erfolgreich ({ $count })
bulk-failed-heading = Fehlgeschlagen ({ $count })
bulk-retry-failed = Fehlgeschlagene wiederholen ({ $count })
bulk-close = Schließen

# Pause, resume and a scheduled finish

## What a server offers
sync-not-offered = Dieser Server bietet { $feature ->
        [pause] das Pausieren von Journeys
        [scheduled-finish] das Planen eines Endes
       *[other] diese Aktion
    } nicht an.
sync-offer-not-yet-said = Der Server hat noch nicht mitgeteilt, ob er { $feature ->
        [pause] das Pausieren von Journeys
        [scheduled-finish] das Planen eines Endes
       *[other] diese Aktion
    } anbietet; die Konsole fragt bei der nächsten Aktualisierung erneut.
sync-not-offered-answer = Dieser Server bietet { $feature ->
        [pause] das Pausieren von Journeys
        [scheduled-finish] das Planen eines Endes
       *[other] diese Aktion
    } nicht an ({ $status }). Es wurde nichts geändert.

## Home and the status badge
filter-paused = Pausiert
paused-resumes = Pausiert · weiter { $when }
paused-stops = Pausiert · Stopp { $when }
held-count = { $held } wartend
finishes-on = Endet am { $date }

## The actions menu
menu-pause = Pausieren …
menu-resume = Fortsetzen …
menu-schedule-finish = Ende planen …
menu-change-scheduled-finish = Geplantes Ende ändern …
menu-cancel-scheduled-finish = Geplantes Ende aufheben

## The pause dialog
pause-title = Journey pausieren?
pause-no-entry = Solange sie pausiert ist, können keine neuen Kunden in diese Journey eintreten.
pause-customers = Was mit den Kunden darin geschieht
pause-hold = Anhalten
pause-hold-hint = { $active ->
        [0] Es sind jetzt keine Kunden darin.
        [one] Der { $active } Kunde darin wartet vor der nächsten Nachricht, bis die Journey fortgesetzt wird.
       *[other] Die { $active } Kunden darin warten vor der nächsten Nachricht, bis die Journey fortgesetzt wird.
    }
pause-discard = Entlassen
pause-discard-hint = { $active ->
        [0] Es sind jetzt keine Kunden darin.
        [one] Der { $active } Kunde darin verlässt die Journey jetzt und erhält nichts mehr aus ihr. Für ihn lässt sich das nicht rückgängig machen.
       *[other] Die { $active } Kunden darin verlassen die Journey jetzt und erhalten nichts mehr aus ihr. Für sie lässt sich das nicht rückgängig machen.
    }
pause-for = Pausieren für (Tage)
pause-for-hint = 1 bis { $longest } Tage.
pause-ends-at = Die Pause endet am { $until }.
pause-days-invalid = Geben Sie eine ganze Zahl von Tagen ein, von 1 bis { $longest }.
pause-at-end = Wenn die Pause endet
pause-at-end-resume = Journey fortsetzen
pause-at-end-resume-hint = Angehaltene Kunden machen weiter, und neue Kunden können wieder eintreten.
pause-at-end-stop = Journey stoppen
pause-at-end-stop-hint = Alle, die noch darin sind, werden gestoppt, wie bei Stoppen. Eine gestoppte Journey kann nicht fortgesetzt werden.
pause-finish-comes-first = Ein Ende ist für den { $at } geplant, bevor diese Pause enden würde: Die Journey wird dann beendet, die Kunden darin durchlaufen ihren Pfad bis zum Ende, und was hier für das Ende der Pause gewählt ist, geschieht nicht.
pause-stops-before-finish = Ein Ende ist für den { $at } geplant, nach dem Ende dieser Pause: Die Pause stoppt dann die Journey, alle Kunden darin werden gestoppt, und das geplante Ende geschieht nicht.
bulk-pause-finish-comes-first = Für { $versions ->
        [one] eine dieser Journey-Versionen
       *[other] { $versions } dieser Journey-Versionen
    } ist ein Ende geplant, bevor diese Pause enden würde: Eine solche Version wird dann beendet, die Kunden darin durchlaufen ihren Pfad bis zum Ende, und was hier für das Ende der Pause gewählt ist, geschieht mit ihr nicht.
bulk-pause-stops-before-finish = Für { $versions ->
        [one] eine dieser Journey-Versionen
       *[other] { $versions } dieser Journey-Versionen
    } ist ein Ende nach dem Ende dieser Pause geplant: Die Pause stoppt eine solche Version dann, alle Kunden darin werden gestoppt, und ihr geplantes Ende geschieht nicht.

## The resume dialog
resume-title = Journey fortsetzen?
resume-consequence = Angehaltene Kunden machen dort weiter, wo sie gewartet haben; neue Kunden können wieder eintreten.

## The scheduled finish dialog
schedule-title = Ende planen
schedule-change-title = Geplantes Ende ändern
schedule-at = Ende am
schedule-at-hint = Ihre Zeitzone: { $zone }.
schedule-consequence = Zu diesem Zeitpunkt wird die Journey von selbst beendet: Es können keine neuen Kunden eintreten, und wer schon darin ist, geht seinen Weg bis zum Ende. Bis dahin können Sie das geplante Ende ändern oder aufheben.
schedule-irreversible = Eine beendete Journey kann nicht fortgesetzt oder neu gestartet werden.
schedule-pause-stops-first = Die Pause der Journey endet am { $until }, vor diesem Ende, und stoppt sie dann: Alle, die noch darin sind, werden gestoppt, und dieses Ende findet nicht statt.
schedule-time-invalid = Geben Sie ein Datum und eine Uhrzeit ein.
schedule-save = Speichern

## What was done
done-paused-until = { $version } ist bis { $until } pausiert.
done-resumed = { $version } ist wieder live.
done-finish-scheduled = { $version } wird am { $at } beendet.
done-scheduled-finish-cancelled = Das geplante Ende von { $version } wurde aufgehoben.
done-finish-scheduled-somewhen = Das Ende von { $version } ist geplant.

## The detail view
pause-section = Pause
moment-paused = Pausiert
pause-ends = Pause endet
pause-customers-label = Kunden
pause-customers-held = Angehalten: Die Kunden warten vor ihrer nächsten Nachricht
pause-customers-discarded = Entlassen: Die Kunden haben die Journey verlassen
pause-then = Wenn die Pause endet
pause-then-resume = Die Journey läuft weiter
pause-then-stop = Die Journey wird gestoppt
held-customers = Angehaltene Kunden
scheduled-finish = Geplantes Ende
scheduled-finish-value = { $at } ({ $when }), geplant von { $by }
time-and-relative = { $at } ({ $when })
