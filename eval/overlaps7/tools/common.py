"""Helpers for assembling the hand-written threads into YAML.

Only formatting is automated here: member lookup, UTC offsets (real tz rules),
quoting of the parent message in the style of the replier's mail client.
All message text lives in threads_*.py and is written by hand.
"""
import datetime as dt
import zoneinfo
import yaml

MEMBERS_FILE = "/work/blind9/members.yaml"
_members = {m["name"]: m for m in yaml.safe_load(open(MEMBERS_FILE, encoding="utf-8"))["members"]}

# short key -> (member name, IANA zone of where the person normally writes from)
PEOPLE = {
    "ingrid": ("Ingrid Solheim", "Europe/Oslo"),
    "joao": ("João Pereira da Silva", "America/Sao_Paulo"),
    "fatou": ("Fatou Ndiaye", "Africa/Dakar"),
    "yuki": ("Yuki Sato", "Asia/Tokyo"),
    "klaus": ("Klaus Brenner", "Europe/Berlin"),
    "zhang": ("Zhang Wei", "Asia/Shanghai"),
    "maria": ("María Fernández", "America/Argentina/Buenos_Aires"),
    "andres": ("Andrés Gutiérrez", "America/Bogota"),
    "priya": ("Priya Raman", "Asia/Kolkata"),
    "lucia": ("Lucia Bianchi", "Europe/Zurich"),
    "nadia": ("Nadia Haddad", "Europe/Zurich"),
    "hiroshi": ("Hiroshi Takemura", "Europe/Zurich"),
    "chen": ("Chen Lihua", "Europe/Zurich"),
    "elena": ("Elena Petrova", "Europe/Zurich"),
    "ahmed": ("Ahmed El-Sayed", "Europe/Zurich"),
    "sofia": ("Sofia Lindqvist", "Europe/Zurich"),
    "rajesh": ("Rajesh Iyer", "Europe/Zurich"),
    "pierre": ("Pierre Lefebvre", "Europe/Zurich"),
    "amara": ("Amara Diallo", "Europe/Zurich"),
    "tomas": ("Tomás Herrera", "Europe/Zurich"),
    "grace": ("Grace Mwangi", "Europe/Zurich"),
    "james": ("James Whitfield", "America/New_York"),
    "omar": ("Omar Khalil", "Africa/Cairo"),
    "luis": ("Luis Ramírez", "America/Mexico_City"),
}

LIST = "int-sect-team@lists.itu.int"


def person(key):
    name, tz = PEOPLE[key]
    m = _members[name]
    return name, m["address"], zoneinfo.ZoneInfo(tz)


def addr(key):
    name, a, _ = person(key)
    return f"{name} <{a}>"


def local(key, s):
    """'2027-09-14 10:20' in the sender's zone -> aware datetime."""
    _, _, tz = person(key)
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MON = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MON = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
FR_MON_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
               "oct.", "nov.", "déc."]
DE_DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DE_MON = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
ES_DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
ES_MON = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
PT_DAYS_ABBR = ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."]
PT_MON_ABBR = ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.",
               "out.", "nov.", "dez."]
NO_DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
NO_MON = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember"]
JA_DAYS = ["月", "火", "水", "木", "金", "土", "日"]


