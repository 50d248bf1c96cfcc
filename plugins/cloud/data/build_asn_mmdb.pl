#!/usr/bin/perl
# build_asn_mmdb.pl: compiles the IP-to-AS ranges of the ip-location-db "asn"
# package (RouteViews, the five RIRs via NRO, DB-IP ASN Lite; CC-BY-4.0) into
# the MaxMind DB that the cloud plugin reads as its AS database.
#
# SPDX-License-Identifier: GPL-2.0-or-later
#
#   perl build_asn_mmdb.pl [--verify] [--quiet] asn-ipv4.csv [asn-ipv6.csv ...] out.mmdb
#
# Needs: perl and Debian's libmaxmind-db-writer-perl (MaxMind::DB::Writer::Tree);
# --verify also needs libmaxmind-db-reader-perl.
#
# INPUT. CSV files without a header, one inclusive range a line:
#   ip_range_start,ip_range_end,autonomous_system_number,autonomous_system_organization
#   1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
# (the layout of asn-ipv4.csv and asn-ipv6.csv in @ip-location-db/asn; the
# organisation may be double-quoted, "" for a quote, and may be empty). A row
# whose ends are not addresses of one family, whose start lies after its end,
# whose AS number is not in 1..4294967295 or whose text is not UTF-8 is
# reported on stderr as FILE:LINE: ... and skipped. A range that overlaps an
# earlier one is reported too and kept: the later row wins where they
# overlap. When a package.json sits
# beside the first CSV (as in the extracted npm tarball), its name and
# version go into the description, and a version ending in YYYYMMDDHH sets
# build_epoch, so the output is the same for the same package; otherwise
# build_epoch is the newest input file's modification time.
#
# OUTPUT. database_type "IoTCloud-ASN", ip_version 6, record_size 28, IPv4
# in ::/96. Each range is stored as the CIDR networks covering it exactly
# (the writer splits ranges itself), mapping to
#   { autonomous_system_number => uint32, autonomous_system_organization => utf8_string }
# the keys of GeoLite2-ASN and DB-IP ASN Lite, so any reader of those reads
# this one (the organisation is left out when empty). Reserved networks
# (private, documentation, multicast, ...) are dropped by the writer.
#
# NO IPv6-TO-IPv4 ALIASES. MaxMind's writer can alias ::ffff:0:0/96, 2002::/16
# and 2001::/32 to the IPv4 tree, but it would then answer a Teredo address
# with the AS of the Teredo *server* and drop the data these ranges carry
# themselves (Hurricane Electric announces 2001::/32 and 2002::/16 as a
# relay). The plugin maps addresses that embed IPv4 (NAT64, IPv4-mapped,
# 6to4, Teredo client) itself (plugins/core/addr_embed.h) before looking up.
#
# Exit status: 0 written, 1 no valid rows, 2 unreadable input or unwritable
# output, 3 --verify found wrong lookups.
use strict;
use warnings;
use feature 'state';
use Encode qw(decode FB_CROAK);
use File::Basename qw(dirname);
use JSON::PP ();
use Socket qw(AF_INET AF_INET6 inet_pton inet_ntop);
use Time::HiRes qw(time);
use Time::Local qw(timegm);

use constant DATABASE_TYPE => 'IoTCloud-ASN';
use constant MAX_ASN       => 4294967295;

my $verify = 0;
my $quiet  = 0;
my @args;
for my $a (@ARGV) {
    if    ($a eq '--verify') { $verify = 1 }
    elsif ($a eq '--quiet')  { $quiet  = 1 }
    elsif ($a eq '-h' || $a eq '--help') { usage(0) }
    elsif ($a =~ /^-/) { print STDERR "unknown option $a\n"; usage(1) }
    else { push @args, $a }
}
usage(1) unless @args >= 2;
my $out_path = pop @args;
my @in_paths = @args;
my $t0       = time;

