## dondoc: English. Text may use the HTML tags Telegram accepts.

## General
unknown-command = I don't understand this command. Type /help to see the commands.
error-unexpected = Something unexpected went wrong; your data has not been lost. Please try again later; if the error happens again, give the administrator error code <code>{ $id }</code>.
error-database = The system cannot reach its database right now, so this request was not recorded. Please try again in a few minutes.
error-database-restart = The system's database was deleted or recreated, so this request was not recorded. Please ask the administrator to restart the bot, then try again.
button-expired = This button is no longer valid.
not-allowed = You are not allowed to use this command. Role required: { $roles }.
group-not-registered =
    This group is not registered with dondoc yet.
    • Group of the monitoring office: a group admin sends /setup.
    • Group of a unit: the secretary sends /invite in the office group to get a code, then sends <code>/join CODE Unit name</code> in this group.
wrong-place-office = This command is used in a unit's group, not in the office group.
wrong-place-unit = This command can only be used in the monitoring office's group.
wrong-place-private = This command is used in a group, not in a private chat.
args-invalid = Invalid arguments. Type /help to see how to use the commands.
args-join = Usage: <code>/join CODE Unit name</code>, e.g. <code>/join K7PQ2M4X Department of Natural Resources and Environment</code>.
args-unit = Usage: <code>/unit rename NO. New name</code>, <code>/unit alias NO. Other name</code>, <code>/unit kind NO. xa|phong|doanthe|truong|khac</code> (commune, department, mass organisation, school, other) or <code>/unit remove NO.</code> (NO. as in the /units list).
args-role = Usage: <code>/role @name secretary|leader|official</code>; for someone without a @username, reply to one of their messages with <code>/role leader</code>.
args-assign = Usage: <code>/assign NO. Lead unit; support: Unit A, Unit B</code>.
args-due = Usage: <code>/due NO. dd/mm/yyyy</code>, e.g. <code>/due 3 30/11/2020</code>.
args-status = Usage: <code>/status NO. done|progress|blocked note</code>, e.g. <code>/status 4 done Cleanup finished on 20/12</code>.

## Roles and states
role-admin = administrator
role-secretary = secretary
role-leader = leader
role-official = official
role-lead = lead
role-support = coordinating
state-NOT_STARTED = Not started
state-IN_PROGRESS = In progress
state-DONE = Done
state-BLOCKED = Blocked

## /start and /help
start-intro = Hello { $name }! I am <b>dondoc</b>, an assistant for following up conclusion notices (thông báo kết luận): I send tasks to the units, collect progress reports, remind of deadlines and summarise the results.
start-no-role = You have no role in any office yet.
start-role = • { $role } — { $office }{ $unit }
start-help = Type /help to see the commands.
help-header-private = <b>Commands in a private chat</b>
help-header-office = <b>Commands in the monitoring office's group</b>
help-header-unit = <b>Commands in a unit's group</b>
help-header-unregistered-group = <b>This group is not registered</b>
help-footer = In a unit's group: reply to a task message or press a button to report progress.
help-footer-secretary = Secretary: send /notice with the text or a .docx/.pdf file, check the preview, then press Publish.

## Setup, invitations, units
office-default-name = Monitoring office
setup-in-group = Please send /setup in the monitoring office's group.
setup-admins-only = Only a group admin can register this group as the office group.
setup-done =
    ✅ This group is now registered as the group of <b>{ $office }</b>. You are its administrator and secretary.
    Next step: send /invite to get an invitation code for each unit's group.
invite-created =
    Invitation code (single use, expires at { $expires }): <code>{ $code }</code>
    In the unit's group (or topic), send: <code>/join { $code } Unit name</code>
