#pragma once
// Lang: the three languages the site is published in, their URL prefixes and HTML lang
// tags, and the choice of one of them from a browser's Accept-Language header.
#include <optional>
#include <span>
#include <string_view>

namespace jz::i18n {

enum class Lang { kZhHans, kZhHant, kEn };

// Every language, in the site's order: zh-Hans (the default), zh-Hant, en.
std::span<const Lang> all_langs();

// The first path segment of a page in this language: "zh-hans", "zh-hant", "en".
std::string_view url_prefix(Lang lang);
// The BCP 47 tag for `<html lang=...>` and `lang=` attributes: "zh-Hans", "zh-Hant", "en".
std::string_view html_lang(Lang lang);
// The language whose url_prefix() is exactly `prefix` (lower case, as in canonical URLs).
std::optional<Lang> lang_from_prefix(std::string_view prefix);

// The language to serve for an Accept-Language header (RFC 9110 section 12.5.4, ranges as in
// RFC 4647). zh-TW, zh-HK, zh-MO and zh-Hant* mean zh-Hant; zh, zh-CN, zh-SG and zh-Hans*
// mean zh-Hans; en* means en; "*" means any language not named. The highest q wins, ties go
// to the range given first, q=0 rules a language out. Empty, unknown or malformed input
// (malformed entries are skipped) gives zh-Hans, the default.
Lang negotiate(std::string_view accept_language);

}  // namespace jz::i18n
