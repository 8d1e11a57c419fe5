#pragma once
// The message catalogue files (messages/*.json), embedded at build time by
// embed_messages.cmake: file name ("zh-Hans.json") -> its text.
#include <map>
#include <string_view>

namespace jz::i18n {

const std::map<std::string_view, std::string_view>& message_sources();

}  // namespace jz::i18n