join-in-group = Please send /join in the unit's group or topic.
join-code-unknown = This invitation code is not valid. Check it or ask the secretary for a new one (/invite).
join-code-used = This invitation code has already been used. Ask the secretary for a new one (/invite).
join-code-expired = This invitation code has expired. Ask the secretary for a new one (/invite).
join-done = ✅ This group is now linked to <b>{ $unit }</b> ({ $office }). The unit's tasks will be sent here.
join-done-topic = ✅ This topic is now linked to <b>{ $unit }</b> ({ $office }). The unit's tasks will be sent to this topic.
join-announced = ➕ <b>{ $unit }</b> has joined through the group “{ $chat }”.
units-empty = There are no units yet. Send /invite to invite a unit's group.
units-header = <b>Units of { $office }</b>
units-line = { $index }. <b>{ $name }</b>{ $aliases } — { $chats } · { $kind }
unit-not-found = There is no unit number { $index } in the /units list.
unit-rename-done = Renamed “{ $unit }” to “{ $text }”.
unit-alias-done = Added the other name “{ $text }” for { $unit }.
unit-remove-done = Removed { $unit }. The unit's task history is kept.
unit-kind-done = Set the kind of { $unit }: { $kind }.
unit-kind-commune = commune level
unit-kind-department = department
unit-kind-mass-org = mass organisation
unit-kind-school = school
unit-kind-other = other
role-person-unknown = I don't know the user @{ $username } yet. They first need to send at least one message in a group the bot is in.
role-granted = ✅ { $person } now has the role { $role }.

## Entering a notice
notice-collecting-open = You are entering a notice in several parts. Send the next part (as a reply to my message), type /done to finish or /cancel to discard it.
notice-draft-open = There is an unpublished draft. Type /publish to publish it or /cancel to discard it before entering a new notice.
notice-which-office = You are the secretary of several offices; please send the command in that office's group.
notice-collect-start = Send the text of the notice, in several messages if needed, or a .docx/.pdf/.txt file, by <b>replying to this message</b>. Type /done when finished, /cancel to discard.
notice-collect-part = Received ({ $characters } characters). Send the next part as a reply to this message, or type /done to finish.
notice-nothing-collecting = No notice is being entered. Type /notice to start.
notice-empty = Nothing has been received yet. Send the text of the notice before typing /done.
notice-no-directives = No tasks were found in this text. Please check the document (tasks are usually numbered 1., 2., … in the “tasks for the coming period” section).
notice-no-draft = There is no draft notice. Type /notice to enter a new notice.
notice-cancelled = The draft notice has been discarded.
notice-already-published = This notice has already been published.
notice-fix-help =
    Correct the draft with these commands:
    • <code>/assign NO. Lead unit; support: Unit A, Unit B</code>
    • <code>/due NO. dd/mm/yyyy</code>
    Units not in the list yet: invite the unit's group (/invite) or add another name (/unit alias).
file-too-large = The file “{ $name }” is larger than 20 MB, and Telegram does not let bots download it. Send a smaller version or paste the text.
file-refused = Could not read the file “{ $name }”: { $reason }
notice-limit-characters = The notice is { $actual } characters long, over the limit of { $max } characters a notice. Send only its conclusions (the tasks).
notice-limit-directives = The notice has { $actual } tasks, over the limit of { $max } tasks a notice. Split it into several notices.
notice-limit-pages = The file “{ $name }” has { $actual } pages, over the limit of { $max } pages a notice. Send only its conclusions.
notice-limit-pages-zalo = The notice has { $actual } pages, over the limit of { $max } pages a notice. Send only its conclusions (the tasks) as text.
notice-limit-seconds = Reading the notice took more than { $max } seconds (the time limit), so the bot stopped: the file may be damaged or oddly built. Open and save it again in Word, or paste the text, and send it again.
notice-limit-seconds-zalo = Reading the notice took more than { $max } seconds (the time limit), so the bot stopped: the text is oddly built. Send only its conclusions (the tasks) and try again.
notice-limit-memoryMb = Reading the notice needed more than { $max } MB of memory (the memory limit), so the bot stopped: the file may be damaged or oddly built. Open and save it again in Word, or paste the text, and send it again.
notice-limit-memoryMb-zalo = Reading the notice needed more than { $max } MB of memory (the memory limit), so the bot stopped: the text is oddly built. Send only its conclusions (the tasks) and try again.
directive-unknown = There is no task number { $ordinal } in the draft.
assign-unknown-units = Units not found: { $units }. See the list with /units.
assign-done = Updated task { $ordinal } in the preview.
due-done = Updated task { $ordinal } in the preview: deadline { $date }.
due-set-by-secretary = deadline { $date } set by the secretary
notices-empty = No notice has been published yet.
notices-header = <b>Published notices</b>
notices-line = • { $notice } — published { $date } — { $count } tasks{ $title }

