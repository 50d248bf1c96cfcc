#!/usr/bin/python3
"""Rebuild plugins/cloud/data/ranges.csv from the providers' official IP range feeds.

    /usr/bin/python3 scripts/refresh_cloud_data.py [--only FEED[,FEED...]] [--dry-run]
        [--azure-file PATH | --azure-url URL] [--timeout SECONDS] [--csv PATH]
    /usr/bin/python3 scripts/refresh_cloud_data.py --asn-version VERSION|latest [--dry-run]
    /usr/bin/python3 scripts/refresh_cloud_data.py --self-test
    /usr/bin/python3 scripts/refresh_cloud_data.py --list

Python 3 standard library only. For each feed it downloads the official
document(s), turns them into rows of the ranges.csv schema

    prefix,provider,service,region,source,source_date

and replaces that provider's rows in the file (rows whose source starts with
"manual:" are never replaced). Providers without a feed here (Alibaba Cloud,
Tencent Cloud, Huawei Cloud, OVHcloud, Hetzner, Netflix: see SOURCES.md) keep
their rows. When a feed fails (network error, timeout, bad document, no rows)
the provider's existing rows are kept and the failure is reported; the exit
status is then 1 (the file is still written with the other feeds' updates).
--dry-run downloads and parses but only prints what would change. --only
limits the run to some feeds (feed names as in the list below, or provider
names, case-insensitive). Each download (and each whois query) has its own
--timeout, default 30 s: the longest wait for the connection or for more data.

--asn-version pins another version of the AS database's source instead of
refreshing ranges: it asks npm (`npm view @ip-location-db/asn@VERSION version
dist.integrity`) for the version and the registry's sha512 integrity string
and rewrites plugins/cloud/data/asn_package.csv, which scripts/fetch_asn_db.sh
checks the downloaded tarball against. Then run scripts/fetch_asn_db.sh and
rebuild; update the version in SOURCES.md.

The written file starts with "# iotcloud-data ranges v1 DATE (see
SOURCES.md; ...)" where DATE is the newest source_date; rows are de-duplicated
and sorted (provider, source, address family, address, length, service,
region). Values never contain commas or double quotes (they are replaced by
spaces), prefixes are canonical networks (host bits set: row skipped), and
special-purpose space (private, documentation, 6to4, Teredo, outside
2000::/3, ...) is dropped, as build_ranges_mmdb.pl would refuse it.
source_date is the document's own timestamp where it has one, else the HTTP
Last-Modified date, else today's date (UTC).

FEEDS (name: provider; URL; format; mapping)

aws: AWS
    https://ip-ranges.amazonaws.com/ip-ranges.json
    JSON {"syncToken": "...", "createDate": "YYYY-MM-DD-hh-mm-ss",
          "prefixes": [{"ip_prefix": "3.2.34.0/26", "region": "af-south-1",
                        "service": "AMAZON", "network_border_group": "af-south-1"}, ...],
          "ipv6_prefixes": [{"ipv6_prefix": "2600:1f14::/35", "region": ..., "service": ...,
                             "network_border_group": ...}, ...]}
    One row per entry: service, region; source_date = createDate. The same
    prefix appears once per service (AMAZON is the aggregate of all).

google: Google
    https://www.gstatic.com/ipranges/goog.json   (all Google addresses)
    https://www.gstatic.com/ipranges/cloud.json  (Google Cloud customer ranges)
    JSON {"syncToken": "...", "creationTime": "YYYY-MM-DDThh:mm:ss.ffffff",
          "prefixes": [{"ipv4Prefix": "8.8.4.0/24"} | {"ipv6Prefix": "2001:4860::/32"}, ...]}
    cloud.json entries also carry "service": "Google Cloud", "scope": "us-central1".
    cloud.json rows: service "Google Cloud", region = scope; goog.json rows:
    service "Google (goog.json)", except prefixes also listed in cloud.json.

cloudflare: Cloudflare
    https://www.cloudflare.com/ips-v4 and https://www.cloudflare.com/ips-v6
    Plain text, one CIDR per line. No service or region.

oracle: Oracle Cloud
    https://docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json
    JSON {"last_updated_timestamp": "2026-01-16T...", "regions": [{"region": "us-ashburn-1",
          "cidrs": [{"cidr": "129.213.0.0/16", "tags": ["OCI"]}, ...]}, ...]}
    service = tags joined with "+" (OCI, OSN, OSN+OBJECT_STORAGE), region.

digitalocean: DigitalOcean
    https://www.digitalocean.com/geo/google.csv
linode: Linode (Akamai Cloud)
    https://geoip.linode.com/
    RFC 8805 geofeeds: lines "prefix,alpha2code,region,city,postal_code"
    ("5.101.96.0/21,NL,NL-NH,Amsterdam,1098 XH"), '#' comment lines (Linode
    starts with some), blank lines. region = "REGION/City" (country code when
    the ISO 3166-2 region is empty).

vultr: Vultr
    https://geofeed.constant.com/?json
    JSON {"description": "Constant.com / Vultr.com GeoFeed", "asn": 20473,
          "updated": "2026-01-25T18:46:53-05:00", "subnets": [{"ip_prefix": "45.32.0.0/21",
          "alpha2code": "US", "region": "US-NJ", "city": "Piscataway", "postal_code": "08854"}, ...]}
    region = "REGION/City" as for the geofeeds; source_date = updated.

fastly: Fastly
    https://api.fastly.com/public-ip-list
    JSON {"addresses": ["23.235.32.0/20", ...], "ipv6_addresses": ["2a04:4e40::/32", ...]}

github: GitHub
    https://api.github.com/meta
    JSON object; each key whose value is a list of CIDRs is a service (hooks,
    web, api, git, packages, pages, importer, github_enterprise_importer,
    copilot, actions_macos, ...): service = key. "actions" and "codespaces"
    are skipped: they are Azure-hosted runner ranges and would label Azure
    space as GitHub. Non-CIDR keys (ssh_keys, domains, ...) are ignored.

apple: Apple (iCloud Private Relay egress)
    https://mask-api.icloud.com/egress-ip-ranges.csv
    CSV without header, RFC 8805 style: "172.224.224.0/27,DE,DE-HE,Frankfurt am Main,".
    Hundreds of thousands of small prefixes: they are collapsed per family
    (adjacent/overlapping merged, geography dropped) into service
    "iCloud Private Relay egress". The manual 17.0.0.0/8 row is kept.

azure: Microsoft Azure
    Download page https://www.microsoft.com/en-us/download/details.aspx?id=56519
    ("Azure IP Ranges and Service Tags - Public Cloud"). The JSON itself lives at
    https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/ServiceTags_Public_YYYYMMDD.json
    and its name changes every week, so there is no stable URL: the script
    fetches the download page and takes the newest ServiceTags_Public_*.json
    link found in it (the page's <a href> or its embedded JSON). When
    Microsoft changes the page layout this breaks; then download the file by
    hand and pass --azure-file PATH (or give the direct link with --azure-url).
    JSON {"changeNumber": 376, "cloud": "Public", "values": [{"name": "AzureCloud.eastus",
          "id": "AzureCloud.eastus", "properties": {"changeNumber": 300, "region": "eastus",
          "regionId": 32, "platform": "Azure", "systemService": "", "addressPrefixes": [...],
          "networkFeatures": [...]}}, ...]}
    Regional tags (properties.region set): service = tag name without the
    ".Region" suffix, region = properties.region. Global tags (no region):
    service = tag name, only for prefixes not already in a regional tag of the
    same service. source_date = the YYYYMMDD of the file name (else the file's
    modification date).

microsoft: Microsoft (whole Microsoft public IP space, an aggregate)
    https://download.microsoft.com/download/B/2/A/B2AB28E1-DAE1-44E8-A867-4987FE089EBE/msft-public-ips.csv
    (download id 53602). CSV with a header line; first column is the prefix.
    Collapsed per family into service "Microsoft public IP space (merged)".

akamai: Akamai
    https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip
    ZIP holding akamai_ipv4_CIDRs.txt and akamai_ipv6_CIDRs.txt, one CIDR per
    line. service "published edge CIDRs".

meta: Meta
    No published list. Meta's documented method is the IRR: whois.radb.net
    port 43, query "-i origin AS32934" (also AS54115, AS63293, AS149642);
    the answer is RPSL objects whose "route:" / "route6:" lines hold the
    prefixes. Collapsed per family; no service.
"""
import argparse
import csv
import datetime
import email.utils
import http.client
import io
import ipaddress
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path

