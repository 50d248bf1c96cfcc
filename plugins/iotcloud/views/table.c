/* table.c: the device inventory as a table: Statistics > IoT Cloud Device
 * Inventory in Wireshark (a stat_tap_table_ui dialog, sortable by any
 * column), and tshark -z iotcloud,devices as aligned columns.
 *
 * Both show the same cells, made by the same functions below: one row per
 * local device, in the GUI sorted by the column the user picks (addresses
 * at first), in tshark with the most bytes first.
 *
 * The GUI's tables belong to the stat_tap_table_ui and are shared by every
 * dialog of it (Wireshark's design), so the dialog has one inventory, emptied
 * whenever the dialog's tap starts again; row arrays are recycled, never
 * freed while a dialog may point at them.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/stat_tap_ui.h>
#include <epan/tap.h>

#include "views.h"

#define TABLE_TITLE "IoT Cloud devices"

enum {
    COL_ADDRESSES, COL_MAC, COL_VENDOR, COL_TYPE, COL_MODEL, COL_NAME, COL_CONFIDENCE, COL_PROVIDERS,
    COL_PACKETS_SENT, COL_PACKETS_RECEIVED, COL_BYTES_SENT, COL_BYTES_RECEIVED, COL_FIRST_SEEN, COL_LAST_SEEN,
    N_COLUMNS
};

/* Column names and cell formats (4.0's dialog ignores field_format and
 * prints doubles with six decimals: counters are unsigned integers, which
 * in the table are 32 bits; past 4294967295 a cell stays there, while tshark
 * and the JSON count on). Empty cells read "-" in both, as in tshark. */
static stat_tap_table_item columns[N_COLUMNS] = {
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Addresses",        "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "MAC",              "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Vendor",           "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Type",             "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Model",            "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Name",             "%s" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Confidence",       "%u" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Providers",        "%s" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Packets sent",     "%u" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Packets received", "%u" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Bytes sent",       "%u" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Bytes received",   "%u" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "First seen",       "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Last seen",        "%s" },
};

/* --- cells ---------------------------------------------------------------- */

static char *text_or_dash(const char *text)
{
    return g_strdup(text != NULL && text[0] != '\0' ? text : "-");
}

/* The text of a string cell (g_free); NULL for numeric columns. */
static char *string_cell(const inv_device_t *dev, int col)
{
    char buf[INVENTORY_TIME_TEXT_SIZE];
    char *text;

    switch (col) {
    case COL_ADDRESSES:  return inventory_addresses_text(dev);
    case COL_MAC:        inventory_mac_text(dev->mac, buf); return text_or_dash(buf);
    case COL_VENDOR:     return text_or_dash(dev->vendor);
    case COL_TYPE:       return text_or_dash(dev->type);
    case COL_MODEL:      return text_or_dash(dev->model);
    case COL_NAME:       return text_or_dash(dev->name);
    case COL_PROVIDERS:
        text = inventory_providers_text(dev);
        if (text[0] != '\0')
            return text;
        g_free(text);
        return g_strdup("-");
    case COL_FIRST_SEEN: inventory_time_text(&dev->first_seen, buf); return g_strdup(buf);
    case COL_LAST_SEEN:  inventory_time_text(&dev->last_seen, buf); return g_strdup(buf);
    default:             return NULL;
    }
}

/* Numeric cells: the full count (tshark) ... */
static uint64_t counter_cell(const inv_device_t *dev, int col)
{
    switch (col) {
    case COL_CONFIDENCE:       return dev->confidence;
    case COL_PACKETS_SENT:     return dev->sent.packets;
    case COL_PACKETS_RECEIVED: return dev->received.packets;
    case COL_BYTES_SENT:       return dev->sent.bytes;
    case COL_BYTES_RECEIVED:   return dev->received.bytes;
    default:                   return 0;
    }
}

/* ... and as the dialog's 32-bit cells hold it. */
static guint table_counter(const inv_device_t *dev, int col)
{
    uint64_t value = counter_cell(dev, col);

    return value > G_MAXUINT ? G_MAXUINT : (guint)value;
}

/* A cell as tshark prints it: the dialog's text. */
static char *cell_text(const inv_device_t *dev, int col)
{
    if (columns[col].type == TABLE_ITEM_UINT)
        return g_strdup_printf("%" PRIu64, counter_cell(dev, col));
    return string_cell(dev, col);
}

/* --- tshark -z iotcloud,devices ---------------------------------------------- */

