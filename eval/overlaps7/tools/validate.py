"""Validate threads.yaml / pairs.yaml against the rules of label-definition.md."""
import datetime as dt, re, sys, yaml

B = "/work/blind9"
th = yaml.safe_load(open(f"{B}/out/threads.yaml", encoding="utf-8"))["threads"]
pr = yaml.safe_load(open(f"{B}/out/pairs.yaml", encoding="utf-8"))["pairs"]
mem = yaml.safe_load(open(f"{B}/members.yaml", encoding="utf-8"))["members"]
exact = {f"{m['name']} <{m['address']}>": m for m in mem}
used = set()
for l in open(f"{B}/subjects-already-used.md", encoding="utf-8"):
    if l.startswith("- "):
        s = l[2:].strip().lower()
        used.add(s); used.add(re.sub(r"^\[int-sect-team\]\s*", "", s))
err = []
ids = [t["id"] for t in th]
if len(set(ids)) != len(ids): err.append("duplicate thread ids")
start = {}
prev = None
sector = {}
def lead(m):
    if m["role"] in ("chair", "observer"): return None
    if m["role"] == "representative": return {"RAG": "R", "TSAG": "T", "TDAG": "D"}[m["advisory_group"]]
    return {"BR": "R", "TSB": "T", "BDT": "D", "General Secretariat": "GS"}[m["organisation"]]
for i, t in enumerate(th, 1):
    if t["id"] != f"ov-{i:03d}": err.append(f"numbering {t['id']}")
    if t.get("topics") != []: err.append(f"topics {t['id']}")
    if not 1 <= len(t["messages"]) <= 3: err.append(f"msg count {t['id']}")
    s = t["subject"].lower(); s2 = re.sub(r"^\[int-sect-team\]\s*", "", s)
    if s in used or s2 in used: err.append(f"used subject {t['id']}")
    mids = [m["id"] for m in t["messages"]]
    if len(set(mids)) != len(mids): err.append(f"dup msg ids {t['id']}")
    last = None
    for m in t["messages"]:
        if "actions" in m or "closes" in m: err.append(f"actions in {t['id']}")
        if m["from"] not in exact: err.append(f"unknown sender {t['id']} {m['from']}")
        d = dt.datetime.fromisoformat(m["date"])
        if d.tzinfo is None: err.append("naive date")
        if not (dt.datetime(2027,1,1,tzinfo=dt.timezone.utc) <= d < dt.datetime(2029,1,1,tzinfo=dt.timezone.utc)): err.append(f"date range {t['id']}")
        if last and d <= last: err.append(f"order {t['id']}")
        last = d
    if t["messages"][0].get("subject", t["subject"]) != t["subject"]: err.append(f"first subject {t['id']}")
    d0 = dt.datetime.fromisoformat(t["messages"][0]["date"])
    if prev and d0 < prev: err.append(f"not sorted by UTC {t['id']}")
    prev = d0
    start[t["id"]] = d0
    sector[t["id"]] = lead(exact[t["messages"][0]["from"]])
seen = set()
for p in pr:
    a, b = p["a"], p["b"]
    if a not in start or b not in start: err.append(f"missing thread {p}"); continue
    if (a, b) in seen or a == b: err.append(f"dup pair {a} {b}")
    seen.add((a, b))
    if abs(start[a] - start[b]) > dt.timedelta(days=36): err.append(f"pair >36d {a} {b} {abs(start[a]-start[b])}")
    if not p.get("why"): err.append(f"no why {a} {b}")
    if p["overlap"]:
        if sector[a] is None or sector[b] is None or sector[a] == sector[b]:
            err.append(f"true pair with bad sectors {a}={sector[a]} {b}={sector[b]}")
span = (max(start.values()) - min(start.values())).days
print("threads", len(th), "messages", sum(len(t["messages"]) for t in th), "pairs", len(pr),
      "true", sum(p["overlap"] for p in pr), "span days", span)
print("first-message leads:", {k: list(sector.values()).count(k) for k in ["R", "T", "D", "GS", None]})
print("ERRORS:" if err else "OK", *err, sep="\n")
