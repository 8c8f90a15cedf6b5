# What the console's own views say (src/components, src/pages, src/app.rs).

product-name = Journey Console
starting = Starting Journey Console…
crash-notice = Journey Console stopped because of an internal error. Reload the page to continue; changes you confirmed were saved. The browser console has the details.
language = Language
try-again = Try again
history-try-again = Load the history again
demo-notice = Demo journeys, kept in this browser: no journey server is connected, and nothing done here reaches a customer.
reset-demo = Reset demo data
demo-was-reset = The demo data was reset.
dismiss-message = Dismiss message

## Home
journeys-title = Journeys
search-journeys = Search journeys
search-placeholder = Name
status-filter = Status
filter-all = All statuses
filter-draft = Draft
filter-live = Live
filter-finishing = Finishing
filter-finished = Finished (including finishing)
filter-stopped = Stopped
column-name = Name
column-version = Version
column-status = Status
column-entered = Entered
column-in-journey = In journey
column-last-modified = Last modified
column-modified-by = Modified by
quick-actions = Quick actions
loading-journeys = Loading journeys…
journeys-not-loaded = The journeys did not load.
showing-all = Showing { $shown } of { $total ->
        [one] { $total } journey version
       *[other] { $total } journey versions
    }
showing-loaded-failed = Showing { $shown } of the { $total ->
        [one] { $total } journey version
       *[other] { $total } journey versions
    } that loaded; the rest did not load
showing-loading = Showing { $shown } of the { $total ->
        [one] { $total } journey version
       *[other] { $total } journey versions
    } loaded so far; loading the rest…
no-journeys = There are no journeys yet.
no-journeys-readable = None of the journey versions could be read: the message above says why.
no-match = No journey versions match this search and filter.

## A version's status
finishing-left = Finishing · { $active } left

## The detail view
loading-journey = Loading journey…
breadcrumb = Breadcrumb
home = Home
version-number = Version { $version }
customers = Customers
count-entered = Entered
count-in-journey = In journey
count-completed = Completed
count-exited = Exited
lifecycle = Lifecycle
moment-created = Created
moment-published = Published
moment-finished = Finished
moment-stopped = Stopped
by-whom = by { $by }
stop-reason = Stop reason
last-modified-by = Last modified by
versions-of-journey = Versions of this journey
history = History
history-unreadable = The history could not be read. { $why }
history-when = When
history-what = What
history-status = Status
history-by = By
history-reason = Reason
actions = Actions
journey-actions = Journey actions
version-created-draft = “{ $name }” version { $version } was created as a draft.

## Not found, configuration errors
page-not-found = Page not found
no-page-here = Journey Console has no page at this address.
back-home = Back to Home
journey-not-found = Journey not found
no-such-journey = No journey version has the id “{ $id }”. It may have been deleted.
cannot-start = Journey Console can't start
fix-config = Fix config.json next to index.html, or remove it to use the embedded demo backend. The README's "Runtime configuration" section lists what it may contain.

## The confirmation dialog
confirm-finish-title = Finish journey?
confirm-changed-status = { $by } changed this version while the dialog was open: it is now { $status }. Read the dialog again, then confirm.
confirm-changed-schedule = { $by } changed this version's pause or scheduled finish while the dialog was open. Read the dialog again, then confirm.
confirm-changed-gone = This version was deleted while the dialog was open.
confirm-changed-status-unknown = { $by } changed this version while the dialog was open: it is now { $status }. Whether your last attempt was carried out is not known. Read the dialog again; confirmed as it was, it sends the same request, which the server makes at most once.
confirm-changed-schedule-unknown = { $by } changed this version's pause or scheduled finish while the dialog was open. Whether your last attempt was carried out is not known. Read the dialog again; confirmed as it was, it sends the same request, which the server makes at most once.
confirm-stop-title = Stop journey?
confirm-publish-title = Publish journey?
confirm-delete-title = Delete draft?
journey-and-version = { $name } · version { $version }
customers-in-journey-now = Customers in the journey now:
finish-consequence-entry = No new customers can enter this journey. { $active ->
        [0] No customers are in it now.
        [one] The { $active } customer already in it continues to the end of their path.
       *[other] The { $active } customers already in it continue to the end of their path.
    }
