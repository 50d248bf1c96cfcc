/* frame_times.h: the time stamp of every frame, by frame number.
 *
 * The delta to the previous displayed frame needs that frame's time stamp,
 * and Wireshark 4.0 does not export epan_get_frame_ts(). Frames are revisited
 * in any order (tshark -2, clicks in the GUI, a new display filter), so every
 * frame is kept: 8 bytes a frame, in fixed chunks so growth never copies.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_FRAME_TIMES_H
#define DELTA_DISTANCE_FRAME_TIMES_H

#include <stdbool.h>
#include <stdint.h>

void frame_times_record(uint32_t frame_num, int64_t ts_ns);
bool frame_times_lookup(uint32_t frame_num, int64_t *ts_ns);
void frame_times_clear(void);

#endif /* DELTA_DISTANCE_FRAME_TIMES_H */