DEFAULT_CSV = Path(__file__).resolve().parents[1] / "plugins" / "cloud" / "data" / "ranges.csv"
KIND, VERSION = "ranges", 1
ASN_PIN = DEFAULT_CSV.parent / "asn_package.csv"
ASN_PACKAGE = "@ip-location-db/asn"
COLUMNS = ["prefix", "provider", "service", "region", "source", "source_date"]
MAX_BYTES = 64 * 1024 * 1024
USER_AGENT = "iotcloud-refresh-cloud-data/1 (Python urllib)"

AZURE_PAGE = "https://www.microsoft.com/en-us/download/details.aspx?id=56519"
AZURE_LINK = re.compile(r"https://download\.microsoft\.com/download/[^\s\"'<>]*?/ServiceTags_Public_(\d{8})\.json")
META_ASNS = ["AS32934", "AS54115", "AS63293", "AS149642"]
GITHUB_SKIP = {"actions", "codespaces"}

SPECIAL = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20")]
GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")


class FeedError(Exception):
    """A feed could not be fetched or parsed."""


# ---------------------------------------------------------------- rows

def clean(value):
    """A field value as written: no commas or quotes, single spaces."""
    if value is None:
        return ""
    return " ".join(str(value).replace(",", " ").replace('"', " ").split())


def normalize_prefix(text):
    """Canonical network text, or ValueError (bad syntax, host bits, special space)."""
    net = ipaddress.ip_network(str(text).strip(), strict=True)
    if net.version == 6 and not net.subnet_of(GLOBAL_UNICAST_V6):
        raise ValueError(f"{net} is not global unicast")
    for special in SPECIAL:
        if special.version == net.version and net.overlaps(special):
            raise ValueError(f"{net} overlaps special-purpose {special}")
    return str(net)


class Rows:
    """Collects one feed's rows; counts entries that are not usable prefixes."""

    def __init__(self, provider):
        self.provider = provider
        self.rows = []
        self.skipped = 0

    def add(self, prefix, service, region, source, source_date):
        try:
            prefix = normalize_prefix(prefix)
        except ValueError:
            self.skipped += 1
            return
        self.rows.append((prefix, self.provider, clean(service), clean(region), clean(source), clean(source_date)))

    def add_collapsed(self, prefixes, service, region, source, source_date):
        nets = {4: set(), 6: set()}
        for p in prefixes:
            try:
                net = ipaddress.ip_network(normalize_prefix(p))
            except ValueError:
                self.skipped += 1
                continue
            nets[net.version].add(net)
        for version in (4, 6):
            for net in ipaddress.collapse_addresses(nets[version]):
                self.add(str(net), service, region, source, source_date)


def date_part(text):
    """YYYY-MM-DD from the start of a timestamp, or ''."""
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", str(text or ""))
    return f"{m[1]}-{m[2]}-{m[3]}" if m else ""


def geo_region(region, country, city):
    """Geofeed location as stored: REGION/City (country when no region)."""
    return "/".join(x for x in (clean(region) or clean(country), clean(city)) if x)


def load_json(data, what):
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as e:
        raise FeedError(f"{what}: not JSON ({e})") from None


def text_of(data):
    return data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data


# ---------------------------------------------------------------- parsers
# Each takes the downloaded document(s) and returns a Rows.

def parse_aws(doc):
    data = load_json(doc, "ip-ranges.json")
    if "prefixes" not in data:
        raise FeedError("ip-ranges.json: no \"prefixes\"")
    date = date_part(data.get("createDate"))
    out = Rows("AWS")
    src = "ip-ranges.amazonaws.com/ip-ranges.json"
    for key, field in (("prefixes", "ip_prefix"), ("ipv6_prefixes", "ipv6_prefix")):
        for e in data.get(key, []):
            out.add(e.get(field), e.get("service"), e.get("region"), src, date)
    return out


def parse_google(goog, cloud):
    g = load_json(goog, "goog.json")
    c = load_json(cloud, "cloud.json")
    out = Rows("Google")
    cloud_prefixes = set()
    src = "www.gstatic.com/ipranges/cloud.json"
    for e in c.get("prefixes", []):
        p = e.get("ipv4Prefix") or e.get("ipv6Prefix")
        cloud_prefixes.add(p)
        out.add(p, e.get("service") or "Google Cloud", e.get("scope"), src, date_part(c.get("creationTime")))
    src = "www.gstatic.com/ipranges/goog.json"
    for e in g.get("prefixes", []):
        p = e.get("ipv4Prefix") or e.get("ipv6Prefix")
        if p not in cloud_prefixes:
            out.add(p, "Google (goog.json)", "", src, date_part(g.get("creationTime")))
    return out


def parse_cidr_lines(out, text, service, source, date):
    for line in text_of(text).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line, service, "", source, date)


def parse_cloudflare(v4, v6, date):
    out = Rows("Cloudflare")
    parse_cidr_lines(out, v4, "", "www.cloudflare.com/ips-v4", date)
    parse_cidr_lines(out, v6, "", "www.cloudflare.com/ips-v6", date)
    return out


def parse_oracle(doc):
    data = load_json(doc, "public_ip_ranges.json")
    if "regions" not in data:
        raise FeedError("public_ip_ranges.json: no \"regions\"")
    date = date_part(data.get("last_updated_timestamp"))
    out = Rows("Oracle Cloud")
    src = "docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json"
    for region in data["regions"]:
        for e in region.get("cidrs", []):
            out.add(e.get("cidr"), "+".join(e.get("tags") or []), region.get("region"), src, date)
    return out


def parse_geofeed(text, provider, source, date):
    out = Rows(provider)
    for rec in csv.reader(io.StringIO(text_of(text))):
        if not rec or not rec[0].strip() or rec[0].lstrip().startswith("#"):
            continue
        rec += [""] * (5 - len(rec))
        out.add(rec[0], "", geo_region(rec[2], rec[1], rec[3]), source, date)
    return out


