"""Runs one attack scan against a running Host and writes its report beside this script (see run.sh).

sqlmap: every query parameter and JSON body that /openapi/v1.json documents, in demo tenant `ee`, with an owner's bearer token.
wapiti: crawls and attacks the pages from the tenant's workspace with an owner's sign-in cookie.
"""
import concurrent.futures
import datetime
import html.parser
import http.cookiejar
import json
import os
import pathlib
import re
import subprocess
import sys
import urllib.parse
import urllib.request

scan, base, email, password, out, here = sys.argv[1:7]
out, here = pathlib.Path(out), pathlib.Path(here)
TENANT = "ee"
# Acts that would end the scan's own session or account, or are no endpoint for data: never sent by the scanners.
ENDING = re.compile(r"logout|/2fa|sign-?out|/sessions|password|two-factor|second-factor|passkey|/auth/me|/email|erase|/delete-account", re.I)


def bearer_token():
    request = urllib.request.Request(f"{base}/api/auth/login", data=json.dumps({"email": email, "password": password}).encode(),
                                     headers={"content-type": "application/json"})
    return json.load(urllib.request.urlopen(request))["accessToken"]


def example(schema, components, depth=0):
    """A plausible value for a schema: what the scanner then varies."""
    if depth > 4 or not isinstance(schema, dict):
        return "x"
    if "$ref" in schema:
        return example(components.get(schema["$ref"].split("/")[-1], {}), components, depth + 1)
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return example(options[0] if options else {}, components, depth + 1)
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        return values[0] if values else None
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "string") if isinstance(kind, list) else (kind or "string")
    if kind == "object":
        return {name: example(s, components, depth + 1) for name, s in (schema.get("properties") or {}).items()}
    if kind == "array":
        return [example(schema.get("items", {}), components, depth + 1)]
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    if fmt == "uuid":
        return "00000000-0000-0000-0000-000000000001"
    if fmt == "date-time":
        return "2026-11-30T10:00:00Z"
    if fmt == "date":
        return "2026-11-30"
    if fmt in ("uri", "url"):
        return "https://example.org/"
    if fmt == "email":
        return "scan@example.org"
    return "health"


def first_ids(token):
    """An id of a record the route can find: the first item of the list one level up (null when there is none)."""
    known = {}

    def find(prefix):
        if prefix not in known:
            try:
                request = urllib.request.Request(f"{base}{prefix}", headers={"Authorization": f"Bearer {token}"})
                listed = json.load(urllib.request.urlopen(request, timeout=15))
                items = listed.get("items") if isinstance(listed, dict) else listed
                known[prefix] = str(items[0]["id"]) if items and isinstance(items[0], dict) and "id" in items[0] else None
            except (OSError, ValueError, KeyError, TypeError):
                known[prefix] = None
        return known[prefix]
    return find


def sqlmap_targets(token):
    find = first_ids(token)
    document = json.load(urllib.request.urlopen(f"{base}/openapi/v1.json"))
    components = document.get("components", {}).get("schemas", {})
    targets = []
    for path, operations in sorted(document["paths"].items()):
        for method, operation in operations.items():
            method = method.upper()
            if method not in ("GET", "POST", "PUT", "PATCH") or ENDING.search(path):
                continue
            parameters = operation.get("parameters", []) + operations.get("parameters", [])
            concrete = path
            for p in (p for p in parameters if p.get("in") == "path"):
                if p["name"] == "tenant":
                    concrete = concrete.replace("{tenant}", TENANT)
                elif (p.get("schema") or {}).get("format") == "uuid":
                    concrete = concrete.replace("{" + p["name"] + "}", "{" + p["name"] + "Id}" if not p["name"].lower().endswith("id") else "{" + p["name"] + "}")
                else:
                    concrete = concrete.replace("{" + p["name"] + "}", "health*")  # a free-text segment: an injection point
            # Route values the document does not declare: the tenant, ids (GUIDs, by the routes' constraints), free text. An id is
            # one of a real record where the list above it names one (a route that cannot find its record answers 404 to everything).
            concrete = concrete.replace("{tenant}", TENANT)
            while match := re.search(r"\{\w*[iI]d\}|00000000-0000-0000-0000-000000000001", concrete):
                real = find(concrete[:match.start()].rstrip("/"))
                concrete = concrete[:match.start()] + (real or "00000000-0000-0000-0000-00000000000f") + concrete[match.end():]
            concrete = re.sub(r"\{\w+\}", "health*", concrete)
            query = {p["name"]: example(p.get("schema", {}), components) for p in parameters if p.get("in") == "query"}
            body = (operation.get("requestBody") or {}).get("content", {}).get("application/json")
            data = json.dumps(example(body.get("schema", {}), components)) if body else None
            if (method == "GET" and not query and "*" not in concrete) or (method != "GET" and not data):
                continue
            flat = {k: (",".join(map(str, v)) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else v) for k, v in query.items()}
            url = f"{base}{concrete}" + (f"?{urllib.parse.urlencode(flat)}" if flat else "")
            targets.append((method, path, url, data))
    return targets