def quote_header(style, d, who, subject, to=LIST):
    """Header line(s) a mail client puts above the quoted parent.
    d = parent's datetime converted to the replier's zone."""
    wd, day, mon, y, hm = d.weekday(), d.day, d.month - 1, d.year, d.strftime("%H:%M")
    if style == "gmail_en":
        return f"On {EN_DAYS[wd][:3]}, {day} {EN_MON[mon][:3]} {y} at {hm}, {who} wrote:"
    if style == "gmail_fr":
        return f"Le {FR_DAYS[wd][:3]}. {day} {FR_MON_ABBR[mon]} {y} à {hm}, {who} a écrit :"
    if style == "gmail_es":
        n, a = who.split(" <")
        return f"El {ES_DAYS[wd][:3]}, {day} {ES_MON[mon][:3]} {y} a las {hm}, {n} (<{a}) escribió:"
    if style == "gmail_pt":
        return f"Em {PT_DAYS_ABBR[wd]}, {day} de {PT_MON_ABBR[mon]} de {y} às {hm}, {who} escreveu:"
    if style == "gmail_de":
        return f"Am {DE_DAYS[wd][:2]}., {day}. {DE_MON[mon][:3]}. {y} um {hm} Uhr schrieb {who}:"
    if style == "ja":
        return f"{y}年{mon+1}月{day}日({JA_DAYS[wd]}) {hm} {who}:"
    if style == "outlook_en":
        return (f"From: {who}\nSent: {EN_DAYS[wd]}, {day} {EN_MON[mon]} {y} {hm}\n"
                f"To: {to}\nSubject: {subject}")
    if style == "outlook_fr":
        return (f"De : {who}\nEnvoyé : {FR_DAYS[wd]} {day} {FR_MON[mon]} {y} {hm}\n"
                f"À : {to}\nObjet : {subject}")
    if style == "outlook_de":
        return (f"Von: {who}\nGesendet: {DE_DAYS[wd]}, {day}. {DE_MON[mon]} {y} {hm}\n"
                f"An: {to}\nBetreff: {subject}")
    if style == "outlook_es":
        return (f"De: {who}\nEnviado el: {ES_DAYS[wd]}, {day} de {ES_MON[mon]} de {y} {hm}\n"
                f"Para: {to}\nAsunto: {subject}")
    if style == "outlook_no":
        return (f"Fra: {who}\nSendt: {NO_DAYS[wd]} {day}. {NO_MON[mon]} {y} {hm}\n"
                f"Til: {to}\nEmne: {subject}")
    if style == "original_en":
        return (f"-----Original Message-----\nFrom: {who}\nSent: {EN_DAYS[wd]}, "
                f"{EN_MON[mon]} {day}, {y} {d.strftime('%I:%M %p').lstrip('0')}\nTo: {to}\nSubject: {subject}")
    raise ValueError(style)


OUTLOOK = {"outlook_en", "outlook_fr", "outlook_de", "outlook_es", "outlook_no", "original_en"}


def build_thread(key, subject, msgs):
    """msgs: list of dicts with keys
       s (sender key), t (local time string), text (hand-written new text),
       q (quote style or None), subj (optional explicit subject), hdr (optional headers),
       to/cc (optional), parent (index of quoted message, default previous)."""
    out = []
    for i, m in enumerate(msgs):
        sender = m["s"]
        d = local(sender, m["t"])
        msubj = m.get("subj") or (subject if i == 0 else "Re: " + subject)
        body = m["text"].rstrip("\n") + "\n"
        if i > 0 and m.get("q"):
            p = out[m.get("parent", i - 1)]
            pd = p["_dt"].astimezone(d.tzinfo)
            hdr = quote_header(m["q"], pd, p["from"], p["_subj"], p.get("to", LIST))
            if m["q"] in OUTLOOK:
                sep = "" if m["q"] == "original_en" else "________________________________\n"
                body += "\n" + sep + hdr + "\n\n" + p["body"]
            else:
                quoted = "\n".join((">" + l) if l.startswith(">") else ("> " + l if l else ">")
                                   for l in p["body"].rstrip("\n").split("\n"))
                body += "\n" + hdr + "\n" + quoted + "\n"
        e = {"id": f"m{i+1}", "from": addr(sender)}
        if m.get("to"):
            e["to"] = m["to"]
        if m.get("cc"):
            e["cc"] = m["cc"]
        e["date"] = d.isoformat()
        if i == 0 or m.get("subj"):
            e["subject"] = msubj
        if m.get("hdr"):
            e["headers"] = m["hdr"]
        e["body"] = body
        e["_dt"] = d
        e["_subj"] = msubj
        out.append(e)
    for i in range(1, len(out)):
        assert out[i]["_dt"] > out[i - 1]["_dt"], (key, i)
    return {"key": key, "subject": subject, "start": out[0]["_dt"], "messages": out}