finish-recommended = This is the recommended way to end a journey.
finish-irreversible = A finished journey cannot be resumed or restarted; to run it again, duplicate it, or continue the journey from its newest version.
stop-consequence = Use Stop for emergencies: { $active ->
        [0] no customers are in this journey now; once stopped, nobody can enter it.
        [one] the { $active } customer in this journey is stopped now, and nothing more is sent to them.
       *[other] all { $active } customers in this journey are stopped now, and nothing more is sent to them.
    }
stop-finish-instead = To let customers already in it reach the end, use Finish instead.
stop-irreversible = A stopped journey cannot be resumed or restarted; to run it again, duplicate it, or continue the journey from its newest version.
publish-consequence = This version goes live: customers can enter it.
publish-replaces = Version { $version }, live now, will be finished: no new customers enter it, and { $active ->
        [0] no customers are in it.
        [one] the { $active } customer in it continues to the end.
       *[other] the { $active } in it continue to the end.
    }
publish-replaces-paused = Version { $version }, paused now, will be finished instead of waiting for its pause to end: no new customers enter it, and { $active ->
        [0] no customers are in it.
        [one] the { $active } customer in it continues to the end.
       *[other] the { $active } in it continue to the end.
    }
delete-consequence = This draft will be deleted. This cannot be undone.
stop-reason-label = Reason (optional)
stop-reason-hint = Recorded in the journey's history.
cancel = Cancel

## What was done
version-named = “{ $name }” version { $version }
row-moved-under-pointer = This row changed just before your click: it now shows { $version }, { $status }. Nothing was done; click again if that is what you meant.
menu-changed-under-pointer = { $by } changed { $version } just before your choice: it is now { $status }. Nothing was done; choose again if that is what you meant.
menu-list-loaded-under-pointer = The whole list came in just before your choice, and the menu changed. Nothing was done; choose again if that is what you meant.
done-finished = { $version } is finished: no new customers can enter; { $active ->
        [0] no customers are in it.
        [one] the { $active } customer in it continues to the end.
       *[other] the { $active } in it continue to the end.
    }
done-stopped = { $version } is stopped: everyone in it was stopped.
done-live = { $version } is live.
done-live-replacing = { $version } is live. Version { $replaced } is finished.
done-draft = { $version } is a draft.
done-paused = { $version } is paused.
done-created = Version { $version } of “{ $name }” was created.
done-deleted = { $version } was deleted.

# Drain forecast: how long finishing takes
drain-about = about { $estimate }; by { $latest } at the latest
drain-at-timeout = when the finishing timeout ends it, { $latest }
drain-unknown = not enough data yet; by { $latest } at the latest
drain-label = Last customer out
drain-line = Last customer out: { $forecast }.
drain-row-about = about { $estimate } left, by { $latest }
drain-row-at-timeout = until the timeout, { $latest }
drain-row-unknown = by { $latest }; estimate pending

## Many versions at once (Home's selection)
select-version = Select { $version }
select-all-shown = Select all shown
bulk-selection = Selection
bulk-selected = { $count } selected
bulk-selected-hidden = { $count } selected, { $hidden } of them hidden by the search or filter
bulk-hidden-included = { $hidden ->
        [one] One of these versions is hidden by the search or filter on Home; it is included all the same.
       *[other] { $hidden } of these versions are hidden by the search or filter on Home; they are included all the same.
    }
clear-selection = Clear selection
bulk-show-results = Show results
bulk-last-run = { $action ->
        [stop] Stop
        [pause] Pause
       *[finish] Finish
    }: { $progress }