static void pad(FILE *out, size_t n)
{
    while (n-- > 0)
        fputc(' ', out);
}

/* Padded by characters, not bytes (printf's %-*s would misalign UTF-8). */
static void print_row(FILE *out, char *const *cells, const size_t *width)
{
    for (int col = 0; col < N_COLUMNS; col++) {
        size_t chars = (size_t)g_utf8_strlen(cells[col], -1);
        size_t room = width[col] > chars ? width[col] - chars : 0;
        bool last = col == N_COLUMNS - 1;

        if (columns[col].align == TAP_ALIGN_RIGHT)
            pad(out, room);
        fputs(cells[col], out);
        if (columns[col].align == TAP_ALIGN_LEFT && !last)
            pad(out, room);
        fputs(last ? "\n" : "  ", out);
    }
}

static void print_header(FILE *out, const size_t *width)
{
    char *names[N_COLUMNS];

    for (int col = 0; col < N_COLUMNS; col++)
        names[col] = (char *)columns[col].column_name;
    print_row(out, names, width);
    for (int col = 0; col < N_COLUMNS; col++) {
        for (size_t i = 0; i < width[col]; i++)
            fputc('-', out);
        fputs(col == N_COLUMNS - 1 ? "\n" : "  ", out);
    }
}

/* Columns as wide as their widest cell (in characters, not bytes: names
 * may be UTF-8), two spaces apart; empty cells print as "-", so every
 * column of a row holds a word and the header's offsets split the rows. */
void device_table_print(FILE *out, const inventory_t *inv, const char *filter)
{
    inv_device_t **rows = inventory_sorted(inv);
    unsigned n = inventory_count(inv);
    char ***cells = g_new0(char **, n);
    size_t width[N_COLUMNS];
    inv_count_t unlisted = inventory_unlisted(inv);

    for (int col = 0; col < N_COLUMNS; col++)
        width[col] = strlen(columns[col].column_name);
    for (unsigned r = 0; r < n; r++) {
        cells[r] = g_new0(char *, N_COLUMNS + 1);      /* NULL-terminated for g_strfreev() */
        for (int col = 0; col < N_COLUMNS; col++) {
            cells[r][col] = cell_text(rows[r], col);
            width[col] = MAX(width[col], (size_t)g_utf8_strlen(cells[r][col], -1));
        }
    }
    fprintf(out, "\n==================================================================\n");
    fprintf(out, "IoT Cloud Device Inventory: %u device%s\nFilter: %s\n", n, n == 1 ? "" : "s",
            filter ? filter : "none");
    print_header(out, width);
    for (unsigned r = 0; r < n; r++) {
        print_row(out, cells[r], width);
        g_strfreev(cells[r]);
    }
    if (unlisted.packets > 0)
        fprintf(out, "(devices past the first %d: %" PRIu64 " packets, %" PRIu64 " bytes)\n",
                INVENTORY_MAX_DEVICES, unlisted.packets, unlisted.bytes);
    fprintf(out, "==================================================================\n");
    g_free(cells);
    g_free(rows);
}

/* --- Statistics > IoT Cloud Device Inventory ------------------------------------ */

static inventory_t *gui_inventory;      /* the dialog's, see above */

static stat_tap_table *devices_table(stat_tap_table_ui *ui)
{
    return stat_tap_find_table(ui, TABLE_TITLE);
}

static void table_init(stat_tap_table_ui *ui)
{
    stat_tap_table *table = devices_table(ui);

    if (gui_inventory == NULL)
        gui_inventory = inventory_new();
    if (table != NULL)
        return;
    inventory_reset(gui_inventory);     /* its rows were the rows of a table since freed */
    table = stat_tap_init_table(TABLE_TITLE, N_COLUMNS, 0, NULL);
    stat_tap_add_table(ui, table);
}

/* Every string cell owns its text. */
static void free_cell(stat_tap_table *table _U_, guint row _U_, guint col, stat_tap_table_item_type *cell)
{
    if (col < N_COLUMNS && columns[col].type == TABLE_ITEM_STRING) {
        g_free((char *)cell->value.string_value);
        cell->value.string_value = NULL;
    }
}