def run_sqlmap(target, token, index):
    method, path, url, data = target
    log = out / f"sqlmap-{index:03d}.log"
    command = ["sqlmap", "-u", url, "--method", method, "-H", f"Authorization: Bearer {token}", "--batch", "--level", "1", "--risk", "1",
               "--threads", "2", "--timeout", "15", "--retries", "1", "--output-dir", str(out / "sqlmap"), "--disable-coloring"]
    if data:
        command += ["--data", data, "-H", "Content-Type: application/json"]
    with open(log, "w") as f:
        subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, timeout=1800, check=False)
    text = log.read_text(errors="replace")
    if re.search(r"identified the following injection point|is vulnerable", text):
        verdict = "**INJECTABLE**"
    elif "do not appear to be injectable" in text or "does not seem to be injectable" in text:
        verdict = "not injectable"
    elif problems := re.findall(r"\[(?:CRITICAL|ERROR)\] (.*)", text):
        verdict = "not tested: " + problems[-1][:120]
    else:
        verdict = "see log"
    tested = sorted(set(re.findall(r"testing if (?:\(custom\) )?(?:GET|POST|PUT|PATCH|URI|\(custom\) POST|JSON) parameter '([^']+)'", text))
                    | set(re.findall(r"parameter '([^']+)' (?:does not seem|is not) ", text)))
    return method, path, verdict, tested, log.name


def sqlmap():
    token = bearer_token()
    targets = sqlmap_targets(token)[:int(os.environ.get("SCAN_LIMIT", "100000"))]  # SCAN_LIMIT: a quick look at the first few
    print(f"   {len(targets)} targets", flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ.get("SCAN_WORKERS", "2"))) as pool:
        results = list(pool.map(lambda t: run_sqlmap(t[1], token, t[0]), enumerate(targets)))
    injectable = [r for r in results if r[2] == "**INJECTABLE**"]
    lines = [f"# sqlmap against the API — {datetime.date.today()}", "",
             f"`bash bench/security/run.sh sqlmap` (sqlmap {version(['sqlmap', '--version'])}): every GET with query parameters, every",
             "free-text path segment and every JSON body of a POST/PUT/PATCH that `/openapi/v1.json` documents, in demo tenant `ee`, as its",
             "owner (bearer token), against a loopback Host on SQLite with the demo data; level 1, risk 1. Acts that would end the scan's",
             "own session (sign-out, password, sessions, second factor, the account itself) are left out; GUID path segments are fixed",
             "(the route refuses anything else).", "",
             f"**{len(targets)} targets, {len(injectable)} injectable.**", "",
             "| Method | Route | Verdict | Parameters tested | Log |", "|---|---|---|---|---|"]
    lines += [f"| {m} | `{p}` | {v} | {', '.join(t) or '—'} | {log} |" for m, p, v, t, log in results]
    (here / "sqlmap-report.md").write_text("\n".join(lines) + "\n")
    print(f"   {len(targets)} targets, {len(injectable)} injectable; bench/security/sqlmap-report.md", flush=True)


class HiddenInputs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.values.setdefault(a["name"], a.get("value", ""))


