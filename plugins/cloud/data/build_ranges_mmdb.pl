#!/usr/bin/perl
# build_ranges_mmdb.pl: compiles ranges.csv into the MaxMind DB that the cloud
# plugin reads with libmaxminddb (database_type "IoTCloud-Cloud-Ranges").
#
#   perl build_ranges_mmdb.pl [--verify] [--quiet] ranges.csv out.mmdb
#
# Needs: perl (5.36 in Debian 12) and Debian's libmaxmind-db-writer-perl
# (MaxMind::DB::Writer::Tree; it pulls in Net::Works and Math::Int128).
# --verify also needs libmaxmind-db-reader-perl (MaxMind::DB::Reader).
#   apt-get install -y libmaxmind-db-writer-perl libmaxmind-db-reader-perl
#
# INPUT. Line 1 is the format line "# iotcloud-data ranges v1 DATE ...";
# another kind or version is refused. Then lines starting with '#' and blank
# lines are skipped, the first other line is the column header (it must name
# prefix,provider,service,region,source,source_date, in any order) and each
# following line is one row. Fields may be double-quoted ("a, b", "" for a
# quote). A row whose prefix is not a valid CIDR network (bad syntax, host
# bits set, or special-purpose/non-global space such as 10.0.0.0/8,
# 2001:db8::/32, 2002::/16) is reported on stderr as
#   ranges.csv:LINE: bad prefix "..." (why)
# (the file name as given on the command line) and skipped; so are rows with
# a missing provider, too few fields or invalid UTF-8.
#
# OUTPUT. ip_version 6, record_size 28, IPv4 in ::/96 and aliased from
# ::ffff:0:0/96, 2001::/32 (Teredo) and 2002::/16 (6to4) (alias_ipv6_to_ipv4),
# so IPv4 lookups through a sockaddr_in work. Every network maps to
#   { provider => utf8_string, service => utf8_string, region => utf8_string,
#     source => utf8_string, source_date => utf8_string }
# with empty values left out (no empty strings are stored; provider is never
# empty). The metadata's description also holds, under "iotcloud-sha256",
# the SHA-256 (hex) of every byte before the metadata marker, which the
# plugin checks when it opens the file.
#
# ONE RECORD PER PREFIX. Several rows may name the same prefix (AWS publishes
# a prefix under AMAZON and again under EC2/S3/...; Azure service tags
# overlap; GitHub lists one prefix under web, api, git, ...; the merged
# Microsoft list repeats Azure prefixes). Exactly one row is kept, the first
# in this order (each step only breaks ties left by the previous one):
#   1. least generic: a row whose (provider, service) is a published
#      aggregate loses to any other row. Aggregates, most generic first:
#        weight 4  provider "Microsoft" (the merged whole-Microsoft list)
#        weight 3  AWS "AMAZON" (all Amazon space)
#        weight 2  AWS "EC2" (AWS lists the ranges of several services, e.g.
#                  ROUTE53_HEALTHCHECKS or IVS_REALTIME, under EC2 as well)
#        weight 2  Microsoft Azure "AzureCloud" (all Azure space)
#      everything else has weight 0.
#   2. a row with a region before one without (Azure: a regional tag such as
#      LogicApps/westeurope beats the global LogicAppsManagement tag).
#   3. the narrower service: the (provider, service) pair with fewer rows in
#      this file (AWS CLOUDFRONT_ORIGIN_FACING beats CLOUDFRONT; Azure
#      AzureActiveDirectoryDomainServices beats AzureActiveDirectory; GitHub's
#      shared ranges, listed under hooks, web, api, git, ..., get "hooks").
#   4. the newer source_date (string comparison of YYYY-MM-DD).
#   5. provider, service, region, source, in code-point order.
# So AWS: anything beats AMAZON, a specific service beats EC2; Azure: a
# regional specific tag beats AzureCloud. The rule depends only on the file
# contents, never on row order or hash order.
#
# MOST SPECIFIC PREFIX WINS. The writer's default merge strategy ("none")
# lets a later insert replace the data of the space it overlaps, so the
# networks are inserted by increasing prefix length (IPv4 counted as ::/96 +
# length; ties in address order). A /24 inside a /13 therefore keeps its own
# record. --verify reads the file back and checks, for the first and last
# address of every prefix, that the lookup returns the record of the longest
# prefix that contains that address.
#
# DETERMINISM. Same input, byte-identical output: the serializer sorts map
# keys, the insert order is fully sorted, and build_epoch (which the writer
# would otherwise set to time()) is the newest YYYY-MM-DD source_date of the
# valid rows at 00:00 UTC (else the date of the format line, else 0). The
# writer has no public option for it; it is the constructor argument
# _build_epoch, which its test suite uses for the same reason.
#
# Exit status: 0 written; 1 usage error or no valid rows; 2 input unreadable
# or not a ranges v1 file, or the output cannot be written; 3 --verify found
# a wrong lookup.
#
# SPDX-License-Identifier: GPL-2.0-or-later