bulk-confirm-title = { $action ->
        [stop] { $versions ->
            [0] None of the selected journey versions can be stopped
            [one] Stop { $versions } journey version?
           *[other] Stop { $versions } journey versions?
        }
        [pause] { $versions ->
            [0] None of the selected journey versions can be paused
            [one] Pause { $versions } journey version?
           *[other] Pause { $versions } journey versions?
        }
       *[finish] { $versions ->
            [0] None of the selected journey versions can be finished
            [one] Finish { $versions } journey version?
           *[other] Finish { $versions } journey versions?
        }
    }
bulk-customers = { $active ->
        [one] { $active } customer is
       *[other] { $active } customers are
    } in { $versions ->
        [one] it
       *[other] them
    }.
bulk-finish-consequence = No new customers can enter { $versions ->
        [one] this journey version; the customers already in it continue
       *[other] these journey versions; the customers already in them continue
    } to the end of their path.
bulk-finish-irreversible = A finished journey cannot be resumed or restarted; to run one again, duplicate it, or continue its journey from the newest version.
bulk-stop-consequence = Use Stop for emergencies: everyone in { $versions ->
        [one] this journey version
       *[other] these journey versions
    } is stopped now, and nothing more is sent to them.
bulk-stop-finish-instead = To let the customers already in { $versions ->
        [one] it
       *[other] them
    } reach the end, use Finish instead.
bulk-pause-consequence = { $versions ->
        [one] While it is paused, no new customers can enter this journey version. The choices below apply to it.
       *[other] While they are paused, no new customers can enter these journey versions. The choices below apply to each of them.
    }
bulk-stop-irreversible = A stopped journey cannot be resumed or restarted; to run one again, duplicate it, or continue its journey from the newest version.
bulk-allowed-heading = { $action ->
        [stop] { $count ->
            [one] This version will be stopped:
           *[other] These { $count } versions will be stopped:
        }
        [pause] { $count ->
            [one] This version will be paused:
           *[other] These { $count } versions will be paused:
        }
       *[finish] { $count ->
            [one] This version will be finished:
           *[other] These { $count } versions will be finished:
        }
    }
bulk-allowed-hidden = { $version } (hidden by the search or filter)
bulk-refused-heading = { $action ->
        [stop] { $count ->
            [one] This selected version will not be stopped:
           *[other] These { $count } selected versions will not be stopped:
        }
        [pause] { $count ->
            [one] This selected version will not be paused:
           *[other] These { $count } selected versions will not be paused:
        }
       *[finish] { $count ->
            [one] This selected version will not be finished:
           *[other] These { $count } selected versions will not be finished:
        }
    }
bulk-refused-item = { $version } — { $why }
bulk-changed-status = { $by } changed it since you chose this action: it is now { $status }. Nothing was sent: choose the action again if it still applies.
bulk-changed-schedule = { $by } changed its pause or scheduled finish since you chose this action. Nothing was sent: choose the action again if it still applies.
bulk-results-title = { $action ->
        [stop] Stopping
        [pause] Pausing
       *[finish] Finishing
    } { $versions ->
        [one] { $versions } journey version
       *[other] { $versions } journey versions
    }
bulk-succeeded-heading = Succeeded ({ $count })
bulk-failed-heading = Failed ({ $count })
bulk-retry-failed = Retry failed ({ $count })
bulk-close = Close

# Pause, resume and a scheduled finish

## What a server offers
sync-not-offered = This server does not offer { $feature ->
        [pause] pausing journeys
        [scheduled-finish] scheduling a finish
       *[other] this action
    }.
sync-offer-not-yet-said = The server has not said yet whether it offers { $feature ->
        [pause] pausing journeys
        [scheduled-finish] scheduling a finish
       *[other] this action
    }; the console asks again at its next refresh.
sync-not-offered-answer = This server does not offer { $feature ->
        [pause] pausing journeys
        [scheduled-finish] scheduling a finish
       *[other] this action
    } ({ $status }). Nothing was changed.

## Home and the status badge
filter-paused = Paused
paused-resumes = Paused · resumes { $when }
paused-stops = Paused · stops { $when }
held-count = { $held } held
finishes-on = Finishes { $date }