def parse_vultr(doc):
    data = load_json(doc, "Vultr geofeed")
    if "subnets" not in data:
        raise FeedError("Vultr geofeed: no \"subnets\"")
    date = date_part(data.get("updated"))
    out = Rows("Vultr")
    for e in data["subnets"]:
        out.add(e.get("ip_prefix"), "", geo_region(e.get("region"), e.get("alpha2code"), e.get("city")),
                "geofeed.constant.com/?json", date)
    return out


def parse_fastly(doc, date):
    data = load_json(doc, "public-ip-list")
    out = Rows("Fastly")
    for key in ("addresses", "ipv6_addresses"):
        for p in data.get(key, []):
            out.add(p, "", "", "api.fastly.com/public-ip-list", date)
    return out


def parse_github(doc, date):
    data = load_json(doc, "meta")
    out = Rows("GitHub")
    for key in sorted(data):
        values = data[key]
        if key in GITHUB_SKIP or not isinstance(values, list) or not values:
            continue
        if not all(isinstance(v, str) and "/" in v for v in values):
            continue                    # ssh_keys and the like
        for p in values:
            out.add(p, key, "", "api.github.com/meta", date)
    return out


def parse_apple(text, date):
    prefixes = []
    for rec in csv.reader(io.StringIO(text_of(text))):
        if rec and rec[0].strip() and not rec[0].startswith("#"):
            prefixes.append(rec[0].strip())
    out = Rows("Apple")
    out.add_collapsed(prefixes, "iCloud Private Relay egress", "", "mask-api.icloud.com/egress-ip-ranges.csv", date)
    return out


def azure_download_url(page):
    """The newest ServiceTags_Public_YYYYMMDD.json link in the download page."""
    found = {}
    for m in AZURE_LINK.finditer(text_of(page).replace("\\/", "/")):
        found[m[1]] = m[0]
    if not found:
        raise FeedError(f"no ServiceTags_Public_*.json link in {AZURE_PAGE}; "
                        "download the file by hand and pass --azure-file")
    return found[max(found)]


def parse_azure(doc, file_name, fallback_date):
    data = load_json(doc, file_name)
    if not isinstance(data.get("values"), list):
        raise FeedError(f"{file_name}: no \"values\" list")
    m = re.search(r"ServiceTags_Public_(\d{8})", file_name)
    date = date_part(m[1]) if m else fallback_date
    source = f"download.microsoft.com/{m[0]}.json" if m else clean(file_name)
    out = Rows("Microsoft Azure")
    regional = {}                      # service -> set of prefixes in its regional tags
    global_tags = []
    for tag in data["values"]:
        props = tag.get("properties") or {}
        name = tag.get("name") or tag.get("id") or ""
        region = props.get("region") or ""
        prefixes = props.get("addressPrefixes") or []
        if region:
            service = name.rsplit(".", 1)[0] if "." in name else name
            regional.setdefault(service, set()).update(prefixes)
            for p in prefixes:
                out.add(p, service, region, source, date)
        else:
            global_tags.append((name, prefixes))
    for name, prefixes in global_tags:
        seen = regional.get(name, set())
        for p in prefixes:
            if p not in seen:
                out.add(p, name, "", source, date)
    return out


def parse_microsoft_public(text, date):
    prefixes = []
    for rec in csv.reader(io.StringIO(text_of(text))):
        if rec and "/" in rec[0]:       # the header line has none
            prefixes.append(rec[0].strip())
    out = Rows("Microsoft")
    out.add_collapsed(prefixes, "Microsoft public IP space (merged)", "",
                      "download.microsoft.com/msft-public-ips.csv", date)
    return out


def parse_akamai(zip_bytes, date):
    try:
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
    except zipfile.BadZipFile as e:
        raise FeedError(f"Akamai zip: {e}") from None
    out = Rows("Akamai")
    names = [n for n in archive.namelist() if re.search(r"ipv[46]_CIDRs\.txt$", n) and "__MACOSX" not in n]
    if not names:
        raise FeedError("Akamai zip: no akamai_ipv4/ipv6_CIDRs.txt inside")
    for name in sorted(names):
        parse_cidr_lines(out, archive.read(name).decode("utf-8", "replace"), "published edge CIDRs",
                         f"techdocs.akamai.com:{Path(name).name}", date)
    return out


def radb_routes(text):
    """Prefixes of the route:/route6: lines of an RPSL whois answer."""
    return [m[1] for m in re.finditer(r"^route6?:\s*(\S+)", text_of(text), re.M)]


def parse_meta(answers, date):
    """answers: {ASN: whois text}."""
    out = Rows("Meta")
    prefixes = [p for asn in sorted(answers) for p in radb_routes(answers[asn])]
    out.add_collapsed(prefixes, "", "", "whois.radb.net:" + "+".join(sorted(answers)), date)
    return out


# ---------------------------------------------------------------- network