use strict;
use warnings;
use Digest::SHA ();

use Encode qw(decode FB_CROAK);
use Socket qw(inet_pton inet_ntop AF_INET AF_INET6);
use Time::HiRes qw(time);
use Time::Local qw(timegm);

use constant {
    KIND          => 'ranges',
    VERSION       => 1,
    DATABASE_TYPE => 'IoTCloud-Cloud-Ranges',
    DESCRIPTION   => 'Cloud and CDN provider IP ranges (see SOURCES.md)',
    CHECKSUM_KEY  => 'iotcloud-sha256',
    CHECKSUM_PLACEHOLDER => '0' x 64,
};

my @COLUMNS = qw(prefix provider service region source source_date);
my @FIELDS  = qw(provider service region source source_date);    # stored

# Step 1 of the merge rule.
my %AGGREGATE_SERVICE = (
    'AWS'             => { AMAZON => 3, EC2 => 2 },
    'Microsoft Azure' => { AzureCloud => 2 },
);
my %AGGREGATE_PROVIDER = ('Microsoft' => 4);

# Special-purpose space (RFC 6890 and successors) that no cloud range can
# legitimately contain or be contained in. IPv6 must also lie in 2000::/3.
my @SPECIAL_V4 = qw(0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8
    169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.0.2.0/24 192.88.99.0/24
    192.168.0.0/16 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 224.0.0.0/4
    240.0.0.0/4);
my @SPECIAL_V6 = qw(2001::/23 2001:db8::/32 2002::/16 3fff::/20);

my $verify = 0;
my $quiet  = 0;
my @args;
for my $a (@ARGV) {
    if    ($a eq '--verify') { $verify = 1 }
    elsif ($a eq '--quiet')  { $quiet  = 1 }
    elsif ($a eq '-h' || $a eq '--help') { usage(0) }
    elsif ($a =~ /^-/ && $a ne '-') { print STDERR "unknown option $a\n"; usage(1) }
    else { push @args, $a }
}
usage(1) unless @args == 2;
my ($in_path, $out_path) = @args;
my $t0 = time;

# The special networks as bit strings ("0101..."), per family: {inside}{L}
# holds the L-bit networks (a prefix at least L long starting with one is
# inside it), {contains} every leading part of them (a prefix equal to one
# contains special space); {min} is the shortest length and {lead} their
# first {min} bits (a prefix that is at least {min} long and starts otherwise
# cannot overlap any of them).
my %special;
for my $fam (4, 6) {
    my @nets = map { bits_of($_) } $fam == 4 ? @SPECIAL_V4 : @SPECIAL_V6;
    my ($min) = sort { $a <=> $b } map { length } @nets;
    $special{$fam}{min} = $min;
    for my $b (@nets) {
        $special{$fam}{inside}{ length $b }{$b} = 1;
        $special{$fam}{contains}{ substr $b, 0, $_ } = 1 for 0 .. length($b) - 1;
        $special{$fam}{lead}{ substr $b, 0, $min } = 1;
    }
}

# ---------------------------------------------------------------- reading

open my $fh, '<:raw', $in_path or fail(2, "$in_path: cannot read: $!");

