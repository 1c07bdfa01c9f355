import yaml, re, datetime, sys
mem = yaml.safe_load(open('/work/ov8-brief/members.yaml'))['members']
who = {f"{m['name']} <{m['address']}>": m for m in mem}
def lead(m):
    if m['role'] in ('chair', 'observer'): return None
    if m['role'] == 'representative': return {'RAG': 'ITU-R', 'TSAG': 'ITU-T', 'TDAG': 'ITU-D'}[m['advisory_group']]
    return {'BR': 'ITU-R', 'TSB': 'ITU-T', 'BDT': 'ITU-D', 'General Secretariat': 'GS'}[m['organisation']]
th = yaml.safe_load(open('/work/ov8-out/threads.yaml'))['threads']
pr = yaml.safe_load(open('/work/ov8-out/pairs.yaml'))['pairs']
err = []
DRE = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$')
first, L = {}, {}
prev = None
for n, t in enumerate(th, 1):
    if t['id'] != f'ov-{n:03d}': err.append(f'id {t["id"]} not ov-{n:03d}')
    if t.get('topics') != []: err.append(f'{t["id"]} topics')
    if not t['subject'].strip(): err.append(f'{t["id"]} empty subject')
    if not 1 <= len(t['messages']) <= 3: err.append(f'{t["id"]} has {len(t["messages"])} messages')
    last = None
    for i, m in enumerate(t['messages'], 1):
        if m['id'] != f'm{i}': err.append(f'{t["id"]} msg id {m["id"]}')
        if m['from'] not in who: err.append(f'{t["id"]} unknown sender {m["from"]}')
        if not isinstance(m['date'], str) or not DRE.match(m['date']): err.append(f'{t["id"]} bad date {m["date"]}')
        if 'actions' in m or 'closes' in m: err.append(f'{t["id"]} has actions/closes')
        if not m['body'].strip(): err.append(f'{t["id"]} empty body')
        d = datetime.datetime.fromisoformat(m['date'])
        if last and d <= last: err.append(f'{t["id"]} messages out of order')
        last = d
    d0 = datetime.datetime.fromisoformat(t['messages'][0]['date'])
    if prev and d0 < prev: err.append(f'{t["id"]} not in UTC order')
    prev = d0
    first[t['id']] = d0
    L[t['id']] = lead(who[t['messages'][0]['from']]) if t['messages'][0]['from'] in who else '?'
span = (max(first.values()) - min(first.values())).days
seen = set()
for p in pr:
    a, b = p['a'], p['b']
    if a not in first or b not in first: err.append(f'pair {a}-{b} unknown thread'); continue
    if a == b: err.append(f'pair {a} with itself')
    k = frozenset((a, b))
    if k in seen: err.append(f'duplicate pair {a}-{b}')
    seen.add(k)
    if abs(first[a] - first[b]) > datetime.timedelta(days=36): err.append(f'pair {a}-{b} > 36 days')
    if not isinstance(p['overlap'], bool): err.append(f'pair {a}-{b} overlap not bool')
    if not p.get('why'): err.append(f'pair {a}-{b} no why')
    if p['overlap'] and (L[a] is None or L[b] is None or L[a] == L[b]):
        err.append(f'true pair {a}-{b} leads {L[a]} / {L[b]}')
ntrue = sum(p['overlap'] for p in pr)
print(f'{len(th)} threads over {span} days ({min(first.values()).date()} .. {max(first.values()).date()}), '
      f'{sum(len(t["messages"]) for t in th)} messages; {len(pr)} pairs, {ntrue} true ({100*ntrue/len(pr):.0f}%)')
from collections import Counter
print('lead Sectors:', Counter(str(v) for v in L.values()))
print('\n'.join(err) if err else 'OK: no errors')
sys.exit(1 if err else 0)
