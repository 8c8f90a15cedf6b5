# Warum die Regeln eine Aktion ablehnen und was stattdessen zu tun ist.

refusal-publish-live = Diese Journey ist bereits live. Um sie zu ändern, bearbeiten Sie den Entwurf der Journey, oder erstellen Sie eine neue Version, falls es keinen gibt.
refusal-publish-finished = Diese Journey ist beendet; eine beendete Journey kann nicht erneut veröffentlicht werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-publish-stopped = Diese Journey ist gestoppt; eine gestoppte Journey kann nicht erneut veröffentlicht werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-finish-draft = Diese Journey ist ein Entwurf; nur eine Live- oder pausierte Journey kann beendet werden. Veröffentlichen Sie sie zuerst.
refusal-already-finishing = Diese Journey wird bereits beendet: Es können keine neuen Kunden mehr eintreten, und { $active ->
        [one] { $active } Kunde darin durchläuft noch seinen Pfad. Um seinen Pfad sofort zu beenden, stoppen Sie die Journey.
       *[other] { $active } Kunden darin durchlaufen noch ihren Pfad. Um ihren Pfad sofort zu beenden, stoppen Sie die Journey.
    }
refusal-finish-finished = Diese Journey ist bereits beendet, und es sind keine Kunden mehr darin. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-finish-stopped = Diese Journey ist gestoppt; eine gestoppte Journey kann nicht beendet werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-stop-draft = Diese Journey ist ein Entwurf und hat keine Kunden, die gestoppt werden könnten. Löschen Sie sie, wenn Sie sie nicht mehr brauchen.
refusal-stop-finished = Diese Journey ist beendet und es sind keine Kunden mehr darin; es gibt nichts zu stoppen.
refusal-stop-stopped = Diese Journey ist bereits gestoppt. Eine gestoppte Journey kann weder neu gestartet noch gelöscht werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-resume-draft = Diese Journey ist ein Entwurf und ist nie gelaufen, es gibt also nichts fortzusetzen. Veröffentlichen Sie sie, um sie live zu schalten.
refusal-resume-live = Diese Journey ist live und läuft; es gibt nichts fortzusetzen.
refusal-resume-finished = Eine beendete Journey kann nicht fortgesetzt werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-resume-stopped = Eine gestoppte Journey kann nicht fortgesetzt werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-restart-draft = Diese Journey ist ein Entwurf und ist nie gelaufen, es gibt also nichts neu zu starten. Veröffentlichen Sie sie, um sie live zu schalten.
refusal-restart-live = Diese Journey ist live und läuft; es gibt nichts neu zu starten.
refusal-restart-finished = Eine beendete Journey kann nicht neu gestartet werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-restart-stopped = Eine gestoppte Journey kann nicht neu gestartet werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-delete-live = Eine Live-Journey kann nicht gelöscht werden; löschen lässt sich nur ein Entwurf. Soll sie nicht mehr laufen, beenden Sie sie, damit die Kunden darin ihren Pfad abschließen, oder stoppen Sie sie im Notfall.
refusal-delete-finished = Eine beendete Journey kann nicht gelöscht werden; sie bleibt mit ihren Ergebnissen in der Liste. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-delete-stopped = Eine gestoppte Journey kann nicht gelöscht werden; sie bleibt mit ihren Ergebnissen in der Liste. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-is-draft = Diese Version ist selbst ein Entwurf; bearbeiten oder veröffentlichen Sie sie.
refusal-other-draft = Version { $version } dieser Journey ist bereits ein Entwurf; bearbeiten oder veröffentlichen Sie diese.
refusal-not-newest = Nur die neueste Version (Version { $newest }) kann Grundlage einer neuen Version sein.
refusal-highest-version = Diese Journey hat die höchste Versionsnummer erreicht; duplizieren Sie sie stattdessen.
refusal-awaiting-answer = Ihre Anfrage, { $earlier ->
        [publish] diese Journey zu veröffentlichen
        [finish] diese Journey zu beenden
        [stop] diese Journey zu stoppen
        [pause] diese Journey zu pausieren
        [resume] diese Journey fortzusetzen
        [schedule-finish] das Ende dieser Journey zu planen
        [cancel-scheduled-finish] das geplante Ende dieser Journey aufzuheben
        [delete] diese Journey zu löschen
        [new-version] eine neue Version dieser Journey zu erstellen
        [duplicate] diese Journey zu duplizieren
       *[other] diese Journey zu ändern
    }, ist noch auf dem Weg zum Server; warten Sie auf die Antwort, bevor Sie etwas anderes damit tun.