/* Every string cell back to "-" (time cells keep their buffer), counters to 0. */
static void blank_row(stat_tap_table_item_type *cells)
{
    for (int col = 0; col < N_COLUMNS; col++) {
        cells[col].type = columns[col].type;
        if (col == COL_FIRST_SEEN || col == COL_LAST_SEEN) {
            if (cells[col].value.string_value == NULL)
                cells[col].value.string_value = g_malloc0(INVENTORY_TIME_TEXT_SIZE);   /* rewritten in place */
            ((char *)cells[col].value.string_value)[0] = '\0';
        } else if (columns[col].type == TABLE_ITEM_STRING) {
            g_free((char *)cells[col].value.string_value);
            cells[col].value.string_value = g_strdup("-");
        } else {
            cells[col].value.uint_value = 0;
        }
    }
    cells[COL_ADDRESSES].user_data.uint_value = G_MAXUINT;     /* no `changes` drawn yet */
}

/* Row arrays a retap took off the table. They are recycled, never freed:
 * every dialog of the table ui shares its table (Wireshark's design), and an
 * older dialog's items still point at its rows after a newer one retaps. */
static GPtrArray *spare_rows;

/* A retap: the rows go with the inventory (the dialog clears its view too). */
static void table_reset(stat_tap_table *table)
{
    if (spare_rows == NULL)
        spare_rows = g_ptr_array_new();
    for (guint row = 0; row < table->num_elements; row++) {
        blank_row(table->elements[row]);
        g_ptr_array_add(spare_rows, table->elements[row]);
    }
    table->num_elements = 0;
    if (gui_inventory != NULL)
        inventory_reset(gui_inventory);
}

/* The next row, `row` == num_elements: rows come in the order the inventory
 * first sees devices. */
static void add_row(stat_tap_table *table, unsigned row)
{
    stat_tap_table_item_type *cells;

    if (spare_rows != NULL && spare_rows->len > 0) {
        cells = g_ptr_array_steal_index_fast(spare_rows, spare_rows->len - 1);
    } else {
        cells = g_new0(stat_tap_table_item_type, N_COLUMNS);
        blank_row(cells);
    }
    table->elements = g_realloc(table->elements, (row + 1) * sizeof(*table->elements));
    table->elements[row] = cells;
    table->num_elements = row + 1;
}

static void set_string(stat_tap_table_item_type *cell, char *text)
{
    g_free((char *)cell->value.string_value);
    cell->value.string_value = text;
}

/* The cells of a device that moved on: counters and times always (times
 * in place, no allocation), the rest only when the inventory says they
 * changed. */
static void update_row(stat_tap_table *table, const inv_device_t *dev)
{
    stat_tap_table_item_type *cells = table->elements[dev->row];
    bool reshaped = cells[COL_ADDRESSES].user_data.uint_value != dev->changes;

    for (int col = 0; col < N_COLUMNS; col++) {
        if (columns[col].type == TABLE_ITEM_UINT)
            cells[col].value.uint_value = table_counter(dev, col);
        else if (col == COL_FIRST_SEEN)
            inventory_time_text(&dev->first_seen, (char *)cells[col].value.string_value);
        else if (col == COL_LAST_SEEN)
            inventory_time_text(&dev->last_seen, (char *)cells[col].value.string_value);
        else if (reshaped)
            set_string(&cells[col], string_cell(dev, col));
    }
    cells[COL_ADDRESSES].user_data.uint_value = dev->changes;
}

static tap_packet_status table_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                      const void *data, tap_flags_t flags _U_)
{
    stat_data_t *stat_data = tapdata;
    stat_tap_table *table = devices_table(stat_data->stat_tap_data);
    inv_device_t *dev;

    if (table == NULL || gui_inventory == NULL)
        return TAP_PACKET_DONT_REDRAW;
    dev = inventory_add(gui_inventory, pinfo, data);
    if (dev == NULL)
        return TAP_PACKET_DONT_REDRAW;
    if (dev->row >= table->num_elements)
        add_row(table, dev->row);
    update_row(table, dev);
    return TAP_PACKET_REDRAW;
}

void device_table_register(void)
{
    static stat_tap_table_ui ui = {
        REGISTER_PACKET_STAT_GROUP_UNSORTED,
        "IoT Cloud Device Inventory",   /* Statistics menu: 4.0 gives table dialogs no submenus */
        IOTCLOUD_TAP,
        "iotcloud,devices",             /* tshark's own -z handler (views.c) is registered first */
        table_init,
        table_packet,
        table_reset,
        free_cell,
        NULL,                           /* any display filter will do */
        N_COLUMNS, columns,
        0, NULL,                        /* no parameters */
        NULL,                           /* tables: made at registration */
        0
    };

    register_stat_tap_table_ui(&ui);
}
