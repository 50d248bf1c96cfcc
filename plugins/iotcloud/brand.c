/* brand.c: the brand in an OUI registrant's name.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "brand.h"

#define WORDS_MAX 16
#define TEXT_MAX  128

/* Legal forms: the name ends at the first of these words. */
static const char *const legal_forms[] = {
    "inc", "co", "ltd", "corp", "corporation", "llc", "gmbh", "limited", "sa", "ag", "bv", "b.v",
    "s.a", "plc", "pte", "pty", "srl", "s.r.l", "spa", "s.p.a", "oy", "ab", "kg", "sas", "s.l", "nv",
    "n.v",
};

/* Words that say what a company does, not who it is, dropped from the end. */
static const char *const business_words[] = {
    "technologies", "technology", "tech", "international", "electronics", "electronic", "trading",
};

/* Chinese administrative divisions that start registrants' names. */
static const char *const divisions[] = {
    "shenzhen", "beijing", "shanghai", "hangzhou", "guangzhou", "nanjing", "zhejiang", "chengdu",
    "jiangsu", "guangdong", "suzhou", "dongguan", "wuhan", "xiamen", "sichuan", "qingdao", "ningbo",
    "zhuhai", "fujian", "tianjin", "hefei", "changsha", "jinan", "foshan", "zhongshan", "huizhou",
    "shandong", "anhui", "hunan", "hubei", "chongqing", "fuzhou", "wuxi", "xi'an", "shaanxi",
    "jiangxi", "hebei", "henan", "liaoning", "dalian", "shenyang", "kunshan", "changzhou", "taizhou",
};

typedef struct {
    const char *start;
    size_t      len;
} word_t;

static bool word_is(const word_t *w, const char *const *list, size_t n)
{
    size_t len = w->len;

    while (len > 0 && w->start[len - 1] == '.')    /* "Co." and "Co" alike */
        len--;
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && strncasecmp(w->start, list[i], len) == 0)
            return true;
    return false;
}

/* Words split at spaces and commas ("Co.,Ltd" is two words). */
static size_t split(const char *text, word_t *words, size_t max)
{
    size_t n = 0;
    const char *p = text;

    while (*p != '\0' && n < max) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '\0')
            break;
        words[n].start = p;
        while (*p != '\0' && *p != ' ' && *p != ',')
            p++;
        words[n].len = (size_t)(p - words[n].start);
        n++;
    }
    return n;
}

#define IS(w, list) word_is((w), (list), sizeof(list) / sizeof((list)[0]))

bool iotcloud_brand_of(const char *registrant, char *out, size_t size)
{
    word_t words[WORDS_MAX];
    size_t n, first = 0, end, len;

    if (size == 0)
        return false;
    out[0] = '\0';
    if (registrant == NULL || strlen(registrant) >= TEXT_MAX)
        return false;
    n = split(registrant, words, WORDS_MAX);
    for (end = 1; end < n && !IS(&words[end], legal_forms); end++)
        ;
    end = n == 0 ? 0 : end;
    while (end > 1 && IS(&words[end - 1], business_words))
        end--;
    if (end > 1 && IS(&words[0], divisions)) {
        first = 1;                      /* division, trade name, industry: the trade name */
        end = 2;
    }
    if (first >= end)
        return false;
    len = (size_t)(words[end - 1].start + words[end - 1].len - words[first].start);
    if (len >= size)
        len = size - 1;
    memcpy(out, words[first].start, len);
    out[len] = '\0';
    return true;
}
