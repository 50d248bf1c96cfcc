"""The harness puts 4.4 and 4.6 output back into 4.0's form, and only the
forms that changed. Inputs are what tshark 4.6.9 printed for the talk's
capture; expected values are what tshark 4.0.17 printed for the same fields.

SPDX-License-Identifier: GPL-2.0-or-later
"""
from wsenv import FieldsNormaliser

TYPES = {"delta_distance.cat6.km": "FT_FLOAT", "delta_distance.rtt.max_km": "FT_FLOAT",
         "tcp.flags.syn": "FT_BOOLEAN", "delta_distance.delta": "FT_RELATIVE_TIME",
         "frame.time_delta": "FT_RELATIVE_TIME", "ip.src": "FT_IPv4"}
FIELDS = ["frame.time_delta", "delta_distance.cat6.km", "tcp.flags.syn", "ip.src"]


def normalise(text, version, **options):
    return FieldsNormaliser(TYPES, FIELDS, version=version, **options).output(text)


def test_4_6_fields_read_as_4_0_printed_them():
    out_4_6 = ("\t0\tFalse\t200.121.1.13\n"
               "0.000011000\t2.14351606\tFalse\t172.16.0.122\n"
               "0.025727000\t5013.29443\tTrue\t200.121.1.13\n")
    assert normalise(out_4_6, (4, 6, 9)) == ("0.000000000\t0\t0\t200.121.1.13\n"
                                             "0.000011000\t2.14352\t0\t172.16.0.122\n"
                                             "0.025727000\t5013.29\t1\t200.121.1.13\n")


def test_4_4_keeps_float_digits_and_empty_deltas_it_does_not_change():
    out_4_4 = "\t2.14351606\tTrue\t\n"
    assert normalise(out_4_4, (4, 4, 19)) == "\t2.14351606\t1\t\n"


def test_4_0_output_is_left_as_it_is():
    out_4_0 = "0.000000000\t2.14352\t0\t200.121.1.13\n"
    assert not FieldsNormaliser.needed((4, 0, 17))
    assert normalise(out_4_0, (4, 0, 17)) == out_4_0


def test_every_occurrence_and_the_header_line_are_handled():
    fields = ["delta_distance.rtt.max_km", "tcp.flags.syn"]
    out = FieldsNormaliser(TYPES, fields, separator=";", header=True, version=(4, 6, 9)).output(
        "delta_distance.rtt.max_km;tcp.flags.syn\n90.3874283,6682.24219;True,False\n")
    assert out == "delta_distance.rtt.max_km;tcp.flags.syn\n90.3874,6682.24;1,0\n"