## Preview
preview-header = 📝 <b>Draft of notice No. { $number }</b> dated { $date }
preview-no-number = (no number)
preview-no-date = (no date)
preview-meeting = Meeting on { $date }
preview-signer = Signed by: { $signer }
preview-directives = <b>{ $count } tasks</b>
preview-lead = Lead (chủ trì): { $units }
preview-support = Coordinating (phối hợp): { $units }
preview-due = Deadline: <b>{ $date }</b> <i>({ $words })</i>
preview-due-date = Deadline: <b>{ $date }</b>
preview-no-due = Deadline: <i>{ $words }</i>
preview-no-due-bare = Deadline: not stated
preview-schedules = <b>Reporting schedule</b>
preview-schedule-report = • Units report on day { $days } of each month — <i>{ $text }</i>
preview-schedule-consolidate = • Consolidation on day { $days } of each month — <i>{ $text }</i>
preview-warnings = <b>Please check</b>
preview-summary-all = ✅ <b>{ $routed }/{ $count } tasks assigned.</b>
preview-summary = 📌 <b>{ $routed }/{ $count } tasks assigned; still to assign: { $missing }</b>
preview-expansion = • { $phrase } → { $count } units
preview-persons = Followed by: { $persons }
preview-person = { $name }
preview-hand-routed = ✍️ Assigned by the secretary.
preview-flag = ⚠️ { $message }
preview-check-flag = • Task { $ordinal }: { $message }
preview-check-unrouted = • Task { $ordinal }: not assigned to any unit (use /assign or tap a suggested unit).
preview-check-due = • Task { $ordinal }: the date of the deadline “{ $words }” could not be worked out (use /due).
preview-check-past = • Task { $ordinal }: the deadline { $date } has passed (today is { $today }): correct it with <code>/due { $ordinal } dd/mm/yyyy</code>
preview-check-immediate = • Task { $ordinal }: “{ $words }” is taken as { $date }; for another deadline, correct it with <code>/due { $ordinal } dd/mm/yyyy</code>
preview-check-immediate-past = • Task { $ordinal }: “{ $words }” is taken as { $date }, which has passed (today is { $today }): correct it with <code>/due { $ordinal } dd/mm/yyyy</code>
preview-moved-up = (The preview has been updated in the messages above.)
button-suggest = { $ordinal } → { $unit }
suggest-done = Task { $ordinal } assigned to { $unit }.
suggest-unit-gone = This unit is no longer in the /units list.
preview-footer = Check, then press <b>Publish</b>, or correct with /assign, /due.
button-publish = ✅ Publish
button-fix = ✏️ Edit
button-cancel = ✖️ Cancel
button-editor = 📝 Open the editor
editor-link-private = The draft editor (this link is yours alone; do not pass it on):
editor-link-sent = The editor's link is in your private chat with the bot.
editor-link-needs-private = The editor's link is only sent in a private chat: send /start to the bot privately, then press again.
editor-link-needs-private-zalo = The editor's link is only sent in a private chat: send /start to the bot privately, then choose this number again.

## Publishing
publish-started = Sending the tasks to the units…
publish-summary = 📤 Published { $notice }: sent { $messages } messages to { $units } units.
publish-failed-line = ❌ Could not send task { $ordinal } to { $unit }: { $reason }
publish-past-due = ⚠️ Task { $ordinal }: the deadline { $date } had already passed when it was published (today is { $today }).
publish-unrouted = ⚠️ Tasks not assigned to any unit: { $ordinals }.
publish-no-channel = ⚠️ Units without a group to receive tasks: { $units }.
delivery-blocked = the bot was blocked or removed from the group
delivery-chat-not-found = group not found
delivery-too-long = message too long
delivery-bad-request = { $platform } rejected the message
delivery-unavailable = { $platform } is temporarily not responding
directive-header = 📌 <b>{ $notice }</b> — Task <b>{ $ordinal }</b>
directive-role-lead = Your unit's role: <b>lead (chủ trì)</b>
directive-role-support = Your unit's role: <b>coordinating (phối hợp)</b> (lead: { $leads })
directive-due = ⏰ Deadline: <b>{ $date }</b> <i>({ $words })</i>
directive-no-due = ⏰ Deadline: { $words }
directive-due-unset = not stated
directive-how-to-report = Press a button below or reply to this message to report progress.
button-done = ✅ Done
button-progress = ⏳ In progress
button-blocked = ⚠️ Blocked

