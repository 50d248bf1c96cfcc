#!/usr/bin/env python3
"""Compare the cloud plugin's providers with nDPI's IP-list verdicts.

    /usr/bin/python3 scripts/compare_ndpi.py DIR [--verbose]

DIR holds nDPI regression captures with nDPI's own output next to each
(CAPTURE.ndpi.out). nDPI marks each flow it knows by address with
"[IP: <id>/<Provider>]". For every such flow (Unknown excepted), the remote
end's cloud.src/dst.provider from stock tshark with the suite's build
(two passes) is compared with nDPI's provider, both mapped to one company
name (nDPI splits Microsoft into Azure, Teams, Outlook...). Prints the
agreement per capture and overall, and each disagreement.
"""
import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from wsenv import suite_tshark  # noqa: E402

FLOW = re.compile(r"^\s*\d+\s+(TCP|UDP|ICMP\S*)\s+(\[[0-9a-f:]+\]|[0-9.]+):?\d*\s+<?->\s+"
                  r"(\[[0-9a-f:]+\]|[0-9.]+):?\d*\s.*?\[IP: \d+/([^\]]+)\]")

# Both sides' names, mapped to the company they belong to.
COMPANY = {
    "amazonaws": "Amazon", "amazon": "Amazon", "aws": "Amazon",
    "google": "Google", "googlecloud": "Google", "youtube": "Google",
    "azure": "Microsoft", "microsoft": "Microsoft", "microsoft azure": "Microsoft",
    "microsoft365": "Microsoft", "skype_teams": "Microsoft", "outlook": "Microsoft", "github": "Microsoft",
    "facebook": "Meta", "meta": "Meta", "whatsapp": "Meta", "instagram": "Meta",
    "netflix": "Netflix", "apple": "Apple", "cloudflare": "Cloudflare", "cloudflarewarp": "Cloudflare",
    "alibaba": "Alibaba", "alibaba cloud": "Alibaba", "tencent": "Tencent", "tencent cloud": "Tencent",
    "akamai": "Akamai", "fastly": "Fastly", "oracle cloud": "Oracle", "digitalocean": "DigitalOcean",
}


def company(name):
    return COMPANY.get(name.strip().lower(), name.strip())


def ndpi_flows(out_file):
    """(address A, address B, nDPI provider) of each flow with an IP verdict."""
    for line in out_file.read_text(errors="replace").splitlines():
        match = FLOW.match(line)
        if match and match.group(4) != "Unknown":
            yield match.group(2).strip("[]"), match.group(3).strip("[]"), match.group(4)


def providers_by_address(tshark, capture):
    fields = ["ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "cloud.src.provider", "cloud.dst.provider"]
    seen = collections.defaultdict(collections.Counter)
    for row in tshark.fields(capture, fields, "-2"):
        src, dst = row["ip.src"] or row["ipv6.src"], row["ip.dst"] or row["ipv6.dst"]
        seen[src][row["cloud.src.provider"]] += 1
        seen[dst][row["cloud.dst.provider"]] += 1
    return {address: counts.most_common(1)[0][0] for address, counts in seen.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--verbose", action="store_true", help="also list the flows that agree")
    args = parser.parse_args()

    total = agreed = 0
    disagreements = []
    with suite_tshark() as tshark:
        for out_file in sorted(args.directory.glob("*.ndpi.out")):
            capture = out_file.with_name(out_file.name[:-len(".ndpi.out")])
            flows = list(ndpi_flows(out_file))
            if not flows or not capture.exists():
                continue
            ours = providers_by_address(tshark, capture)
            here = 0
            for a, b, theirs in flows:
                mine = {company(ours[x]) for x in (a, b) if ours.get(x)}
                if company(theirs) in mine:
                    here += 1
                    if args.verbose:
                        print(f"  agree    {capture.name}: {a} <-> {b}: {theirs}")
                else:
                    disagreements.append(f"{capture.name}: {a} <-> {b}: nDPI {theirs}, cloud "
                                         f"{' / '.join(sorted(mine)) or 'none'}")
            print(f"{capture.name}: {here}/{len(flows)} flows agree")
            total += len(flows)
            agreed += here
    print()
    for line in disagreements:
        print("  differ   " + line)
    print(f"\nAgreement: {agreed}/{total} provider-labelled flows ({100.0 * agreed / max(total, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
