# Why the rules refuse an action, and what to do instead (crates/lifecycle, rules.rs).

refusal-publish-live = This journey is already live. To change it, edit the journey's draft, or create a new version if it has none.
refusal-publish-finished = This journey has finished; a finished journey cannot be published again. To run it again, duplicate it, or continue the journey from its newest version.
refusal-publish-stopped = This journey is stopped; a stopped journey cannot be published again. To run it again, duplicate it, or continue the journey from its newest version.
refusal-finish-draft = This journey is a draft; only a live or paused journey can be finished. Publish it first.
refusal-already-finishing = This journey is already finishing: no new customers can enter, and { $active ->
        [one] { $active } customer still in it is
       *[other] { $active } customers still in it are
    } completing their path. To end their path now, stop it.
refusal-finish-finished = This journey has already finished and no customers are left in it. To run it again, duplicate it, or continue the journey from its newest version.
refusal-finish-stopped = This journey is stopped; a stopped journey cannot be finished. To run it again, duplicate it, or continue the journey from its newest version.
refusal-stop-draft = This journey is a draft and has no customers to stop. Delete it if you no longer need it.
refusal-stop-finished = This journey has finished and no customers are left in it; there is nothing to stop.
refusal-stop-stopped = This journey is already stopped. A stopped journey cannot be restarted or deleted. To run it again, duplicate it, or continue the journey from its newest version.
refusal-resume-draft = This journey is a draft and has never run, so there is nothing to resume. Publish it to make it live.
refusal-resume-live = This journey is live and running; there is nothing to resume.
refusal-resume-finished = A finished journey cannot be resumed. To run it again, duplicate it, or continue the journey from its newest version.
refusal-resume-stopped = A stopped journey cannot be resumed. To run it again, duplicate it, or continue the journey from its newest version.
refusal-restart-draft = This journey is a draft and has never run, so there is nothing to restart. Publish it to make it live.
refusal-restart-live = This journey is live and running; there is nothing to restart.
refusal-restart-finished = A finished journey cannot be restarted. To run it again, duplicate it, or continue the journey from its newest version.
refusal-restart-stopped = A stopped journey cannot be restarted. To run it again, duplicate it, or continue the journey from its newest version.
refusal-delete-live = A live journey cannot be deleted; only a draft can. To end it, finish it to let the customers in it complete their path, or stop it in an emergency.
refusal-delete-finished = A finished journey cannot be deleted; it stays in the list with its results. To run it again, duplicate it, or continue the journey from its newest version.
refusal-delete-stopped = A stopped journey cannot be deleted; it stays in the list with its results. To run it again, duplicate it, or continue the journey from its newest version.
refusal-is-draft = This version is a draft itself; edit or publish it.
refusal-other-draft = Version { $version } of this journey is already a draft; edit or publish that one.
refusal-not-newest = Only the newest version (version { $newest }) can be the base of a new version.
refusal-highest-version = This journey has reached the highest version number; duplicate it instead.
refusal-awaiting-answer = Your request to { $earlier ->
        [publish] publish
        [finish] finish
        [stop] stop
        [pause] pause
        [resume] resume
        [schedule-finish] schedule the finish of
        [cancel-scheduled-finish] cancel the scheduled finish of
        [delete] delete
        [new-version] create a new version of
        [duplicate] duplicate
       *[other] change
    } this journey is still on its way to the server; wait for its answer before doing anything else with it.
refusal-list-loading = Wait until the whole list has loaded: another version of this journey may not be shown yet.
refusal-publish-paused = This journey is paused, and already published. To change it, edit the journey's draft, or create a new version if it has none.
refusal-pause-draft = This journey is a draft; only a live journey can be paused. Publish it first.
refusal-pause-paused = This journey is already paused. Resume it, finish it or stop it.
refusal-pause-finished = A finished journey cannot be paused: no new customers can enter it already. If customers are still in it, stopping it ends their path now.
refusal-pause-stopped = A stopped journey cannot be paused. To run it again, duplicate it, or continue the journey from its newest version.
refusal-schedule-draft = This journey is a draft; only a live or paused journey can be set to finish at a time. Publish it first.
refusal-schedule-finished = This journey has already finished; there is no finish left to schedule.
refusal-schedule-stopped = This journey is stopped; a stopped journey cannot be finished.
refusal-cancel-schedule-draft = This journey is a draft; it has no scheduled finish to cancel.
refusal-cancel-schedule-finished = This journey has already finished; there is no scheduled finish to cancel.
refusal-cancel-schedule-stopped = This journey is stopped; there is no scheduled finish to cancel.
refusal-restart-paused = This journey is paused, not ended; resume it to make it live again.
refusal-delete-paused = A paused journey cannot be deleted; only a draft can. To end it, finish it or stop it.
refusal-not-in-future = Choose a time in the future.
refusal-pause-too-long = A pause can last { $days } days at most.
refusal-nothing-scheduled = No finish is scheduled for this journey.
refusal-past-latest-time = A finish can be scheduled up to the end of the year 9999.
refusal-not-allowed = This action is not allowed on this journey.

# Why the catalog changed nothing, other than the rules' refusal.
action-error-not-found = This journey version no longer exists (id { $id }).
action-error-id-in-use = The id { $id } is already in use.

# Why the rules made a history entry (its Reason column).
history-replaced-by = Replaced by version { $version }
history-created-from = Created from version { $version }
history-duplicated-from = Duplicated from "{ $name }", version { $version }
history-paused = Paused until { $until }, { $customers ->
        [hold] customers held
       *[discard] customers discarded
    }, then { $atEnd ->
        [resume] resumes
       *[stop] stops
    }
history-pause-ended = The pause { $by } set ended
history-finish-scheduled = Finish scheduled for { $at }
history-scheduled-by = On the schedule { $by } set

action-publish = Publish
action-finish = Finish
action-stop = Stop
action-resume = Resume
action-pause = Pause
action-schedule-finish = Schedule finish
action-cancel-scheduled-finish = Cancel scheduled finish
action-restart = Restart
action-delete = Delete
action-new-version = Create new version
action-duplicate = Duplicate

status-draft = Draft
status-live = Live
status-paused = Paused
status-finishing = Finishing
status-finished = Finished
status-stopped = Stopped
