import datetime, zoneinfo, itertools, yaml, sys
sys.path.insert(0, '/work/ov8-out/src')
from d2 import T

P = {  # key: (display name, address, tz)
 'ingrid': ('Ingrid Solheim', 'ingrid.solheim@example.no', 'Europe/Oslo'),
 'joao': ('João Pereira da Silva', 'joao.silva@example.gov.br', 'America/Sao_Paulo'),
 'fatou': ('Fatou Ndiaye', 'fatou.ndiaye@example.sn', 'Africa/Dakar'),
 'yuki': ('Yuki Sato', 'yuki.sato@example.go.jp', 'Asia/Tokyo'),
 'klaus': ('Klaus Brenner', 'klaus.brenner@example.de', 'Europe/Berlin'),
 'zhang': ('Zhang Wei', 'zhang.wei@example.cn', 'Asia/Shanghai'),
 'maria': ('María Fernández', 'maria.fernandez@example.gob.ar', 'America/Argentina/Buenos_Aires'),
 'andres': ('Andrés Gutiérrez', 'andres.gutierrez@example.gov.co', 'America/Bogota'),
 'priya': ('Priya Raman', 'priya.raman@example.gov.in', 'Asia/Kolkata'),
 'lucia': ('Lucia Bianchi', 'lucia.bianchi@itu.int', 'Europe/Zurich'),
 'nadia': ('Nadia Haddad', 'nadia.haddad@itu.int', 'Europe/Zurich'),
 'hiroshi': ('Hiroshi Takemura', 'hiroshi.takemura@itu.int', 'Europe/Zurich'),
 'chen': ('Chen Lihua', 'chen.lihua@itu.int', 'Europe/Zurich'),
 'elena': ('Elena Petrova', 'elena.petrova@itu.int', 'Europe/Zurich'),
 'ahmed': ('Ahmed El-Sayed', 'ahmed.elsayed@itu.int', 'Europe/Zurich'),
 'sofia': ('Sofia Lindqvist', 'sofia.lindqvist@itu.int', 'Europe/Zurich'),
 'rajesh': ('Rajesh Iyer', 'rajesh.iyer@itu.int', 'Europe/Zurich'),
 'pierre': ('Pierre Lefebvre', 'pierre.lefebvre@itu.int', 'Europe/Zurich'),
 'amara': ('Amara Diallo', 'amara.diallo@itu.int', 'Europe/Zurich'),
 'tomas': ('Tomás Herrera', 'tomas.herrera@itu.int', 'Europe/Zurich'),
 'grace': ('Grace Mwangi', 'grace.mwangi@itu.int', 'Europe/Zurich'),
 'james': ('James Whitfield', 'james.whitfield@example-telecom.com', 'Europe/London'),
 'omar': ('Omar Khalil', 'omar.khalil@example.edu.eg', 'Africa/Cairo'),
 'luis': ('Luis Ramírez', 'luis.ramirez@example.gob.mx', 'America/Mexico_City'),
}