refusal-list-loading = Warten Sie, bis die ganze Liste geladen ist: Eine andere Version dieser Journey wird vielleicht noch nicht angezeigt.
refusal-publish-paused = Diese Journey ist pausiert und bereits veröffentlicht. Um sie zu ändern, bearbeiten Sie den Entwurf der Journey, oder erstellen Sie eine neue Version, falls es keinen gibt.
refusal-pause-draft = Diese Journey ist ein Entwurf; nur eine Live-Journey kann pausiert werden. Veröffentlichen Sie sie zuerst.
refusal-pause-paused = Diese Journey ist bereits pausiert. Setzen Sie sie fort, beenden oder stoppen Sie sie.
refusal-pause-finished = Eine beendete Journey kann nicht pausiert werden: Es können ohnehin keine neuen Kunden mehr eintreten. Sind noch Kunden darin, können Sie ihren Pfad durch Stoppen sofort beenden.
refusal-pause-stopped = Eine gestoppte Journey kann nicht pausiert werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.
refusal-schedule-draft = Diese Journey ist ein Entwurf; nur eine Live- oder pausierte Journey kann zu einem Zeitpunkt beendet werden. Veröffentlichen Sie sie zuerst.
refusal-schedule-finished = Diese Journey ist bereits beendet; es gibt kein Ende mehr zu planen.
refusal-schedule-stopped = Diese Journey ist gestoppt; eine gestoppte Journey kann nicht beendet werden.
refusal-cancel-schedule-draft = Diese Journey ist ein Entwurf; sie hat kein geplantes Ende, das aufgehoben werden könnte.
refusal-cancel-schedule-finished = Diese Journey ist bereits beendet; es gibt kein geplantes Ende aufzuheben.
refusal-cancel-schedule-stopped = Diese Journey ist gestoppt; es gibt kein geplantes Ende aufzuheben.
refusal-restart-paused = Diese Journey ist pausiert, nicht beendet; setzen Sie sie fort, um sie wieder live zu schalten.
refusal-delete-paused = Eine pausierte Journey kann nicht gelöscht werden; löschen lässt sich nur ein Entwurf. Soll sie nicht mehr laufen, beenden oder stoppen Sie sie.
refusal-not-in-future = Wählen Sie einen Zeitpunkt in der Zukunft.
refusal-pause-too-long = Eine Pause kann höchstens { $days } Tage dauern.
refusal-nothing-scheduled = Für diese Journey ist kein Ende geplant.
refusal-past-latest-time = Ein Ende kann bis spätestens Ende des Jahres 9999 geplant werden.
refusal-not-allowed = Diese Aktion ist für diese Journey nicht erlaubt.

# Warum der Katalog nichts geändert hat, außer der Ablehnung durch die Regeln.
action-error-not-found = Diese Journey-Version gibt es nicht mehr (ID { $id }).
action-error-id-in-use = Die ID { $id } ist bereits vergeben.

# Warum die Regeln einen Verlaufseintrag angelegt haben (Spalte „Grund“).
history-replaced-by = Ersetzt durch Version { $version }
history-created-from = Erstellt aus Version { $version }
history-duplicated-from = Dupliziert aus „{ $name }“, Version { $version }
history-paused = Pausiert bis { $until }, { $customers ->
        [hold] Kunden angehalten
       *[discard] Kunden entlassen
    }, danach { $atEnd ->
        [resume] fortgesetzt
       *[stop] gestoppt
    }
history-pause-ended = Die von { $by } festgelegte Pause ist abgelaufen
history-finish-scheduled = Ende geplant für { $at }
history-scheduled-by = Nach dem Zeitplan von { $by }

action-publish = Veröffentlichen
action-finish = Beenden
action-stop = Stoppen
action-resume = Fortsetzen
action-pause = Pausieren
action-schedule-finish = Ende planen
action-cancel-scheduled-finish = Geplantes Ende aufheben
action-restart = Neu starten
action-delete = Löschen
action-new-version = Neue Version erstellen
action-duplicate = Duplizieren

status-draft = Entwurf
status-live = Live
status-paused = Pausiert
status-finishing = Wird beendet
status-finished = Beendet
status-stopped = Gestoppt