## Progress reports
status-not-your-unit = This task is not assigned to this group's unit.
status-unknown-number = The unit has no task number { $ordinal }. Type /status to see the list.
status-ambiguous = There are several tasks numbered { $ordinal } (notices { $notices }). Reply to the right task message or press a button under it.
status-recorded = ✅ Recorded task <b>{ $ordinal }</b> ({ $notice }): <b>{ $state }</b> — { $person }, { $time }
status-recorded-short = Recorded: { $state }
status-note = Note: { $note }
status-evidence-file = Evidence file: { $name }
status-none-open = { $unit } has no unfinished tasks left. 👏
status-header = <b>Unfinished tasks of { $unit }</b> ({ $count })
status-line = • <b>{ $ordinal }</b> ({ $notice }, { $role }) { $text } — due { $due } — <i>{ $state }</i>
status-usage = Report: <code>/status NO. done|progress|blocked note</code>, or reply to a task message.
mine-no-unit = You don't belong to any unit yet. Report once in your unit's group to be recognised.

## Summary
report-notice-unknown = No published notice numbered “{ $number }” was found.
report-empty = No notice has been published yet.
report-header = 📊 <b>{ $notice }</b> — { $total } task assignments
report-on-time = • Done on time: <b>{ $count }</b>
report-late = • Done late: <b>{ $count }</b>
report-in-time = • In progress, within the deadline: <b>{ $count }</b>
report-overdue = • Overdue, not done: <b>{ $count }</b>
report-overdue-header = <b>Overdue by unit</b>
report-overdue-unit = • { $unit }: { $items }
report-overdue-item = task { $ordinal } (due { $due }, { $days ->
        [one] 1 day
       *[other] { $days } days
    } overdue)
report-not-reported = Not reported since the last reporting date: { $units }
report-all-reported = All units have reported since the last reporting date.

## Reminders
reminder-missed-header = ⏰ <b>Reminders that could not be sent while the system was down</b>
reminder-report-day = 📅 { $date } is a reporting day. <b>{ $unit }</b> has not reported on these tasks since the last reporting day:
reminder-item = • Task <b>{ $ordinal }</b> — due { $due }
reminder-item-no-due = • Task <b>{ $ordinal }</b> — no deadline given
reminder-item-overdue = • Task <b>{ $ordinal }</b> — due { $due }, <b>{ $days ->
        [one] 1 day
       *[other] { $days } days
    } overdue</b>
reminder-notice = 📄 <b>{ $notice }</b>
reminder-report-how = Report with the buttons under the task message, by replying to it, or with <code>/status NO. done|progress|blocked note</code>.
reminder-deadline-before = ⏳ Task <b>{ $ordinal }</b> is due on <b>{ $due }</b>, { $days ->
        [one] 1 working day
       *[other] { $days } working days
    } from now.
reminder-deadline-due = ⏰ Task <b>{ $ordinal }</b> is due on <b>{ $due }</b>. Please finish it and report the result.
reminder-deadline-overdue = ❗ Task <b>{ $ordinal }</b> is <b>{ $days ->
        [one] 1 day
       *[other] { $days } days
    } overdue</b> (due { $due }).
reminder-deadline-how = Report progress with <code>/status</code>; if you need more time, ask for an extension: <code>/extend NO. dd/mm/yyyy reason</code>.
reminder-escalate-office-header = 🚨 <b>Overdue tasks not yet done</b>
reminder-escalate-leader-header = 🚨 <b>For the leadership: overdue tasks</b> — { $office }
reminder-escalate-line = • { $unit }: task <b>{ $ordinal }</b>, due { $due }, <b>{ $days ->
        [one] 1 day
       *[other] { $days } days
    } overdue</b>