my ($package, $epoch) = describe_package(dirname($in_paths[0]) . '/package.json');
# Without a dated package, the newest input's modification time (libmaxminddb
# refuses a build_epoch of 0).
$epoch ||= (sort { $b <=> $a } map { (stat $_)[9] // 0 } @in_paths)[0] || time;

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
    description              => { en => 'AS numbers and organisations from ' . ($package // 'CSV ranges')
                                        . ' (RouteViews, NRO, DB-IP ASN Lite; CC-BY-4.0)' },
    alias_ipv6_to_ipv4       => 0,
    remove_reserved_networks => 1,
    merge_strategy           => 'none',
    map_key_type_callback    => sub { $_[0] eq 'autonomous_system_number' ? 'uint32' : 'utf8_string' },
    _build_epoch             => $epoch,
);

my %count = (rows => 0, bad => 0, overlaps => 0, 4 => 0, 6 => 0);
my %last_end;       # per family: the highest address of the ranges so far (packed)
my @samples;        # [ first, last, asn ] of every 97th row, for --verify
for my $path (@in_paths) {
    read_ranges($path);
}
fail(1, join(', ', @in_paths) . ": no valid rows ($count{rows} read, $count{bad} bad)")
    if $count{4} + $count{6} == 0;

my $tmp = "$out_path.tmp.$$";
open my $out, '>:raw', $tmp or fail(2, "$tmp: cannot write: $!");
my $written = eval { $tree->write_tree($out); 1 };
if (!$written || !close $out) {
    my $err = $@ || $!;
    unlink $tmp;
    fail(2, "$out_path: cannot write: $err");
}
rename $tmp, $out_path or do { unlink $tmp; fail(2, "$out_path: cannot rename $tmp: $!") };

my $verified = '';
if ($verify) {
    my $errors = verify_db($out_path);
    fail(3, "$out_path: --verify found $errors wrong lookup(s)") if $errors;
    $verified = ', verified ' . (2 * @samples) . ' lookups';
}

my @date = gmtime $epoch;
printf "build_asn_mmdb: %d rows read (%d bad), %d ranges inserted (IPv4 %d, IPv6 %d, %d overlapping), "
    . "build_epoch %04d-%02d-%02d%s -> %s (%d bytes, %.1f s)\n",
    $count{rows}, $count{bad}, $count{4} + $count{6}, $count{4}, $count{6}, $count{overlaps},
    $date[5] + 1900, $date[4] + 1, $date[3], $verified, $out_path, -s $out_path, time - $t0
    unless $quiet;
exit 0;

# ---------------------------------------------------------------- helpers

sub usage {
    my ($code) = @_;
    my $fh = $code ? \*STDERR : \*STDOUT;
    print {$fh} "usage: perl build_asn_mmdb.pl [--verify] [--quiet] asn-ipv4.csv [asn-ipv6.csv ...] out.mmdb\n";
    exit $code;
}

sub fail {
    my ($code, $msg) = @_;
    $msg =~ s/\s+\z//;
    print STDERR "build_asn_mmdb: $msg\n";
    exit $code;
}

# The npm package's name and version, and the build epoch its version gives
# (ip-location-db versions end in the data's date and hour, YYYYMMDDHH).
sub describe_package {
    my ($path) = @_;
    open my $fh, '<:raw', $path or return (undef, 0);
    my $json = eval { JSON::PP->new->decode(do { local $/; <$fh> }) };
    close $fh;
    return (undef, 0) unless ref $json eq 'HASH' && defined $json->{name} && defined $json->{version};
    my $epoch = 0;
    if ($json->{version} =~ /\.(\d{4})(\d\d)(\d\d)(\d\d)\z/) {
        $epoch = eval { timegm(0, 0, $4, $3, $2 - 1, $1) } // 0;
    }
    return ("$json->{name} $json->{version}", $epoch);
}

sub read_ranges {
    my ($path) = @_;
    open my $fh, '<:raw', $path or fail(2, "$path: cannot read: $!");
    while (my $line = <$fh>) {
        chomp $line;
        chop $line if substr($line, -1) eq "\r";
        next if $line eq '';
        $count{rows}++;
        my ($why, $first, $last, $asn, $org) = parse_row($line);
        if (defined $why) {
            warn "$path:$.: $why, skipped\n" if $count{bad}++ < 20;
            next;
        }
        note_overlap($path, $first, $last);
        my %record = (autonomous_system_number => $asn);
        $record{autonomous_system_organization} = $org if $org ne '';
        my $ok = eval { $tree->insert_range($first, $last, \%record); 1 };
        fail(2, "$path:$.: cannot insert $first-$last: $@") unless $ok;
        $count{ $first =~ /:/ ? 6 : 4 }++;
        push @samples, [ $first, $last, $asn ] if $verify && $count{rows} % 97 == 1;
    }
    close $fh;
    warn "$path: " . ($count{bad} - 20) . " more bad rows not shown\n" if $count{bad} > 20;
}

# The package's files are sorted and should not overlap; where they do, the
# later row wins for the shared addresses (merge_strategy "none"): say so.
sub note_overlap {
    my ($path, $first, $last) = @_;
    my $family = $first =~ /:/ ? AF_INET6 : AF_INET;
    my ($start, $end) = (inet_pton($family, $first), inet_pton($family, $last));
    my $previous = $last_end{$family};

    if (defined $previous && $start le $previous) {
        warn "$path:$.: $first-$last overlaps an earlier range (up to " . inet_ntop($family, $previous)
            . "); this row wins there\n" if $count{overlaps}++ < 20;
    }
    $last_end{$family} = $end if !defined $previous || $end gt $previous;
}

# (undef, first, last, asn, organisation) or (why).
sub parse_row {
    my ($raw) = @_;
    my $line = $raw =~ /[^\x00-\x7f]/ ? eval { decode('UTF-8', $raw, FB_CROAK) } : $raw;
    return 'not valid UTF-8' unless defined $line;
    my ($first, $last, $asn, $rest) = split /,/, $line, 4;
    return 'fewer than 4 columns' unless defined $rest;
    my $org = unquote($rest);
    return 'unbalanced double quotes in the organisation' unless defined $org;
    my $family = $first =~ /:/ ? AF_INET6 : AF_INET;
    my $a = inet_pton($family, $first);
    my $b = inet_pton($family, $last);
    return "\"$first\" is not an address" unless defined $a;
    return "\"$last\" is not an address of the same family as \"$first\"" unless defined $b;
    return "range $first-$last ends before it starts" if $b lt $a;
    return "\"$asn\" is not an AS number"
        unless $asn =~ /^[1-9][0-9]{0,9}\z/ && $asn <= MAX_ASN;
    return (undef, inet_ntop($family, $a), inet_ntop($family, $b), 0 + $asn, $org);
}

# The last column: as it is, or one double-quoted field ("" for a quote).
sub unquote {
    my ($text) = @_;
    return $text unless substr($text, 0, 1) eq '"';
    return undef unless $text =~ /\A"((?:[^"]|"")*)"\z/s;
    (my $value = $1) =~ s/""/"/g;
    return $value;
}

