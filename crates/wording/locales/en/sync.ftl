# What the sync layer says about the server and the browser's storage
# (crates/journey_sync, src/sync). "HTTP 429 Too Many Requests" and the like
# are protocol text and stay as they are; $said, $problem and $error hold what
# a server or the browser said, shown as it is.

## Durations and sizes

sync-duration-seconds = { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }
sync-duration-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
sync-duration-hours = { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
sync-duration-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
sync-duration-very-long = a very long time
sync-size-megabytes = { $size } MB
sync-size-kilobytes = { $size } KB
sync-size-bytes = { $size ->
        [one] { $size } byte
       *[other] { $size } bytes
    }

## The server could not be reached ($why completes the sentence)

sync-unreachable = The server at { $server } could not be reached ({ $why }). Check the connection and try again; nothing was lost.
sync-no-whole-answer = no whole answer within { $wait }
sync-console-closed-while-sending = the console was closed
sync-cannot-time-out = this browser cannot time requests out

## The server's answer was not usable ($what completes the sentence)

sync-bad-response = The server's answer was not usable: { $what }. Nothing was changed.
sync-change-made-answer-unusable = The server made the change, but its answer was not usable: { $what }. The list is read again to show it.
sync-answer-too-large = its answer is larger than { $size }
sync-answered-unexpected-status = it answered { $status } where a result or an error was expected
sync-sent-no-content-type = it sent an answer without a content type instead of JSON (HTTP { $status })
sync-sent-html = it sent an HTML page instead of JSON (HTTP { $status })
sync-sent-content-type = it sent “{ $type }” instead of JSON (HTTP { $status })
sync-not-journey-data = its answer is not journey data this console understands ({ $error })
sync-answered-without-version = it answered without the journey version (HTTP 204 No Content)
sync-answered-other-version = it answered about another journey version (“{ $id }”) than the one changed
sync-page-after-end = it sent another page after the end of its list
sync-list-names-twice = the server's list names the journey version “{ $id }” twice
sync-cursor-twice = the server's list does not end: it sent the cursor “{ $cursor }” twice
sync-versions-unreadable = { $count ->
        [one] One journey version from the server could not be read, so it is not shown ({ $which }).
       *[other] { $count } journey versions from the server could not be read, so they are not shown (the first, { $which }).
    } Everything else is shown and can be acted on.
sync-version-unreadable-named = “{ $id }”: { $error }
sync-version-unreadable = { $error }
sync-history-entries-unreadable = { $count ->
        [one] One entry of this history could not be read, so it is not shown ({ $error }).
       *[other] { $count } entries of this history could not be read, so they are not shown (the first: { $error }).
    }
sync-list-too-many = the server's list goes on past { $versions } journey versions, more than this console can hold
sync-list-too-long = the server's list did not end after { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }

## The server answered with an error ($status is e.g. "HTTP 404 Not Found")

sync-server-said = { $said }
sync-sign-in-refused = The server did not accept your sign-in: sign in again.
sync-sign-in-refused-said = The server did not accept your sign-in: { $said }
sync-sent-on-elsewhere = The request was sent on to { $url } (a sign-in page?), which answered something other than journey data (HTTP { $status }). Nothing was changed: sign in again if you are asked to, then try again.
sync-not-allowed = You are not allowed to do this: your role does not allow it.
sync-not-allowed-said = You are not allowed to do this: { $said }
sync-server-problem = The server had a problem ({ $problem }). Nothing was lost; try again.
sync-server-problem-wait = The server had a problem ({ $problem }) and asks to wait { $wait } before trying again. Nothing was lost.
sync-version-not-on-server = This journey version does not exist on the server ({ $status }).
sync-server-refused-action = The server refused this action ({ $status }). Nothing was changed.
sync-changed-first = Someone changed this journey first ({ $status }). Nothing was changed; look at it again before you retry.
sync-request-too-large = The server refused the request as too large ({ $status }). Nothing was changed.
sync-request-refused = The server refused the request ({ $status }). Nothing was changed.

## The server is busy ($when: one of the sync-retry-… phrases; the waits in it
## are at most a minute)

sync-busy-retry = The server is busy (HTTP 429 Too Many Requests); the console will try again { $when }.
sync-busy-said-retry = { $said } The console will try again { $when }.
sync-retry-at-once = at once
sync-retry-in = in { $wait }
sync-retry-in-a-moment = in a moment
sync-busy-wait = The server is busy (HTTP 429 Too Many Requests) and asks to wait { $wait } before trying again. Nothing was changed.
sync-busy-said-wait = { $said } The server asks to wait { $wait } before trying again. Nothing was changed.
sync-still-busy = The server is still busy (HTTP 429 Too Many Requests) after { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }. Nothing was changed; try again in a minute.

## An earlier attempt's outcome is not known, then the next was turned away
## ($said: why, a whole sentence)

sync-turned-away-after-no-answer = Whether an earlier attempt was carried out is not known, so the server may have made this change. The last attempt was turned away. { $said } Trying again sends the same request, which the server makes at most once.
sync-busy-now = The server is busy (HTTP 429 Too Many Requests).
sync-busy-asks-wait = The server is busy (HTTP 429 Too Many Requests) and asks to wait { $wait }.

## Actions

sync-cannot-resume = A journey cannot be restarted.
sync-console-closed = The console was closed before the answer came.
sync-checking-role = Checking what your role allows…
sync-role-forbids = Your role ({ $role ->
        [viewer] viewer
        [operator] operator
       *[admin] admin
    }) does not allow this; ask an operator or an admin.
# Why an action was refused after someone else changed the journey: $who is
# sync-who-changed, $why the refusal. $when is a relative time ("2 minutes ago").
# The verb names the change only where the phase says what it was (a live or
# paused version may have been published, paused, resumed or rescheduled).
sync-changed-meanwhile = { $who } { $why }
sync-who-changed = { $by } { $phase ->
        [stopped] stopped
        [finishing] finished
        [finished] finished
       *[other] changed
    } this journey { $when }; it is { $phase ->
        [draft] draft
        [live] live
        [paused] paused
        [finishing] finishing
        [stopped] stopped
       *[other] finished
    } now.

## The demo data kept in the browser ($problem: why, from the browser or one
## of the sync-storage-… phrases)

sync-demo-data-unreadable = The saved demo data could not be read ({ $problem }), so the console started from fresh demo data, merged with what other open tabs and the last action kept.
sync-demo-data-unreadable-kept = The saved demo data could not be read ({ $problem }), so the console started from fresh demo data, merged with what other open tabs and the last action kept. The unreadable copy is kept in localStorage under "{ $key }".
sync-demo-data-written-elsewhere = Another tab saved the demo data in a form this tab cannot read ({ $problem }), perhaps by a newer version of the console: reload this tab. Until then it leaves that copy as it is and takes no action.
sync-demo-data-reload-first = This tab cannot read the demo data another tab saved, perhaps with a newer version of the console: reload this tab, then try again. Nothing was changed.
sync-demo-changed-first = This journey changed before this tab heard of it. Nothing was changed; look at it again before you retry.
sync-demo-data-not-saved = This browser could not save the demo data ({ $problem }); changes last until the page is reloaded.
sync-storage-no-window = no window
sync-storage-unavailable = localStorage is not available
sync-storage-turned-off = localStorage is turned off
sync-storage-refused-write = storage refused the write

## One action on many versions (journey_sync::bulk_change)
bulk-version = { $name }, version { $version }
bulk-progress = { $done } of { $total } done{ $failed ->
        [0] .
       *[other] , { $failed } failed.
    }