def signed_in_cookie():
    """Signs in through the web form, as a person would; returns the Cookie header and an antiforgery token made for it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/account/login").read().decode()
    form = HiddenInputs()
    form.feed(page)
    fields = {"_handler": "login", "__RequestVerificationToken": form.values.get("__RequestVerificationToken", ""),
              "Input.Email": email, "Input.Password": password}
    opener.open(f"{base}/account/login", data=urllib.parse.urlencode(fields).encode())
    cookies = {c.name: c.value for c in jar}
    if not any("antiforgery" not in name.lower() for name in cookies):
        raise SystemExit(f"the web sign-in gave no sign-in cookie: {sorted(cookies)}")
    signed_in = HiddenInputs()
    signed_in.feed(opener.open(f"{base}/{TENANT}/brand").read().decode())
    token = signed_in.values.get("__RequestVerificationToken") or sys.exit("no antiforgery token on the signed-in page")
    return "; ".join(f"{k}={v}" for k, v in cookies.items()), token


def wapiti():
    cookie, token = signed_in_cookie()
    report = here / "wapiti-report.json"
    # The tenant's folder only: the account pages and sign-out (which would end the scan's session) lie outside it. (Debian's
    # wapiti 3.0.4 fails on Python 3.11 with any -x exclusion: its wildcard pattern puts regex flags last.)
    # wapiti 3.0.4 posts every field of a multipart form as a file part, the antiforgery token too, which the Host (rightly) does
    # not read as the token: every upload form would refuse every attack at its antiforgery check and nothing behind it would be
    # tested. So the scan also sends a valid token in the header the Host reads first; its csrf module is therefore left out
    # (with a valid header token a forged body token is not a forgery) — forged and missing tokens are tested by HostileInputTests.
    command = ["wapiti", "-u", f"{base}/{TENANT}/", "--scope", "folder", "-H", f"Cookie: {cookie}", "-H", f"RequestVerificationToken: {token}",
               "--flush-session", "-s", f"{base}/{TENANT}/catalogue", "-s", f"{base}/{TENANT}/crm", "-s", f"{base}/{TENANT}/showcase",
               "-m", "blindsql,crlf,exec,file,permanentxss,redirect,sql,ssrf,xss,xxe,http_headers,cookieflags,csp,methods",
               "-d", "4", "--max-links-per-page", "60", "--max-scan-time", os.environ.get("WAPITI_SECONDS", "1500"), "--max-attack-time", os.environ.get("WAPITI_ATTACK_SECONDS", "300"),
               "-f", "json", "-o", str(report), "--no-bugreport"]
    with open(out / "wapiti.log", "w") as f:
        subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, timeout=3600, check=False)
    found = json.loads(report.read_text())
    # This version's report holds no crawl figures: they are read from its log.
    log = (out / "wapiti.log").read_text(errors="replace")
    crawled = re.search(r"found (\d+) URLs and forms", log)
    launched = re.findall(r"Launching module (\w+)", log)
    capped = set(re.findall(r"Max attack time was reached for module (\w+)", log))
    modules = ", ".join(f"{m} (stopped at its {os.environ.get('WAPITI_ATTACK_SECONDS', '300')} s)" if m in capped else m for m in launched)
    lines = [f"# wapiti against the pages — {datetime.date.today()}", "",
             f"`bash bench/security/run.sh wapiti` (wapiti {version(['wapiti', '--version'])}): crawled from the workspace of demo tenant",
             "`ee` and its showcase, signed in as its owner through the web form (cookie), against a loopback Host on SQLite with the",
             "demo data; within the tenant's folder (the account pages and sign-out, outside it, would end the scan's session). Full report: `wapiti-report.json`.",
             "", f"Crawled: {crawled.group(1) if crawled else '?'} URLs and forms"
             f"{' (the crawl stopped at its WAPITI_SECONDS)' if 'Max scan time was reached' in log else ''}. Modules run to their end unless said: {modules}.", ""]
    for section in ("vulnerabilities", "anomalies", "additionals"):
        entries = {k: v for k, v in (found.get(section) or {}).items() if v}
        lines.append(f"## {section.capitalize()}: {sum(len(v) for v in entries.values())}")
        for category, items in sorted(entries.items()):
            lines.append(f"- **{category}** ({len(items)})")
            for item in items[:20]:
                lines.append(f"  - {item.get('method', '')} `{item.get('path', '')}` {item.get('parameter', '') or ''}: {item.get('info', '')[:200]}")
        lines.append("")
    (here / "wapiti-summary.md").write_text("\n".join(lines) + "\n")
    print("   bench/security/wapiti-summary.md", flush=True)


def version(command):
    try:
        text = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
        match = re.search(r"\d+\.\d+(\.\d+)*", text)
        return match.group(0) if match else "?"
    except OSError:
        return "?"


{"sqlmap": sqlmap, "wapiti": wapiti}[scan]()