# role of each thread: (sector of first sender, kind, short description)
R = {
 'c1-r': ('ITU-R', 'work', 'WP 5A Report on RLAN sharing in 5 925-7 125 MHz'),
 'c1-gs': ('GS', 'homonym', 'HQ/CICG Wi-Fi networks (logistics, same word "Wi-Fi")'),
 'c1-d': ('ITU-D', 'work', 'BDT model decision on licence-exempt wireless LANs at 6 GHz'),
 'c1-data': ('ITU-D', 'data', 'Colombian fixed-link measurements offered to WP 5A'),
 'c1-chair': ('none', 'chair', 'chair asks each group about 6 GHz'),
 'c2-t': ('ITU-T', 'work', 'SG2 Supplement on routing calls to ported numbers'),
 'c2-homonym': ('ITU-R', 'homonym', 'WP 5B Report on radio in port areas (seaports, not porting)'),
 'c2-d': ('ITU-D', 'work', 'ITU-D SG1 guidelines on switching operator and keeping the number'),
 'c2-event': ('ITU-D', 'event', 'Lima consumer forum session on changing operators'),
 'c2-obs': ('none', 'observer', 'observer (ITU-D SG2 vice-chair) asks who studies portability'),
 'c3-t': ('ITU-T', 'work', 'SG3 D.SSL on sector-specific levies and retail prices'),
 'c3-d': ('ITU-D', 'work', 'ITU-D SG1 report on handset duties and airtime excise'),
 'c3-homonym': ('GS', 'homonym', 'Swiss VAT exemption for catering (tax, not telecom taxation)'),
 'c3-gs': ('GS', 'work', 'GS discussion paper on fiscal regimes and cost of getting online'),
 'c3-ls': ('ITU-T', 'coord', 'LS from SG3 to ITU-D SG1 inviting comments on D.SSL'),
 'c4-d': ('ITU-D', 'work', 'BDT guidelines on retiring legacy mobile networks'),
 'c4-homonym': ('ITU-T', 'homonym', 'sunset review of SG2/SG3 Questions (sunset of Questions, not networks)'),
 'c4-t': ('ITU-T', 'work', 'SG13/SG11 TR on migrating voice/SMS/M2M off circuit-switched generations'),
 'c4-r': ('ITU-R', 'work', 'WP 5D Report on re-use of spectrum freed by GSM/UMTS switch-off'),
 'c5-r': ('ITU-R', 'work', 'WP 5D Report on local IMT networks for industrial sites'),
 'c5-homonym': ('ITU-R', 'homonym', 'BR private network (VPN) certificates for SNS Online'),
 'c5-event': ('ITU-D', 'event', 'Kigali Industry 4.0 connectivity workshop'),
 'c5-d': ('ITU-D', 'work', 'ITU-D SG1 proposal on licensing dedicated wireless networks for mining/agro-industry'),
 'c5-t': ('ITU-T', 'work', 'SG13 Y.NPN-int on non-public networks'),
 'c6-r': ('ITU-R', 'work', 'WP 6A Report on TV received directly on phones without SIM/data'),
 'c6-homonym': ('GS', 'homonym', 'WebTV webcast of an ISCG info session'),
 'c6-t': ('ITU-T', 'work', 'SG9 J.hh-lbc handheld terminals for linear TV over 5G Broadcast'),
 'c6-data': ('ITU-R', 'data', 'Japan handheld-reception trial data offered to SG9'),
 'c6-d': ('ITU-D', 'work', 'BDT handbook on free-to-air content on mobile devices'),
 'c7-d': ('ITU-D', 'work', 'BDT Digital Skills Assessment Guidebook 2nd edition'),
 'c7-homonym': ('ITU-T', 'homonym', 'TSB survey of Recommendation editors\' drafting skills'),
 'c7-gs': ('GS', 'work', 'GS note on a common framework for gauging digital competence'),
 'c7-d2': ('ITU-D', 'work', 'India ITU-D SG1 indicators of digital literacy among rural women'),
 'c7-event': ('ITU-D', 'event', 'ITU Academy Digital Skills Week call for sessions'),
 'c8-t': ('ITU-T', 'work', 'SG3 Supplement on zero-rating and sponsored data'),
 'c8-homonym': ('GS', 'homonym', 'ITU net-zero 2030 emissions targets (zero, not zero-rating)'),
 'c8-d': ('ITU-D', 'work', 'ITU-D SG1 guidance on plans where some apps do not use the data allowance'),
 'c8-obs': ('none', 'observer', 'Example Telecom note on toll-free e-government apps'),
 'c8-gs': ('GS', 'work', 'GS brief on differential pricing of online content'),
 'c9-r': ('ITU-R', 'work', 'WP 7D Report on aggregate non-GSO emissions into radio astronomy bands'),
 'c9-homonym': ('ITU-D', 'homonym', 'dark fibre leasing by utilities (dark fibre, not dark skies)'),
 'c9-data': ('ITU-R', 'data', 'Japan Nobeyama measurements offered to WP 7D'),
 'c9-gs': ('GS', 'work', 'GS COPUOS statement/paper on dark and quiet skies'),
 'c9-d': ('ITU-D', 'work', 'BDT guide on protecting observatory sites from satellite and ground transmitters'),
 'c10-t': ('ITU-T', 'work', 'SG13 Supplement on IPv6-only mobile cores'),
 'c10-homonym': ('ITU-D', 'homonym', 'digital street addressing for homes (addresses, not IP addresses)'),
 'c10-d': ('ITU-D', 'work', 'BDT guide on moving government networks to IPv6'),
 'c10-event': ('ITU-T', 'event', 'Cairo workshop on IPv6 deployment'),
}
SKIP = {frozenset(p) for p in [('c3-ls','c3-gs'), ('c6-data','c6-d'), ('c9-data','c9-gs'), ('c9-data','c9-d')]}
CROSS = [('c1-d','c2-t'), ('c2-d','c3-t'), ('c3-gs','c4-d'), ('c4-r','c5-r'), ('c5-t','c6-r'), ('c6-d','c7-gs'),
         ('c7-d2','c8-d'), ('c8-d','c9-r'), ('c9-gs','c10-t')]

def utc(m):
    return m['_dt'].astimezone(datetime.timezone.utc)