reminder-summary-header = 🗓 <b>Periodic summary of { $date }</b> — { $office }
reminder-chat-blocked = ⚠️ Reminders could not be sent to the group “{ $chat }” ({ $units }): the bot was blocked or removed from it. Add the bot back to the group to keep receiving reminders.
args-remind = Usage: in a unit group <code>/remind on</code> or <code>/remind off</code>; in the office group <code>/remind allow</code> (units may mute reminders) or <code>/remind forbid</code>.
args-schedule = Usage: <code>/schedule report 14,28</code>, <code>/schedule consolidate 15,30</code>, <code>/schedule time 08:00</code>, <code>/schedule quiet 21:00-07:00</code>, <code>/schedule move previous|next</code> or <code>/schedule escalate 2 5</code>.
args-extend = Usage: <code>/extend NO. dd/mm/yyyy reason</code>, for example <code>/extend 7 15/04/2021 Waiting for the Department of Planning and Investment</code>.
remind-state-on = 🔔 This group receives reminders.
remind-state-off = 🔕 Reminders are off in this group. Type <code>/remind on</code> to turn them back on.
remind-muted = 🔕 Reminders are now off in this group. Type <code>/remind on</code> to turn them back on.
remind-unmuted = 🔔 Reminders are back on in this group.
remind-mute-forbidden = The office does not let units turn reminders off.
remind-no-channel = This topic gets its reminders through the whole group; send the command in the topic linked to the unit.
remind-office-allows = Units may turn their reminders off. Type <code>/remind forbid</code> to stop that.
remind-office-forbids = Units may not turn their reminders off. Type <code>/remind allow</code> to let them.
remind-allowed = ✅ Units may now turn their reminders off (<code>/remind off</code> in the unit group).
remind-forbidden = ✅ Units may no longer turn reminders off; groups that had done so receive them again.
schedule-header = 🗓 <b>Reminder schedule of { $office }</b>
schedule-report-days = • Units report on day { $days } of each month
schedule-consolidate-days = • Summary to the office and the leadership on day { $days } of each month
schedule-none = none
schedule-time = • Reminder time: { $time } ({ $zone })
schedule-quiet = • No messages from { $start } to { $end }
schedule-move-previous = • A reminder on a weekend or holiday moves to the working day before
schedule-move-next = • A reminder on a weekend or holiday moves to the working day after
schedule-deadline = • Deadline reminders: { $offsets } working days before, on the day and when overdue
schedule-escalate = • Overdue by { $office } working days: to the office group; by { $leader } working days: to the leaders in private
schedule-help = Change it with <code>/schedule report 14,28</code>, <code>/schedule consolidate 15,30</code>, <code>/schedule time 08:00</code>, <code>/schedule quiet 21:00-07:00</code>, <code>/schedule move previous|next</code>, <code>/schedule escalate 2 5</code>.
extend-not-later = The new deadline must be after the current one and after today ({ $due }).
extend-no-office = The office has no group to receive extension requests yet.
extend-requested = 📨 Your request to extend task <b>{ $ordinal }</b> to { $date } has been sent to the office. You will get the answer here.
extend-request-office =
    📨 <b>{ $unit }</b> asks to extend task <b>{ $ordinal }</b> ({ $notice }) from { $from } to <b>{ $to }</b>.
    Reason: { $reason }
    Asked by: { $person }
button-approve = ✅ Approve extension
button-refuse = ✖️ Refuse
extend-already-decided = This extension request has already been decided.
extend-approved-office = ✅ Extension of task <b>{ $ordinal }</b> ({ $notice }) for { $unit } to <b>{ $to }</b> approved — { $person }. The original deadline { $due } is kept for the statistics.
extend-refused-office = ✖️ Extension of task <b>{ $ordinal }</b> ({ $notice }) for { $unit } to { $to } refused — { $person }. The deadline stays { $due }.
extend-approved-unit = ✅ The office approved extending task <b>{ $ordinal }</b> ({ $notice }) of { $unit } to <b>{ $to }</b> (was { $due }) — { $person }.
extend-refused-unit = ✖️ The office refused extending task <b>{ $ordinal }</b> ({ $notice }) of { $unit } to { $to }; the deadline stays { $due } — { $person }.

## Exports
args-export = Usage: <code>/export [notice number] [xlsx|docx|png]</code>, e.g. <code>/export 87 docx</code>.
export-caption = 📎 { $kind } — { $scope }, figures as of { $date }
export-kind-xlsx = Tracking sheet (Excel)
export-kind-docx = Draft report (Word)
export-kind-png = Progress chart
export-scope-all = all notices
dashboard-link = 📊 <a href="{ $url }">Dashboard of { $office }</a> — read-only, expires at { $time }. Do not forward this link.
dashboard-no-office = You are not a secretary or leader of any office yet.
office-none = This command is for a { $roles } of an office. You hold that role in no office yet; ask a secretary to give it with <code>/role</code>.
office-choose = You hold a role in several offices. Choose the office for /{ $command }:
office-choice-args-too-long = The words after /{ $command } are too long to choose an office with. Use the command in that office's group.

