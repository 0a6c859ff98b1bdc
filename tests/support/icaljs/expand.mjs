// Read an .ics file with ical.js (the parser Thunderbird uses), expand its recurring events and
// print one JSON object:
//   instances: [{uid, summary, start, end}]  every instance overlapping [FROM, TO)
//   events:    [{uid, description, triggers}] every VEVENT as read, alarm triggers in seconds
//
// usage: node expand.mjs FILE FROM TO        (FROM and TO as YYYY-MM-DD, TO exclusive)
//
// All-day instances print dates (YYYY-MM-DD); timed ones print UTC instants (ISO 8601 with Z).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [file, from, to] = process.argv.slice(2);
if (!file || !from || !to) {
  console.error("usage: node expand.mjs FILE FROM TO  (dates as YYYY-MM-DD, TO exclusive)");
  process.exit(2);
}

const rangeStart = ICAL.Time.fromDateString(from);
const rangeEnd = ICAL.Time.fromDateString(to);
const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));

// Register the feed's own VTIMEZONEs so TZID references resolve without ical.js's defaults.
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}

function show(time) {
  return time.isDate ? time.toString() : time.toJSDate().toISOString().replace(".000Z", "Z");
}

// Overlap of half-open ranges: an instance is kept when it starts before TO and ends after FROM.
function before(a, b) {
  return a.compare(b) < 0;
}

const instances = [];
const events = [];
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const triggers = vevent
    .getAllSubcomponents("valarm")
    .map((alarm) => alarm.getFirstPropertyValue("trigger").toSeconds());
  events.push({ uid: event.uid, description: event.description, triggers });
  if (event.isRecurrenceException()) continue; // reached through its master's iterator
  const emit = (start, end, summary) => {
    if (before(start, rangeEnd) && before(rangeStart, end)) {
      instances.push({ uid: event.uid, summary, start: show(start), end: show(end) });
    }
  };
  if (!event.isRecurring()) {
    emit(event.startDate, event.endDate, event.summary);
    continue;
  }
  const it = event.iterator();
  for (let next = it.next(); next; next = it.next()) {
    if (!before(next, rangeEnd)) break;
    const details = event.getOccurrenceDetails(next);
    emit(details.startDate, details.endDate, details.item.summary);
  }
}
process.stdout.write(JSON.stringify({ instances, events }));