threads = []
for t in T:
    msgs = []
    for i, (who, when, body, *extra) in enumerate(t['msgs']):
        name, addr, tz = P[who]
        dt = datetime.datetime.strptime(when, '%Y-%m-%d %H:%M').replace(tzinfo=zoneinfo.ZoneInfo(tz))
        m = {'id': f'm{i+1}', 'from': f'{name} <{addr}>', 'date': dt.isoformat(timespec='seconds'), 'body': body, '_dt': dt}
        if extra: m.update(extra[0])
        msgs.append(m)
    for a, b in zip(msgs, msgs[1:]):
        assert utc(b) > utc(a), (t['key'], a['id'], b['id'])
    threads.append(dict(key=t['key'], subject=t['subject'], msgs=msgs))
threads.sort(key=lambda t: utc(t['msgs'][0]))
ids = {}
for n, t in enumerate(threads, 1):
    ids[t['key']] = f'ov-{n:03d}'

class Lit(str): pass
yaml.add_representer(Lit, lambda d, s: d.represent_scalar('tag:yaml.org,2002:str', s, style='|'), Dumper=yaml.SafeDumper)
out = []
for t in threads:
    ms = []
    for m in t['msgs']:
        mm = {'id': m['id'], 'from': m['from'], 'date': m['date']}
        for k in ('to', 'cc', 'subject', 'headers'):
            if k in m: mm[k] = m[k]
        mm['body'] = Lit(m['body'])
        ms.append(mm)
    out.append({'id': ids[t['key']], 'subject': t['subject'], 'topics': [], 'messages': ms})

HEADER = """# ov8: duplication-watch evaluation threads (iscg-mailbot), written blind to the rules.
# Writer styles: formal liaison notes (BR/TSB), terse secretariat notices, chatty and
# non-native English, French and Spanish openings with English summaries, replies quoted
# in Outlook (EN/DE/ES), Gmail (EN/ES), Thunderbird (FR) and plain '>' styles.
# Ten subject clusters; pairs and labels in pairs.yaml, cluster map in README.md.
# Dates carry each sender's UTC offset (Geneva staff CET/CEST, etc.).
"""
with open('/work/ov8-out/threads.yaml', 'w') as f:
    f.write(HEADER)
    yaml.dump({'threads': out}, f, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1000)

first = {t['key']: utc(t['msgs'][0]) for t in threads}
def why(a, b):
    sa, ka, da = R[a]; sb, kb, db = R[b]
    ca, cb = a.split('-')[0], b.split('-')[0]
    if ca != cb:
        return False, f'different subjects: {da} vs {db}'
    if ka == 'work' and kb == 'work':
        if sa != sb:
            return True, f'same subject, different Sectors ({sa} vs {sb}): {da} / {db}'
        return False, f'same Sector ({sa}) on both sides: {da} / {db}'
    reasons = {'homonym': 'homonym / different subject', 'event': 'event/logistics thread', 'data': 'data contribution, not a separate study',
               'chair': 'started by the chair (no lead Sector)', 'observer': 'started by an observer (no lead Sector)',
               'coord': 'coordination/liaison between Sectors', 'work': None}
    rs = [r for r in (reasons[ka], reasons[kb]) if r]
    if sa == sb and sa != 'none': rs.append(f'same Sector ({sa})')
    return False, '; '.join(rs) + f': {da} / {db}'

cands = []
keys = [t['key'] for t in threads]
for a, b in itertools.combinations(keys, 2):
    if a.split('-')[0] == b.split('-')[0] and frozenset((a, b)) not in SKIP:
        cands.append((a, b))
cands += CROSS
pairs = []
for a, b in cands:
    if first[a] > first[b]: a, b = b, a
    assert abs(first[b] - first[a]) <= datetime.timedelta(days=36), (a, b, first[b] - first[a])
    ov, w = why(a, b)
    pairs.append({'a': ids[a], 'b': ids[b], 'overlap': ov, 'why': w})
pairs.sort(key=lambda p: (p['a'], p['b']))
with open('/work/ov8-out/pairs.yaml', 'w') as f:
    f.write('# ov8 pairs for the duplication watch; overlap per label-definition.md\n')
    yaml.dump({'pairs': pairs}, f, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1000)
with open('/work/ov8-out/src/idmap.txt', 'w') as f:
    for t in threads:
        f.write(f"{ids[t['key']]}\t{t['key']}\t{t['msgs'][0]['date']}\t{R[t['key']][0]}\t{R[t['key']][1]}\t{t['subject']}\n")
print(len(threads), 'threads', len(pairs), 'pairs', sum(p['overlap'] for p in pairs), 'true')