class Net:
    """Downloads; the self-test replaces it with canned documents."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    def get(self, url):
        """(body bytes, YYYY-MM-DD of Last-Modified or today)."""
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read(MAX_BYTES + 1)
                modified = resp.headers.get("Last-Modified")
        except (OSError, ValueError, http.client.HTTPException) as e:   # URLError, HTTPError, timeouts: OSError
            raise FeedError(f"{url}: {e}") from None
        if len(body) > MAX_BYTES:
            raise FeedError(f"{url}: larger than {MAX_BYTES} bytes")
        date = self.today
        if modified:
            try:
                date = email.utils.parsedate_to_datetime(modified).strftime("%Y-%m-%d")
            except (TypeError, ValueError):
                pass
        return body, date

    def whois(self, host, query):
        try:
            with socket.create_connection((host, 43), timeout=self.timeout) as s:
                s.sendall(query.encode("ascii") + b"\r\n")
                chunks = []
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    if sum(map(len, chunks)) > MAX_BYTES:
                        raise FeedError(f"whois {host} {query}: answer too large")
        except OSError as e:
            raise FeedError(f"whois {host} {query}: {e}") from None
        return b"".join(chunks).decode("utf-8", "replace")


# ---------------------------------------------------------------- feeds
# Each takes (net, options) and returns a Rows.

def feed_aws(net, opts):
    return parse_aws(net.get("https://ip-ranges.amazonaws.com/ip-ranges.json")[0])


def feed_google(net, opts):
    return parse_google(net.get("https://www.gstatic.com/ipranges/goog.json")[0],
                        net.get("https://www.gstatic.com/ipranges/cloud.json")[0])


def feed_cloudflare(net, opts):
    v4, d4 = net.get("https://www.cloudflare.com/ips-v4")
    v6, d6 = net.get("https://www.cloudflare.com/ips-v6")
    return parse_cloudflare(v4, v6, max(d4, d6))


def feed_oracle(net, opts):
    return parse_oracle(net.get("https://docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json")[0])


def feed_digitalocean(net, opts):
    body, date = net.get("https://www.digitalocean.com/geo/google.csv")
    return parse_geofeed(body, "DigitalOcean", "www.digitalocean.com/geo/google.csv", date)


def feed_linode(net, opts):
    body, date = net.get("https://geoip.linode.com/")
    return parse_geofeed(body, "Linode (Akamai Cloud)", "geoip.linode.com", date)


def feed_vultr(net, opts):
    return parse_vultr(net.get("https://geofeed.constant.com/?json")[0])


def feed_fastly(net, opts):
    return parse_fastly(*net.get("https://api.fastly.com/public-ip-list"))


def feed_github(net, opts):
    return parse_github(*net.get("https://api.github.com/meta"))


def feed_apple(net, opts):
    return parse_apple(*net.get("https://mask-api.icloud.com/egress-ip-ranges.csv"))


def feed_azure(net, opts):
    if opts.azure_file:
        path = Path(opts.azure_file)
        try:
            doc = path.read_bytes()
        except OSError as e:
            raise FeedError(f"--azure-file: {e}") from None
        mtime = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.timezone.utc)
        return parse_azure(doc, path.name, mtime.strftime("%Y-%m-%d"))
    url = opts.azure_url or azure_download_url(net.get(AZURE_PAGE)[0])
    doc, date = net.get(url)
    return parse_azure(doc, url.rsplit("/", 1)[-1], date)


def feed_microsoft(net, opts):
    return parse_microsoft_public(*net.get(
        "https://download.microsoft.com/download/B/2/A/B2AB28E1-DAE1-44E8-A867-4987FE089EBE/msft-public-ips.csv"))


def feed_akamai(net, opts):
    return parse_akamai(*net.get("https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip"))


def feed_meta(net, opts):
    return parse_meta({asn: net.whois("whois.radb.net", f"-i origin {asn}") for asn in META_ASNS}, net.today)


FEEDS = {   # name: (provider whose rows it replaces, function)
    "aws": ("AWS", feed_aws),
    "google": ("Google", feed_google),
    "cloudflare": ("Cloudflare", feed_cloudflare),
    "oracle": ("Oracle Cloud", feed_oracle),
    "digitalocean": ("DigitalOcean", feed_digitalocean),
    "linode": ("Linode (Akamai Cloud)", feed_linode),
    "vultr": ("Vultr", feed_vultr),
    "fastly": ("Fastly", feed_fastly),
    "github": ("GitHub", feed_github),
    "apple": ("Apple", feed_apple),
    "azure": ("Microsoft Azure", feed_azure),
    "microsoft": ("Microsoft", feed_microsoft),
    "akamai": ("Akamai", feed_akamai),
    "meta": ("Meta", feed_meta),
}


# ---------------------------------------------------------------- file

def read_ranges(path):
    """Rows of an existing ranges.csv (v1 format line required)."""
    with open(path, encoding="utf-8", newline="") as f:
        first = f.readline().rstrip("\r\n")
        m = re.match(r"#\s*iotcloud-data\s+(\S+)\s+v(\d+)\b", first)
        if not m or m[1] != KIND or int(m[2]) != VERSION:
            raise SystemExit(f"{path}:1: not an iotcloud-data {KIND} v{VERSION} file (found {first[:60]!r})")
        rows, header = [], None
        for rec in csv.reader(f):
            if not rec or not "".join(rec).strip() or rec[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [h.strip().lower() for h in rec]
                missing = [c for c in COLUMNS if c not in header]
                if missing:
                    raise SystemExit(f"{path}: header lacks {','.join(missing)}")
                continue
            rec += [""] * (len(header) - len(rec))
            rows.append(tuple(rec[header.index(c)].strip() for c in COLUMNS))
    return rows


def sort_key(row):
    try:
        net = ipaddress.ip_network(row[0])
        where = (net.version, int(net.network_address), net.prefixlen)
    except ValueError:
        where = (9, 0, 0)
    return (row[1], row[4], where, row[2], row[3], row[5])


def write_ranges(path, rows):
    dates = [r[5] for r in rows if re.fullmatch(r"\d{4}-\d\d-\d\d", r[5])]
    newest = max(dates) if dates else datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(f"# iotcloud-data {KIND} v{VERSION} {newest} "
                    "(see SOURCES.md; refreshed by scripts/refresh_cloud_data.py)\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS)
            w.writerows(rows)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return newest


# ---------------------------------------------------------------- the AS database's pin

def npm_view(spec, timeout):
    """(version, integrity) of one version of an npm package, asked of npm."""
    proc = subprocess.run(["npm", "view", spec, "version", "dist.integrity", "--json"],
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise FeedError(f"npm view failed: {lines[0] if lines else 'exit status ' + str(proc.returncode)}")
    data = json.loads(proc.stdout)
    if isinstance(data, list):         # a range matching several versions: the newest
        data = data[-1]
    return data["version"], data["dist.integrity"]


def asn_pin_text(version, integrity):
    """The pin file; its date is the data's, from the version's YYYYMMDDHH."""
    match = re.search(r"\.(\d{4})(\d\d)(\d\d)\d\d$", version)
    date = f"{match[1]}-{match[2]}-{match[3]}" if match else \
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    return (f"# iotcloud-data asn_package v1 {date} "
            "(see SOURCES.md; updated by scripts/refresh_cloud_data.py --asn-version)\n"
            "package,version,integrity\n"
            f"{ASN_PACKAGE},{version},{integrity}\n")


def read_asn_pin(path):
    rows = [line for line in Path(path).read_text().splitlines() if line and not line.startswith("#")]
    return rows[1].split(",") if len(rows) > 1 else ["", "", ""]


def update_asn_pin(opts, view=npm_view, out=sys.stdout, path=ASN_PIN):
    """Pins --asn-version (or the latest); returns the exit status."""
    spec = ASN_PACKAGE if opts.asn_version == "latest" else f"{ASN_PACKAGE}@{opts.asn_version}"
    try:
        version, integrity = view(spec, opts.timeout)
    except (OSError, subprocess.SubprocessError, FeedError, ValueError, KeyError, IndexError) as e:
        print(f"asn: {spec}: FAILED ({type(e).__name__}: {e}); {path} unchanged", file=out)
        return 1
    if not re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", integrity or ""):
        print(f"asn: {spec}: npm gave no sha512 integrity ({integrity!r}); {path} unchanged", file=out)
        return 1
    _, old_version, old_integrity = read_asn_pin(path)
    if (old_version, old_integrity) == (version, integrity):
        print(f"asn: {ASN_PACKAGE} {version} is already pinned", file=out)
        return 0
    if opts.dry_run:
        print(f"asn: dry run: would pin {ASN_PACKAGE} {version} (now {old_version})", file=out)
        return 0
    Path(path).write_text(asn_pin_text(version, integrity))
    print(f"asn: pinned {ASN_PACKAGE} {old_version} -> {version} in {path}; "
          "now run scripts/fetch_asn_db.sh and rebuild", file=out)
    return 0


# ---------------------------------------------------------------- main

def select_feeds(only):
    if not only:
        return list(FEEDS)
    chosen = []
    by_provider = {provider.lower(): name for name, (provider, _) in FEEDS.items()}
    for item in ",".join(only).split(","):
        key = item.strip().lower()
        if not key:
            continue
        name = key if key in FEEDS else by_provider.get(key)
        if name is None:
            raise SystemExit(f"--only: unknown feed {item.strip()!r}; feeds: {', '.join(FEEDS)}")
        if name not in chosen:
            chosen.append(name)
    return chosen


def refresh(opts, net, out=sys.stdout):
    """Runs the feeds and writes (or, with --dry-run, describes) the file. Returns the exit status."""
    existing = read_ranges(opts.csv)
    failed = []
    replaced = {}                      # provider -> new rows
    for name in select_feeds(opts.only):
        provider, fn = FEEDS[name]
        old = [r for r in existing if r[1] == provider and not r[4].startswith("manual:")]
        try:
            got = fn(net, opts)
            if not got.rows:
                raise FeedError("the feed gave no usable rows")
        except FeedError as e:
            failed.append(name)
            print(f"{name}: FAILED ({e}); kept the {len(old)} existing {provider} rows", file=out)
            continue
        except Exception as e:         # a changed document format: report it, keep going
            failed.append(name)
            print(f"{name}: FAILED (unexpected {type(e).__name__}: {e}); "
                  f"kept the {len(old)} existing {provider} rows", file=out)
            continue
        new = sorted(set(got.rows))
        old_p, new_p = {r[0] for r in old}, {r[0] for r in new}
        note = f", {got.skipped} unusable entries skipped" if got.skipped else ""
        warn = " WARNING: less than half the previous rows" if len(new) < len(old) / 2 else ""
        print(f"{name}: {len(old)} -> {len(new)} {provider} rows "
              f"(+{len(new_p - old_p)} -{len(old_p - new_p)} prefixes{note}){warn}", file=out)
        replaced[provider] = new
    rows = [r for r in existing if r[1] not in replaced or r[4].startswith("manual:")]
    for new in replaced.values():
        rows.extend(new)
    rows = sorted(set(rows), key=sort_key)
    if opts.dry_run:
        print(f"dry run: {opts.csv} would have {len(rows)} rows (now {len(existing)}); not written", file=out)
    else:
        newest = write_ranges(opts.csv, rows)
        print(f"wrote {opts.csv}: {len(rows)} rows, data date {newest}", file=out)
    if failed:
        print(f"failed feeds (existing rows kept): {', '.join(failed)}", file=out)
    return 1 if failed else 0


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="See the module docstring (pydoc) for each feed's URL and format.")
    ap.add_argument("--only", action="append", metavar="FEED",
                    help="refresh only these feeds (comma-separated or repeated; feed or provider names)")
    ap.add_argument("--dry-run", action="store_true", help="download and parse, but do not write")
    azure = ap.add_mutually_exclusive_group()
    azure.add_argument("--azure-file", metavar="PATH", help="a downloaded ServiceTags_Public_YYYYMMDD.json")
    azure.add_argument("--azure-url", metavar="URL", help="direct link to the current ServiceTags_Public JSON")
    ap.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                    help="per download: longest wait for the connection or more data (default 30)")
    ap.add_argument("--csv", default=str(DEFAULT_CSV), metavar="PATH", help=f"file to update (default {DEFAULT_CSV})")
    ap.add_argument("--list", action="store_true", help="list the feeds and exit")
    ap.add_argument("--asn-version", metavar="VERSION",
                    help=f"pin this version of {ASN_PACKAGE} (or 'latest') in {ASN_PIN.name} and exit")
    ap.add_argument("--self-test", action="store_true", help="run the offline parser tests and exit")
    return ap.parse_args(argv)


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    if opts.self_test:
        return self_test()
    if opts.list:
        for name, (provider, _) in FEEDS.items():
            print(f"{name:13} {provider}")
        return 0
    if opts.asn_version:
        return update_asn_pin(opts)
    return refresh(opts, Net(opts.timeout))


# ---------------------------------------------------------------- self-test
# Tiny documents in the exact published formats (trimmed to a few entries).

SAMPLE_AWS = b"""{
  "syncToken": "1787416625",
  "createDate": "2026-08-22-16-37-05",
  "prefixes": [
    {
      "ip_prefix": "54.194.0.0/15",
      "region": "eu-west-1",
      "service": "AMAZON",
      "network_border_group": "eu-west-1"
    },
    {
      "ip_prefix": "54.194.0.0/15",
      "region": "eu-west-1",
      "service": "EC2",
      "network_border_group": "eu-west-1"
    },
    {
      "ip_prefix": "3.2.34.0/26",
      "region": "af-south-1",
      "service": "ROUTE53_RESOLVER",
      "network_border_group": "af-south-1"
    }
  ],
  "ipv6_prefixes": [
    {
      "ipv6_prefix": "2600:1f18:4000::/36",
      "region": "us-east-1",
      "service": "S3",
      "network_border_group": "us-east-1"
    }
  ]
}"""

SAMPLE_GOOG = b"""{
  "syncToken": "1787382270000",
  "creationTime": "2026-08-22T07:04:30.000000",
  "prefixes": [{
    "ipv4Prefix": "8.8.4.0/24"
  }, {
    "ipv4Prefix": "8.8.8.0/24"
  }, {
    "ipv4Prefix": "34.80.0.0/15"
  }, {
    "ipv6Prefix": "2001:4860::/32"
  }]
}"""

SAMPLE_CLOUD = b"""{
  "syncToken": "1787382270000",
  "creationTime": "2026-08-22T07:04:30.000000",
  "prefixes": [{
    "ipv4Prefix": "34.80.0.0/15",
    "service": "Google Cloud",
    "scope": "asia-east1"
  }, {
    "ipv6Prefix": "2600:1900:4030::/44",
    "service": "Google Cloud",
    "scope": "us-central1"
  }]
}"""

SAMPLE_CF_V4 = b"173.245.48.0/20\n103.21.244.0/22\n104.16.0.0/13\n104.24.0.0/14"
SAMPLE_CF_V6 = b"2400:cb00::/32\n2606:4700::/32\n"

SAMPLE_ORACLE = b"""{
  "last_updated_timestamp" : "2026-01-16T21:12:45.447838",
  "regions" : [ {
    "region" : "us-ashburn-1",
    "cidrs" : [ {
      "cidr" : "129.213.0.0/16",
      "tags" : [ "OCI" ]
    }, {
      "cidr" : "134.70.24.0/21",
      "tags" : [ "OSN", "OBJECT_STORAGE" ]
    } ]
  }, {
    "region" : "ca-montreal-1",
    "cidrs" : [ {
      "cidr" : "38.104.155.92/31",
      "tags" : [ "OSN" ]
    } ]
  } ]
}"""

SAMPLE_DO = (b"5.101.96.0/21,NL,NL-NH,Amsterdam,1098 XH\n"
             b"24.144.64.0/22,US,US-NJ,North Bergen,07047\n"
             b"2a03:b0c0::/32,NL,,Amsterdam,\n"
             b"2604:a880::/32,US,US-NJ,North Bergen,07047\n")

SAMPLE_LINODE = (b"# Linode geofeed, RFC 8805\n"
                 b"# ip_prefix, alpha2code, region, city, postal_code\n"
                 b"2600:3c00::/32,US,US-TX,Richardson,\n"
                 b"\n"
                 b"45.79.0.0/21,US,US-NJ,Cedar Knolls,\n"
                 b"172.105.0.0/19,DE,DE-HE,Frankfurt,\n")

SAMPLE_VULTR = (b'{"description":"Constant.com / Vultr.com GeoFeed","asn":20473,"email":"support@vultr.com",'
                b'"updated":"2026-01-25T18:46:53-05:00","subnets":[{"ip_prefix":"43.224.32.0/22","alpha2code":"JP",'
                b'"region":"JP-13","city":"Shinagawa-ku","postal_code":"142-0002"},{"ip_prefix":"64.176.176.0/20",'
                b'"alpha2code":"GB","region":"GB-GB-MAN","city":"Swinton, Manchester","postal_code":"M27 8BX"},'
                b'{"ip_prefix":"192.0.2.0/24","alpha2code":"US","region":"US-NJ","city":"Piscataway",'
                b'"postal_code":"08854"}]}')

SAMPLE_FASTLY = (b'{"addresses":["23.235.32.0/20","43.249.72.0/22","151.101.0.0/16"],'
                 b'"ipv6_addresses":["2a04:4e40::/32","2a04:4e42::/32"]}')

SAMPLE_GITHUB = b"""{
  "verifiable_password_authentication": false,
  "ssh_key_fingerprints": {
    "SHA256_ED25519": "+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU"
  },
  "ssh_keys": [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
  ],
  "hooks": [
    "192.30.252.0/22",
    "2606:50c0::/32"
  ],
  "web": [
    "192.30.252.0/22",
    "20.201.28.151/32"
  ],
  "actions": [
    "4.148.0.0/16"
  ],
  "codespaces": [
    "20.42.11.16/28"
  ],
  "dependabot": [],
  "domains": {
    "website": ["*.github.com"]
  }
}"""

SAMPLE_APPLE = (b"172.224.224.0/27,DE,DE-HE,Frankfurt am Main,\n"
                b"172.224.224.32/27,DE,DE-HE,Frankfurt am Main,\n"
                b"104.28.28.0/26,US,US-CA,Los Angeles,\n"
                b"2a02:26f7:c8c0:4000::/64,DE,DE-HE,Frankfurt am Main,\n"
                b"2a02:26f7:c8c0:4001::/64,DE,DE-HE,Frankfurt am Main,\n")

SAMPLE_AZURE_PAGE = (b'<html><head><title>Download Azure IP Ranges and Service Tags - Public Cloud</title></head><body>'
                     b'<script>window.__DLCDetails__={"dlcDetailsView":{"downloadFile":[{"name":'
                     b'"ServiceTags_Public_20260824.json","url":"https:\\/\\/download.microsoft.com\\/download\\/7\\/1\\/D\\/'
                     b'71D86715-5596-4529-9B13-DA13A5DE5B63\\/ServiceTags_Public_20260824.json"}]}}</script>'
                     b'<a href="https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/'
                     b'ServiceTags_Public_20260817.json" class="mscom-link failoverLink">click here</a></body></html>')

SAMPLE_AZURE = b"""{
  "changeNumber": 376,
  "cloud": "Public",
  "values": [
    {
      "name": "AzureCloud.westeurope",
      "id": "AzureCloud.westeurope",
      "properties": {
        "changeNumber": 112,
        "region": "westeurope",
        "regionId": 18,
        "platform": "Azure",
        "systemService": "",
        "addressPrefixes": [
          "9.163.0.0/16",
          "13.69.0.0/17",
          "2603:1020:200::/46"
        ],
        "networkFeatures": [
          "API",
          "NSG"
        ]
      }
    },
    {
      "name": "Storage.WestEurope",
      "id": "Storage.WestEurope",
      "properties": {
        "changeNumber": 40,
        "region": "westeurope",
        "regionId": 18,
        "platform": "Azure",
        "systemService": "AzureStorage",
        "addressPrefixes": [
          "13.69.40.0/24"
        ],
        "networkFeatures": [
          "API",
          "NSG"
        ]
      }
    },
    {
      "name": "AzureCloud",
      "id": "AzureCloud",
      "properties": {
        "changeNumber": 300,
        "region": "",
        "regionId": 0,
        "platform": "Azure",
        "systemService": "",
        "addressPrefixes": [
          "9.163.0.0/16",
          "4.0.0.0/11"
        ],
        "networkFeatures": [
          "API",
          "NSG"
        ]
      }
    },
    {
      "name": "AzureFrontDoor.Backend",
      "id": "AzureFrontDoor.Backend",
      "properties": {
        "changeNumber": 20,
        "region": "",
        "regionId": 0,
        "platform": "Azure",
        "systemService": "AzureFrontDoor",
        "addressPrefixes": [
          "147.243.0.0/16",
          "2a01:111:2050::/44"
        ],
        "networkFeatures": [
          "API"
        ]
      }
    }
  ]
}"""

SAMPLE_MSFT_PUBLIC = (b"Prefix,Type\n"
                      b"9.163.0.0/16,IPv4\n"
                      b"13.64.0.0/11,IPv4\n"
                      b"13.96.0.0/11,IPv4\n"
                      b"2603:1000::/24,IPv6\n")

SAMPLE_RADB = """route:          31.13.64.0/19
descr:          Facebook, Inc.
origin:         AS32934
mnt-by:         MAINT-AS32934
changed:        noc@fb.com 20130311  #19:09:43Z
source:         RADB

