#!/usr/bin/env python3
"""Reads the messages an SMTP sink wrote and prints them as JSON (for the Swift tests).

Usage: read_messages.py FOLDER        (every FOLDER/*.eml)
       read_messages.py --ics FILE    (one .ics file: the calendar facts alone)
For each FOLDER/*.eml: its headers, the text part, and each text/calendar attachment parsed
with `icalendar` (PyPI): METHOD, and for each VEVENT its UID, SEQUENCE, STATUS, DTSTART as a UTC
ISO instant, the TZID parameter, and whether a VTIMEZONE for that TZID is present; plus checks
of the raw .ics: every line ends with CRLF and no line is longer than 75 octets.
"""
import email
import email.policy
import glob
import json
import os
import sys
from datetime import timezone

import icalendar


def calendar_facts(raw):
    lines = raw.split(b"\r\n")
    facts = {
        "crlf": raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
        "maxOctets": max(len(l) for l in lines),
    }
    cal = icalendar.Calendar.from_ical(raw)
    facts["method"] = str(cal.get("METHOD"))
    zones = [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")]
    facts["timezones"] = zones
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev.get("DTSTART")
        dt = start.dt
        events.append({
            "uid": str(ev.get("UID")),
            "sequence": int(ev.get("SEQUENCE", 0)),
            "status": str(ev.get("STATUS")),
            "start": dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tzid": start.params.get("TZID"),
            "summary": str(ev.get("SUMMARY")),
            "location": str(ev.get("LOCATION")),
            "description": str(ev.get("DESCRIPTION")),
        })
    facts["events"] = events
    return facts


def main():
    if sys.argv[1] == "--ics":
        with open(sys.argv[2], "rb") as f:
            json.dump(calendar_facts(f.read()), sys.stdout, ensure_ascii=False, indent=1)
        return
    out = []
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.eml"))):
        with open(path, "rb") as f:
            raw = f.read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        item = {"file": os.path.basename(path), "headers": {k: str(v) for k, v in msg.items()}, "text": "", "calendars": []}
        for part in msg.walk():
            if part.is_multipart():
                continue
            ctype = part.get_content_type()
            payload = part.get_payload(decode=True)
            if ctype == "text/plain" and not item["text"]:
                item["text"] = payload.decode("utf-8")
            elif ctype == "text/calendar":
                facts = calendar_facts(payload)
                facts["filename"] = part.get_filename()
                facts["contentMethod"] = part.get_param("method")
                item["calendars"].append(facts)
        out.append(item)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
