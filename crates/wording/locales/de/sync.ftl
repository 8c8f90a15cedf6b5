# Was die Sync-Schicht über den Server und den Speicher des Browsers sagt
# (crates/journey_sync, src/sync). „HTTP 429 Too Many Requests“ und Ähnliches
# ist Protokolltext und bleibt unübersetzt; $said, $problem und $error
# enthalten, was ein Server oder der Browser gesagt hat, unverändert.

## Dauer und Größe

sync-duration-seconds = { $n ->
        [one] { $n } Sekunde
       *[other] { $n } Sekunden
    }
sync-duration-minutes = { $n ->
        [one] { $n } Minute
       *[other] { $n } Minuten
    }
sync-duration-hours = { $n ->
        [one] { $n } Stunde
       *[other] { $n } Stunden
    }
sync-duration-days = { $n ->
        [one] { $n } Tag
       *[other] { $n } Tage
    }
sync-duration-very-long = sehr lange
sync-size-megabytes = { $size } MB
sync-size-kilobytes = { $size } KB
sync-size-bytes = { $size } Byte

## Der Server war nicht erreichbar ($why ergänzt den Satz)

sync-unreachable = Der Server unter { $server } war nicht erreichbar ({ $why }). Prüfen Sie die Verbindung und versuchen Sie es erneut; es ist nichts verloren gegangen.
sync-no-whole-answer = keine vollständige Antwort innerhalb von { $wait }
sync-console-closed-while-sending = die Konsole wurde geschlossen
sync-cannot-time-out = dieser Browser kann Anfragen nicht nach einer Frist abbrechen

## Die Antwort des Servers war nicht verwendbar ($what ergänzt den Satz; „er“ ist der Server)

sync-bad-response = Die Antwort des Servers war nicht verwendbar: { $what }. Es wurde nichts geändert.
sync-change-made-answer-unusable = Der Server hat die Änderung vorgenommen, aber seine Antwort war nicht verwendbar: { $what }. Die Liste wird neu gelesen, um sie zu zeigen.
sync-answer-too-large = seine Antwort ist größer als { $size }
sync-answered-unexpected-status = er antwortete mit { $status }, wo ein Ergebnis oder ein Fehler erwartet wurde
sync-sent-no-content-type = er sandte eine Antwort ohne Inhaltstyp statt JSON (HTTP { $status })
sync-sent-html = er sandte eine HTML-Seite statt JSON (HTTP { $status })
sync-sent-content-type = er sandte „{ $type }“ statt JSON (HTTP { $status })
sync-not-journey-data = seine Antwort enthält keine Journey-Daten, die diese Konsole versteht ({ $error })
sync-answered-without-version = er antwortete ohne die Journey-Version (HTTP 204 No Content)
sync-answered-other-version = er antwortete zu einer anderen Journey-Version („{ $id }“) als der geänderten
sync-page-after-end = er sandte nach dem Ende seiner Liste noch eine Seite
sync-list-names-twice = die Liste des Servers nennt die Journey-Version „{ $id }“ zweimal
sync-cursor-twice = die Liste des Servers endet nicht: er sandte den Cursor „{ $cursor }“ zweimal
sync-versions-unreadable = { $count ->
        [one] Eine Journey-Version vom Server konnte nicht gelesen werden und wird nicht gezeigt ({ $which }).
       *[other] { $count } Journey-Versionen vom Server konnten nicht gelesen werden und werden nicht gezeigt (die erste: { $which }).
    } Alles andere wird gezeigt und kann bearbeitet werden.
sync-version-unreadable-named = „{ $id }“: { $error }
sync-version-unreadable = { $error }
sync-history-entries-unreadable = { $count ->
        [one] Ein Eintrag dieses Verlaufs konnte nicht gelesen werden und wird nicht gezeigt ({ $error }).
       *[other] { $count } Einträge dieses Verlaufs konnten nicht gelesen werden und werden nicht gezeigt (der erste: { $error }).
    }
sync-list-too-many = die Liste des Servers geht über { $versions } Journey-Versionen hinaus, mehr als diese Konsole fassen kann
sync-list-too-long = die Liste des Servers endete nach { $pages ->
        [one] { $pages } Seite
       *[other] { $pages } Seiten
    } noch nicht

## Der Server antwortete mit einem Fehler ($status ist z. B. „HTTP 404 Not Found“)

sync-server-said = { $said }
sync-sign-in-refused = Der Server hat Ihre Anmeldung nicht akzeptiert: Melden Sie sich erneut an.
sync-sign-in-refused-said = Der Server hat Ihre Anmeldung nicht akzeptiert: { $said }
sync-sent-on-elsewhere = Die Anfrage wurde an { $url } weitergeleitet (eine Anmeldeseite?), und von dort kamen keine Journey-Daten (HTTP { $status }). Es wurde nichts geändert: Melden Sie sich erneut an, falls Sie dazu aufgefordert werden, und versuchen Sie es dann noch einmal.
sync-not-allowed = Sie dürfen dies nicht tun: Ihre Rolle erlaubt es nicht.
sync-not-allowed-said = Sie dürfen dies nicht tun: { $said }
sync-server-problem = Der Server hatte ein Problem ({ $problem }). Es ist nichts verloren gegangen; versuchen Sie es erneut.
sync-server-problem-wait = Der Server hatte ein Problem ({ $problem }) und bittet, { $wait } zu warten, bevor Sie es erneut versuchen. Es ist nichts verloren gegangen.
sync-version-not-on-server = Diese Journey-Version gibt es auf dem Server nicht ({ $status }).
sync-server-refused-action = Der Server hat diese Aktion abgelehnt ({ $status }). Es wurde nichts geändert.
sync-changed-first = Jemand hat diese Journey zuvor geändert ({ $status }). Es wurde nichts geändert; sehen Sie sie sich noch einmal an, bevor Sie es erneut versuchen.
sync-request-too-large = Der Server hat die Anfrage als zu groß abgelehnt ({ $status }). Es wurde nichts geändert.
sync-request-refused = Der Server hat die Anfrage abgelehnt ({ $status }). Es wurde nichts geändert.