## The actions menu
menu-pause = Pause…
menu-resume = Resume…
menu-schedule-finish = Schedule finish…
menu-change-scheduled-finish = Change scheduled finish…
menu-cancel-scheduled-finish = Cancel scheduled finish

## The pause dialog
pause-title = Pause journey?
pause-no-entry = While it is paused, no new customers can enter this journey.
pause-customers = What happens to the customers in it
pause-hold = Hold them
pause-hold-hint = { $active ->
        [0] No customers are in it now.
        [one] The { $active } customer in it waits before the next message until the journey resumes.
       *[other] The { $active } customers in it wait before the next message until the journey resumes.
    }
pause-discard = Discard them
pause-discard-hint = { $active ->
        [0] No customers are in it now.
        [one] The { $active } customer in it leaves the journey now and gets nothing more from it. This cannot be undone for them.
       *[other] The { $active } customers in it leave the journey now and get nothing more from it. This cannot be undone for them.
    }
pause-for = Pause for (days)
pause-for-hint = From 1 to { $longest } days.
pause-ends-at = The pause ends { $until }.
pause-days-invalid = Enter a whole number of days, from 1 to { $longest }.
pause-at-end = When the pause ends
pause-at-end-resume = Resume the journey
pause-at-end-resume-hint = Held customers continue, and new customers can enter again.
pause-at-end-stop = Stop the journey
pause-at-end-stop-hint = Everyone still in it is stopped, as Stop does. A stopped journey cannot be resumed.
pause-finish-comes-first = A finish is scheduled for { $at }, before this pause would end: the journey then finishes, the customers in it continue to the end of their path, and what is chosen here for the pause's end does not happen.
pause-stops-before-finish = A finish is scheduled for { $at }, after this pause ends: the pause then stops the journey, everyone still in it is stopped, and the scheduled finish does not happen.
bulk-pause-finish-comes-first = For { $versions ->
        [one] one of these versions
       *[other] { $versions } of these versions
    } a finish is scheduled before this pause would end: such a version then finishes, the customers in it continue to the end of their path, and what is chosen here for the pause's end does not happen to it.
bulk-pause-stops-before-finish = For { $versions ->
        [one] one of these versions
       *[other] { $versions } of these versions
    } a finish is scheduled after this pause ends: the pause then stops such a version, everyone still in it is stopped, and its scheduled finish does not happen.

## The resume dialog
resume-title = Resume journey?
resume-consequence = Held customers continue from where they waited; new customers can enter again.

## The scheduled finish dialog
schedule-title = Schedule finish
schedule-change-title = Change scheduled finish
schedule-at = Finish at
schedule-at-hint = Your time zone: { $zone }.
schedule-consequence = At that time the journey finishes by itself: no new customers can enter, and those already in it continue to the end of their path. Until then you can change or cancel it.
schedule-irreversible = Once finished, it cannot be resumed or restarted.
schedule-pause-stops-first = The journey's pause ends { $until }, before this finish, and then stops it: everyone still in it is stopped, and this finish does not happen.
schedule-time-invalid = Enter a date and a time.
schedule-save = Save

## What was done
done-paused-until = { $version } is paused until { $until }.
done-resumed = { $version } is live again.
done-finish-scheduled = { $version } will finish { $at }.
done-scheduled-finish-cancelled = The scheduled finish of { $version } was cancelled.
done-finish-scheduled-somewhen = The finish of { $version } is scheduled.

## The detail view
pause-section = Pause
moment-paused = Paused
pause-ends = Pause ends
pause-customers-label = Customers
pause-customers-held = Held: they wait before their next message
pause-customers-discarded = Discarded: they left the journey
pause-then = When the pause ends
pause-then-resume = The journey resumes
pause-then-stop = The journey stops
held-customers = Held customers
scheduled-finish = Scheduled finish
scheduled-finish-value = { $at } ({ $when }), set by { $by }
time-and-relative = { $at } ({ $when })