## Zalo
zalo-choices-header = Reply with a number to choose:
join-done-private = ✅ You are now linked to <b>{ $unit }</b> ({ $office }). The unit's directives will be sent to this private chat. To report: <code>xong NUMBER note</code>, <code>đang NUMBER …</code>, <code>vướng NUMBER …</code> or <code>/status NUMBER done note</code>.
join-announced-private = ➕ <b>{ $unit }</b>: { $person } receives directives in a private chat.
status-told-unit = 📣 <b>{ $unit }</b>:
zalo-unsupported = The bot reads text messages only. Please report in words, for example <code>xong 4 sent report 12/BC-UBND</code>: the document number is the evidence.
command-telegram-only = The command /{ $command } works on Telegram only. Type /help for the commands that work here.
join-announced-untitled = ➕ <b>{ $unit }</b> has joined through a Zalo group (linked by { $person }).
directive-due-date = ⏰ Deadline: <b>{ $date }</b>
invite-on-zalo = Officials on Zalo write to the bot in a private chat on Zalo: <code>/join { $code } Unit name</code>

## Wording on Zalo: a key ending in -zalo replaces the key of the same name in messages sent to Zalo (no buttons, no quoted replies, no files)
button-expired-zalo = This number is no longer valid (the choice is old). Report with <code>xong NUMBER note</code>, or type /status to see the tasks.
group-not-registered-zalo =
    This group is not registered with dondoc yet.
    • Group of the monitoring office: type @, pick the bot, then send /setup.
    • Officials of a unit: ask the secretary for a code (/invite), then write to the bot in a private chat <code>/join CODE Unit name</code>.
help-header-office-zalo = <b>Commands in the monitoring office's group</b> (in a Zalo group, type @ and pick the bot before each command)
help-header-unit-zalo = <b>Commands in a unit's group</b> (in a Zalo group, type @ and pick the bot before each command)
help-header-unregistered-group-zalo = <b>This group is not registered</b> (in a Zalo group, type @ and pick the bot before each command)
help-footer-zalo = To report progress: type the number of a choice under the task message, or <code>xong NUMBER note</code>, <code>đang NUMBER …</code>, <code>vướng NUMBER …</code>.
help-footer-secretary-zalo = Secretary: write /notice to the bot in a private chat, send the notice as text (a long one in several messages), type /done, check the preview, then type the number of the Publish choice.
setup-done-zalo =
    ✅ This group is now registered as the group of <b>{ $office }</b>. You are its administrator and secretary.
    Next step: type @, pick the bot, then send /invite to get an invitation code for the officials of each unit.
invite-created-zalo =
    Invitation code (single use, expires at { $expires }): <code>{ $code }</code>
    An official of the unit writes to the bot in a private chat (not in the group): <code>/join { $code } Unit name</code>
notice-collecting-open-zalo = You are entering a notice in several parts. Send the next part, type /done to finish or /cancel to discard it.
notice-collect-start-zalo = Send the text of the notice; a long one in several messages (2000 characters each at most), one after the other. Type /done when finished, /cancel to discard.
notice-collect-part-zalo = Received ({ $characters } characters). Send the next part, or type /done to finish.
preview-footer-zalo = Check, then type the number of the <b>Publish</b> choice below, or correct with /assign, /due.
directive-how-to-report-zalo = To report progress: type the number of a choice below, or <code>xong { $ordinal } note</code> (<code>đang { $ordinal } …</code>, <code>vướng { $ordinal } …</code>).
status-ambiguous-zalo = There are several tasks numbered { $ordinal } (notices { $notices }). Type the number of a choice under the right task message.
status-usage-zalo = Report: <code>xong NO. note</code>, <code>đang NO. …</code>, <code>vướng NO. …</code> or <code>/status NO. done|progress|blocked note</code>.
status-evidence-file-zalo = Evidence sent on Telegram: { $name }
reminder-report-how-zalo = Report: type the number of a choice under the task message, or <code>xong NO. note</code>, <code>đang NO. …</code>, <code>vướng NO. …</code>.
join-done-zalo = ✅ This group is now linked to <b>{ $unit }</b> ({ $office }). The unit's tasks will be sent here. To report: type @, pick the bot, then write <code>xong NO. note</code> (or <code>đang NO. …</code>, <code>vướng NO. …</code>, the number of a choice).
mine-no-unit-zalo = You don't belong to any unit yet. Ask the secretary for a code, then write to the bot in a private chat: <code>/join CODE Unit name</code>.
preview-check-unrouted-zalo = • Task { $ordinal }: not assigned to any unit (use /assign or type the number of a suggested unit).

