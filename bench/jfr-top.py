#!/usr/bin/env python3
"""Aggregates `jfr print --events jdk.ExecutionSample` output: top frames, first platform frames, and packages."""
import collections, re, sys

text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
samples = text.split("jdk.ExecutionSample")
top, own, pkg, total = collections.Counter(), collections.Counter(), collections.Counter(), 0
frame = re.compile(r"^\s+([\w$.<>]+)\(")
for s in samples[1:]:
    frames = [m.group(1) for m in (frame.match(l) for l in s.splitlines()) if m]
    if not frames:
        continue
    total += 1
    top[frames[0]] += 1
    first = next((f for f in frames if f.startswith("cn.ecolaw.")), None)
    own[first or "(no platform frame)"] += 1
    # the first frame that names a recognisable component
    for f in frames:
        for key in ("cn.ecolaw.platform.documents", "org.docx4j", "org.apache.pdfbox", "org.apache.fontbox",
                    "org.postgresql", "org.camunda.bpm.engine.impl.history", "org.camunda.bpm.engine.impl.db",
                    "org.camunda.bpm.dmn", "org.camunda.feel", "com.fasterxml.jackson", "org.apache.ibatis",
                    "org.springframework.security", "cn.ecolaw.platform.audit", "cn.ecolaw.platform.engine"):
            if f.startswith(key):
                pkg[key] += 1
                break
        else:
            continue
        break
    else:
        pkg["(other)"] += 1
print(f"samples: {total}")
for title, c in (("top frames", top), ("first platform frame", own), ("component (innermost recognised)", pkg)):
    print(f"-- {title}")
    for name, n in c.most_common(25):
        print(f"{100.0 * n / max(total, 1):5.1f}%  {n:6d}  {name}")
