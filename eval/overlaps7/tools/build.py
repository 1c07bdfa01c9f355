"""Assemble threads.yaml and pairs.yaml from the hand-written content and validate."""
import datetime as dt
import sys
import yaml

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import threads_a, threads_b, threads_c
from pairs_def import P
from common import _members

OUT = "/work/blind9/out"
threads = threads_a.T + threads_b.T + threads_c.T
threads.sort(key=lambda t: t["start"].astimezone(dt.timezone.utc))
key2id = {}
for i, t in enumerate(threads, 1):
    key2id[t["key"]] = f"ov-{i:03d}"


class Lit(str):
    pass


def lit_rep(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")


yaml.add_representer(Lit, lit_rep)

doc = {"threads": []}
for t in threads:
    msgs = []
    for m in t["messages"]:
        e = {k: v for k, v in m.items() if not k.startswith("_")}
        e["body"] = Lit(e["body"])
        msgs.append(e)
    doc["threads"].append({"id": key2id[t["key"]], "subject": t["subject"], "topics": [], "messages": msgs})

with open(f"{OUT}/threads.yaml", "w", encoding="utf-8") as fh:
    fh.write("# Duplication-watch evaluation set (blind9): hand-written threads. See README.md.\n")
    yaml.dump(doc, fh, allow_unicode=True, sort_keys=False, width=200)

pairs = []
for a, b, ov, why in P:
    ia, ib = key2id[a], key2id[b]
    if ia > ib:
        ia, ib = ib, ia
    pairs.append({"a": ia, "b": ib, "overlap": ov, "why": why})
pairs.sort(key=lambda p: (p["a"], p["b"]))
with open(f"{OUT}/pairs.yaml", "w", encoding="utf-8") as fh:
    fh.write("# Hand-labelled pairs for the duplication watch (label-definition.md). See README.md.\n")
    yaml.dump({"pairs": pairs}, fh, allow_unicode=True, sort_keys=False, width=200)

# key map for the README
with open(f"{OUT}/tools/keymap.tsv", "w", encoding="utf-8") as fh:
    for t in threads:
        fh.write(f"{key2id[t['key']]}\t{t['key']}\t{t['start'].isoformat()}\t{t['messages'][0]['from']}\t{t['subject']}\n")
print("threads", len(threads), "messages", sum(len(t["messages"]) for t in threads),
      "pairs", len(pairs), "true", sum(p["overlap"] for p in pairs))