my (%col, $header_seen, $need, $format_date);
my $lineno    = 0;
my $rows_read = 0;     # data rows seen (valid or not)
my $bad       = 0;
my %by_prefix;         # canonical prefix => [ sort key, family, row, row, ... ]
my %service_rows;      # "provider\0service" => row count (merge step 3)
my $newest_date = '';
use constant { PROVIDER => 0, SERVICE => 1, REGION => 2, SOURCE => 3, DATE => 4 };    # row layout

while (my $raw = <$fh>) {
    $lineno++;
    chomp $raw;
    chop $raw if substr($raw, -1) eq "\r";
    my $line = $raw =~ /[^\x00-\x7f]/ ? eval { decode('UTF-8', $raw, FB_CROAK) } : $raw;
    if (!defined $line) {
        fail(2, "$in_path:1: not UTF-8 text") if $lineno == 1;
        $rows_read++ if $header_seen;
        $bad++;
        warn "$in_path:$lineno: not valid UTF-8, skipped\n";
        next;
    }
    if ($lineno == 1) {
        $format_date = check_format_line($line);
        next;
    }
    next if $line eq '' || substr($line, 0, 1) eq '#' || $line =~ /^\s*(?:#|\z)/;

    my $f = split_csv($line);
    if (!$header_seen) {
        fail(2, "$in_path:$lineno: cannot parse the column header") unless $f;
        my @names = map { lc trim($_) } @$f;
        for my $i (reverse 0 .. $#names) { $col{ $names[$i] } = $i }
        my @missing = grep { !exists $col{$_} } @COLUMNS;
        fail(2, "$in_path:$lineno: column header lacks " . join(',', @missing)
                . " (expected " . join(',', @COLUMNS) . ")") if @missing;
        $header_seen = 1;
        $need = 1 + (sort { $b <=> $a } values %col)[0];
        next;
    }

    $rows_read++;
    if (!$f) {
        $bad++;
        warn "$in_path:$lineno: unbalanced double quotes, skipped\n";
        next;
    }
    if (@$f < $need) {
        $bad++;
        warn "$in_path:$lineno: expected $need fields, found " . scalar(@$f) . ", skipped\n";
        next;
    }
    if (index($line, ', ') >= 0 || index($line, ' ,') >= 0 || $line =~ /^\s/ || $line =~ /\s\z/
        || index($line, "\t") >= 0) {    # (cheap tests first: trimming is rare)
        for (@$f) {
            s/^\s+//;
            s/\s+\z//;
        }
    }
    my ($prefix, @row) = @{$f}[ @col{@COLUMNS} ];
    my ($canon, $fam_or_why, $sort_key) = parse_prefix($prefix);
    if (!defined $canon) {
        $bad++;
        warn "$in_path:$lineno: bad prefix \"$prefix\" ($fam_or_why)\n";
        next;
    }
    if ($row[PROVIDER] eq '') {
        $bad++;
        warn "$in_path:$lineno: empty provider for $prefix, skipped\n";
        next;
    }
    push @{ $by_prefix{$canon} //= [ $sort_key, $fam_or_why ] }, \@row;
    $service_rows{"$row[PROVIDER]\0$row[SERVICE]"}++;
    $newest_date = $row[DATE] if $row[DATE] gt $newest_date && $row[DATE] =~ /^\d{4}-\d\d-\d\d$/;
}
close $fh;

fail(2, "$in_path: empty file") if $lineno == 0;
fail(1, "$in_path: no column header") unless $header_seen;
my $valid = $rows_read - $bad;
fail(1, "$in_path: no valid rows ($rows_read read, $bad bad)") if $valid == 0;

# ---------------------------------------------------------------- merging

sub weight {
    my ($r) = @_;
    return $AGGREGATE_SERVICE{ $r->[PROVIDER] }{ $r->[SERVICE] }
        // $AGGREGATE_PROVIDER{ $r->[PROVIDER] } // 0;
}

sub prefer {    # <=> style: negative when $x is the better row
    my ($x, $y) = @_;
    return weight($x) <=> weight($y)
        || ($y->[REGION] ne '') <=> ($x->[REGION] ne '')
        || $service_rows{"$x->[PROVIDER]\0$x->[SERVICE]"} <=> $service_rows{"$y->[PROVIDER]\0$y->[SERVICE]"}
        || $y->[DATE] cmp $x->[DATE]
        || $x->[PROVIDER] cmp $y->[PROVIDER]
        || $x->[SERVICE] cmp $y->[SERVICE]
        || $x->[REGION] cmp $y->[REGION]
        || $x->[SOURCE] cmp $y->[SOURCE];
}

# Shorter prefixes first so that longer ones overwrite them, then by address:
# the sort key is the length in the IPv6 tree (one byte) and the 16-byte
# address, so a plain string sort does it.
my @selected;    # [ canonical prefix, sort key, family, record ]
for my $keyed (sort map { $by_prefix{$_}[0] . $_ } keys %by_prefix) {
    my $canon = substr $keyed, 17;
    my ($sort_key, $fam, @rows) = @{ $by_prefix{$canon} };
    my ($best) = @rows == 1 ? @rows : sort { prefer($a, $b) } @rows;
    my %record;
    for my $i (0 .. $#FIELDS) {
        $record{ $FIELDS[$i] } = $best->[$i] if $best->[$i] ne '';
    }
    push @selected, [ $canon, $sort_key, $fam, \%record ];
}
my $duplicates = $valid - @selected;

# ---------------------------------------------------------------- writing

my $epoch = 0;
for my $d ($newest_date, $format_date // '') {
    if ($d =~ /^(\d{4})-(\d\d)-(\d\d)$/) {
        $epoch = eval { timegm(0, 0, 0, $3, $2 - 1, $1) } // 0;
        last if $epoch;
    }
}

{
    # Debian 13 and later: MaxMind announces its writer is no longer maintained
    # (a "deprecated" warning on load); the databases it writes are unchanged.
    no warnings 'deprecated';
    require MaxMind::DB::Writer::Tree;
}
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version               => 6,
    record_size              => 28,
    database_type            => DATABASE_TYPE,
    languages                => ['en'],
    description              => { en => DESCRIPTION, CHECKSUM_KEY, CHECKSUM_PLACEHOLDER },
    alias_ipv6_to_ipv4       => 1,
    remove_reserved_networks => 1,
    merge_strategy           => 'none',
    map_key_type_callback    => sub { 'utf8_string' },
    _build_epoch             => $epoch,
);

my ($n4, $n6) = (0, 0);
for my $s (@selected) {
    my ($canon, undef, $fam, $record) = @$s;
    my $ok = eval { $tree->insert_network($canon, $record); 1 };
    fail(2, "cannot insert $canon: $@") unless $ok;
    $fam == 4 ? $n4++ : $n6++;
}

my $image = '';
open my $memory, '>:raw', \$image or fail(2, "cannot write the database to memory: $!");
eval { $tree->write_tree($memory); close $memory } or fail(2, "$out_path: cannot write: $@");
$image = with_checksum($image);
my $tmp = "$out_path.tmp.$$";
open my $out, '>:raw', $tmp or fail(2, "$tmp: cannot write: $!");
my $written = print {$out} $image;
if (!$written || !close $out) {
    my $err = $@ || $!;
    unlink $tmp;
    fail(2, "$out_path: cannot write: $err");
}
rename $tmp, $out_path or do { unlink $tmp; fail(2, "$out_path: cannot rename $tmp: $!") };

my $verified = '';
if ($verify) {
    my $errors = verify_db($out_path, \@selected, $epoch);
    fail(3, "$out_path: --verify found $errors wrong lookup(s)") if $errors;
    $verified = ', verified ' . (2 * @selected) . ' lookups';
}

my @date = gmtime $epoch;
printf "build_ranges_mmdb: %s: %d rows read (%d bad), %d prefixes written (IPv4 %d, IPv6 %d), "
    . "%d duplicate rows merged, build_epoch %04d-%02d-%02d%s -> %s (%d bytes, %.1f s)\n",
    $in_path, $rows_read, $bad, scalar(@selected), $n4, $n6, $duplicates,
    $date[5] + 1900, $date[4] + 1, $date[3], $verified, $out_path, -s $out_path, time - $t0
    unless $quiet;
exit 0;

# ---------------------------------------------------------------- helpers

# The SHA-256 of everything before the metadata, written over the
# placeholder of the description's CHECKSUM_KEY entry (same length, so the
# metadata keeps its shape): the plugin refuses a database whose bytes no
# longer match it (a damaged or altered file would otherwise label whole
# networks with the wrong record).
sub with_checksum {
    my ($image) = @_;
    my $at = rindex($image, "\xAB\xCD\xEFMaxMind.com");
    fail(2, "the writer's output has no metadata marker") if $at < 0;
    my $slot = index($image, CHECKSUM_PLACEHOLDER, $at);
    fail(2, "the writer's metadata has no checksum placeholder") if $slot < 0;
    substr($image, $slot, 64) = Digest::SHA::sha256_hex(substr($image, 0, $at));
    return $image;
}

sub usage {
    my ($code) = @_;
    my $fh = $code ? \*STDERR : \*STDOUT;
    print {$fh} "usage: perl build_ranges_mmdb.pl [--verify] [--quiet] ranges.csv out.mmdb\n";
    exit $code;
}

sub fail {
    my ($code, $msg) = @_;
    $msg =~ s/\s+\z//;
    print STDERR "build_ranges_mmdb: $msg\n";
    exit $code;
}

sub trim {
    my $s = shift;
    return $s unless $s =~ /^\s|\s\z/;
    $s =~ s/^\s+//;
    $s =~ s/\s+\z//;
    return $s;
}

# Returns the date of a valid format line, or exits.
sub check_format_line {
    my ($line) = @_;
    my $want = sprintf '# iotcloud-data %s v%d', KIND, VERSION;
    if ($line =~ /^#\s*iotcloud-data\s+(\S+)\s+v(\d+)(?:\s+(\S+))?/) {
        my ($kind, $version, $date) = ($1, $2, $3);
        fail(2, "$in_path:1: this is an iotcloud-data \"$kind\" file, not \"" . KIND . "\"")
            if $kind ne KIND;
        fail(2, "$in_path:1: unsupported format version v$version of \"" . KIND
                . "\" (this script reads v" . VERSION . "); update build_ranges_mmdb.pl")
            if $version != VERSION;
        return $date;
    }
    my $shown = length $line > 60 ? substr($line, 0, 60) . '...' : $line;
    fail(2, "$in_path:1: unknown format: the first line must be \"$want DATE ...\", found \"$shown\"");
}

# Splits one CSV line; undef when quotes do not balance.
sub split_csv {
    my ($line) = @_;
    return [ split /,/, $line, -1 ] if index($line, '"') < 0;
    my @f;
    my $pos = 0;
    my $len = length $line;
    while (1) {
        if ($pos < $len && substr($line, $pos, 1) eq '"') {
            my $val = '';
            $pos++;
            while (1) {
                my $q = index $line, '"', $pos;
                return undef if $q < 0;
                $val .= substr $line, $pos, $q - $pos;
                if (substr($line, $q + 1, 1) eq '"') { $val .= '"'; $pos = $q + 2; next }
                $pos = $q + 1;
                last;
            }
            push @f, $val;
            last if $pos >= $len;
            return undef unless substr($line, $pos, 1) eq ',';
            $pos++;
            if ($pos >= $len) { push @f, ''; last }
        }
        else {
            my $c = index $line, ',', $pos;
            if ($c < 0) { push @f, substr($line, $pos); last }
            push @f, substr $line, $pos, $c - $pos;
            $pos = $c + 1;
        }
    }
    return \@f;
}

# "ADDR/LEN" as a bit string of the network part (special-list helper).
sub bits_of {
    my ($s) = @_;
    my ($addr, $len) = split m{/}, $s;
    my $packed = inet_pton($addr =~ /:/ ? AF_INET6 : AF_INET, $addr) // die "bad built-in network $s";
    return substr unpack('B*', $packed), 0, $len;
}

# Returns (canonical text, family, sort key) or (undef, reason). The sort key
# is the prefix length in the IPv6 tree (IPv4 lives in ::/96, so +96) as one
# byte, then the 16-byte network address.
sub parse_prefix {
    my ($s) = @_;
    return (undef, 'not ADDRESS/LENGTH') unless $s =~ m{^([0-9A-Fa-f:.]+)/([0-9]{1,3})$};
    my ($addr, $len) = ($1, $2);
    return (undef, 'length with a leading zero') if $len =~ /^0\d/;
    my ($fam, $packed, $max);
    if ($addr =~ /:/) {
        ($fam, $max) = (6, 128);
        $packed = inet_pton(AF_INET6, $addr);
    }
    else {
        ($fam, $max) = (4, 32);
        return (undef, 'not a dotted-quad IPv4 address') unless $addr =~ /^\d{1,3}(?:\.\d{1,3}){3}$/;
        $packed = inet_pton(AF_INET, $addr);
    }
    return (undef, "invalid IPv$fam address") unless defined $packed;
    return (undef, "length $len > $max") if $len > $max;
    my $bits = unpack 'B*', $packed;
    return (undef, 'host bits set') if index(substr($bits, $len), '1') >= 0;
    my $net_bits = substr $bits, 0, $len;
    my $sp = $special{$fam};
    if ($len < $sp->{min} || exists $sp->{lead}{ substr $net_bits, 0, $sp->{min} }) {    # else: cannot overlap
        return (undef, 'special-purpose address space')
            if exists $sp->{contains}{$net_bits}
            || grep { $_ <= $len && exists $sp->{inside}{$_}{ substr $net_bits, 0, $_ } } keys %{ $sp->{inside} };
    }
    return (undef, 'not global unicast (outside 2000::/3)')
        if $fam == 6 && substr($net_bits . '000', 0, 3) ne '001';
    return (inet_ntop($fam == 4 ? AF_INET : AF_INET6, $packed) . "/$len", $fam,
            $fam == 4 ? pack('C', $len + 96) . ("\0" x 12) . $packed : pack('C', $len) . $packed);
}

# Reads the database back: metadata, then the first and last address of every
# prefix must return the record of the longest prefix containing it.
sub verify_db {
    my ($path, $selected, $epoch) = @_;
    require MaxMind::DB::Reader;
    my $reader = MaxMind::DB::Reader->new(file => $path);
    my $md     = $reader->metadata;
    my $errors = 0;
    my %want_md = (database_type => DATABASE_TYPE, ip_version => 6, record_size => 28,
                   build_epoch => $epoch);
    for my $k (sort keys %want_md) {
        my $got = $md->$k;
        next if "$got" eq "$want_md{$k}";
        warn "verify: metadata $k is \"$got\", expected \"$want_md{$k}\"\n";
        $errors++;
    }
    # Every selected prefix as the bit string of its network part.
    my %by_bits;
    for my $s (@$selected) {
        my $eff = ord $s->[1];
        $by_bits{ substr unpack('B128', substr $s->[1], 1), 0, $eff } = $s->[3];
    }
    my @lens = sort { $b <=> $a } keys %{{ map { ord($_->[1]) => 1 } @$selected }};
    my $flat = sub { my $r = shift; defined $r ? join("; ", map { "$_=$r->{$_}" } sort keys %$r) : '(none)' };
    for my $s (@$selected) {
        my ($canon, $sort_key, $fam) = @$s;
        my $eff = ord $sort_key;
        my $net_bits = substr unpack('B128', substr $sort_key, 1), 0, $eff;
        for my $fill ('0', '1') {
            my $bits = $net_bits . ($fill x (128 - $eff));
            my ($len) = grep { exists $by_bits{ substr $bits, 0, $_ } } @lens;
            my $expect = $by_bits{ substr $bits, 0, $len };
            my $packed = pack 'B128', $bits;
            my $ip = $fam == 4 ? inet_ntop(AF_INET, substr $packed, 12) : inet_ntop(AF_INET6, $packed);
            my $got = $reader->record_for_address($ip);
            next if $flat->($got) eq $flat->($expect);
            warn "verify: $ip (in $canon) returned " . $flat->($got) . ", expected " . $flat->($expect) . "\n"
                if $errors++ < 20;
        }
    }
    return $errors;
}