## Blockers, states on directive messages, the difficulties section of summaries
status-ask-reason = ⚠️ <a href="tg://user?id={ $user }">{ $person }</a>, what is blocking task <b>{ $ordinal }</b> ({ $notice })? Reply to this message with the reason; one sentence is enough. A blocker is recorded, and the office told, only with its reason.
status-ask-reason-zalo = ⚠️ { $person }, what is blocking task <b>{ $ordinal }</b> ({ $notice })? Send the reason as your next message here (in a group: type @, pick the bot, then the reason); one sentence is enough. A blocker is recorded, and the office told, only with its reason.
status-reason-asked-short = Please give the reason for the blocker.
status-recorded-blocked = ⚠️ Recorded task <b>{ $ordinal }</b> ({ $notice }): <b>{ $state }</b> — { $person }, { $time }. The office has been told.
directive-state-line = 🔖 State: <b>{ $state }</b> — { $person }, { $time }
blocker-alert = ⚠️ <b>Blocked</b> — <b>{ $unit }</b>
    { $notice }, task <b>{ $ordinal }</b>: { $text }
    Reason: <b>{ $reason }</b>
    Reported by { $person }, { $time }
button-open-directive = 📄 Open the task and its history
history-header = 📄 <b>{ $notice }</b> — Task <b>{ $ordinal }</b>
history-due = ⏰ Deadline: <b>{ $date }</b>
history-no-due = ⏰ Deadline: none given
history-unit = <b>{ $unit }</b> ({ $role }): <i>{ $state }</i>
history-no-reports = • no report yet
history-report = • { $time } — { $state } — { $person }
history-note = : { $note }
report-blocked-in-time = • Blocked, still within the deadline: <b>{ $count }</b>
report-overdue-with-blocked = • Overdue, not done: <b>{ $count }</b> ({ $blocked } of them blocked)
report-blocked-header = <b>Difficulties and blockers</b> ({ $count })
report-blocked-line = • { $unit } — task { $ordinal }: { $reason } ({ $days ->
        [0] reported today
        [one] open for 1 day
       *[other] open for { $days } days
    })
report-blocked-no-reason = no reason given

## Against forgery and abuse
button-not-member = Only members of this group can use this button.
button-not-member-zalo = Only members of this group can choose this number.
status-members-only = Only members of the assigned unit can report on this task. Nothing was recorded.
errors-muted = { $person } has made several mistakes in a row: for the next { $minutes } minutes the bot will not answer { $person }'s mistakes (correct commands are still handled).
join-admins-only = Only a group admin can link this group to a unit.
join-linked-elsewhere = This group is the group of <b>{ $unit }</b> ({ $office }), so it cannot move to another office. To move it, a secretary of { $office } first removes the unit (/unit remove); then ask the new office for another invitation code: this one is now used up.
join-hijack-announced = ⚠️ { $person } has just used another office's invitation code to move the group “{ $chat }” of <b>{ $unit }</b> to that office. The bot refused: the group still belongs to this office.
join-moved-announced = 🔁 The group “{ $chat }” moved from <b>{ $from }</b> to <b>{ $unit }</b> (linked again by { $person }). Tasks of { $from } are no longer sent to this group.
join-moved-announced-private = 🔁 { $person } moved from <b>{ $from }</b> to <b>{ $unit }</b>: tasks of { $from } are no longer sent to { $person } in a private chat.
too-long-unit-name = The unit name is { $length } characters long, over the limit of { $max }. Shorten it and send it again.
too-long-alias = The other name is { $length } characters long, over the limit of { $max }. Shorten it and send it again.
too-long-note = The note is { $length } characters long, over the limit of { $max }. Shorten it, or send long content as an attached file.
too-long-note-zalo = The note is { $length } characters long, over the limit of { $max }. Shorten it and send it again.
too-long-office-name = The office name is { $length } characters long, over the limit of { $max }. Shorten it and send it again.