## Der Server ist ausgelastet ($when: eine der sync-retry-…-Phrasen; die Wartezeit
## darin ist höchstens eine Minute, also in Sekunden: „in 20 Sekunden“)

sync-busy-retry = Der Server ist ausgelastet (HTTP 429 Too Many Requests); die Konsole versucht es { $when } erneut.
sync-busy-said-retry = { $said } Die Konsole versucht es { $when } erneut.
sync-retry-at-once = sofort
sync-retry-in = in { $wait }
sync-retry-in-a-moment = gleich
sync-busy-wait = Der Server ist ausgelastet (HTTP 429 Too Many Requests) und bittet, { $wait } zu warten, bevor Sie es erneut versuchen. Es wurde nichts geändert.
sync-busy-said-wait = { $said } Der Server bittet, { $wait } zu warten, bevor Sie es erneut versuchen. Es wurde nichts geändert.
sync-still-busy = Der Server ist nach { $attempts ->
        [one] { $attempts } Versuch
       *[other] { $attempts } Versuchen
    } noch immer ausgelastet (HTTP 429 Too Many Requests). Es wurde nichts geändert; versuchen Sie es in einer Minute erneut.

## An earlier attempt's outcome is not known, then the next was turned away
## ($said: why, a whole sentence)

sync-turned-away-after-no-answer = Ob ein früherer Versuch ausgeführt wurde, ist nicht bekannt; der Server hat diese Änderung also vielleicht vorgenommen. Der letzte Versuch wurde abgewiesen. { $said } Ein erneuter Versuch sendet dieselbe Anfrage, die der Server höchstens einmal ausführt.
sync-busy-now = Der Server ist ausgelastet (HTTP 429 Too Many Requests).
sync-busy-asks-wait = Der Server ist ausgelastet (HTTP 429 Too Many Requests) und bittet, { $wait } zu warten.

## Aktionen

sync-cannot-resume = Eine Journey kann nicht neu gestartet werden.
sync-console-closed = Die Konsole wurde geschlossen, bevor die Antwort kam.
sync-checking-role = Es wird geprüft, was Ihre Rolle erlaubt …
sync-role-forbids = Ihre Rolle ({ $role ->
        [viewer] Betrachter
        [operator] Operator
       *[admin] Admin
    }) erlaubt dies nicht; wenden Sie sich an einen Operator oder einen Admin.
# Warum eine Aktion abgelehnt wurde, nachdem jemand anderes die Journey geändert
# hat: $who ist sync-who-changed, $why die Ablehnung. $when ist eine relative
# Zeitangabe („vor 2 Minuten“).
sync-changed-meanwhile = { $who } { $why }
sync-who-changed = { $by } hat diese Journey { $when } { $phase ->
        [stopped] gestoppt
        [finishing] beendet
        [finished] beendet
       *[other] geändert
    }; sie { $phase ->
        [draft] ist jetzt ein Entwurf
        [live] ist jetzt live
        [paused] ist jetzt pausiert
        [finishing] wird jetzt beendet
        [stopped] ist jetzt gestoppt
       *[other] ist jetzt beendet
    }.

## Die Demodaten im Browser ($problem: der Grund, vom Browser oder eine der
## sync-storage-…-Phrasen)

sync-demo-data-unreadable = Die gespeicherten Demodaten konnten nicht gelesen werden ({ $problem }), daher hat die Konsole mit neuen Demodaten begonnen, zusammengeführt mit dem, was andere offene Tabs und die letzte Aktion bewahrt haben.
sync-demo-data-unreadable-kept = Die gespeicherten Demodaten konnten nicht gelesen werden ({ $problem }), daher hat die Konsole mit neuen Demodaten begonnen, zusammengeführt mit dem, was andere offene Tabs und die letzte Aktion bewahrt haben. Die unlesbare Kopie liegt in localStorage unter „{ $key }“.
sync-demo-data-written-elsewhere = Ein anderer Tab hat die Demodaten in einer Form gespeichert, die dieser Tab nicht lesen kann ({ $problem }), vielleicht von einer neueren Version der Konsole: Laden Sie diesen Tab neu. Bis dahin lässt er diese Kopie unverändert und führt keine Aktion aus.
sync-demo-data-reload-first = Dieser Tab kann die Demodaten nicht lesen, die ein anderer Tab gespeichert hat, vielleicht mit einer neueren Version der Konsole: Laden Sie diesen Tab neu und versuchen Sie es dann erneut. Es wurde nichts geändert.
sync-demo-changed-first = Diese Journey hat sich geändert, bevor dieser Tab davon erfahren hat. Es wurde nichts geändert; sehen Sie sie sich noch einmal an, bevor Sie es erneut versuchen.
sync-demo-data-not-saved = Dieser Browser konnte die Demodaten nicht speichern ({ $problem }); Änderungen bleiben nur bis zum Neuladen der Seite erhalten.
sync-storage-no-window = kein Fenster
sync-storage-unavailable = localStorage ist nicht verfügbar
sync-storage-turned-off = localStorage ist ausgeschaltet
sync-storage-refused-write = der Speicher hat das Schreiben verweigert

## Eine Aktion für viele Versionen (journey_sync::bulk_change)
bulk-version = { $name }, Version { $version }
bulk-progress = { $done } von { $total } erledigt{ $failed ->
        [0] .
       *[other] , { $failed } fehlgeschlagen.
    }