# Reads the database back: the metadata, and the first and last address of a
# sample of ranges must give the range's AS (reserved space excepted).
sub verify_db {
    my ($path) = @_;
    require MaxMind::DB::Reader;
    my $reader = MaxMind::DB::Reader->new(file => $path);
    my $errors = 0;
    if ($reader->metadata->database_type ne DATABASE_TYPE) {
        warn "verify: database_type is " . $reader->metadata->database_type . "\n";
        $errors++;
    }
    for my $s (@samples) {
        my ($first, $last, $asn) = @$s;
        for my $ip ($first, $last) {
            my $got = $reader->record_for_address($ip);
            next if defined $got && $got->{autonomous_system_number} == $asn;
            next if !defined $got && is_reserved($ip);
            warn "verify: $ip returned " . ($got ? "AS$got->{autonomous_system_number}" : 'nothing')
                . ", expected AS$asn\n" if $errors < 20;
            $errors++;
        }
    }
    return $errors;
}

# Space the writer drops (remove_reserved_networks), or a superset of it:
# enough to tell a dropped sample from a wrong answer. Teredo (2001::/32) is
# kept by the writer, so it is not listed.
sub is_reserved {
    my ($ip) = @_;
    state @reserved = map { prefix_bits($_) } qw(0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8
        169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.0.2.0/24 192.88.99.0/24 192.168.0.0/16
        198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 224.0.0.0/3
        ::/8 100::/64 2001:1::/32 2001:2::/31 2001:4::/30 2001:8::/29 2001:10::/28 2001:20::/27
        2001:40::/26 2001:80::/25 2001:100::/24 2001:db8::/32 fc00::/7 fe80::/10 ff00::/8);
    my $bits = address_bits($ip);

    return grep { substr($bits, 0, length $_) eq $_ } @reserved;
}

# An address as 128 bits, IPv4 in ::/96 as the writer stores it.
sub address_bits {
    my ($ip) = @_;
    return $ip =~ /:/ ? unpack('B128', inet_pton(AF_INET6, $ip))
                      : ('0' x 96) . unpack('B32', inet_pton(AF_INET, $ip));
}

sub prefix_bits {
    my ($net) = @_;
    my ($ip, $len) = split m{/}, $net;
    return substr address_bits($ip), 0, ($ip =~ /:/ ? 0 : 96) + $len;
}
