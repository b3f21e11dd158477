"""Copies wrangler's stdout, stderr and output file into a recording, without what varies run to run.

    python3 normalize.py WORK_DIR OUT_DIR RECORDING_DIR

- durations printed as "(1.23 sec)" become "(TIME sec)";
- the temporary project directory becomes "<project>" (and WORK_DIR "<work>"), the date in
  wrangler's debug log file name "<timestamp>";
- in output.ndjson, each entry's "timestamp" becomes "<timestamp>".
"""
import json
import os
import re
import sys

work, out, dest = sys.argv[1:4]


def clean(text):
    text = text.replace(os.path.join(work, "project"), "<project>").replace(work, "<work>")
    text = re.sub(r"wrangler-\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_\d{3}\.log", "wrangler-<timestamp>.log", text)
    return re.sub(r"\(\d+\.\d\d sec\)", "(TIME sec)", text)


for name in ("stdout.txt", "stderr.txt"):
    with open(os.path.join(out, name), encoding="utf-8", errors="replace") as f:
        text = clean(f.read())
    with open(os.path.join(dest, name), "w", encoding="utf-8") as f:
        f.write(text)

ndjson = os.path.join(out, "output.ndjson")
if os.path.exists(ndjson):
    lines = []
    with open(ndjson, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                entry = json.loads(clean(line))
                if "timestamp" in entry:
                    entry["timestamp"] = "<timestamp>"
                lines.append(json.dumps(entry, ensure_ascii=False))
    with open(os.path.join(dest, "output.ndjson"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))