route:          31.13.96.0/19
descr:          Facebook, Inc.
origin:         AS32934
mnt-by:         MAINT-AS32934
source:         RADB

route6:         2a03:2880::/32
descr:          Facebook
origin:         AS32934
mnt-by:         MAINT-AS32934
source:         RADB

"""


def sample_akamai_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("akamai_ipv4_CIDRs.txt", "23.32.0.0/11\n23.192.0.0/11\n")
        z.writestr("akamai_ipv6_CIDRs.txt", "2600:1400::/24\n")
    return buf.getvalue()


class CannedNet(Net):
    """Serves the samples; URLs in `broken` fail like a timeout."""

    def __init__(self, broken=()):
        super().__init__(1)
        self.today = "2026-08-23"
        self.broken = set(broken)
        self.docs = {
            "https://ip-ranges.amazonaws.com/ip-ranges.json": SAMPLE_AWS,
            "https://www.gstatic.com/ipranges/goog.json": SAMPLE_GOOG,
            "https://www.gstatic.com/ipranges/cloud.json": SAMPLE_CLOUD,
            "https://www.cloudflare.com/ips-v4": SAMPLE_CF_V4,
            "https://www.cloudflare.com/ips-v6": SAMPLE_CF_V6,
            "https://docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json": SAMPLE_ORACLE,
            "https://www.digitalocean.com/geo/google.csv": SAMPLE_DO,
            "https://geoip.linode.com/": SAMPLE_LINODE,
            "https://geofeed.constant.com/?json": SAMPLE_VULTR,
            "https://api.fastly.com/public-ip-list": SAMPLE_FASTLY,
            "https://api.github.com/meta": SAMPLE_GITHUB,
            "https://mask-api.icloud.com/egress-ip-ranges.csv": SAMPLE_APPLE,
            AZURE_PAGE: SAMPLE_AZURE_PAGE,
            "https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/"
            "ServiceTags_Public_20260824.json": SAMPLE_AZURE,
            "https://download.microsoft.com/download/B/2/A/B2AB28E1-DAE1-44E8-A867-4987FE089EBE/"
            "msft-public-ips.csv": SAMPLE_MSFT_PUBLIC,
            "https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip": sample_akamai_zip(),
        }
        self.fetched = []

    def get(self, url):
        self.fetched.append(url)
        if url in self.broken or url not in self.docs:
            raise FeedError(f"{url}: timed out")
        return self.docs[url], self.today

    def whois(self, host, query):
        self.fetched.append(f"whois://{host}/{query}")
        if "whois" in self.broken:
            raise FeedError(f"whois {host}: timed out")
        return SAMPLE_RADB if query.endswith("AS32934") else "%  No entries found for the selected source(s).\n"


def self_test():
    failures = []

    def check(name, got, want):
        if got != want:
            failures.append(f"{name}:\n    got  {got!r}\n    want {want!r}")

    def rows(r):
        return sorted(r.rows)

    check("aws", rows(parse_aws(SAMPLE_AWS)), sorted([
        ("54.194.0.0/15", "AWS", "AMAZON", "eu-west-1", "ip-ranges.amazonaws.com/ip-ranges.json", "2026-08-22"),
        ("54.194.0.0/15", "AWS", "EC2", "eu-west-1", "ip-ranges.amazonaws.com/ip-ranges.json", "2026-08-22"),
        ("3.2.34.0/26", "AWS", "ROUTE53_RESOLVER", "af-south-1", "ip-ranges.amazonaws.com/ip-ranges.json", "2026-08-22"),
        ("2600:1f18:4000::/36", "AWS", "S3", "us-east-1", "ip-ranges.amazonaws.com/ip-ranges.json", "2026-08-22")]))

    check("google", rows(parse_google(SAMPLE_GOOG, SAMPLE_CLOUD)), sorted([
        ("34.80.0.0/15", "Google", "Google Cloud", "asia-east1", "www.gstatic.com/ipranges/cloud.json", "2026-08-22"),
        ("2600:1900:4030::/44", "Google", "Google Cloud", "us-central1", "www.gstatic.com/ipranges/cloud.json",
         "2026-08-22"),
        ("8.8.4.0/24", "Google", "Google (goog.json)", "", "www.gstatic.com/ipranges/goog.json", "2026-08-22"),
        ("8.8.8.0/24", "Google", "Google (goog.json)", "", "www.gstatic.com/ipranges/goog.json", "2026-08-22"),
        ("2001:4860::/32", "Google", "Google (goog.json)", "", "www.gstatic.com/ipranges/goog.json", "2026-08-22")]))

    cf = parse_cloudflare(SAMPLE_CF_V4, SAMPLE_CF_V6, "2026-08-23")
    check("cloudflare prefixes", sorted(r[0] for r in cf.rows),
          sorted(["173.245.48.0/20", "103.21.244.0/22", "104.16.0.0/13", "104.24.0.0/14",
                  "2400:cb00::/32", "2606:4700::/32"]))
    check("cloudflare fields", {r[1:] for r in cf.rows if ":" not in r[0]},
          {("Cloudflare", "", "", "www.cloudflare.com/ips-v4", "2026-08-23")})

    check("oracle", rows(parse_oracle(SAMPLE_ORACLE)), sorted([
        ("129.213.0.0/16", "Oracle Cloud", "OCI", "us-ashburn-1",
         "docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json", "2026-01-16"),
        ("134.70.24.0/21", "Oracle Cloud", "OSN+OBJECT_STORAGE", "us-ashburn-1",
         "docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json", "2026-01-16"),
        ("38.104.155.92/31", "Oracle Cloud", "OSN", "ca-montreal-1",
         "docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json", "2026-01-16")]))

    do = parse_geofeed(SAMPLE_DO, "DigitalOcean", "www.digitalocean.com/geo/google.csv", "2026-08-23")
    check("digitalocean", [(r[0], r[3]) for r in do.rows], [
        ("5.101.96.0/21", "NL-NH/Amsterdam"), ("24.144.64.0/22", "US-NJ/North Bergen"),
        ("2a03:b0c0::/32", "NL/Amsterdam"), ("2604:a880::/32", "US-NJ/North Bergen")])

    lin = parse_geofeed(SAMPLE_LINODE, "Linode (Akamai Cloud)", "geoip.linode.com", "2026-08-23")
    check("linode", [(r[0], r[1], r[3]) for r in lin.rows], [
        ("2600:3c00::/32", "Linode (Akamai Cloud)", "US-TX/Richardson"),
        ("45.79.0.0/21", "Linode (Akamai Cloud)", "US-NJ/Cedar Knolls"),
        ("172.105.0.0/19", "Linode (Akamai Cloud)", "DE-HE/Frankfurt")])

    vu = parse_vultr(SAMPLE_VULTR)
    check("vultr", [(r[0], r[3], r[5]) for r in vu.rows], [
        ("43.224.32.0/22", "JP-13/Shinagawa-ku", "2026-01-25"),
        ("64.176.176.0/20", "GB-GB-MAN/Swinton Manchester", "2026-01-25")])
    check("vultr drops documentation space", vu.skipped, 1)

    fa = parse_fastly(SAMPLE_FASTLY, "2026-08-23")
    check("fastly", [r[0] for r in fa.rows],
          ["23.235.32.0/20", "43.249.72.0/22", "151.101.0.0/16", "2a04:4e40::/32", "2a04:4e42::/32"])

    gh = parse_github(SAMPLE_GITHUB, "2026-08-23")
    check("github", sorted((r[0], r[2]) for r in gh.rows), sorted([
        ("192.30.252.0/22", "hooks"), ("2606:50c0::/32", "hooks"),
        ("192.30.252.0/22", "web"), ("20.201.28.151/32", "web")]))

    ap = parse_apple(SAMPLE_APPLE, "2026-08-23")
    check("apple (collapsed)", [(r[0], r[2]) for r in ap.rows], [
        ("104.28.28.0/26", "iCloud Private Relay egress"),
        ("172.224.224.0/26", "iCloud Private Relay egress"),
        ("2a02:26f7:c8c0:4000::/63", "iCloud Private Relay egress")])

    url = azure_download_url(SAMPLE_AZURE_PAGE)
    check("azure download link (newest of page)", url,
          "https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/"
          "ServiceTags_Public_20260824.json")
    try:
        azure_download_url(b"<html>redesigned page</html>")
        failures.append("azure: a page without link should raise FeedError")
    except FeedError:
        pass
    az = parse_azure(SAMPLE_AZURE, "ServiceTags_Public_20260824.json", "2000-01-01")
    src = "download.microsoft.com/ServiceTags_Public_20260824.json"
    check("azure", rows(az), sorted([
        ("9.163.0.0/16", "Microsoft Azure", "AzureCloud", "westeurope", src, "2026-08-24"),
        ("13.69.0.0/17", "Microsoft Azure", "AzureCloud", "westeurope", src, "2026-08-24"),
        ("2603:1020:200::/46", "Microsoft Azure", "AzureCloud", "westeurope", src, "2026-08-24"),
        ("13.69.40.0/24", "Microsoft Azure", "Storage", "westeurope", src, "2026-08-24"),
        ("4.0.0.0/11", "Microsoft Azure", "AzureCloud", "", src, "2026-08-24"),
        ("147.243.0.0/16", "Microsoft Azure", "AzureFrontDoor.Backend", "", src, "2026-08-24"),
        ("2a01:111:2050::/44", "Microsoft Azure", "AzureFrontDoor.Backend", "", src, "2026-08-24")]))

    ms = parse_microsoft_public(SAMPLE_MSFT_PUBLIC, "2026-08-23")
    check("microsoft (collapsed)", [r[0] for r in ms.rows], ["9.163.0.0/16", "13.64.0.0/10", "2603:1000::/24"])

    ak = parse_akamai(sample_akamai_zip(), "2026-08-23")
    check("akamai", [(r[0], r[2], r[4]) for r in ak.rows], [
        ("23.32.0.0/11", "published edge CIDRs", "techdocs.akamai.com:akamai_ipv4_CIDRs.txt"),
        ("23.192.0.0/11", "published edge CIDRs", "techdocs.akamai.com:akamai_ipv4_CIDRs.txt"),
        ("2600:1400::/24", "published edge CIDRs", "techdocs.akamai.com:akamai_ipv6_CIDRs.txt")])

    check("radb routes", radb_routes(SAMPLE_RADB), ["31.13.64.0/19", "31.13.96.0/19", "2a03:2880::/32"])
    me = parse_meta({"AS32934": SAMPLE_RADB, "AS54115": ""}, "2026-08-23")
    check("meta (collapsed)", [r[0] for r in me.rows], ["31.13.64.0/18", "2a03:2880::/32"])

    for bad in ("1.2.3.4/24", "10.1.0.0/16", "2001:db8::/48", "fe80::/64", "::/0", "2002:c000::/24", "x"):
        try:
            normalize_prefix(bad)
            failures.append(f"normalize_prefix({bad!r}) should fail")
        except ValueError:
            pass
    check("clean", clean('  a,b  "c"\t d '), "a b c d")
    try:
        parse_aws(b"<html>503</html>")
        failures.append("parse_aws: HTML should raise FeedError")
    except FeedError:
        pass

    # End to end, offline: every feed from the samples, Fastly broken.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ranges.csv"
        path.write_text(
            "# iotcloud-data ranges v1 2026-01-01 (see SOURCES.md)\n"
            "prefix,provider,service,region,source,source_date\n"
            "17.0.0.0/8,Apple,Apple 17/8 (ARIN NET-17),,manual:apple-17-8,static\n"
            "17.253.0.0/16,Apple,iCloud Private Relay egress,,old-mirror,2025-01-01\n"
            "23.235.32.0/20,Fastly,,,old-mirror,2025-10-30\n"
            "8.8.8.0/24,Google,Google (goog.json),,old-mirror,2025-01-01\n"
            "47.74.0.0/15,Alibaba Cloud,,,cipr:csv/alibaba.csv,2025-07-05\n", encoding="utf-8")
        before = path.read_bytes()
        net = CannedNet(broken={"https://api.fastly.com/public-ip-list"})
        log = io.StringIO()
        status = refresh(parse_args(["--csv", str(path), "--dry-run"]), net, log)
        check("dry run status (a feed failed)", status, 1)
        check("dry run leaves the file alone", path.read_bytes(), before)
        check("dry run reports the failure", "fastly: FAILED" in log.getvalue(), True)

        log = io.StringIO()
        status = refresh(parse_args(["--csv", str(path)]), CannedNet(broken={"https://api.fastly.com/public-ip-list"}),
                         log)
        check("write status", status, 1)
        lines = path.read_text(encoding="utf-8").splitlines()
        check("format line", lines[0], "# iotcloud-data ranges v1 2026-08-24 "
              "(see SOURCES.md; refreshed by scripts/refresh_cloud_data.py)")
        check("header", lines[1], ",".join(COLUMNS))
        got = read_ranges(path)
        check("fastly kept after failure", [r for r in got if r[1] == "Fastly"],
              [("23.235.32.0/20", "Fastly", "", "", "old-mirror", "2025-10-30")])
        check("provider without feed kept", [r[0] for r in got if r[1] == "Alibaba Cloud"], ["47.74.0.0/15"])
        check("manual row kept, mirror row replaced", sorted(r[0] for r in got if r[1] == "Apple"),
              sorted(["17.0.0.0/8", "104.28.28.0/26", "172.224.224.0/26", "2a02:26f7:c8c0:4000::/63"]))
        check("google replaced", sorted(r[0] for r in got if r[1] == "Google"),
              sorted(["8.8.4.0/24", "8.8.8.0/24", "2001:4860::/32", "34.80.0.0/15", "2600:1900:4030::/44"]))
        check("every feed produced rows", {r[1] for r in got} >= {p for p, _ in FEEDS.values()}, True)
        check("no commas or quotes in values", any("," in v or '"' in v for r in got for v in r), False)
        check("sorted", got, sorted(got, key=sort_key))
        check("stable on rerun", refresh(parse_args(["--csv", str(path), "--only", "fastly"]), CannedNet(), io.StringIO()),
              0)
        check("only fastly changed", sorted(r[0] for r in read_ranges(path) if r[1] == "Fastly"),
              ["151.101.0.0/16", "23.235.32.0/20", "2a04:4e40::/32", "2a04:4e42::/32", "43.249.72.0/22"])

        net = CannedNet()
        refresh(parse_args(["--csv", str(path), "--only", "Microsoft Azure,meta", "--dry-run"]), net, io.StringIO())
        check("--only by provider and feed name", net.fetched, [
            AZURE_PAGE,
            "https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/"
            "ServiceTags_Public_20260824.json"] + [f"whois://whois.radb.net/-i origin {a}" for a in META_ASNS])

        azure_file = Path(tmp) / "ServiceTags_Public_20260831.json"
        azure_file.write_bytes(SAMPLE_AZURE)
        net = CannedNet()
        refresh(parse_args(["--csv", str(path), "--only", "azure", "--azure-file", str(azure_file)]), net, io.StringIO())
        check("--azure-file needs no download", net.fetched, [])
        check("--azure-file date", {r[5] for r in read_ranges(path) if r[1] == "Microsoft Azure"}, {"2026-08-31"})

    check_asn_pin(check)

    for f in failures:
        print("FAIL", f)
    print(f"self-test: {'FAILED' if failures else 'passed'} ({len(failures)} failures)")
    return 1 if failures else 0


def check_asn_pin(check):
    """--asn-version with npm's answers canned."""
    integrity = "sha512-" + "A" * 86 + "=="
    with tempfile.TemporaryDirectory() as tmp:
        pin = Path(tmp) / "asn_package.csv"
        pin.write_text(asn_pin_text("2.3.2025041118", "sha512-" + "B" * 86 + "=="))
        asked = []

        def view(spec, timeout):
            asked.append(spec)
            return "2.3.2026061719", integrity

        status = update_asn_pin(parse_args(["--asn-version", "latest"]), view, io.StringIO(), pin)
        check("asn: latest asks for the package", (status, asked), (0, [ASN_PACKAGE]))
        check("asn: pin written", pin.read_text().splitlines(), [
            "# iotcloud-data asn_package v1 2026-06-17 "
            "(see SOURCES.md; updated by scripts/refresh_cloud_data.py --asn-version)",
            "package,version,integrity", f"{ASN_PACKAGE},2.3.2026061719,{integrity}"])
        update_asn_pin(parse_args(["--asn-version", "2.3.2026061719"]), view, io.StringIO(), pin)
        check("asn: a version asks for that version", asked[-1], f"{ASN_PACKAGE}@2.3.2026061719")
        before = pin.read_text()
        status = update_asn_pin(parse_args(["--asn-version", "9"]), lambda s, t: ("9.0.0", "sha1-xyz"),
                                io.StringIO(), pin)
        check("asn: no sha512, no change", (status, pin.read_text()), (1, before))

        def offline(spec, timeout):
            raise FeedError("npm view failed: npm error code ENOTFOUND")

        status = update_asn_pin(parse_args(["--asn-version", "latest"]), offline, io.StringIO(), pin)
        check("asn: offline, no change", (status, pin.read_text()), (1, before))


if __name__ == "__main__":
    sys.exit(main())
